"""Build real, tiny argos-translate packages offline: an exact copy model and a random one.

The model is a genuine CTranslate2 Transformer written from numpy arrays with
`ctranslate2.specs` (one layer, one head). Copy model: token codes and position codes live in
separate halves of the hidden vector; self-attention and feed-forward sublayers are zeroed;
the decoder's cross-attention matches its own position against the encoder's positions, takes
the token code found there and the output projection reads it back, so step t emits source
token t and the source EOS (`add_source_eos`) ends the output. The tokenizer is a SentencePiece
model trained on a generated corpus (byte fallback, identity normalization, the pipeline's mask
tokens as user-defined symbols). Everything is zipped with metadata.json as an .argosmodel.
"""

from __future__ import annotations

import json
import random
import shutil
import zipfile
from pathlib import Path

import numpy as np

TOKEN_DIMS = 64
POSITION_DIMS = 96
MAX_POSITIONS = 640
MASK_SYMBOLS = [f"ZXQ{n}" for n in range(64)]
_TEXT = ("the patient takes fever leukemia transplant cell therapy doctor nurse blood donor "
         "days weeks hospital infusion treatment risk infection marrow stem team care dose "
         "tablet morning evening before after with without your their this that is are was "
         "will may can should not and or but if when because during about from into over "
         "under high low new old first next each every one two three four five six")
WORDS = _TEXT.split()


def _corpus(path: Path, *, lines: int = 3000, seed: int = 7) -> None:
    rng = random.Random(seed)
    out = []
    for _ in range(lines):
        words = [rng.choice(WORDS) for _ in range(rng.randint(3, 14))]
        if rng.random() < 0.3:
            words.insert(rng.randint(0, len(words)), rng.choice(MASK_SYMBOLS))
        if rng.random() < 0.3:
            words.append(str(rng.randint(1, 500)))
        sentence = " ".join(words)
        out.append(sentence[0].upper() + sentence[1:] + rng.choice(".?!,;:"))
    path.write_text("\n".join(out) + "\n", "utf-8")


def train_tokenizer(folder: Path) -> list[str]:
    """Train the package's sentencepiece.model in `folder`; return its vocabulary."""
    import sentencepiece as spm

    corpus = folder / "corpus.txt"
    _corpus(corpus)
    spm.SentencePieceTrainer.train(
        input=str(corpus), model_prefix=str(folder / "sentencepiece"), vocab_size=400,
        model_type="unigram", byte_fallback=True, normalization_rule_name="identity",
        remove_extra_whitespaces=False, character_coverage=1.0, hard_vocab_limit=False,
        user_defined_symbols=MASK_SYMBOLS, unk_id=0, bos_id=1, eos_id=2, pad_id=-1,
        num_threads=1, minloglevel=2)
    corpus.unlink()
    (folder / "sentencepiece.vocab").unlink()
    processor = spm.SentencePieceProcessor(model_file=str(folder / "sentencepiece.model"))
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def _codes(rng: np.random.Generator, count: int, dims: int) -> np.ndarray:
    """Random unit vectors with zero mean, so layer norm only rescales them."""
    codes = rng.standard_normal((count, dims))
    codes -= codes.mean(axis=1, keepdims=True)
    return (codes / np.linalg.norm(codes, axis=1, keepdims=True)).astype(np.float32)


