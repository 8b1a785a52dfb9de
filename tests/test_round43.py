"""Rules of round 43, each shown both ways: what a careful translator may write passes, and
the dangerous edit of the same sentence is an error (pipeline.checks, as `pipeline check`
runs them)."""

from __future__ import annotations

from test_probes import all_pass, both_ways

FASTING = ("If your operation is in the afternoon, you may have a light breakfast before "
           "7:30 am and drink water until 11:30 am.")
SYRINGE = ("The syringe driver delivers your medicines over 24 hours. A nurse will refill it "
           "every day and move the needle every 3 to 5 days.")
MEMANTINE = ("Take 5 mg once a day in week 1, 10 mg in week 2, 15 mg in week 3, and 20 mg "
             "once a day from week 4 onwards.")

# (check, English, language): (a faithful translation, the dangerous edit)
BOTH_WAYS = {
    # clock times swapped between two clauses
    ("quantities", FASTING, "es"): (
        "Si su operación es por la tarde, puede tomar un desayuno ligero antes de las 7:30 y "
        "beber agua hasta las 11:30.",
        "Si su operación es por la tarde, puede tomar un desayuno ligero antes de las 11:30 y "
        "beber agua hasta las 7:30."),
    ("quantities", FASTING, "fr"): (
        "Si votre opération a lieu l'après-midi, vous pouvez prendre un petit-déjeuner léger "
        "avant 7 h 30 et boire de l'eau jusqu'à 11 h 30.",
        "Si votre opération a lieu l'après-midi, vous pouvez prendre un petit-déjeuner léger "
        "avant 11 h 30 et boire de l'eau jusqu'à 7 h 30."),
    # "every day" beside "every 3 to 5 days" is no "every 3 days"; "24 hours" is kept by the
    # hours, not by the source's own day
    ("time-units", SYRINGE, "es"): (
        "La bomba de jeringa le administra los medicamentos durante 24 horas. Una enfermera "
        "la recargará cada día y cambiará la aguja cada 3 a 5 días.",
        "La bomba de jeringa le administra los medicamentos durante 24 minutos. Una enfermera "
        "la recargará cada día y cambiará la aguja cada 3 a 5 días."),
    # a week's number before a comma is no milligrams; the doses in another order are
    ("quantities", MEMANTINE, "fr"): (
        "Prenez 5 mg une fois par jour la semaine 1, 10 mg la semaine 2, 15 mg la semaine 3, "
        "puis 20 mg une fois par jour à partir de la semaine 4.",
        "Prenez 20 mg une fois par jour la semaine 1, 10 mg la semaine 2, 15 mg la semaine 3, "
        "puis 5 mg une fois par jour à partir de la semaine 4."),
    # "if you skip breakfast" said with a «no» of its own, which stands for no lost "not"
    ("negation", "If you skip breakfast, do not take the tablet that day.", "es"): (
        "Si no desayuna, no tome el comprimido ese día.",
        "Si no desayuna, tome el comprimido ese día."),
    # the second dose, 第二次, is no count of times
    ("frequency", "Take it twice a day, with the second dose no later than 4 pm.", "zh"): (
        "每天两次，第二次服药不要晚于下午4点。",
        "每天三次，第二次服药不要晚于下午4点。"),
    # «لا تشرب أكثر من وحدتين» is a limit: the second "do not" must stay
    ("negation", "Do not drink more than 2 units of alcohol a day and do not take "
     "anti-inflammatory painkillers.", "ar"): (
        "لا تشرب أكثر من وحدتين من الكحول يوميًا ولا تتناول مسكنات الألم المضادة للالتهاب.",
        "لا تشرب أكثر من وحدتين من الكحول يوميًا وتناول مسكنات الألم المضادة للالتهاب."),
    # two units said with the noun's dual; one unit is another value
    ("numbers", "Increase the dose by 2 units every 3 days.", "ar"): (
        "زد الجرعة بمقدار وحدتين كل 3 أيام.",
        "زد الجرعة بمقدار وحدة كل 3 أيام."),
    # "between injections" said "between two injections"; two injections for one are not
    ("numbers", "You will have a leuprorelin injection every 12 weeks; never let the gap "
     "between injections go beyond 13 weeks.", "fr"): (
        "Vous recevrez une injection de leuproréline toutes les 12 semaines ; ne laissez "
        "jamais passer plus de 13 semaines entre deux injections.",
        "Vous recevrez deux injections de leuproréline toutes les 12 semaines ; ne laissez "
        "jamais passer plus de 13 semaines entre deux injections."),
    # the stressed negation said in another place among the stressed parts; stress taken
    # off the negation
    ("markup", "**Do not** take it within **36 hours** of your last dose.", "zh"): (
        "最后一次服药后的**36小时**内，**不要**服用本药。",
        "最后一次服药后的**36小时**内，不要服用**本药**。"),
}

test_faithful_passes_and_the_edit_is_found = both_ways(BOTH_WAYS)

# correct translations the checks used to flag
PASSES = [
    # the thyroid of "antithyroid", a thyroid blood test as a thyroid function test
    ("Read our antithyroid medicine leaflet if you develop a sore throat.", "zh",
     "如果出现咽痛，请阅读我们的抗甲状腺药物说明。"),
    ("You will need a thyroid blood test in 6 weeks.", "fr",
     "Vous devrez faire un bilan thyroïdien sanguin dans 6 semaines."),
    # a cushion is no cataract; the sleep apnoea said another way
    ("Replace the mask cushion of your sleep apnoea machine every 3 months.", "ar",
     "استبدل وسادة القناع في جهاز علاج انقطاع النفس أثناء النوم كل 3 أشهر."),
    # a dental paste said as an oral one; «лёгкими касаниями» (light touches) is no lung
    ("Dab triamcinolone dental paste onto the ulcer three times a day.", "fr",
     "Tamponnez de la pâte buccale à la triamcinolone sur l'aphte trois fois par jour."),
    ("Dab triamcinolone dental paste onto the ulcer three times a day.", "ru",
     "Три раза в день наносите стоматологическую пасту с триамцинолоном на язвочку "
     "лёгкими касаниями."),
    # millimetres in Latin letters; international units; INN endings
    ("Apply the cream in a layer about 3 mm thick.", "zh", "涂一层约3 mm厚的乳膏。"),
    ("Inject 3,500 units of bemiparin once a day.", "zh", "每天皮下注射贝米肝素3500国际单位。"),
    ("Take relugolix and fezolinetant as prescribed.", "es",
     "Tome relugolix y fezolinetant según lo prescrito."),
    # "no later than" said 不要晚于; "sudden" said 突发; a bypass and an implantable
    ("Take the second dose no later than 4 pm.", "zh", "第二剂不要晚于下午4点服用。"),
    ("It does not relieve sudden breathlessness.", "zh", "它不能缓解突发的呼吸困难。"),
    ("After your bypass surgery, do not drive for 4 weeks.", "es",
     "Después de su cirugía de bypass, no conduzca durante 4 semanas."),
    # "to avoid dizziness" said «избежите»
    ("To avoid dizziness, sit on the edge of the bed for 1 minute.", "ru",
     "Посидите одну минуту на краю кровати, так вы избежите головокружения."),
]

test_correct_translation_passes = all_pass(PASSES)
