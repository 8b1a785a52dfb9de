"""Build tiny, real CTranslate2 model folders offline in the OPUS-MT and NLLB/M2M-100 layouts.

Both are tinyargos's exact copy Transformer (one layer; step t emits the token at source
position t), laid out the way the converters lay out the real models:

- OPUS-MT: model.bin, config.json, source_vocabulary.json, target_vocabulary.json and two
  different SentencePiece models. target.spm is source.spm with every ordinary piece
  ROT13-enciphered (mask tokens, bytes and control pieces unchanged), so the model "translates"
  English into ROT13: output that is right only when the source is tokenized with source.spm,
  and decoded with target.spm. `shared=True` writes one sentencepiece.model instead (output =
  input).
- NLLB / M2M-100: one vocabulary with language tokens (`eng_Latn` / `__en__`), the source
  `[source token] pieces </s>`, the decoder started by `</s>` and the target language forced as
  a prefix. The decoder looks one position back, so the step after the prefix sees the source
  language token; the embedding of the target language token then makes it emit a marker piece
  `‹eng_Latn→fra_Latn›` naming both tokens. The output is that marker, then the input: it shows
  which tokens the engine sent, and that it placed the source token first.

The source needs `</s>` from the engine (add_source_eos is false, as the converters write it):
without it a copy never ends.
"""

from __future__ import annotations

import codecs
import random
import shutil
import string
from pathlib import Path

import numpy as np
import tinyargos

from pipeline.languages import model_language_token

TARGETS = ("fr", "es", "zh", "ar", "ru", "de")


def marker(source: str, target: str) -> str:
    """The piece the multilingual model emits first: which tokens it was given."""
    return f"‹{source}→{target}›"


def _train(folder: Path, prefix: str, extra: list[str]) -> list[str]:
    """A SentencePiece model at folder/prefix.model covering every ASCII letter."""
    import sentencepiece as spm

    corpus = folder / "corpus.txt"
    tinyargos._corpus(corpus)
    rng = random.Random(3)
    letters = list(string.ascii_letters + string.digits)
    with corpus.open("a", encoding="utf-8") as out:
        for _ in range(200):
            rng.shuffle(letters)
            out.write(" ".join(letters[:20]) + ".\n")
    spm.SentencePieceTrainer.train(
        input=str(corpus), model_prefix=str(folder / prefix), vocab_size=900,
        model_type="unigram", byte_fallback=True, normalization_rule_name="identity",
        remove_extra_whitespaces=False, character_coverage=1.0, hard_vocab_limit=False,
        user_defined_symbols=tinyargos.MASK_SYMBOLS + extra, unk_id=0, bos_id=1, eos_id=2,
        pad_id=-1, num_threads=1, minloglevel=2)
    corpus.unlink()
    (folder / f"{prefix}.vocab").unlink()
    processor = spm.SentencePieceProcessor(model_file=str(folder / f"{prefix}.model"))
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def rot13_spm(source: Path, target: Path) -> list[str]:
    """Write `target`: `source` with its ordinary pieces ROT13-enciphered; return its pieces."""
    from sentencepiece import sentencepiece_model_pb2 as pb

    proto = pb.ModelProto()
    proto.ParseFromString(source.read_bytes())
    for piece in proto.pieces:
        if piece.type == pb.ModelProto.SentencePiece.NORMAL:
            piece.piece = codecs.encode(piece.piece, "rot13")
    pieces = [p.piece for p in proto.pieces]
    assert len(set(pieces)) == len(pieces)
    target.write_bytes(proto.SerializeToString())
    return pieces


def _write(spec: object, folder: Path) -> None:
    from ctranslate2.converters import Converter

    class Filled(Converter):
        def _load(self) -> object:
            return spec

    Filled().convert(str(folder), force=True)


def build_opus(folder: Path, *, shared: bool = False, seed: int = 1) -> Path:
    """An OPUS-MT-layout folder (en→xx); ROT13 output unless `shared`."""
    shutil.rmtree(folder, ignore_errors=True)
    work = folder.parent / f".{folder.name}-build"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    source = _train(work, "source", [])
    target = source if shared else rot13_spm(work / "source.model", work / "target.model")
    spec = tinyargos._spec(source, copy=True, seed=seed, target_vocab=target)
    spec.config.add_source_eos = False  # type: ignore[attr-defined]
    _write(spec, folder)
    if shared:
        shutil.copy(work / "source.model", folder / "sentencepiece.model")
    else:
        shutil.copy(work / "source.model", folder / "source.spm")
        shutil.copy(work / "target.model", folder / "target.spm")
    shutil.rmtree(work)
    return folder


def build_multilingual(folder: Path, *, kind: str = "nllb", seed: int = 1) -> Path:
    """An NLLB-200 (or M2M-100) layout folder serving en → TARGETS, revealing its tokens."""
    shutil.rmtree(folder, ignore_errors=True)
    work = folder.parent / f".{folder.name}-build"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    english = model_language_token(kind, "en")
    tokens = [model_language_token(kind, t) for t in TARGETS]
    assert english and all(tokens)
    markers = [marker(english, t) for t in tokens if t]
    pieces = _train(work, "sentencepiece.bpe", markers)
    vocab = pieces + [english, *(t for t in tokens if t)]
    spec = tinyargos._spec(vocab, copy=True, seed=seed)
    spec.config.add_source_eos = False  # type: ignore[attr-defined]
    spec.config.decoder_start_token = "</s>"  # type: ignore[attr-defined]
    width = tinyargos.TOKEN_DIMS
    index = {token: i for i, token in enumerate(vocab)}
    decoder = spec.decoder  # type: ignore[attr-defined]
    # Decoder step t looks at source position t - 1: step 1 (after the prefix) sees the
    # source language token, the last step sees </s>.
    decoder.position_encodings.encodings = np.roll(decoder.position_encodings.encodings, 1, 0)
    codes = tinyargos._codes(np.random.default_rng(seed + 1), len(tokens), width)
    source_codes = spec.encoder.embeddings[0].weight  # type: ignore[attr-defined]
    for code, token in zip(codes, tokens, strict=True):
        assert token
        decoder.embeddings.weight[index[token], :width] = 9.0 * code
        row = source_codes[index[english], :width] + code
        decoder.projection.weight[index[marker(english, token)], :width] = 10.0 * row
    _write(spec, folder)
    shutil.copy(work / "sentencepiece.bpe.model", folder / "sentencepiece.bpe.model")
    shutil.rmtree(work)
    return folder


def cached(base: Path) -> dict[str, Path]:
    """The OPUS-MT (two spm), OPUS-MT (shared spm), NLLB and M2M-100 folders, built once."""
    builders = {"opus": lambda p: build_opus(p), "opus-shared": lambda p: build_opus(p,
                shared=True), "nllb": lambda p: build_multilingual(p, kind="nllb"),
                "m2m100": lambda p: build_multilingual(p, kind="m2m100")}
    built = {}
    for name, build in builders.items():
        path = base / name
        if not (path / "model.bin").is_file():
            base.mkdir(parents=True, exist_ok=True)
            build(path)
        built[name] = path
    return built
