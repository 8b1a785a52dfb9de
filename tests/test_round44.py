"""Rules of round 44, each shown both ways: what a careful translator may write passes, and
the dangerous edit of the same sentence is an error (pipeline.checks, as `pipeline check`
runs them)."""

from __future__ import annotations

from test_probes import all_pass, both_ways

SACHETS = ("Take one 10 g sachet three times a day for the first 2 days, then one 5 g sachet "
           "once a day.")
IRON = ("Take ferrous fumarate 210 mg tablets: 1 tablet a day for the first 7 days, then 2 "
        "tablets a day for 12 weeks.")
BLEEDING = ("If the bleeding has not stopped after 20 minutes, keep pressing firmly and call "
            "999.")

# (check, English, language): (a faithful translation, the dangerous edit)
BOTH_WAYS = {
    # grams are a unit whose values keep their order
    ("quantities", SACHETS, "fr"): (
        "Prenez un sachet de 10 g trois fois par jour pendant les 2 premiers jours, puis un "
        "sachet de 5 g une fois par jour.",
        "Prenez un sachet de 5 g trois fois par jour pendant les 2 premiers jours, puis un "
        "sachet de 10 g une fois par jour."),
    ("quantities", SACHETS, "zh"): (
        "前2天每次1袋10克，每天三次；之后每次1袋5克，每天一次。",
        "前2天每次1袋5克，每天三次；之后每次1袋10克，每天一次。"),
    # counts of tablets found by the language's dose nouns («comprimido», 片)
    ("quantities", IRON, "es"): (
        "Tome comprimidos de fumarato ferroso de 210 mg: 1 comprimido al día durante los "
        "primeros 7 días y, después, 2 comprimidos al día durante 12 semanas.",
        "Tome comprimidos de fumarato ferroso de 210 mg: 2 comprimidos al día durante los "
        "primeros 7 días y, después, 1 comprimido al día durante 12 semanas."),
    ("quantities", IRON, "zh"): (
        "服用富马酸亚铁210毫克片：前7天每天1片，之后每天2片，连续服用12周。",
        "服用富马酸亚铁210毫克片：前7天每天2片，之后每天1片，连续服用12周。"),
    # "has not stopped" said "goes on"; the edit says it stopped
    ("negation", BLEEDING, "fr"): (
        "Si le saignement persiste après 20 minutes, maintenez une pression ferme et composez "
        "le 999.",
        "Si le saignement s'est arrêté après 20 minutes, maintenez une pression ferme et "
        "composez le 999."),
    # «仍未止血» has its own negation: the 仍 stands for no other lost "not"
    ("negation", "Press firmly for 10 minutes without lifting your fingers, and call 999 if "
     "the bleeding has not stopped.", "zh"): (
        "请用力按压10分钟，期间不要松开手指；如果仍未止血，请拨打999。",
        "请用力按压10分钟，期间可松开手指；如果仍未止血，请拨打999。"),
    # "harmless" said in one word: the «без» of "without advice" is the source's "without"
    ("negation", "This is harmless, but do not stop the tablets without advice.", "ru"): (
        "Это безвредно, но не прекращайте приём таблеток без консультации.",
        "Это безвредно, но прекращайте приём таблеток без консультации."),
    # "with food or always without": the source's own "without"
    ("negation", "Take it the same way each time, either always with food or always "
     "without.", "ru"): (
        "Принимайте его всегда одинаково: либо всегда во время еды, либо всегда вне приёма "
        "пищи.",
        "Принимайте его всегда одинаково: либо всегда во время еды, либо всегда с едой."),
    # a hyphenated word's parts: the blood of "blood-thinning"; the item gone
    ("omission", "Go to the emergency department if your nosebleed lasts longer than 20 "
     "minutes, if you feel dizzy, or if you take blood-thinning medicine.", "ar"): (
        "توجّه إلى قسم الطوارئ إذا استمر نزيف الأنف أكثر من 20 دقيقة، أو إذا شعرت بالدوخة، "
        "أو إذا كنت تتناول أدوية مميّعة للدم.",
        "توجّه إلى قسم الطوارئ إذا استمر نزيف الأنف أكثر من 20 دقيقة، أو إذا شعرت "
        "بالدوخة."),
    # the «ни» of a concession is no negation: the "never" gone is found
    ("negation", "Never shake your baby, however frustrated or tired you feel.", "ru"): (
        "Никогда не трясите ребёнка, как бы вы ни были раздражены или измотаны.",
        "Трясите ребёнка, как бы вы ни были раздражены или измотаны."),
}

test_faithful_passes_and_the_edit_is_found = both_ways(BOTH_WAYS)

# correct translations the checks used to flag
PASSES = [
    # a concession is no list item
    ("Never shake your baby, however frustrated or tired you feel.", "fr",
     "Ne secouez jamais votre bébé, même si vous vous sentez à bout ou épuisé."),
    # the Arabic "with food or without" says without, as the source
    ("Take it either always with food or always without.", "ar",
     "تناوله إما دائمًا مع الطعام وإما دائمًا من دون طعام."),
    # newborns, an outpatient said with the feminine, «всё равно» for "even if"
    ("Avoid contact with pregnant women, newborn babies and people with a weakened immune "
     "system.", "es",
     "Evite el contacto con mujeres embarazadas, recién nacidos y personas con el sistema "
     "inmunitario debilitado."),
    ("You may be offered remdesivir as an outpatient.", "es",
     "Puede que le ofrezcan remdesivir de forma ambulatoria."),
    ("Keep taking the tablets even if your diarrhoea settles sooner.", "ru",
     "Если диарея пройдёт раньше, всё равно продолжайте принимать таблетки."),
    # an INN ending -ac
    ("Rub felbinac 3% gel into the sore ankle 2 to 4 times a day.", "fr",
     "Appliquez le gel de felbinac à 3 % sur la cheville douloureuse 2 à 4 fois par jour."),
    # "**twice a day**" stressed as «**2 раза в день**» beside another 2
    ("Rinse your nose **twice a day** for 2 weeks.", "ru",
     "Промывайте нос **2 раза в день** в течение 2 недель."),
]

test_correct_translation_passes = all_pass(PASSES)
