"""Rules of this round, each shown both ways: what a careful translator may write passes, and
the dangerous edit of the same sentence is still an error (pipeline.checks, as `pipeline
check` runs them)."""

from __future__ import annotations

import pytest
from test_probes import errors

AGES = "Give 2.5 ml if aged 1 to 3, or 5 ml if aged 4 to 6, every 8 hours."
AGES_SAID = {
    "es": ("Dé 2,5 ml si tiene de 1 a 3 años o 5 ml si tiene de 4 a 6 años, cada 8 horas.",
           "Dé 5 ml si tiene de 1 a 3 años o 2,5 ml si tiene de 4 a 6 años, cada 8 horas."),
    "ru": ("Давайте 2,5 мл детям 1–3 лет или 5 мл детям 4–6 лет каждые 8 часов.",
           "Давайте 5 мл детям 1–3 лет или 2,5 мл детям 4–6 лет каждые 8 часов."),
    "zh": ("1至3岁每次2.5毫升，4至6岁每次5毫升，每8小时一次。",
           "1至3岁每次5毫升，4至6岁每次2.5毫升，每8小时一次。"),
}


@pytest.mark.parametrize("lang", sorted(AGES_SAID))
def test_an_age_is_no_dose_and_doses_given_to_the_other_age_are_found(lang: str) -> None:
    good, swapped = AGES_SAID[lang]
    assert errors(AGES, good, lang) == []
    assert any("quantities" in e for e in errors(AGES, swapped, lang))


CONTRAST = "Clean the wound with saline, not alcohol, and change the dressing every day."
CONTRAST_SAID = {
    "fr": ("Nettoyez la plaie au sérum physiologique plutôt qu'à l'alcool et changez le "
           "pansement tous les jours.",
           "Nettoyez la plaie au sérum physiologique et à l'alcool et changez le pansement "
           "tous les jours."),
    "ar": ("نظّف الجرح بالمحلول الملحي بدلًا من الكحول، وبدّل الضماد كل يوم.",
           "نظّف الجرح بالمحلول الملحي والكحول، وبدّل الضماد كل يوم."),
}


@pytest.mark.parametrize("lang", sorted(CONTRAST_SAID))
def test_a_contrast_said_rather_than_passes_and_lost_is_found(lang: str) -> None:
    good, lost = CONTRAST_SAID[lang]
    assert errors(CONTRAST, good, lang) == []
    assert any("negation" in e for e in errors(CONTRAST, lost, lang))


def test_does_not_match_said_differs() -> None:
    source = "If the meter reading does not match how you feel, test again with a new strip."
    good = ("Если показания глюкометра расходятся с вашим самочувствием, повторите измерение "
            "с новой полоской.")
    bad = ("Если показания глюкометра совпадают с вашим самочувствием, повторите измерение "
           "с новой полоской.")
    assert errors(source, good, "ru") == []
    assert any("negation" in e for e in errors(source, bad, "ru"))


def test_not_within_said_at_least_apart() -> None:
    source = "Do not take iron tablets within 2 hours of your levothyroxine."
    good = "Laissez au moins 2 heures entre les comprimés de fer et la lévothyroxine."
    bad = "Prenez les comprimés de fer dans les 2 heures qui suivent la lévothyroxine."
    assert errors(source, good, "fr") == []
    assert any("negation" in e for e in errors(source, bad, "fr"))


SENTENCES = ("Do not eat or drink for 6 hours before the scan. Tell us if you are pregnant, "
             "because the scan cannot be done then.")


def test_a_negation_said_twice_in_one_sentence_does_not_stand_for_one_lost_in_the_next() -> None:
    good = "扫描前6小时内不要进食，也不要饮水。如果您怀孕了，请告诉我们，因为那时不能做扫描。"
    bad = "扫描前6小时内不要进食，也不要饮水。如果您怀孕了，请告诉我们，因为那时可以做扫描。"
    assert errors(SENTENCES, good, "zh") == []
    assert any("negation" in e for e in errors(SENTENCES, bad, "zh"))


def test_an_activity_the_lexicon_knows_is_an_example_kept() -> None:
    source = "For 2 days after the biopsy, avoid hard exercise such as cycling."
    good = "لمدة يومين بعد الخزعة، تجنّب التمارين الشاقة مثل ركوب الدراجة."
    lost = "لمدة يومين بعد الخزعة، تجنّب التمارين الشاقة."
    assert errors(source, good, "ar") == []
    assert any("omission" in e for e in errors(source, lost, "ar"))
