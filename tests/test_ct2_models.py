"""Configured CTranslate2 models: OPUS-MT and NLLB-200 / M2M-100 layouts, built tiny here."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import polib
import pytest
import tinyct2
from conftest import REPO, built_once, run

from pipeline.config import load_config
from pipeline.engines import create
from pipeline.engines.ct2 import MultilingualEngine, OpusMTEngine, device_setting
from pipeline.engines.model_config import KEYS, KINDS, ModelConfig
from pipeline.engines.packages import install
from pipeline.errors import ConfigError
from pipeline.glossary import load_glossary
from pipeline.languages import MATRIX, model_language_token
from pipeline.masking import mask

README = (REPO / "README.md").read_text("utf-8")
MODELS = """
[tool.pipeline.models.opus-fr]
kind = "opus-mt"
path = "models/opus-en-fr"
target = "fr"
beam = 2
device = "cpu"
compute-type = "float32"

[tool.pipeline.models.nllb]
kind = "nllb"
path = "models/nllb-200"
beam = 2
device = "cpu"
"""


@pytest.fixture(scope="session")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return built_once(tmp_path_factory, "tinyct2", tinyct2.cached)


@pytest.fixture
def configured(sample: Path, folders: dict[str, Path], monkeypatch: pytest.MonkeyPatch,
               tmp_path: Path, no_network: None) -> Path:
    """The sample, freshly extracted, with fr on the OPUS-MT model and ar, zh on NLLB."""
    shutil.rmtree(sample / "locales", ignore_errors=True)
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "no-models"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    pyproject = sample / "pyproject.toml"
    text = pyproject.read_text("utf-8")
    for tag, model in (("fr", "opus-fr"), ("ar", "nllb"), ("zh", "nllb")):
        old = next(line for line in text.splitlines() if line.startswith(f"{tag} = "))
        text = text.replace(old, old.replace(" }", f', engines = ["{model}"] }}'))
    pyproject.write_text(text + MODELS, "utf-8")
    shutil.copytree(folders["opus"], sample / "models" / "opus-en-fr")
    shutil.copytree(folders["nllb"], sample / "models" / "nllb-200")
    assert run(sample, "extract").exit_code == 0
    return sample


def live(path: Path) -> list[polib.POEntry]:
    return [e for e in polib.pofile(str(path)) if not e.obsolete]


@pytest.mark.parametrize(("tag", "nllb", "m2m100"), [
    ("en", "eng_Latn", "__en__"), ("fr", "fra_Latn", "__fr__"), ("es", "spa_Latn", "__es__"),
    ("zh", "zho_Hans", "__zh__"), ("zh-Hans", "zho_Hans", "__zh__"),
    ("zh-Hant", "zho_Hant", None), ("zh-TW", "zho_Hant", None), ("ar", "arb_Arab", "__ar__"),
    ("ru", "rus_Cyrl", "__ru__"), ("de", "deu_Latn", "__de__"), ("it", "ita_Latn", "__it__"),
    ("pt-BR", "por_Latn", "__pt__"), ("ja", "jpn_Jpan", "__ja__"), ("ko", "kor_Hang", "__ko__"),
    ("uk", "ukr_Cyrl", "__uk__"), ("pl", "pol_Latn", "__pl__"), ("tr", "tur_Latn", "__tr__"),
    ("hi", "hin_Deva", "__hi__"), ("fa", "pes_Arab", "__fa__"), ("uz-Latn", "uzn_Latn", "__uz__"),
    ("nb", "nob_Latn", "__no__"), ("sr-Latn", None, None), ("tlh", None, None),
])
def test_language_tokens(tag: str, nllb: str | None, m2m100: str | None) -> None:
    assert model_language_token("nllb", tag) == nllb
    assert model_language_token("m2m100", tag) == m2m100


def test_every_matrix_language_has_an_nllb_token() -> None:
    assert [t for t in MATRIX if model_language_token("nllb", t) is None] == []


BIOPSY = "A bone marrow biopsy shows how much leukemia is present and which markers it carries."
REFERENCE = ("We will give you a reference number, e.g. `REF-2027-0042`, and you should quote it "
             "in every email and call.")
# What the test models make of three sample sentences, worked out by hand: the OPUS-MT one
# writes ROT13 (A → N, shows → fubjf), the NLLB one names the language tokens it was given and
# copies; glossary terms (the first target of "bone marrow biopsy", "leukemia"), numbers and
# inline code are the pipeline's, put back after the model.
EXPECTED = {
    ("fr", BIOPSY): "N biopsie de moelle osseuse fubjf ubj zhpu leucémie vf cerfrag naq juvpu "
                    "znexref vg pneevrf.",
    ("fr", "Often 3 to 6 weeks"): "Bsgra 3 gb 6 jrrxf",
    ("fr", REFERENCE): "Jr jvyy tvir lbh n ersrerapr ahzore, r.t. `REF-2027-0042`, naq lbh "
                       "fubhyq dhbgr vg va rirel rznvy naq pnyy.",
    ("zh", BIOPSY): "‹eng_Latn→zho_Hans› A 骨髓活检 shows how much 白血病 is present and which "
                    "markers it carries.",
    ("zh", REFERENCE): f"‹eng_Latn→zho_Hans› {REFERENCE}",
    ("ar", BIOPSY): "‹eng_Latn→arb_Arab› A خزعة نخاع العظم shows how much ابيضاض الدم is "
                    "present and which markers it carries.",
    ("ar", "Often 3 to 6 weeks"): "‹eng_Latn→arb_Arab› Often 3 to 6 weeks",
}


def test_sample_translates_through_opus_mt_and_nllb(configured: Path) -> None:
    result = run(configured, "translate", "--lang", "fr", "--lang", "zh", "--lang", "ar")
    assert result.exit_code == 0, result.output
    assert "fr: translated 152 segments with opus-fr" in result.output
    assert "zh: translated 152 segments with nllb" in result.output
    glossary = load_glossary(configured / "glossary")
    kinds: dict[str, int] = {}
    found: dict[tuple[str, str], str] = {}
    for lang, provenance in (("fr", "mt: opus-mt opus-fr opus-en-fr (ctranslate2 "),
                             ("zh", "mt: nllb nllb nllb-200 eng_Latn→zho_Hans (ctranslate2 "),
                             ("ar", "mt: nllb nllb nllb-200 eng_Latn→arb_Arab (ctranslate2 ")):
        token = model_language_token("nllb", lang)
        for path in sorted((configured / "locales" / lang / "LC_MESSAGES").glob("*.po")):
            for entry in live(path):
                found[(lang, entry.msgid)] = entry.msgstr
                masked = mask(entry.msgid, glossary=glossary, lang=lang, style="word")
                if lang != "fr":  # the NLLB model was given the right language tokens
                    assert entry.msgstr.startswith(tinyct2.marker("eng_Latn", str(token)))
                assert "fuzzy" in entry.flags and entry.tcomment.startswith(provenance)
                assert "ZXQ" not in entry.msgstr and "mask-lost" not in entry.tcomment
                for item in masked.masks:
                    assert item.replacement in entry.msgstr or \
                        item.replacement[:1].upper() + item.replacement[1:] in entry.msgstr
                    kinds[item.kind] = kinds.get(item.kind, 0) + 1
                # every term that was masked has its target term in place (a unit symbol
                # inside a masked quantity stays as written: that is masking's rule, not MT's)
                terms = {m.term for m in masked.masks if m.kind == "term"}
                assert not [p for p in glossary.verify(entry.msgid, entry.msgstr, lang)
                            if p.kind != "forbidden" and p.term in terms]
    assert {key: found.get(key) for key in EXPECTED} == EXPECTED
    # numbers with units, glossary terms, inline code and URLs all went through and came back
    assert kinds["quantity"] >= 3 * 17 and kinds["term"] >= 3 * 140
    assert kinds["code"] >= 3 and kinds["link"] >= 9
    assert run(configured, "translate", "--lang", "fr").output == "fr: nothing to translate\n"


def test_fr_is_rot13_and_keeps_mg_numbers_and_terms(configured: Path) -> None:
    assert run(configured, "translate", "--lang", "fr").exit_code == 0
    entries = [e for p in sorted((configured / "locales/fr/LC_MESSAGES").glob("*.po"))
               for e in live(p)]
    with_mg = [e for e in entries if re.search(r"\d mg\b", e.msgid)]
    assert with_mg
    for entry in with_mg:
        assert re.findall(r"\d+ mg\b", entry.msgstr) == re.findall(r"\d+ mg\b", entry.msgid)
    # "leukemia" is a glossary term (leucémie); the words around it are the model's (ROT13)
    leukemia = [e for e in entries if "leukemia" in e.msgid.lower()]
    assert leukemia
    for entry in leukemia:
        assert "leucémie" in entry.msgstr.lower() and "leukemia" not in entry.msgstr.lower()
    words = [e for e in entries if " the " in e.msgid]
    assert words and all(" gur " in e.msgstr for e in words)


def test_models_list_shows_pairs_and_sha256(configured: Path, tmp_path: Path) -> None:
    sha = {name: hashlib.sha256((configured / "models" / name / "model.bin").read_bytes())
           .hexdigest() for name in ("opus-en-fr", "nllb-200")}
    result = run(configured, "models", "list")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:3] == [
        "models configured in pyproject.toml [tool.pipeline.models]:",
        f"  opus-fr (opus-mt, models/opus-en-fr, beam 2, device cpu): en → fr  "
        f"sha256 {sha['opus-en-fr']}",
        f"  nllb (nllb, models/nllb-200, beam 2, device cpu): en → ar, en → zh  "
        f"sha256 {sha['nllb-200']}"]
    shutil.rmtree(configured / "models" / "nllb-200")
    assert "  nllb (nllb, models/nllb-200, beam 2, device cpu): en → ar, en → zh  cannot " \
           "run: model 'nllb': folder models/nllb-200 not found" in run(
               configured, "models", "list").output


def _line(text: str, wanted: str) -> int:
    return text.splitlines().index(wanted) + 1


@pytest.mark.parametrize(("old", "new", "message"), [
    ('kind = "nllb"', 'kind = "marian"',
     "model 'nllb': unknown kind 'marian' (use one of opus-mt, nllb, m2m100, argos)"),
    ("beam = 2", "beam = 0", "model 'opus-fr': beam must be a whole number from 1 to 32, not 0 "
                             "(write e.g. beam = 4 (1 is greedy and fastest))"),
    ('device = "cpu"', 'device = "gpu"', "model 'opus-fr': device must be one of auto, cpu, "
                                         "cuda, not 'gpu' (write e.g. device = \"cpu\")"),
    ('target = "fr"', 'target = "es"', None),
    ('zh = { status = "released", engines = ["nllb"] }',
     'sr-Latn = { status = "draft", engines = ["nllb"] }',
     "nllb model 'nllb' has no language token for 'sr-Latn' (remove 'nllb' from sr-Latn's "
     "engines (pipeline/languages.py lists the codes it knows))"),
    ('target = "fr"', 'target = "fr"\nsize = 3', "model 'opus-fr': unknown setting 'size' "
     "(known settings: kind, path, target, beam, device, compute-type)"),
])
def test_configuration_errors_name_the_line(configured: Path, old: str, new: str,
                                            message: str | None) -> None:
    pyproject = configured / "pyproject.toml"
    text = pyproject.read_text("utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    pyproject.write_text(text, "utf-8")
    result = run(configured, "status")
    assert result.exit_code == 2
    if message is None:  # the opus-mt model now says es, but fr lists it
        wanted = 'fr = { status = "draft", engines = ["opus-fr"] }'
        message = ("opus-mt model 'opus-fr' translates en→es, not fr (remove 'opus-fr' from "
                   "fr's engines, or configure an en→fr model)")
    else:
        wanted = new.splitlines()[-1]
    assert result.output == f"error: {pyproject}:{_line(text, wanted)}: {message}\n"


def test_missing_model_folder_stops_translate_before_any_write(configured: Path) -> None:
    shutil.rmtree(configured / "models" / "nllb-200")
    before = {p: p.read_bytes() for p in (configured / "locales").rglob("*.po")}
    result = run(configured, "translate")
    text = (configured / "pyproject.toml").read_text("utf-8")
    assert result.exit_code == 2
    assert result.output == (
        f"error: {configured / 'pyproject.toml'}:{_line(text, '[tool.pipeline.models.nllb]')}: "
        "model 'nllb': folder models/nllb-200 not found (put the nllb model there, or fix "
        'path = "models/nllb-200")\n')
    assert before == {p: p.read_bytes() for p in (configured / "locales").rglob("*.po")}
    assert run(configured, "translate", "--engine", "deepl").output.startswith(
        "error: unknown engine 'deepl' (use one of argos, apertium, pseudo, opus-fr, nllb)")


def _model(folder: Path, kind: str, target: str = "") -> ModelConfig:
    return ModelConfig(name=kind, kind=kind, path=folder, shown=folder.name, source="en",
                       target=target, beam=2, device="cpu", compute_type="float32")


def test_m2m100_layout_uses_its_own_tokens(folders: dict[str, Path], no_network: None) -> None:
    engine = MultilingualEngine(_model(folders["m2m100"], "m2m100"), targets=("fr", "zh"))
    segments = ["Take ZXQ0 every ZXQ1 hours, see ZXQ2.", "Short."]
    assert engine.translate_batch(segments, source="en", target="fr") == [
        f"‹__en__→__fr__› {s}" for s in segments]
    assert engine.translate_batch(segments[1:], source="en", target="zh") == [
        "‹__en__→__zh__› Short."]
    assert engine.pairs() == {("en", "fr"), ("en", "zh")}
    assert not engine.supports("en", "zh-Hant")  # M2M-100 writes Simplified Chinese only


def test_a_token_the_model_lacks_is_one_line(folders: dict[str, Path]) -> None:
    engine = MultilingualEngine(_model(folders["nllb"], "nllb"), targets=("it",))
    with pytest.raises(ConfigError, match="the target vocabulary of nllb has no 'ita_Latn' token "
                                        r"\(is it a nllb model\? kind = \"m2m100\" uses "
                                        "__fr__-style tokens"):
        engine.translate_batch(["Short."], source="en", target="it")


def test_opus_mt_with_one_shared_sentencepiece_model(folders: dict[str, Path]) -> None:
    shared = OpusMTEngine(_model(folders["opus-shared"], "opus-mt", target="fr"))
    segments = ["The patient takes ZXQ0 daily — ÄÖ 漢字.", "Short."]
    assert shared.translate_batch(segments, source="en", target="fr") == segments
    assert shared.describe("en", "fr").startswith("opus-mt opus-mt opus-shared (ctranslate2 ")


def test_the_test_models_notice_a_wrong_convention(folders: dict[str, Path]) -> None:
    """The tiny models fail the tests above if tokens are misplaced or the wrong spm is used."""
    import ctranslate2
    import sentencepiece

    nllb = ctranslate2.Translator(str(folders["nllb"]), device="cpu")
    spm = sentencepiece.SentencePieceProcessor(
        model_file=str(folders["nllb"] / "sentencepiece.bpe.model"))
    pieces = spm.encode("Take two tablets daily.", out_type=str)

    def out(source: list[str]) -> str:
        [hyp] = nllb.translate_batch([source], target_prefix=[["fra_Latn"]],
                                     max_decoding_length=40)
        return str(spm.decode(hyp.hypotheses[0][1:]))

    assert out(["eng_Latn", *pieces, "</s>"]) == "‹eng_Latn→fra_Latn› Take two tablets daily."
    assert out([*pieces, "</s>", "eng_Latn"]) != out(["eng_Latn", *pieces, "</s>"])  # legacy
    assert not out(["eng_Latn", *pieces]).endswith("daily.")      # no </s>: no clean end
    opus = folders["opus"]
    source = sentencepiece.SentencePieceProcessor(model_file=str(opus / "source.spm"))
    target = sentencepiece.SentencePieceProcessor(model_file=str(opus / "target.spm"))
    [hyp] = ctranslate2.Translator(str(opus), device="cpu").translate_batch(
        [source.encode("the patient takes the tablet with food", out_type=str) + ["</s>"]])
    assert target.decode(hyp.hypotheses[0]) == "gur cngvrag gnxrf gur gnoyrg jvgu sbbq"
    assert source.decode(hyp.hypotheses[0]) != "gur cngvrag gnxrf gur gnoyrg jvgu sbbq"


def test_an_argos_folder_can_be_configured(sample: Path, tmp_path: Path, no_network: None,
                                           monkeypatch: pytest.MonkeyPatch,
                                           tiny_argos: dict[str, Path]) -> None:
    built = tiny_argos
    package = install(built["copy"], folder=sample / "models")
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "no-models"))
    pyproject = sample / "pyproject.toml"
    text = pyproject.read_text("utf-8").replace('fr = { status = "draft" }',
                                                 'fr = { status = "draft", engines = ["fr-copy"] }')
    pyproject.write_text(text + f'\n[tool.pipeline.models.fr-copy]\nkind = "argos"\n'
                         f'path = "models/{package.name}"\ncompute-type = "float32"\n', "utf-8")
    config = load_config(sample)
    engine = create("fr-copy", config)
    assert engine.name == "fr-copy" and engine.supports("en", "fr")
    assert engine.translate_batch(["The patient takes ZXQ0."], source="en", target="fr") == [
        "The patient takes ZXQ0."]
    assert engine.describe("en", "fr").startswith("argos translate-en_fr-copy 1.0 (ctranslate2")
    listed = run(sample, "models", "list").output.splitlines()
    assert listed[1].startswith(f"  fr-copy (argos, models/{package.name}, beam 4, device "
                                "auto): en → fr  sha256 ")


def test_readme_documents_every_model_setting() -> None:
    section = README[README.index("[tool.pipeline.models"):]
    for key in (*KEYS, *KINDS, "PIPELINE_MODEL_DEVICE", "source.spm", "target.spm",
                "target_prefix"):
        assert key in section, key


def test_an_opus_mt_model_must_say_its_target(configured: Path) -> None:
    pyproject = configured / "pyproject.toml"
    text = pyproject.read_text("utf-8").replace('target = "fr"\n', "")
    pyproject.write_text(text, "utf-8")
    result = run(configured, "status")
    assert result.exit_code == 2
    assert result.output == (
        f"error: {pyproject}:{_line(text, '[tool.pipeline.models.opus-fr]')}: model 'opus-fr': "
        "an opus-mt model needs target, the language it translates into (add e.g. "
        'target = "fr")\n')


def test_device_override_is_checked(configured: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PIPELINE_MODEL_DEVICE", "gpu")
    result = run(configured, "translate", "--lang", "zh")
    assert result.exit_code == 2
    assert result.output == ("error: PIPELINE_MODEL_DEVICE must be one of auto, cpu, cuda, not "
                             "'gpu' (unset it or set e.g. PIPELINE_MODEL_DEVICE=cpu)\n")
    monkeypatch.setenv("PIPELINE_MODEL_DEVICE", "cuda")  # a valid override wins over the file
    model = load_config(configured).model("nllb")
    assert model is not None and model.device == "cpu"
    assert device_setting(model) == "cuda"
