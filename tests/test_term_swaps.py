"""A specific medical term swapped for another of its kind is found in every sample language
("scabies" said as ringworm, "thyroid" as the liver, consent as refusal, the donor as the
recipient, rubella as chickenpox); the term said, said another way the dictionaries know,
or another term the source names too, is not."""

from __future__ import annotations

import pytest

from pipeline.checks import Catalog, Entry, Scope, registry, terms
from pipeline.glossary import build_glossary
from pipeline.model import Term

pytestmark = pytest.mark.usefixtures("dictd", "dictionary")   # conftest: fail, never skip

SCABIES = "Scabies spreads by close skin contact, so treat everyone at home on the same day."
THYROID = "You will need a blood test of your thyroid every 6 months."
CONSENT = "The surgeon will ask you to sign a consent form before the operation."
DONOR = "Your donor will have a check-up 6 weeks after the donation."
RUBELLA = "The vaccine protects your baby against measles, mumps and rubella."


def glossary(source: str, target: str, lang: str) -> list[str]:
    item = Entry(msgid=source, msgstr=target, line=3)
    scope = Scope(catalog=Catalog(file="x.po", lang=lang, doc="x", entries=(item,)),
                  glossary=None)
    return [f.message for f in registry()["glossary"].func(item, scope)]


@pytest.mark.parametrize(("lang", "source", "right", "swapped", "other"), [
    ("es", SCABIES, "La sarna se contagia por el contacto estrecho con la piel, así que trate "
     "a todos los de casa el mismo día.", "La tiña se contagia por el contacto estrecho con "
     "la piel, así que trate a todos los de casa el mismo día.", "ringworm"),
    ("fr", CONSENT, "Le chirurgien vous demandera de signer un formulaire de consentement "
     "avant l'opération.", "Le chirurgien vous demandera de signer un formulaire de refus "
     "avant l'opération.", "refusal"),
    ("ru", THYROID, "Каждые 6 месяцев вам нужно будет сдавать анализ крови на функцию "
     "щитовидной железы.", "Каждые 6 месяцев вам нужно будет сдавать анализ крови на функцию "
     "печени.", "liver"),
    ("ar", DONOR, "سيخضع المتبرع لفحص بعد 6 أسابيع من التبرع.",
     "سيخضع المتلقي لفحص بعد 6 أسابيع من التبرع.", "recipient"),
    ("zh", RUBELLA, "这种疫苗可保护您的宝宝免患麻疹、腮腺炎和风疹。",
     "这种疫苗可保护您的宝宝免患麻疹、腮腺炎和水痘。", "chickenpox"),
    ("fr", "Your GP may prescribe aciclovir tablets for cold sores.",
     "Votre médecin traitant peut prescrire des comprimés d'aciclovir contre les boutons de "
     "fièvre.", "Votre médecin traitant peut prescrire des comprimés d'azithromycine contre les "
     "boutons de fièvre.", "azithromycin"),
    ("ru", "Spirometry helps to diagnose asthma and COPD.",
     "Спирометрия помогает диагностировать астму и ХОБЛ.",
     "Спирометрия помогает диагностировать стенокардию и ХОБЛ.", "angina"),
    # bones, nerves and insulin kinds the lexicon has since this round
    ("es", "The X-ray shows a break at the top of the femur.", "La radiografía muestra una "
     "fractura en la parte superior del fémur.", "La radiografía muestra una fractura en la "
     "parte superior de la tibia.", "tibia"),
    ("fr", "The median nerve is squeezed at the wrist.", "Le nerf médian est comprimé au "
     "niveau du poignet.", "Le nerf ulnaire est comprimé au niveau du poignet.", "ulnar"),
    ("zh", "Inject rapid-acting insulin with a pen straight away.", "请立即用胰岛素笔注射速效"
     "胰岛素。", "请立即用胰岛素笔注射长效胰岛素。", "long-acting"),
])
def test_a_term_swapped_for_another_of_its_kind_is_found(
        lang: str, source: str, right: str, swapped: str, other: str) -> None:
    assert glossary(source, right, lang) == []
    found = glossary(source, swapped, lang)
    assert len(found) == 1 and "swapped term" in found[0] and f"({other}" in found[0], found