def _spec(vocab: list[str], *, copy: bool, seed: int, layers: int = 1, heads: int = 1,
          width: int = TOKEN_DIMS + POSITION_DIMS, ffn: int = 8, vocab_size: int = 0,
          position_dims: int = POSITION_DIMS, target_vocab: list[str] | None = None) -> object:
    """A Transformer spec: exact copy (token codes routed through head 0) or random weights.

    `target_vocab` (same length) gives the target side its own tokens: the copy model then
    emits target token i where the source has token i.
    """
    from ctranslate2.specs import TransformerSpec

    rng = np.random.default_rng(seed)
    vocab = vocab + [f"<extra_{i}>" for i in range(max(0, vocab_size - len(vocab)))]
    size, t, p, d = len(vocab), TOKEN_DIMS, position_dims, width
    assert t + p <= d and max(t, p) <= d // heads, "codes must fit the width and one head"
    spec = TransformerSpec.from_config(layers, heads, pre_norm=True)

    def fill(shape: tuple[int, ...]) -> np.ndarray:
        if copy:
            return np.zeros(shape, np.float32)
        return (rng.standard_normal(shape) * 0.5).astype(np.float32)

    def zeros(n: int) -> np.ndarray:
        return np.zeros(n, np.float32)

    def norm(layer: object) -> None:
        layer.gamma = np.ones(d, np.float32)  # type: ignore[attr-defined]
        layer.beta = zeros(d)  # type: ignore[attr-defined]

    def linear(layer: object, rows: int, cols: int) -> None:
        layer.weight = fill((rows, cols))  # type: ignore[attr-defined]
        layer.bias = zeros(rows)  # type: ignore[attr-defined]

    known = len(vocab) - max(0, vocab_size - len(vocab)) if vocab_size else size
    tokens, positions = _codes(rng, known, t), _codes(rng, MAX_POSITIONS, p)
    source, target = fill((size, d)), fill((size, d))
    table, projection = fill((MAX_POSITIONS, d)), fill((size, d))
    if copy:
        source[:known, :t] = tokens
        table[:, t:t + p] = positions
        projection[:known, :t] = tokens * 10.0
    for half in (spec.encoder, spec.decoder):
        half.scale_embeddings = False
        half.position_encodings.encodings = table
        norm(half.layer_norm)
        for layer in half.layer:
            norm(layer.self_attention.layer_norm)
            linear(layer.self_attention.linear[0], 3 * d, d)
            linear(layer.self_attention.linear[1], d, d)
            norm(layer.ffn.layer_norm)
            linear(layer.ffn.linear_0, ffn, d)
            linear(layer.ffn.linear_1, d, ffn)
            if half is spec.decoder:
                cross = layer.attention
                norm(cross.layer_norm)
                linear(cross.linear[0], d, d)
                linear(cross.linear[1], 2 * d, d)
                linear(cross.linear[2], d, d)
    spec.encoder.embeddings[0].weight = source
    spec.decoder.embeddings.weight = target
    spec.decoder.projection.weight = projection
    spec.decoder.projection.bias = zeros(size)
    if copy:
        cross = spec.decoder.layer[0].attention
        cross.linear[0].weight[:p, t:t + p] = np.eye(p) * 10.0   # query: my position
        cross.linear[1].weight[:p, t:t + p] = np.eye(p)          # keys: encoder positions
        cross.linear[1].weight[d:d + t, :t] = np.eye(t)          # values: encoder tokens
        cross.linear[2].weight[:t, :t] = np.eye(t)               # back to the token dims
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab if target_vocab is None else target_vocab)
    spec.config.add_source_eos = True
    return spec


def build_package(folder: Path, *, kind: str = "copy", source: str = "en", target: str = "xx",
                  seed: int = 1, size: dict[str, int] | None = None) -> Path:
    """Write `<folder>/<name>.argosmodel` (kind "copy" or "random") and return its path.

    `size` (layers, heads, width, ffn, vocab_size) builds a model of a real argos model's
    shape for benchmarks; the default is the tiny one-layer model for tests.
    """
    from ctranslate2.converters import Converter

    name = f"translate-{source}_{target}-{kind}"
    root = folder / "build" / name
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    vocab = train_tokenizer(root)
    spec = _spec(vocab, copy=kind == "copy", seed=seed, **(size or {}))

    class Filled(Converter):
        def _load(self) -> object:
            return spec

    Filled().convert(str(root / "model"), quantization="float16", force=True)
    (root / "metadata.json").write_text(json.dumps({
        "package_version": "1.0", "argos_version": "1.9", "from_code": source,
        "from_name": "English", "to_code": target, "to_name": f"Test {kind}",
        "type": "translate", "links": []}, indent=2), "utf-8")
    (root / "README.md").write_text(f"A {kind} model built by tests/tinyargos.py.\n", "utf-8")
    archive = folder / f"{name}.argosmodel"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(root.rglob("*")):
            zf.write(path, Path(name) / path.relative_to(root))
    shutil.rmtree(folder / "build")
    return archive


def cached_packages(base: Path) -> dict[str, Path]:
    """The copy (en→fr) and random (en→zh) packages, built once under `base` and reused."""
    built = {}
    for kind, target in (("copy", "fr"), ("random", "zh")):
        path = base / f"translate-en_{target}-{kind}.argosmodel"
        if not path.exists():
            base.mkdir(parents=True, exist_ok=True)
            build_package(base, kind=kind, target=target)
        built[kind] = path
    return built
