"""Rules of round 42, each shown both ways: what a careful translator may write passes, and
the dangerous edit of the same sentence is an error (pipeline.checks, as `pipeline check`
runs them)."""

from __future__ import annotations

from test_probes import all_pass, both_ways

RINSE = ("Rinse your nose with the sodium chloride 0.9% kit **twice a day** for **2 weeks**.")
ENZYMES = ("Take 2 pancreatic enzyme capsules with the first mouthful of each main meal and "
           "1 capsule with each snack.")
CYCLES = ("Your chemotherapy is given as 6 cycles, one every 21 days. A blood count is taken 1 "
          "to 2 days before each cycle.")
EYE_DROPS = "Do not use more than one drop a day."
FLYING = "Do not fly until your surgeon says it is safe."

# (check, English, language): (a faithful translation, the dangerous edit)
BOTH_WAYS = {
    # the bold on another number
    ("markup", RINSE, "ru"): (
        "Промывайте нос раствором натрия хлорида 0,9% из набора **два раза в день** в "
        "течение **2 недель**.",
        "Промывайте нос раствором натрия хлорида **0,9%** из набора **два раза в день** в "
        "течение 2 недель."),
    ("markup", "Do not eat or drink for **1 hour** before each dose, 1 to 6 weeks apart.",
     "ar"): (
        "لا تأكل ولا تشرب شيئًا لمدة **ساعة واحدة** قبل كل جرعة، بفاصل 1 إلى 6 أسابيع.",
        "لا تأكل ولا تشرب شيئًا لمدة ساعة واحدة قبل كل جرعة، بفاصل 1 إلى **6** أسابيع."),
    # counts of a noun with words between the count and the noun, swapped
    ("quantities", ENZYMES, "es"): (
        "Tome 2 cápsulas de enzimas pancreáticas con el primer bocado de cada comida "
        "principal y 1 cápsula con cada tentempié.",
        "Tome 1 cápsula de enzimas pancreáticas con el primer bocado de cada comida "
        "principal y 2 cápsulas con cada tentempié."),
    # "do not stop your usual drops": the usual is the source's, no "keep on"
    ("negation", "Do not stop your usual glaucoma eye drops.", "ar"): (
        "لا تتوقف عن استخدام قطرات الغلوكوما المعتادة.",
        "توقف عن استخدام قطرات الغلوكوما المعتادة."),
    # "each cycle" is no "every day"; 21 in words
    ("frequency", CYCLES, "ar"): (
        "ستتلقى العلاج الكيميائي على ست دورات، بمعدل دورة كل واحد وعشرين يومًا. وقبل موعد "
        "كل دورة بيوم أو يومين يُجرى لك تعداد الدم الكامل.",
        "ستتلقى العلاج الكيميائي على ست دورات، بمعدل دورة كل يوم. وقبل موعد كل دورة بيوم أو "
        "يومين يُجرى لك تعداد الدم الكامل."),
    # the dual of an injection is two
    ("numbers", "It is given as 2 injections under the skin once a month.", "ar"): (
        "يُعطى على شكل حقنتين تحت الجلد مرة واحدة شهرياً.",
        "يُعطى على شكل 3 حقن تحت الجلد مرة واحدة شهرياً."),
    # a name spelt the language's way; another product's name
    ("glossary", "Ropinirole: take 0.25 mg three times a day.", "es"): (
        "Ropinirol: tome 0,25 mg tres veces al día.",
        "Requip: tome 0,25 mg tres veces al día."),
    # calcium with the article (كال is no clitic and article there)
    ("glossary", "Before your DXA scan, do not take calcium tablets for 24 hours. Read our "
     "bone density page.", "ar"): (
        "قبل فحص كثافة العظام (DXA)، لا تتناول أقراص الكالسيوم لمدة 24 ساعة. اقرأ صفحتنا "
        "الخاصة بفحص كثافة العظام.",
        "قبل فحص كثافة العظام (DXA)، لا تتناول أقراص البوتاسيوم لمدة 24 ساعة. اقرأ صفحتنا "
        "الخاصة بفحص كثافة العظام."),
    # the eardrum is of the ear; the eye is another organ
    ("glossary", "Your check-up after ear tube surgery is on Wednesday.", "ru"): (
        "Контрольный осмотр после установки шунтов в барабанную перепонку состоится в среду.",
        "Контрольный осмотр после операции на глазу состоится в среду."),
    # a limit with its negation after the comparative; the negation gone
    ("quantities", EYE_DROPS, "ru"): (
        "Больше одной капли в день закапывать нельзя.",
        "Больше одной капли в день закапывать можно."),
    # "not dangerous" is safe
    ("negation", FLYING, "ru"): (
        "Не летайте, пока хирург не подтвердит, что это вам не опасно.",
        "Не летайте, пока хирург не подтвердит, что это вам опасно."),
}


test_faithful_passes_and_the_edit_is_found = both_ways(BOTH_WAYS)


# correct translations the checks used to flag
PASSES = [
    # "until it is soaked" says how far, no condition
    ("Apply the lotion to dry hair until it is soaked, then leave it on for 10 minutes.", "ru",
     "Нанесите лосьон на сухие волосы, чтобы они полностью пропитались, и оставьте на "
     "10 минут."),
    # "at about the same time each day" said without the day
    ("Apply one patch every 24 hours, at about the same time each day.", "ru",
     "Наклеивайте один пластырь каждые 24 часа примерно в одно и то же время."),
    # an INN the language writes alike
    ("In week 1, take 20 mg of venetoclax once a day.", "es",
     "En la semana 1, tome 20 mg de venetoclax una vez al día."),
    # months of age
    ("Children aged 2 months to under 3 years receive 0.25 ml.", "zh",
     "2月龄至未满3岁的儿童每次注射0.25毫升。"),
    # the glossary's vaccination and follow-up as Russian says them before a noun
    ("Your follow-up appointment is on Wednesday 9 October. Please bring their vaccination "
     "record.", "ru",
     "Повторный приём назначен на среду, 9 октября. Пожалуйста, возьмите с собой "
     "прививочный сертификат ребёнка."),
]


test_correct_translation_passes = all_pass(PASSES)