def test_one_of_two_mentions_swapped_is_found() -> None:
    """One of two mentions swapped («formulario de rechazo … su consentimiento»), and one
    medicine written for both of two (fludrocortisone where hydrocortisone was)."""
    source = ("You will sign a consent form before the operation; you can withdraw your "
              "consent at any time.")
    assert glossary(source, "Firmará un formulario de consentimiento antes de la operación; "
                    "puede retirar su consentimiento en cualquier momento.", "es") == []
    found = glossary(source, "Firmará un formulario de rechazo antes de la operación; puede "
                     "retirar su consentimiento en cualquier momento.", "es")
    assert len(found) == 1 and "(refusal" in found[0], found
    source = "On sick days, double your hydrocortisone dose but keep your fludrocortisone dose."
    assert glossary(source, "Los días de enfermedad, duplique la dosis de hidrocortisona pero "
                    "mantenga la de fludrocortisona.", "es") == []
    found = glossary(source, "Los días de enfermedad, duplique la dosis de fludrocortisona pero "
                     "mantenga la de fludrocortisona.", "es")
    assert len(found) == 1 and "(fludrocortisone" in found[0], found


FROSTBITE = "If blisters appear, go to the emergency department and see a doctor."


@pytest.mark.parametrize(("lang", "right", "swapped", "other"), [
    ("es", "Si aparecen ampollas, acuda a urgencias y consulte a un médico.",
     "Si aparecen ampollas, acuda a consultas externas y consulte a un médico.",
     "outpatient clinic"),
    ("fr", "Si des cloques apparaissent, allez aux urgences et consultez un médecin.",
     "Si des cloques apparaissent, allez aux urgences et consultez un pharmacien.",
     "pharmacist"),
    ("ru", "Если появятся пузыри, обратитесь в отделение неотложной помощи и к врачу.",
     "Если появятся пузыри, обратитесь в поликлинику и к врачу.", "outpatient clinic"),
    ("ar", "إذا ظهرت بثور، فتوجّه إلى قسم الطوارئ وراجع الطبيب.",
     "إذا ظهرت بثور، فتوجّه إلى العيادة الخارجية وراجع الطبيب.", "outpatient clinic"),
    ("zh", "如果出现水疱，请去急诊并看医生。", "如果出现水疱，请去急诊并咨询药剂师。",
     "pharmacist"),
])
def test_a_place_or_the_doctor_swapped_is_found(lang: str, right: str, swapped: str,
                                                other: str) -> None:
    """The emergency department said as the outpatient clinic, the doctor as the
    pharmacist; a GP said as a doctor is no swap (a GP is one)."""
    assert glossary(FROSTBITE, right, lang) == []
    found = glossary(FROSTBITE, swapped, lang)
    assert len(found) == 1 and f"({other}" in found[0], found
    assert glossary("See your GP.", {"es": "Consulte a su médico.", "fr": "Consultez votre "
                    "médecin.", "ru": "Обратитесь к врачу.", "ar": "راجع طبيبك.",
                    "zh": "请看医生。"}[lang], lang) == []


PANCREAS = "After pancreatitis your pancreas may not make enough insulin."


