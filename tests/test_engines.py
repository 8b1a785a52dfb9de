"""The MT engines on their own: real Apertium, real CTranslate2 packages, pseudo."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.config import load_config
from pipeline.engines import create, engine_order, pick_engine
from pipeline.engines.apertium import ApertiumEngine, escape, unescape
from pipeline.engines.argos import ArgosEngine, ArgosSettings
from pipeline.engines.base import Output, pair_key
from pipeline.engines.packages import install
from pipeline.engines.pseudo import PseudoEngine
from pipeline.engines.worker import EngineQueue
from pipeline.errors import EngineError
from pipeline.masking import mask, unmask


@pytest.fixture(scope="session")
def models(tiny_argos: dict[str, Path]) -> dict[str, Path]:
    return tiny_argos


@pytest.fixture
def argos(models: dict[str, Path], tmp_path: Path) -> dict[str, ArgosEngine]:
    settings = ArgosSettings(compute_type="float32", beam=2, threads=1)
    return {kind: ArgosEngine(packages=[install(path, folder=tmp_path / "packages")],
                              settings=settings) for kind, path in models.items()}


SPECIAL = [
    "Take 2 tablets \\ [daily] ^ $5 @ home / <b> {x} today.",
    "**Do not** stop taking it suddenly.",
    "Is it safe?",
    "Call #1 now!",
    "She said: \"wait\".",
]


def test_apertium_keeps_special_characters_and_final_punctuation() -> None:
    outputs = ApertiumEngine().translate_batch(SPECIAL, source="en", target="es")
    assert len(outputs) == len(SPECIAL)
    assert outputs[0] == "Toma 2 pastillas \\ [diarios] ^ $5 @ casa / <b> {x} hoy."
    assert outputs[1] == "**No para** tomándolo de repente."
    assert outputs[2].endswith("?") and outputs[3].startswith("Llamada #1")
    assert outputs[4].endswith('".')


def test_apertium_batch_equals_one_process_per_segment() -> None:
    engine = ApertiumEngine()
    batch = engine.translate_batch(SPECIAL, source="en", target="es")
    assert batch == [engine.translate_batch([s], source="en", target="es")[0] for s in SPECIAL]
    one = subprocess.run(["apertium", "-f", "none", "eng-spa"], check=True,
                         input=escape(SPECIAL[2]).encode(), capture_output=True)
    assert unescape(one.stdout.decode())[0].strip() == batch[2] == "Es seguro?"


def test_apertium_reports_unknown_words_and_keeps_masks() -> None:
    engine = ApertiumEngine()
    masked = mask("Ask your haematologist about `ibrutinib` and the blorfs.", glossary=None,
                  lang="es", style=engine.mask_style)
    [out] = engine.translate_notes([masked.text], source="en", target="es")
    assert out.notes == ("unknown-word: haematologist, blorfs",) or \
        set(out.notes) == {"unknown-word: haematologist", "unknown-word: blorfs"}
    restored = unmask(out.text, masked)
    assert not restored.lost and "`ibrutinib`" in restored.text


def test_apertium_lowercases_after_leading_mask() -> None:
    [out] = ApertiumEngine().translate_batch(["ZXQ0 or ZXQ1 for refractory ZXQ2?"],
                                             source="en", target="es")
    assert out == "ZXQ0 o ZXQ1 para refractario ZXQ2?"


def test_apertium_pairs_and_provenance() -> None:
    engine = ApertiumEngine()
    assert engine.supports("en", "es") and not engine.supports("en", "fr")
    assert engine.describe("en", "es").startswith("apertium 3.")
    assert "eng-spa (apertium-eng-spa " in engine.describe("en", "es")
    with pytest.raises(EngineError, match="Apertium has no en→fr pair installed"):
        engine.translate_batch(["x"], source="en", target="fr")


def test_pseudo_expands_accents_and_keeps_masks() -> None:
    engine = PseudoEngine()
    masked = mask("Take 500 mg of `drug` daily, see https://example.org/a_b.", glossary=None,
                  lang="fr", style=engine.mask_style)
    [out] = engine.translate_batch([masked.text], source="en", target="fr")
    assert out.startswith("⟦Ţàķé ZXQ0 öƒ ZXQ1 đàîĺý, šéé ZXQ2.") and out.endswith("⟧")
    assert len(out) >= 1.3 * len(masked.source) - 40
    restored = unmask(out, masked)
    assert not restored.lost
    assert "500 mg" in restored.text and "`drug`" in restored.text
    assert "https://example.org/a_b" in restored.text
    assert engine.supports("en", "anything") and engine.version.startswith("pseudo ")


def test_argos_copy_model_copies_exactly_in_order(argos: dict[str, ArgosEngine]) -> None:
    engine = argos["copy"]
    segments = [f"Sentence {i}: the patient takes {i} tablets with ZXQ{i % 5} — ÄÖÜ 漢字."
                for i in range(40)] + ["Short.", "a_b_c under_scores stay"]
    assert engine.translate_batch(segments, source="en", target="fr") == segments
    assert engine.supports("en", "fr") and not engine.supports("en", "es")
    assert engine.describe("en", "fr").startswith("argos translate-en_fr-copy 1.0 (ctranslate2 ")


def test_argos_random_model_gives_text_not_errors(argos: dict[str, ArgosEngine]) -> None:
    outputs = argos["random"].translate_batch(["The patient takes ZXQ0 daily."] * 3 + ["x"],
                                              source="en", target="zh")
    assert len(outputs) == 4 and all(isinstance(o, str) for o in outputs)
    assert outputs[0] != "The patient takes ZXQ0 daily."


# Inputs on which the tiny random model's best hypothesis (beam 2) has an unknown token.
UNKNOWN_MAKERS = ["one with or with after old was takes", "low are your every",
                  "leukemia each your from over care if", "four because each can"]


def test_argos_replaces_unknown_tokens_like_ctranslate2_does(
        argos: dict[str, ArgosEngine]) -> None:
    import ctranslate2
    import sentencepiece

    engine = argos["random"]
    package = engine.packages[0]
    segments = [*UNKNOWN_MAKERS, "The patient takes ZXQ0 daily.", "x", "fever after days"]
    tokenizer = sentencepiece.SentencePieceProcessor(model_file=str(package.tokenizer))
    translator = ctranslate2.Translator(str(package.model), compute_type="float32",
                                        intra_threads=1)
    tokens = tokenizer.encode(segments, out_type=str)
    options = {"beam_size": 2, "max_batch_size": 32,
               "max_decoding_length": min(512, 2 * max(map(len, tokens)) + 16)}
    plain = translator.translate_batch(tokens, **options)
    assert sum("<unk>" in r.hypotheses[0] for r in plain) >= 2   # the case is exercised
    replaced = translator.translate_batch(tokens, replace_unknowns=True, **options)
    expected = [tokenizer.decode(r.hypotheses[0]).strip() for r in replaced]
    assert engine.translate_batch(segments, source="en", target="zh") == expected


def test_argos_without_model_says_how_to_get_one(tmp_path: Path) -> None:
    engine = ArgosEngine(packages=[])
    assert not engine.supports("en", "fr")
    with pytest.raises(EngineError, match="no argos model for en→fr is installed") as info:
        engine.translate_batch(["x"], source="en", target="fr")
    assert "pipeline models install FILE.argosmodel" in str(info.value)


@pytest.mark.parametrize(("variable", "value"), [("PIPELINE_ARGOS_BEAM", "two"),
                                                 ("PIPELINE_ARGOS_THREADS", "-")])
def test_argos_settings_refuse_bad_numbers(monkeypatch: pytest.MonkeyPatch, variable: str,
                                           value: str) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(EngineError, match=f"{variable} must be a whole number"):
        ArgosSettings.from_env()


def test_argos_settings_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGOS_DEVICE_TYPE", "cuda")
    monkeypatch.setenv("PIPELINE_ARGOS_BEAM", "1")
    monkeypatch.setenv("ARGOS_BATCH_SIZE", "16")
    settings = ArgosSettings.from_env()
    assert (settings.device, settings.beam, settings.batch) == ("cuda", 1, 16)


@pytest.mark.parametrize(("source", "target", "pairs", "expected"), [
    ("en", "es", {("en", "es")}, ("en", "es")),
    ("en", "pt-BR", {("en", "pt")}, ("en", "pt")),
    ("en", "zh", {("en", "zh")}, ("en", "zh")),
    ("en", "fr", {("en", "es")}, None),
])
def test_pair_key(source: str, target: str, pairs: set[tuple[str, str]],
                  expected: tuple[str, str] | None) -> None:
    assert pair_key(source, target, frozenset(pairs)) == expected


def test_engine_order_uses_pseudo_only_when_a_language_lists_it(project: Path) -> None:
    config = load_config(project)
    # tests/data/project: engines = ["pseudo"] project-wide, es lists apertium + pseudo itself.
    assert engine_order(config, config.language("es")) == ("apertium", "pseudo")
    assert engine_order(config, config.language("ru")) == ()
    with pytest.raises(EngineError) as info:
        pick_engine(config, config.language("ru"), requested=None, cache={})
    assert str(info.value) == ("no engine translates en→ru (tried: none configured) (get an "
                               "en→ru argos model and install it with 'pipeline models install "
                               "FILE.argosmodel', or configure a model under "
                               "[tool.pipeline.models])")
    assert pick_engine(config, config.language("ru"), requested="pseudo", cache={}).name == \
        "pseudo"
    assert pick_engine(config, config.language("es"), requested=None, cache={}).name == \
        "apertium"


def test_unknown_engine_name() -> None:
    with pytest.raises(EngineError, match="unknown engine 'deepl'"):
        create("deepl")


def _call(name: str, ran: list[str], gate: threading.Event, *, fail: bool = False
          ) -> Callable[[], list[Output]]:
    def run() -> list[Output]:
        if name == "first":
            assert gate.wait(30)   # the others queue up behind it meanwhile
        ran.append(name)
        if fail:
            raise EngineError(f"{name} failed")
        return [Output(name), Output(name + " again")]
    return run


def test_engine_worker_runs_calls_in_order_a_retry_first_and_hands_over_errors() -> None:
    ran: list[str] = []
    gate = threading.Event()
    worker = EngineQueue()
    first = worker.submit(_call("first", ran, gate))
    later = worker.submit(_call("later", ran, gate))
    broken = worker.submit(_call("broken", ran, gate, fail=True))
    retry = worker.submit(_call("retry", ran, gate), urgent=True)
    gate.set()
    assert [o.text for o in first] == ["first", "first again"]
    assert [o.text for o in retry] == ["retry", "retry again"]
    assert [o.text for o in later] == ["later", "later again"]
    with pytest.raises(EngineError, match="broken failed"):
        list(broken)
    assert ran == ["first", "retry", "later", "broken"]


def test_engine_worker_cancel_drops_what_has_not_started() -> None:
    ran: list[str] = []
    gate = threading.Event()
    worker = EngineQueue()
    first = worker.submit(_call("first", ran, gate))
    waiting = [worker.submit(_call(name, ran, gate)) for name in ("second", "third")]
    worker.cancel()
    gate.set()
    assert [o.text for o in first] == ["first", "first again"]
    assert [list(outputs) for outputs in waiting] == [[], []]
    assert ran == ["first"]


@pytest.mark.parametrize(("preset", "expected"), [(None, "PASSIVE"), ("ACTIVE", "ACTIVE")])
def test_ctranslate2_threads_sleep_while_waiting_unless_the_user_chose(
        preset: str | None, expected: str) -> None:
    """OpenMP reads OMP_WAIT_POLICY when CTranslate2 loads: the engines set it first (spinning
    threads made translation 4-10 times slower on a shared machine: bench/bench_threads.py)."""
    env = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
    if preset:
        env["OMP_WAIT_POLICY"] = preset
    code = ("import os, sys; from pipeline.engines.base import load_ctranslate2; "
            "load_ctranslate2(); print(os.environ['OMP_WAIT_POLICY'], "
            "'ctranslate2' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, check=True)
    assert done.stdout.split() == [expected, "True"]
