"""Rules of round 41, each shown both ways: what a careful translator may write passes, and
the dangerous edit of the same sentence is an error (pipeline.checks, as `pipeline check`
runs them)."""

from __future__ import annotations

from test_probes import all_pass, both_ways

VORICONAZOLE = ("Adults weighing 40 kg or more take 400 mg every 12 hours for the first 24 "
                "hours, then 200 mg every 12 hours.")
SCIATICA = ("Seek urgent help if you notice numbness between your legs or around your bottom, "
            "or cannot control your bladder or bowels.")

# (check, English, language): (a faithful translation, the dangerous edit)
BOTH_WAYS = {
    # how long said before how often keeps the roles; "every" moved to the other value
    ("quantities", VORICONAZOLE, "zh"): (
        "体重40公斤及以上的成人，最初24小时内每12小时服用400毫克，之后每12小时服用200毫克。",
        "体重40公斤及以上的成人，最初12小时内每24小时服用400毫克，之后每12小时服用200毫克。"),
    ("quantities", VORICONAZOLE, "es"): (
        "Durante las primeras 24 horas, los adultos de 40 kg o más toman 400 mg cada 12 "
        "horas y después 200 mg cada 12 horas.",
        "Durante las primeras 12 horas, los adultos de 40 kg o más toman 400 mg cada 24 "
        "horas y después 200 mg cada 12 horas."),
    # "cannot control" said "stop controlling"; the control said as kept is the edit
    ("negation", SCIATICA, "ru"): (
        "Срочно обратитесь за помощью, если заметите онемение между ног или вокруг ягодиц "
        "либо перестанете контролировать мочеиспускание или стул.",
        "Срочно обратитесь за помощью, если заметите онемение между ног или вокруг ягодиц "
        "либо будете контролировать мочеиспускание или стул."),
    # 臀部 is the bottom the source says, read whole (not the 臀 of it); the bladder made
    # a buttock is the edit
    ("glossary", SCIATICA, "zh"): (
        "如果发现两腿之间或臀部周围麻木，或者无法控制排尿或排便，请立即求医。",
        "如果发现两腿之间或臀部周围麻木，或者无法控制臀部或排便，请立即求医。"),
    # "may not stick" said "may stick badly"
    ("negation", "Do not apply creams to the area, as the patch may not stick.", "ru"): (
        "Не наносите на это место кремы, иначе пластырь может плохо держаться.",
        "Наносите на это место кремы, иначе пластырь может плохо держаться."),
    # "7:30 in the evening" is 19:30
    ("dates", "Take it at 7:30 in the morning and 7:30 in the evening.", "fr"): (
        "Prenez-le à 7 h 30 et à 19 h 30.",
        "Prenez-le à 7 h 30 et à 7 h 30 du matin."),
    # a second "do not" said «ni» before its own verb
    ("negation", "Do not have fizzy drinks, and do not drink through a straw.", "es"): (
        "No tome bebidas con gas ni beba con pajita.",
        "No tome bebidas con gas y beba con pajita."),
    # "twice a week" said as two applications a week
    ("frequency", "After that, reduce to twice a week.", "fr"): (
        "Ensuite, passez à deux applications par semaine.",
        "Ensuite, passez à trois applications par semaine."),
    # a dual of years
    ("time-units", "It is given every 3 weeks for up to two years.", "ar"): (
        "يُعطى كل 3 أسابيع لمدة أقصاها سنتان.",
        "يُعطى كل 3 أسابيع لمدة أقصاها شهران."),
    # a list item at bedtime, said «перед сном»
    ("omission", "Take one tablet four times a day, one hour before each meal and at "
     "bedtime.", "ru"): (
        "Принимайте по одной таблетке четыре раза в день: за час до каждого приёма пищи и "
        "перед сном.",
        "Принимайте по одной таблетке четыре раза в день: за час до каждого приёма пищи."),
}


test_faithful_passes_and_the_edit_is_found = both_ways(BOTH_WAYS)


# correct translations the checks used to flag
PASSES = [
    # "sitting" is "sit" in the dictionary
    ("Swallow the tablets with a full glass of water, sitting or standing up.", "zh",
     "请坐着或站着，用一整杯水送服药片。"),
    # "4 doses in 24 hours" said every 24 hours
    ("Give 5 ml every 6 hours, no more than 4 doses in 24 hours.", "zh",
     "每隔6小时服5毫升，每24小时最多服用4次。"),
    # three months is how long, not what "twice" is per
    ("Use the spray twice a day for at least 3 months.", "ru",
     "Не менее трёх месяцев делайте впрыскивания дважды в день."),
    # feet said «ноги»
    ("Keep your hands and feet warm with gloves and thick socks.", "ru",
     "Держите руки и ноги в тепле: носите перчатки и толстые носки."),
    # a species with its genus's initial, and drug names written alike
    ("To prevent vivax malaria from coming back, take 30 mg of primaquine once a day.", "ru",
     "Чтобы предотвратить рецидив малярии, вызванной P. vivax, принимайте примахин по 30 мг "
     "один раз в день."),
    ("Take riluzole 50 mg twice a day.", "fr", "Prenez le riluzole 50 mg deux fois par jour."),
    # "at least 3 days beforehand" said at the latest three days before
    ("If you have diabetes, call us at least 3 days beforehand.", "zh",
     "糖尿病患者请最晚在检查前三天打电话联系我们。"),
    # a stoma nurse in one word; a comma-less Russian participle phrase
    ("Contact the stoma nurse the same day.", "fr",
     "Contactez la stomathérapeute le jour même."),
    ("It does not protect you against sexually transmitted infections.", "ru",
     "Она не защищает от инфекций передающихся половым путем."),
]


test_correct_translation_passes = all_pass(PASSES)