@pytest.mark.parametrize(("lang", "right", "swapped"), [
    ("es", "Después de una pancreatitis, su páncreas puede no producir suficiente insulina.",
     "Después de una pancreatitis, su hígado puede no producir suficiente insulina."),
    ("fr", "Après une pancréatite, votre pancréas peut ne plus produire assez d'insuline.",
     "Après une pancréatite, votre foie peut ne plus produire assez d'insuline."),
    ("ru", "После панкреатита поджелудочная железа может вырабатывать недостаточно инсулина.",
     "После панкреатита печень может вырабатывать недостаточно инсулина."),
    ("ar", "بعد التهاب البنكرياس قد لا ينتج البنكرياس ما يكفي من الإنسولين.",
     "بعد التهاب البنكرياس قد لا ينتج الكبد ما يكفي من الإنسولين."),
    ("zh", "患胰腺炎后，您的胰腺可能无法分泌足够的胰岛素。",
     "患胰腺炎后，您的肝脏可能无法分泌足够的胰岛素。"),
])
def test_a_term_inside_another_term_the_source_names_is_no_mention_of_it(
        lang: str, right: str, swapped: str) -> None:
    """The pancreas of «pancreatitis» does not stand for the pancreas the translation lost."""
    assert glossary(PANCREAS, right, lang) == []
    found = glossary(PANCREAS, swapped, lang)
    assert len(found) == 1 and "(liver" in found[0], found


def test_a_term_inside_another_terms_arabic_phrase_is_that_term() -> None:
    """«الحصبة الألمانية» is rubella, with the article on both words: no second measles."""
    source = "The MMR vaccine protects against measles, mumps and rubella."
    assert glossary(source, "يحمي لقاح MMR من الحصبة والنكاف والحصبة الألمانية.", "ar") == []


@pytest.mark.parametrize(("lang", "source", "target"), [
    # Russian says the hand and the arm alike: the dictionaries give «рука» for "hand"
    ("ru", "Keep the bitten hand raised for the first day.",
     "В первые сутки держите укушенную руку приподнятой."),
    # a term the source names in other words ("kidney and thyroid function tests")
    ("es", "You will need kidney and thyroid function tests every 6 months.",
     "Necesitará pruebas de función renal y tiroidea cada 6 meses."),
    # hearing aids are no AIDS: abbreviations in capitals match only as written
    ("fr", "Take out your hearing aids before you shower.",
     "Retirez vos aides auditives avant de vous doucher."),
    # the womb of "womb lining" said «revestimiento del útero» is part of the name
    ("es", "Oestrogen alone can thicken the womb lining.",
     "El estrógeno solo puede engrosar el revestimiento del útero."),
    # «قلق» is anxiety, and here the dictionaries' word for the source's "concern"
    ("ar", "Bacterial and fungal infections are a serious concern.",
     "تعد العدوى البكتيرية والفطرية مصدر قلق جدي."),
    # the letter of «гепатита B» is no Russian ending to take off «гепатита А»
    ("ru", "Your second hepatitis B vaccination is on 14 April.",
     "Вторая прививка от гепатита B запланирована на 14 апреля."),
])
def test_what_is_no_swap_passes(lang: str, source: str, target: str) -> None:
    assert glossary(source, target, lang) == []


def test_a_word_no_other_source_word_explains_is_still_a_swap() -> None:
    assert "(anxiety" in " ".join(glossary("Tell us if your child has asthma.",
                                           "أخبرنا إذا كان طفلك يعاني من القلق.", "ar"))


def test_the_lexicon_has_every_sample_language_for_every_term() -> None:
    rows = terms.lexicon()
    assert len(rows) > 600
    assert all(term.english and all(term.forms[lang] for lang in terms.LANGUAGES)
               for term in rows)
    assert {term.kind for term in rows} >= terms.SWAPPED_KINDS


FEVER = Term("fever", ("fever",), (("es", ("fiebre",)), ("fr", ("fièvre",)),
                                   ("ru", ("лихорадка", "температура")), ("zh", ("发热", "发烧"))))
INFECTION = Term("infection", ("infection", "infections"),
                 (("es", ("infección",)), ("fr", ("infection",)), ("ar", ("عدوى",))))
LUNG_TEST = Term("pulmonary-function-test", ("pulmonary function test",),
                 (("zh", ("肺功能检查",)), ("es", ("pruebas de función pulmonar",))))
TERMS = build_glossary([FEVER, INFECTION, LUNG_TEST], ["es", "fr", "ru", "ar", "zh"])


def with_glossary(source: str, target: str, lang: str) -> list[str]:
    item = Entry(msgid=source, msgstr=target, line=3)
    scope = Scope(catalog=Catalog(file="x.po", lang=lang, doc="x", entries=(item,)),
                  glossary=TERMS)
    return [f.message for f in registry()["glossary"].func(item, scope)]


GLANDULAR = "Most people with glandular fever feel better within 2 to 3 weeks."
EAR = "Most ear infections in children clear up within 3 days."


@pytest.mark.parametrize(("lang", "source", "whole", "wrong"), [
    ("es", GLANDULAR, "La mayoría de las personas con mononucleosis se encuentran mejor en 2 "
     "o 3 semanas.", "La mayoría de las personas con gripe se encuentran mejor en 2 o 3 "
     "semanas."),
    ("fr", GLANDULAR, "La plupart des personnes atteintes de mononucléose se sentent mieux en "
     "2 à 3 semaines.", "La plupart des personnes atteintes d'une angine se sentent mieux en "
     "2 à 3 semaines."),
    ("ru", GLANDULAR, "Большинство людей с инфекционным мононуклеозом чувствуют себя лучше "
     "через 2–3 недели.", "Большинство людей с ангиной чувствуют себя лучше через 2–3 "
     "недели."),
    ("zh", GLANDULAR, "大多数腺热患者在2到3周内会感觉好转。",
     "大多数感冒患者在2到3周内会感觉好转。"),
    ("es", EAR, "La mayoría de las otitis infantiles se curan en 3 días.",
     "La mayoría de los dolores de oído infantiles se curan en 3 días."),
    ("fr", EAR, "La plupart des otites de l'enfant guérissent en 3 jours.",
     "La plupart des douleurs d'oreille de l'enfant guérissent en 3 jours."),
    ("ar", EAR, "تزول معظم التهابات الأذن لدى الأطفال خلال 3 أيام.",
     "تزول معظم آلام الأذن لدى الأطفال خلال 3 أيام."),
])
def test_a_glossary_term_inside_a_name_said_whole_is_no_mention(
        lang: str, source: str, whole: str, wrong: str) -> None:
    """"fever" of glandular fever said «mononucleosis», "infection" of ear infections said
    «otitis» or «التهابات الأذن»: the translation names the thing the source names, so the
    glossary's fever or infection is not wanted; a translation that names neither the whole
    name nor the glossary's term is still reported."""
    assert with_glossary(source, whole, lang) == []
    found = with_glossary(source, wrong, lang)
    assert any("missing term" in f for f in found), found


def test_a_glossary_term_in_a_phrase_the_lexicon_does_not_name_is_still_wanted() -> None:
    """"a high fever" names no other thing: «fiebre» is wanted; and a second mention of fever
    outside the disease's name is wanted too."""
    source = "Call us if your child has a high fever."
    assert with_glossary(source, "Llámenos si su hijo tiene la temperatura muy alta.", "es")
    source = "Glandular fever can cause a fever for up to 2 weeks."
    assert with_glossary(source, "La mononucleosis puede causar fiebre hasta 2 semanas.",
                         "es") == []
    found = with_glossary(source, "La mononucleosis puede durar hasta 2 semanas.", "es")
    assert any("missing term 'fever'" in f for f in found), found


def test_a_glossary_term_the_lexicon_gives_for_the_sources_term_is_not_added() -> None:
    """肺功能检查 (the glossary's pulmonary function test) is how Chinese says spirometry, which
    the source names; for a chest X-ray it is a term added."""
    assert with_glossary("Book your spirometry online.", "请在线预约肺功能检查。", "zh") == []
    found = with_glossary("Book your chest X-ray online.", "请在线预约肺功能检查。", "zh")
    assert any("added term 'pulmonary-function-test'" in f for f in found), found
