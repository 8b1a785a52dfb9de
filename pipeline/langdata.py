"""Word tables the meaning checks need, keyed by base language (add a language: add rows).

Each table maps a base language ("es", "ru", "zh") to its words; a check asks `covered`
whether a language has the data it needs, and says so instead of guessing when it does not.
Month names come from Babel (CLDR), never from a table here.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from pipeline.languages import base_language

# "Dangerous": the source's "not safe" (or "unsafe") may be said with it, and only that.
DANGEROUS: dict[str, tuple[str, ...]] = {
    "es": ("peligros~",), "fr": ("dangereu~",), "ru": ("опасн~",), "ar": ("خطير~", "خطر"),
    "zh": ("危险",),
}
# "Differs": what "does not match" or "is not the same as" may be said with («расходится с
# вашим самочувствием», «مخالفة لما تشعر به»).
DIFFERS: dict[str, tuple[str, ...]] = {
    "es": ("diferent~", "distint~", "difier~", "discrepa~"),
    "fr": ("différ~", "discordan~"),
    "ru": ("расход~", "расхож~", "отлича~"),
    "ar": ("مخالف~", "يختلف", "تختلف", "مختلف~", "يخالف", "تخالف"),
    "zh": ("不同", "有出入", "差异", "偏差"),
}
# "Not … properly/well" said as "badly": «elle risque d'être mal absorbée», «плохо всасываться».
BADLY: dict[str, tuple[str, ...]] = {
    "es": ("mal",), "fr": ("mal",), "ru": ("плохо",), "ar": ("بشكل سيئ", "بصورة سيئة"),
}
# "Stop", "cease", "disappear": what "do not take it (on the day of …)" and "until no more
# … appears" may be said with («arrêtez ce médicament», «hasta que deje de salir», 停用).
STOPPING: dict[str, tuple[str, ...]] = {
    "es": ("deje de", "dejen de", "deja de", "dejar de", "ya no", "suspend~", "interrump~",
           "desaparezc~", "desaparición"),
    "fr": ("arrêtez", "arrêter", "arrête", "arrêtent", "cessez", "cesser", "cesse", "cessent",
           "interromp~", "suspend~", "disparition", "disparaisse~"),
    "ru": ("прекрат~", "перестан~", "исчезн~", "отмен~"),
    "ar": ("توقف", "توقفي", "يتوقف", "تتوقف", "أوقف", "أوقفي", "يختفي", "تختفي", "اختفاء"),
    "zh": ("停用", "停服", "停药", "停止", "消失"),
}
# "Only once", "only after": what "do not … until" may be said with («ne la reprenez qu'une
# fois que…», «لا تعاود … إلا بعد», «方可恢复»).
ONLY_AFTER: dict[str, tuple[str, ...]] = {
    "es": ("solo cuando", "sólo cuando", "solo después", "sólo después", "solo tras",
           "sólo tras", "únicamente cuando", "únicamente después"),
    "fr": ("qu'une fois", "qu’une fois", "qu'après", "qu’après", "que lorsque",
           "que quand", "qu'au moment", "qu’au moment"),
    "ru": ("только после", "только когда", "лишь после", "лишь когда", "только тогда"),
    "ar": ("إلا بعد", "إلا عندما", "إلا حين"),
    "zh": ("方可", "才能", "才可", "后再"),
}
# …or "wait until": «espere a que la enfermera lo compruebe antes de levantarse» (where the
# source's own verb is no "wait": "do not wait until…" said «дождитесь» lost its "not")
WAIT_UNTIL: dict[str, tuple[str, ...]] = {
    "es": ("espere a que", "espere hasta que", "esperen a que"),
    "fr": ("attendez que", "attendez qu'", "attendez qu’", "attendez d'", "attendez d’"),
    "ru": ("дождитесь", "подождите, пока", "подождите, когда"),
    "ar": ("انتظر حتى", "انتظري حتى"),
}
# "…, not even X" after a negated clause, said with the clause's own negation and "even":
# «ничего не кладите в рот — даже пальцы», «no le dé nada, ni siquiera agua»
EVEN: dict[str, tuple[str, ...]] = {
    "es": ("siquiera", "incluso"), "fr": ("même",), "ru": ("даже",), "ar": ("حتى",),
    "zh": ("连", "即使", "哪怕", "甚至"),
}
# "Instead of": the value after it is the one not to use, wherever a translation puts it
# («вместо обычного мешка 1,36 % — мешок 2,27 %»).
INSTEAD: dict[str, tuple[str, ...]] = {
    "es": ("en lugar de", "en vez de"),
    "fr": ("au lieu de", "au lieu d'", "plutôt que", "plutôt qu'", "plutôt qu’"),
    "ru": ("вместо",), "ar": ("بدلًا من", "بدلا من", "بدلاً من", "عوضًا عن", "عوضا عن"),
    "zh": ("而不是", "代替", "取代"),
}
# The sides of the body (pipeline.checks.terms.side_swapped): "left", "right" said as the
# language says them; Chinese 左右 ("about") is neither.
SIDES: dict[str, dict[str, tuple[str, ...]]] = {
    "es": {"left": ("izquierd~",), "right": ("derech~",)},
    "fr": {"left": ("gauche~",), "right": ("droit", "droite", "droits", "droites")},
    "ru": {"left": ("левый", "левая", "левое", "левой", "левую", "левом", "левые", "левых",
                    "левого", "левому", "левым", "левыми", "слева", "налево"),
           "right": ("правый", "правая", "правое", "правой", "правую", "правом", "правые",
                     "правых", "правого", "правому", "правым", "правыми", "справа",
                     "направо")},
    "ar": {"left": ("أيسر", "الأيسر", "اليسرى", "يسرى", "يسار", "اليسار"),
           "right": ("أيمن", "الأيمن", "اليمنى", "يمنى", "يمين", "اليمين")},
    "zh": {"left": ("左",), "right": ("右",)},
}
# …and its front and back ("the front of your thigh": «la parte delantera del muslo»).
FRONT_BACK: dict[str, dict[str, tuple[str, ...]]] = {
    "es": {"front": ("delanter~", "frontal~", "cara anterior", "parte anterior"),
           "back": ("traser~", "cara posterior", "parte posterior", "parte de atrás")},
    "fr": {"front": ("avant", "devant", "antérieur~"),
           "back": ("arrière", "derrière", "postérieur~")},
    "ru": {"front": ("передн~",), "back": ("задн~",)},
    "ar": {"front": ("أمام~", "الأمامي", "الأمامية", "أمامي", "أمامية"),
           "back": ("خلف~", "الخلفي", "الخلفية", "خلفي", "خلفية")},
    "zh": {"front": ("前侧", "前面", "前方", "前部", "正面"),
           "back": ("后侧", "后面", "后方", "后部", "背面", "后壁")},
}
# "Do not leave it on" said as "take it off": «retirez-le», «quíteselo», «снимите», انزعه, 取下.
TAKE_OFF: dict[str, tuple[str, ...]] = {
    "es": ("quít~", "quit~", "retír~", "retir~", "sáque~", "saque~", "sacar"),
    "fr": ("retir~", "enlev~", "enlèv~", "ôte~", "ôtez", "ôter"),
    "ru": ("сним~", "снять", "сними~", "снима~"),
    "ar": ("انزع~", "اخلع~", "أزل", "أزيل~", "إزالة", "نزع~", "خلع~", "ينزع~", "تنزع~"),
    "zh": ("取下", "摘下", "脱下", "取掉", "摘掉", "拿掉", "除去"),
}
# "someone who cannot swallow" said as "unable to": «incapable d'avaler», «incapaz de».
UNABLE: dict[str, tuple[str, ...]] = {
    "es": ("incapaz", "incapaces", "imposibilitad~"),
    "fr": ("incapable~", "dans l'impossibilité", "dans l’impossibilité", "empêchement",
           "empêché~"),
    "ru": ("неспособ~",), "ar": ("عاجز~", "يعجز", "تعجز", "عجز~"),
    "zh": ("难以",),
}
# "Cannot control your bladder" said "lose control of" or "stop controlling": «pierde el
# control», «perdez le contrôle», «перестанете контролировать», «فقدت السيطرة», 失去控制.
CONTROL_LOST: dict[str, tuple[str, ...]] = {
    "es": ("pierde el control", "pierda el control", "pierden el control", "pierdan el control",
           "pérdida del control", "pérdida de control"),
    "fr": ("perdez le contrôle", "perd le contrôle", "perdent le contrôle", "perdiez le contrôle",
           "perte de contrôle", "perte du contrôle"),
    "ru": ("перестанете контролир~", "перестанет контролир~", "перестаёте контролир~",
           "перестаете контролир~", "потеряете контрол~", "потеря контрол~",
           "потери контрол~", "утрата контрол~", "утраты контрол~"),
    "ar": ("فقدت السيطرة", "فقدان السيطرة", "تفقد السيطرة", "تفقدين السيطرة", "يفقد السيطرة",
           "فقد السيطرة"),
    "zh": ("失去控制", "失控", "失禁"),
}
# English words a language has taken as they are and its Hunspell dictionary lacks (no
# English left there): «un tatuaje o un piercing».
LOANWORDS: dict[str, frozenset[str]] = {
    "es": frozenset({"piercing", "piercings", "halal", "kosher", "sleeve", "bypass",
                     "implantable", "implantables"}),
    "fr": frozenset({"piercing", "piercings", "halal", "kosher", "sleeve", "bypass"}),
}
# Noon and midnight as words: "by 12 noon" said «avant midi», «до полудня», 中午前.
NOON: dict[str, tuple[str, ...]] = {
    "es": ("mediodía", "medianoche"), "fr": ("midi", "minuit"),
    "ru": ("полдень", "полудня", "полночь", "полуночи"),
    "ar": ("الظهر", "الظهيرة", "منتصف الليل"), "zh": ("中午", "正午", "午夜", "半夜"),
}
# How often said by the period alone: "once a week" said «еженедельно», «chaque semaine».
EVERY_PERIOD: dict[str, dict[str, tuple[str, ...]]] = {
    "es": {"day": ("diariamente", "a diario", "cada día"), "week": ("semanalmente",
                                                                   "cada semana"),
           "month": ("mensualmente", "cada mes"), "year": ("anualmente", "cada año")},
    "fr": {"day": ("quotidiennement", "chaque jour", "tous les jours"),
           "week": ("chaque semaine", "toutes les semaines", "hebdomadaire~"),
           "month": ("chaque mois", "tous les mois", "mensuel~"),
           "year": ("chaque année", "tous les ans", "annuel~")},
    "ru": {"day": ("ежедневн~", "ежесуточн~"), "week": ("еженедельн~",),
           "month": ("ежемесячн~",), "year": ("ежегодн~",)},
    "ar": {"day": ("يوميا", "يوميًا", "كل يوم"), "week": ("أسبوعيا", "أسبوعيًا", "كل أسبوع"),
           "month": ("شهريا", "شهريًا", "كل شهر"), "year": ("سنويا", "سنويًا", "كل سنة", "كل عام")},
}
# What a thing is done per, by the period alone, counted or not ("daily", "a week"; «al día»,
# «par semaine», «в месяц», «في الأسبوع», 每周): a rate, not a duration («2 semanas»).
PER_PERIOD: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"day": ("daily", "a day", "per day", "every day", "each day", "nightly",
                   "every morning", "every evening", "every night", "each morning",
                   "each evening", "each night"),
           "week": ("weekly", "a week", "per week", "every week", "each week"),
           "month": ("monthly", "a month", "per month", "every month", "each month")},
    "zh": {"day": ("每天", "每日", "每晚", "每早"), "week": ("每周", "每星期", "每个星期"),
           "month": ("每月", "每个月")},
    # …the period alone (EVERY_PERIOD), and with what a count goes with («dos veces al día»)
    **{lang: {unit: (*EVERY_PERIOD[lang][unit], *counted) for unit, counted in units.items()}
       for lang, units in {
           "es": {"day": ("al día", "por día", "diari~", "todos los días", "cada mañana",
                          "cada noche", "todas las noches", "todas las mañanas"),
                  "week": ("por semana", "a la semana", "semanal~", "todas las semanas"),
                  "month": ("al mes", "por mes", "mensual~", "todos los meses")},
           "fr": {"day": ("par jour", "quotidien~", "chaque matin", "chaque soir",
                          "tous les soirs", "tous les matins"),
                  "week": ("par semaine",), "month": ("par mois",)},
           "ru": {"day": ("в день", "в сутки", "каждый день", "каждое утро", "каждый вечер"),
                  "week": ("в неделю", "каждую неделю"), "month": ("в месяц", "каждый месяц")},
           "ar": {"day": ("في اليوم", "كل صباح", "كل مساء", "كل ليلة"), "week": ("في الأسبوع",),
                  "month": ("في الشهر",)},
       }.items()},
}
# "You do not need a full bladder" said as "needless": «inutile d'avoir la vessie pleine».
NEEDLESS: dict[str, tuple[str, ...]] = {
    "es": ("innecesari~",), "fr": ("inutile~", "superflu~"),
    "ru": ("необязательн~", "незачем", "ненужн~"),
}
# "Told you not to" said as "forbidden": «si la enfermera se lo ha prohibido», «запретила».
FORBID: dict[str, tuple[str, ...]] = {
    "es": ("prohib~",), "fr": ("interdi~", "défend~"), "ru": ("запрет~", "запрещ~"),
    "ar": ("منع~", "يمنع~", "تمنع~", "حظر~"), "zh": ("禁止",),
}
# "Do not visit" said as "abstain": «absténgase de venir» (only words NEGATION lacks).
ABSTAIN: dict[str, tuple[str, ...]] = {
    "es": ("absténga~", "abstenga~"), "ar": ("اجتنب~",),
}
# …and "avoid alcohol" as "give it up": «supprimez l'alcool», «откажитесь», 戒酒.
GIVE_UP: dict[str, tuple[str, ...]] = {
    "es": ("suprim~", "elimin~"), "fr": ("supprim~", "proscri~", "bannis~"),
    "ru": ("откаж~", "отказ~", "исключ~"), "ar": ("ابتعد~", "اجتنب~", "امنع~", "وامنع~"),
    "zh": ("戒", "忌"),
}
# "If there is no improvement" said "in the absence of": «en l'absence d'amélioration».
ABSENCE: dict[str, tuple[str, ...]] = {
    "es": ("en ausencia", "a falta de", "ausencia de"), "fr": ("en l'absence", "en l’absence",
                                                           "absence d", "faute d"),
    "ru": ("при отсутствии", "в отсутствие", "отсутстви~"), "ar": ("في غياب", "عند غياب"),
}
# "4 days with no treatment" said "a 4-day break": «перерыв на 4 дня», 停药4天.
PAUSE: dict[str, tuple[str, ...]] = {
    "es": ("descanso", "pausa", "interrup~"), "fr": ("pause", "interrup~", "arrêt~"),
    "ru": ("перерыв~",), "ar": ("توقف~", "استراحة", "انقطاع"), "zh": ("停药", "停用", "休息"),
}
# "No symptoms" said "asymptomatic": «протекает бессимптомно».
SYMPTOMLESS: dict[str, tuple[str, ...]] = {
    "es": ("asintomátic~",), "fr": ("asymptomatique~",), "ru": ("бессимптомн~",),
}
# "Never … without" said as "always": «pour toujours disposer d'un stylo», 始终有…
ALWAYS: dict[str, tuple[str, ...]] = {
    "es": ("siempre",), "fr": ("toujours",), "ru": ("всегда",),
    "ar": ("دائمًا", "دائما", "دائماً", "دومًا", "دوما"), "zh": ("始终", "总是", "一直", "随时"),
}
# Words that bind the number after them to a role: above it, below it, from it on, up to it
# ("from the age of 60; if you are over 75"). Two of the source's numbers that the
# translation gives each other's role were exchanged (pipeline.checks.quantities).
BOUNDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"more": ("over", "more than", "above", "older than", "greater than",
                    "higher than", "exceeds", "exceeding"),
           "less": ("under", "less than", "below", "fewer than", "younger than",
                    "lower than"),
           "from": ("from", "from the age of", "starting at", "aged"),
           "most": ("up to", "until", "no more than", "at most")},
    "es": {"more": ("más de", "mayor de", "mayores de", "por encima de", "superior a",
                    "supera~"),
           "less": ("menos de", "menor de", "menores de", "por debajo de", "inferior a"),
           "from": ("a partir de", "a partir de los", "a partir de las", "desde"),
           "most": ("hasta", "como máximo")},
    "fr": {"more": ("plus de", "au-delà de", "supérieur à", "supérieure à", "supérieurs à",
                    "supérieures à", "dépass~"),
           "less": ("moins de", "en dessous de", "inférieur à", "inférieure à", "inférieurs à",
                    "inférieures à"),
           "from": ("à partir de", "dès", "depuis"),
           "most": ("jusqu'à", "jusqu’à", "au maximum")},
    "ru": {"more": ("больше", "более", "старше", "свыше", "выше"),
           "less": ("меньше", "менее", "младше", "ниже"),
           "from": ("начиная с", "с", "от"),
           "most": ("до", "не более")},
    "ar": {"more": ("أكثر من", "فوق", "يزيد عن", "تزيد عن", "أكبر من", "يتجاوز", "تتجاوز"),
           "less": ("أقل من", "دون", "تحت", "أصغر من"),
           "from": ("بدءا من", "بدءاً من", "ابتداء من", "ابتداءً من", "اعتبارا من",
                    "اعتباراً من", "من سن", "من عمر"),
           "most": ("حتى",)},
    "zh": {"more": ("超过", "高于", "大于", "多于"), "less": ("低于", "少于", "小于", "不到")},
}
# …and the bound words that follow their number ("160 or more", «140 o más», 160/90以下).
BOUNDS_AFTER: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"more": ("or more", "or above", "or higher", "or over", "and above", "or greater"),
           "less": ("or less", "or below", "or under", "or lower", "or fewer")},
    "es": {"more": ("o más", "o superior", "o mayor"), "less": ("o menos", "o inferior")},
    "fr": {"more": ("ou plus", "ou davantage", "ou au-delà"), "less": ("ou moins",)},
    "ru": {"more": ("или выше", "или больше", "или более"),
           "less": ("или ниже", "или меньше", "или менее")},
    "ar": {"more": ("أو أكثر", "أو أعلى", "فأكثر", "فما فوق"),
           "less": ("أو أقل", "فأقل", "فما دون")},
    "zh": {"more": ("或以上", "以上", "或更高", "或更多"),
           "less": ("或以下", "以下", "或更低", "或更少")},
}
# "Not safe" said as a negation and "safe" ("no es seguro", «небезопасно», «غير آمن»,
# 不安全), or as dangerous (DANGEROUS): what a translation of "it is safe" must not say.
UNSAFE: dict[str, tuple[str, ...]] = {
    "es": ("no es segur~", "no son segur~", "no resulta segur~", "insegur~", "peligros~"),
    "fr": ("pas sans danger", "pas sûr~", "pas sur~", "dangereu~"),
    "ru": ("небезопас~", "опасн~", "не безопас~"),
    "ar": ("غير آمن~", "غير الآمن~", "ليس آمن~", "ليس من الآمن", "خطير~"),
    "zh": ("不安全", "危险"),
}
# "Before": "without speaking to us first" may be said "before speaking to us" (the
# negation check counts one of these as the source's "without … first").
# "Before" said with a word that is no "until" as well (Russian's «до» is both).
BEFORE_ONLY: dict[str, tuple[str, ...]] = {
    "es": ("previ~", "anterior~"), "fr": ("précéd~",), "ru": ("перед", "накануне"),
    "ar": ("تسبق", "يسبق", "سابق~", "السابق~"),
}
# "From … until …" said "between … and …": «entre 1 heure avant et 8 heures après».
BETWEEN: dict[str, tuple[str, ...]] = {
    "es": ("entre",), "fr": ("entre",), "ru": ("между", "от"), "ar": ("بين", "من"),
    "zh": ("之间", "从"),
}
BEFORE: dict[str, tuple[str, ...]] = {
    "es": ("antes de",), "fr": ("avant de", "avant d'", "avant d’"),
    "ru": ("до того как", "прежде чем", "перед тем как", "пока не"), "ar": ("قبل",),
    "zh": ("之前", "以前", "应先", "请先"),
}
# "At the latest": how "at least 48 hours before" may be said ("48 hours before at the
# latest": 最晚在出发前48小时, «au plus tard 48 heures avant»).
AT_THE_LATEST: dict[str, tuple[str, ...]] = {
    "es": ("a más tardar", "como muy tarde", "como máximo"), "fr": ("au plus tard",),
    "ru": ("не позднее", "не позже"), "ar": ("في موعد أقصاه", "على أقصى تقدير", "كحد أقصى"),
    "zh": ("最晚", "最迟"),
}
# "Unless" as each language says it, or with "only" ("get in only with a physiotherapist"):
# what a translation of "unless" has, else an "if" («si», «если», إذا, 如果) with a negation
# of its own clause ("if … not": «если рядом нет физиотерапевта»), or a "without".
UNLESS_SAID: dict[str, tuple[str, ...]] = {
    "es": ("a menos que", "a no ser que", "salvo que", "salvo si", "salvo en", "salvo cuando",
           "excepto si", "excepto que", "excepto cuando", "solo", "sólo", "solamente",
           "únicamente", "siempre que", "siempre y cuando"),
    "fr": ("à moins que", "à moins qu'", "à moins qu’", "à moins d'", "à moins d’", "sauf",
           "seulement", "uniquement", "qu'en", "qu’en", "que si", "que lorsque", "que quand",
           "qu'après", "qu’après"),
    "ru": ("если только", "только", "лишь", "кроме", "за исключением", "разве что"),
    "ar": ("إلا", "ما لم", "فقط", "سوى"),
    "zh": ("除非", "只有", "只能", "只在", "仅在", "仅", "才", "否则", "不然"),
}
IF_SAID: dict[str, tuple[str, ...]] = {
    "es": ("si",), "fr": ("si", "s'il", "s'ils", "s’il", "s’ils"), "ru": ("если",),
    "ar": ("إذا", "إن", "لو"), "zh": ("如果", "若", "如", "假如", "要是"),
}
# "Avoiding scars" said as "away from scars" («lejos de cicatrices», «à distance des
# cicatrices», «в стороне от шрамов», «بعيدًا عن الندبات», 避开疤痕).
AWAY_FROM: dict[str, tuple[str, ...]] = {
    "es": ("lejos de", "lejos del", "alejad~", "aléjese", "apartad~", "apártese"),
    "fr": ("à distance de", "à distance des", "à distance du", "loin de", "loin des",
           "loin du", "à l'écart", "à l’écart", "éloigné~"),
    "ru": ("в стороне от", "подальше от", "вдали от", "вдалеке от", "в отдалении от"),
    "ar": ("بعيدا عن", "بعيدًا عن", "بعيداً عن"),
    "zh": ("避开", "远离", "躲开"),
}
# "Do not cut down on drinks" said as "keep drinking as before" («Continuez à boire», «Пейте
# столько же», «استمر في شرب»): a negation of stopping said as going on.
GOING_ON: dict[str, tuple[str, ...]] = {
    "es": ("siga", "sigan", "continúe", "continúen", "continuar", "mantenga", "igual que antes",
           "como hasta ahora"),
    "fr": ("continuez", "continuer", "poursuivez", "gardez", "autant qu'avant",
           "autant qu’avant", "comme avant"),
    "ru": ("продолж~", "столько же", "как и раньше", "по-прежнему"),
    "ar": ("استمر", "استمري", "واصل", "واصلي", "حافظ على", "حافظي على", "كالمعتاد",
           "المعتادة", "المعتاد"),
    "zh": ("继续", "保持", "照常", "照旧"),
}
# "Without food" said as "on an empty stomach" or "away from meals": a negation of the
# "without" kind (below), as the source's "without" is.
WITHOUT_FOOD: dict[str, tuple[str, ...]] = {
    "es": ("en ayunas", "fuera de las comidas"), "fr": ("à jeun", "en dehors des repas"),
    "ru": ("натощак", "вне приёма пищи", "вне приема пищи", "вне еды"),
    "ar": ("على معدة فارغة", "على الريق"), "zh": ("空腹",),
}
# "Has not stopped" said "goes on", "still" («si el sangrado continúa», «s'il persiste»,
# «кровь всё ещё идёт», «إذا استمر النزيف», 仍在出血): the source's "not" said without one.
STILL_GOING: dict[str, tuple[str, ...]] = {
    "es": ("continú~", "continu~", "sigue", "siguen", "persist~", "todavía", "aún"),
    "fr": ("persist~", "continu~", "toujours", "encore"),
    "ru": ("всё ещё", "все еще", "продолжа~", "сохраня~", "по-прежнему"),
    "ar": ("استمر~", "يستمر~", "تستمر~", "مستمر~", "ما زال~", "ما زالت"),
    "zh": ("仍", "仍然", "还在", "持续", "依然", "继续"),
}
# What says "-free" ("gluten-free", "free of nuts"): a negation word of the translation
# («无麸质», «sin gluten», «без глютена») that is no negation of the source's. (Only words
# NEGATION counts.)
FREE_OF: dict[str, tuple[str, ...]] = {
    "es": ("sin",), "fr": ("sans",), "ru": ("без",),
    "ar": ("خال من", "خالية من", "خالٍ من", "خالي من", "بدون", "الخالية من", "الخالي من"),
    "zh": ("无",),
}
# What says "fasting" in a language: a negation where the source says "do not eat", the
# source's own word where it says "fast" ("you do not need to fast": «无需禁食», whose 禁
# is no second "not").
# (Only words NEGATION counts.)
FASTING: dict[str, tuple[str, ...]] = {
    **WITHOUT_FOOD, "zh": (*WITHOUT_FOOD["zh"], "禁食", "禁水", "禁饮"),
}
# Food and meals: what "take it with food" is taken with, for the negation check to see
# «sin comida», «sans repas», «без еды», «بدون طعام», 空腹 where the source says "with".
FOOD: dict[str, tuple[str, ...]] = {
    "es": ("comida~", "aliment~", "comer"), "fr": ("repas", "nourriture~", "aliment~", "manger"),
    "ru": ("еды", "еда", "пищи", "пища", "приёма пищи", "приема пищи"),
    "ar": ("طعام", "الطعام", "أكل", "الأكل", "وجبة", "الوجبة", "غذاء", "الغذاء"),
    "zh": ("食物", "饭", "进食", "餐"),
}
# Negation words, matched as whole words (zh: as words of the table, never as a character
# inside another word: 免 in 免疫 or 未 in 未来 is no negation).
NEGATION: dict[str, tuple[str, ...]] = {
    "en": ("not", "no", "never", "none", "nothing", "nobody", "neither", "nor", "without",
           "cannot", "n't"),   # and "avoid": `negation._EN_NEGATION`
    "es": ("no", "nunca", "ni", "sin", "jamás", "ningún", "ninguna", "ninguno", "nada",
           "nadie", "tampoco", "evit~", "prohibid~", "absténg~", "abstener~",
           # «ni se la quite»: "ni" before a verb's pronoun is a second "do not", no concord
           "ni se", "ni lo", "ni le", "ni les", "ni me", "ni te", "ni nos",
           # …and before a verb of its own: «no tome bebidas con gas ni beba con pajita»
           *(f"ni {verb}{n}" for verb in (
               "beba", "tome", "coma", "use", "utilice", "conduzca", "maneje", "haga",
               "aplique", "fume", "frote", "rasque", "moje", "levante", "deje", "comparta",
               "ponga", "toque", "nade", "practique", "vuelva", "cargue", "duerma")
             for n in ("", "n")),
           *WITHOUT_FOOD["es"]),
    "fr": ("ne", "n'", "n’", "jamais", "aucun", "aucune", "sans", "ni", "rien",
           "personne", "non", "nul", "nulle", "pas", "évit~", "interdit~", "proscri~", "abstenez",
           "abstenir", *WITHOUT_FOOD["fr"]),
    "ru": ("не", "нельзя", "ни", "никогда", "без", "нет", "ничего", "никто", "никакой",
           "никакие", "никаких", "невозможно", "нигде", "избега~", "избег~", "избеж~", "запрещ~",
           "небезопас~", "нежелател~", "недопустим~", "недостаточн~", "воздерж~",
           "откажитесь", "отказаться", "исключите", "исключить", "исключайте",
           "исключать", *WITHOUT_FOOD["ru"]),    # "avoid": give it up, rule it out
    # ألا "that … not" (أن + لا: "يجب ألا تسبح"); تعذّر "cannot" (it was not possible to)
    "ar": ("لا", "لم", "لن", "ليس", "ليست", "لست", "ليسوا", "عدم", "دون", "بدون", "غير",
           "أبدا", "أبداً", "ممنوع", "يمنع", "ألا", "تعذر", "تعذّر", "يتعذر", "يتعذّر",
           "تجنب", "تجنّب", "تجنبي", "تجنّبي", "تتجنب~", "يتجنب~", "يحظر", "امتنع", "امتنعي",
           "الامتناع", "يمتنع~", "تمتنع~", "ليمتنع~", "لتمتنع~", "ابتعد", "ابتعدي", "خال من",
           "خالية من", "خالٍ من", "خالي من",
           # «إياك أن تضعيها»: beware of (never) putting it; «من دونهما»: without them
           "إياك", "إياكِ", "إياكم", "دونه", "دونها", "دونهما", "دونهم", "دونك",
           *WITHOUT_FOOD["ar"]),
    "zh": ("切勿", "请勿", "不要", "不能", "不会", "不得", "不可", "不必", "不用", "不是", "不",
           "禁止", "禁用", "忌用", "没有", "没", "未", "勿", "别", "无法", "无需", "无须", "无",
           "非", "否", "切莫", "莫要", "避免", "免于", "以免", "免得", "并非", "并不",
           "禁食", "禁水", "禁饮", "禁酒", "禁烟", "不含",
           *WITHOUT_FOOD["zh"]),
    # (not 莫 alone: the 莫 of 他克莫司, tacrolimus)
}
# zh words that contain a negation character but negate nothing.
NOT_NEGATION: dict[str, tuple[str, ...]] = {
    "zh": ("免疫", "未来", "无论", "非常", "不断", "不同", "不良", "不过",
           "除非", "是否", "能否", "否则", "别人", "别的", "分别", "特别", "类别", "级别",
           "差别", "区别", "识别", "告别", "性别", "无菌", "非霍奇金", "无力"),
}

# Negative concord: words that join a negator of their clause into one negation ("никогда
# не", "ne … jamais", "no … nunca", "لا … أبدا"); alone they negate, except where listed in
# NEEDS_NEGATOR (Arabic أبدا after an affirmative verb negates nothing).
CONCORD: dict[str, tuple[str, ...]] = {
    "es": ("nunca", "jamás", "nada", "nadie", "ningún", "ninguna", "ninguno", "tampoco", "ni"),
    "fr": ("jamais", "aucun", "aucune", "rien", "personne", "nul", "nulle", "ni", "pas"),
    "ru": ("ни", "никогда", "ничего", "никто", "никакой", "никакие", "никаких", "нигде"),
    "ar": ("أبدا", "أبداً", "أبدًا"),
    "it": ("mai", "nessuno", "nessuna", "niente", "nulla", "né"),
    "pt": ("nunca", "nada", "nenhum", "nenhuma", "nem", "jamais"),
    "uk": ("ні", "ніколи", "нічого", "ніхто", "жоден", "жодного", "жодних"),
}
NEEDS_NEGATOR = ("ar",)
# Where the next negation of the clause is part of "unless", "until" or "before" and negates
# nothing the English says ("если только … не", "à moins que … ne", "ما لم"): not counted.
# Negations that say "without" (and English "no" before a noun, "no signs of disease"): a
# translation may say the source's "without" with "not" ("не принимая"), not its "never" or
# "not" with only "without" ("Prenez toujours … sans l'accord de votre médecin" for "Never
# take … unless your doctor has approved it").
WITHOUT: dict[str, tuple[str, ...]] = {
    "en": ("without", "no"), "es": ("sin", *WITHOUT_FOOD["es"]),
    "fr": ("sans", *WITHOUT_FOOD["fr"]), "ru": ("без", "безо", *WITHOUT_FOOD["ru"]),
    "ar": ("بدون", "دون", "بلا", "خال من", "خالية من", "خالٍ من", "خالي من", "دونه",
           "دونها", "دونهما", "دونهم", "دونك", *WITHOUT_FOOD["ar"]),
    "zh": ("未经", *WITHOUT_FOOD["zh"]),
}
# …except before a verb: "without waiting" is "do not wait" ("sin esperar", "sans attendre",
# "دون أن تنتظر"): what follows the word, as a pattern.
WITHOUT_VERB: dict[str, str] = {
    "es": r"\s+[^\W\d_]+(?:ar|er|ir)(?:l[aoe]s?|se|me|nos)?\b",
    "fr": r"\s+(?:[mts]['’]|se |me |vous |nous |l['’]|les? |la )?[^\W\d_]+(?:er|ir|re|oir)\b",
    "ar": r"\s*أن\b",
}
EXPLETIVE: dict[str, tuple[str, ...]] = {
    "es": ("hasta que", "a menos que", "salvo que"),
    "fr": ("à moins que", "à moins qu'", "à moins qu’", "avant que", "avant qu'", "avant qu’",
           "sans que", "sans qu'", "sans qu’"),
    "ru": ("если только", "пока", "до тех пор пока"),
    "ar": ("ما لم",),
    "uk": ("якщо тільки", "поки"),
}
# Questions and choices written "A-not-A" (会不会 "whether", 有没有 "whether there is"): no
# negation (a regular expression over the text).
NOT_NEGATION_PATTERN: dict[str, str] = {
    # 会不会 (whether); 不适 is discomfort, but 不适用, 不适合 say "not suitable"
    "zh": r"([\u4e00-\u9fff])[不没]\1|不适(?![用合宜])",
    # "ne … que" is "only" ("Ne mangez que de la viande"), unless a negation stands between
    "fr": r"(?i)\bn(?:e\s+|['’])(?:(?!(?:pas|jamais|plus|rien|personne|aucune?|nulle?|ni)\b)"
          r"[^\W\d_]+\s+){1,3}?qu(?:e\b|['’])"
          # …and "une personne", a person ("à une personne inconsciente"), negates nothing
          r"|\b(?:une|la|les|cette|chaque|toute|autre|d['’]une|de la)\s+personnes?\b"
          # …and "n'importe quel", any ("à n'importe quelle heure")
          r"|\bn['’]importe\b",
    # «دون» before an age or a number is "under" («الأطفال دون سن الثانية», under two)
    "ar": r"(?<![\u0621-\u064a])دون(?=\s+(?:سن(?![\u0621-\u064a])|(?:الـ?\s*)?\d))",
    # «сердечная недостаточность» is heart failure, a condition; «недостаточно» "not enough"
    # (…and the «ни» of a concession, «как бы вы ни были раздражены», "however frustrated")
    "ru": r"(?i)\bнедостаточност[а-яё]*|\b(?:как|что|кто|где|куда|когда|сколько|какой|какая|"
          r"какое|какие)\s+бы\s+(?:[^\W\d_]+\s+){0,3}?ни\b",
}
# Where one clause ends and the next begins, besides punctuation: conjunctions as words.
CONJUNCTIONS: dict[str, tuple[str, ...]] = {
    "en": ("and", "but", "or", "unless", "if", "because", "so", "while", "when", "until",
           "although", "though", "whereas", "then", "which", "who", "before", "after"),
    "es": ("y", "e", "pero", "o", "u", "si", "porque", "cuando", "mientras", "aunque", "sino",
           "antes", "después", "que"),
    "fr": ("et", "mais", "ou", "si", "parce", "quand", "lorsque", "tandis", "avant", "après",
           "qui", "que", "qu'", "qu’"),
    "ru": ("и", "но", "а", "или", "если", "потому", "когда", "пока", "хотя", "чтобы", "до",
           "после", "который", "которая", "которые", "что"),
    "ar": ("ثم", "لكن", "أو", "إذا", "إن", "لأن", "عندما", "بينما", "حتى", "قبل", "بعد",
           "الذي", "التي", "الذين"),
    "zh": ("但是", "或者", "如果", "因为", "所以", "并且", "而且", "除非", "否则", "然后", "之前",
           "之后", "以免"),
}


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# Words no sentence of the language ends with: prepositions, articles, conjunctions. A
# translation that stops on one before its full stop was cut off ("… это одна из.",
# "… تتمكن من."). Chinese has no spaces: multi-character words only (与 ends 参与, 和 温和).
DANGLING: dict[str, frozenset[str]] = {
    "ru": _words("в во на с со из изо к ко по о об обо от до за без при через для между "
                 "перед над под и или а но чтобы если"),
    "uk": _words("в у на з із зі до від за без при через для між перед над під і й та або "
                 "а але щоб якщо"),
    "ar": _words("من إلى في على عن مع و أو ثم أن لكن بين"),
    # not "una", "uno(s)", "un(e)": pronouns that end sentences ("¿Tiene una?", "en trouver
    # un ?"); a French pronoun after a hyphen ("Prenez-le.") is not counted (alignment)
    "es": _words("de del a al en con por para sin y e o u el la los las un que"),
    "fr": _words("de du des à au aux en avec pour sans et ou le la les"),
    "zh": _words("针对 关于 以及 或者 如果 因为 但是 并且 而且 由于 为了"),
}

# One-character prepositions and conjunctions no sentence ends on (与 "and", 被 "by"), unless
# the last characters are a longer word of the dictionary (参与, 棉被). Not 和 and 比, which
# are also nouns ("sum", "ratio": 校验和, 长宽比 ended 6 of 10,740 sentences of Debian's zh_CN
# and zh_TW UI catalogs; with them out, none is flagged).
DANGLING_CHARS: dict[str, str] = {"zh": "与及或把被从向跟于由而并但與從"}

# Units of time: canonical unit → the words (or stems, ending in "~") of each language.
TIME_UNITS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"second": ("second", "seconds", "sec", "secs"), "minute": ("minute~", "min"),
           "hour": ("hour", "hours", "hourly", "hr", "hrs", "h"),
           "day": ("day", "days", "daily"), "week": ("week", "weeks", "weekly"),
           "month": ("month", "months", "monthly"), "year": ("year", "years", "yearly")},
    "es": {"second": ("segundo", "segundos", "seg"), "minute": ("minuto~", "min"),
           "hour": ("hora", "horas", "h"),
           "day": ("día", "días", "dia", "dias", "diari~"), "week": ("semana~",),
           "month": ("mes", "meses", "mensual~"), "year": ("año", "años", "anual~")},
    "fr": {"second": ("seconde", "secondes"), "minute": ("minute~", "min"),
           "hour": ("heure", "heures", "h"),
           "day": ("jour", "jours", "journée~", "quotidien~"),
           "week": ("semaine~", "hebdomadaire~"), "month": ("mois", "mensuel~"),
           "year": ("an", "ans", "année~", "annuel~")},
    "ru": {"second": ("секунд~", "сек"), "minute": ("минут~", "мин"),
           "hour": ("час", "часа", "часов", "часу", "часе", "часом", "часам", "часами", "часах",
                    "ч", "ежечасн~", "часов~"),
           "day": ("день", "дня", "дней", "дни", "дням", "днями", "днях", "дне", "сутки",
                   "суток", "суткам", "сутками", "сутках", "суточн~", "ежедневн~",
                   "ежесуточн~", "дневного", "дневный", "дневная", "дневное", "дневных",
                   "дневным", "дневную", "дневном"),     # «28-дневного цикла»
           "week": ("недел~", "еженедельн~"),
           "month": ("месяц~", "мес", "ежемесячн~", "полгода", "полугода"),
           "year": ("год", "года", "году", "годом", "годе", "годы", "годов", "годам", "годами",
                    "годах", "лет", "ежегодн~")},
    "ar": {"second": ("ثانية", "ثوان", "ثوانٍ", "ثواني", "ثانيتين", "ثانيتان"),
           "minute": ("دقيقة", "دقائق", "دقيقتين", "دقيقتان"),
           "hour": ("ساعة", "ساعات", "ساعتين", "ساعتان"),
           "day": ("يوم", "أيام", "يومين", "يومان", "يوما", "يومًا", "يوماً", "يومي", "يوميا",
                   "يوميًا", "يومياً", "يومية"),
           "week": ("أسبوع", "أسابيع", "أسبوعين", "أسبوعان", "أسبوعا", "أسبوعًا", "أسبوعي~"),
           "month": ("شهر", "أشهر", "شهور", "شهرين", "شهران", "شهرا", "شهرًا", "شهري~"),
           "year": ("سنة", "سنوات", "سنتين", "سنتان", "عام", "أعوام", "عامين", "عامان", "عاما",
                    "عامًا", "سنوي~")},
    "zh": {"second": ("秒", "秒钟"), "minute": ("分钟",),
           "hour": ("小时", "钟头", "个小时", "个钟头"),    # 四个小时: a count, 个, the unit
           "day": ("天", "日", "昼夜"),
           "week": ("周", "星期", "礼拜", "个星期", "个礼拜"),
           "month": ("个月", "每月", "月度", "数月", "月龄"),   # 月龄: months of age
           "year": ("年", "岁", "周岁")},   # 岁: years of age (16岁以下, under 16 years)
}
# Words that stand for "24 hours" (a day and night): a benign rewording of "24 hours".
ROUND_THE_CLOCK: dict[str, tuple[str, ...]] = {
    "es": ("día y noche", "las 24 horas"), "fr": ("jour et nuit", "24 heures sur 24", "24 h/24",
                                                   "24h/24", "24 h sur 24"),
    "ru": ("круглосуточн~", "сутки", "суток", "суткам", "сутками", "сутках", "суточн~",
           "днём и ночью", "днем и ночью", "день и ночь"),
    "ar": ("على مدار الساعة", "ليلا ونهارا", "على مدار 24 ساعة", "ليلًا ونهارًا",
           "من الليل أو النهار", "من الليل والنهار", "نهارا وليلا", "نهارًا وليلًا"),
    "zh": ("全天", "昼夜", "全天候", "24小时不间断", "24小时全天", "日夜"),
}

# Minutes said as part of an hour: "a quarter of an hour" for 15 minutes, "half an hour" for 30.
MINUTE_PHRASES: dict[str, dict[str, int]] = {
    "es": {"un cuarto de hora": 15, "cuarto de hora": 15, "media hora": 30,
           "tres cuartos de hora": 45, "hora y media": 90},
    "fr": {"quart d'heure": 15, "quart d’heure": 15, "demi-heure": 30,
           "trois quarts d'heure": 45, "trois quarts d’heure": 45, "heure et demie": 90},
    "ru": {"четверть часа": 15, "полчаса": 30, "получаса": 30, "полтора часа": 90},
    "ar": {"ربع ساعة": 15, "نصف ساعة": 30, "ساعة ونصف": 90},
    "zh": {"一刻钟": 15, "半小时": 30, "半个小时": 30, "一个半小时": 90},
}
# "The day before" and "the day after" (the evening or night before, the next morning), as
# each language says them: a translation that has the other one has turned the day round.
NEXT_DAY: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"before": ("the day before", "the night before", "the evening before",
                      "the previous day", "the previous night", "the previous evening",
                      "the day prior", "the night prior"),
           "after": ("the day after", "the next day", "the following day", "the next morning",
                     "the following morning", "the morning after", "the night after")},
    "es": {"before": ("día anterior", "noche anterior", "tarde anterior", "víspera",
                      "día antes", "noche antes"),
           "after": ("día siguiente", "mañana siguiente", "noche siguiente", "día después",
                     "día posterior")},
    "fr": {"before": ("la veille", "jour précédent", "soir précédent", "nuit précédente",
                      "jour d'avant", "jour d’avant"),
           "after": ("le lendemain", "lendemain", "jour suivant", "matin suivant",
                     "nuit suivante", "jour d'après", "jour d’après")},
    "ru": {"before": ("накануне", "за день до", "в предыдущий день", "днём раньше",
                      "днем раньше", "предыдущий вечер", "предыдущую ночь"),
           "after": ("на следующий день", "на другой день", "следующим утром",
                     "на следующее утро", "днём позже", "днем позже", "через день после")},
    "ar": {"before": ("اليوم السابق", "الليلة السابقة", "المساء السابق", "قبل يوم",
                      "اليوم الذي يسبق", "الليلة التي تسبق"),
           "after": ("اليوم التالي", "الليلة التالية", "الصباح التالي", "بعد يوم",
                     "اليوم الذي يلي", "صباح اليوم التالي")},
    "zh": {"before": ("前一天", "前一晚", "前一日", "前晚", "前夜", "头一天", "前一天晚上"),
           "after": ("第二天", "次日", "后一天", "翌日", "隔天早上", "第二天早上")},
}
# The half of the day said beside an hour of the clock ("6 pm": «6 de la tarde», «6 heures
# du soir», «6 вечера», 6 مساءً, 下午6点); "night" words are the small hours before 6 («3 часа
# ночи») and the evening after («10 heures de la nuit» is rare but pm).
HALF_OF_DAY: dict[str, dict[str, tuple[str, ...]]] = {
    "es": {"am": ("de la mañana", "de la madrugada", "a. m.", "a.m.", "am"),
           "pm": ("de la tarde", "del mediodía", "p. m.", "p.m.", "pm"),
           "night": ("de la noche",)},
    "fr": {"am": ("du matin",), "pm": ("de l'après-midi", "de l’après-midi", "du soir"),
           "night": ("de la nuit",)},
    "ru": {"am": ("утра",), "pm": ("дня", "вечера"), "night": ("ночи",)},
    "ar": {"am": ("صباحا", "صباحًا", "صباحاً", "فجرا", "فجرًا", "فجراً", "قبل الظهر"),
           "pm": ("مساء", "مساءً", "ظهرا", "ظهرًا", "ظهراً", "عصرا", "عصرًا", "عصراً",
                  "بعد الظهر", "بعد الظهيرة"),
           "night": ("ليلا", "ليلًا", "ليلاً")},
    "zh": {"am": ("上午", "早上", "早晨", "清晨", "凌晨"), "pm": ("下午", "中午", "傍晚", "晚上"),
           "night": ("夜里", "夜间", "半夜")},
}
# An hour of the clock said as an ordinal: «الساعة الثامنة» (the eighth hour) for 8 pm.
CLOCK_HOURS: dict[str, dict[str, int]] = {
    "ar": {f"الساعة {word}": hour for hour, word in enumerate(
        ("الواحدة", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة",
         "التاسعة", "العاشرة", "الحادية عشرة", "الثانية عشرة"), start=1)},
}
# "23 hours a day" said out of 24: «23 heures sur 24», «23 de cada 24 horas».
OUT_OF_A_DAY: dict[str, tuple[str, ...]] = {
    "es": ("de cada 24", "de las 24"), "fr": ("sur 24", "h/24"),
}
# Weeks said as days, as French and Spanish say them: "2 weeks" may be «quinze jours».
WEEK_PHRASES: dict[str, dict[str, int]] = {
    "es": {"quince días": 2, "una quincena": 2, "ocho días": 1},
    "fr": {"quinze jours": 2, "une quinzaine": 2, "huit jours": 1},
}
# Months said as part of a year: "6 months" may be «полгода».
MONTH_PHRASES: dict[str, dict[str, int]] = {
    "es": {"medio año": 6, "año y medio": 18}, "fr": {"an et demi": 18},
    "ru": {"полгода": 6, "полугода": 6, "полтора года": 18},
    "ar": {"نصف سنة": 6, "نصف عام": 6, "سنة ونصف": 18}, "zh": {"半年": 6, "一年半": 18},
}
# Limits on an amount, a count or a time: the most and the least ("no more than 4 doses",
# "at least 6 hours apart", "no later than 15 March"). Their negations ("не более", "no
# más de", "不超过") are a limit's, not a negation the source's "no more than" must match:
# the English ones are not counted as negations, and `quantities` asks for the limit.
LIMITS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"most": ("no more than", "not more than", "at most", "at the most", "a maximum of",
                    "maximum", "no later than", "not later than", "no longer than",
                    "not longer than", "no higher than", "not exceed~", "never more than",
                    "never exceed~"),
           "least": ("at least", "no less than", "no fewer than", "not less than",
                     "not fewer than", "a minimum of", "minimum", "no earlier than",
                     "not earlier than", "no sooner than", "never less than")},
    # …and the comparative a negation may stand before, words apart: "no tome más de 3"
    # (`quantities` accepts it with a negation in the translation)
    "es": {"most": ("no más de", "no más que", "como máximo", "máxim~", "un máximo de",
                    "a lo sumo", "hasta", "no superar", "sin superar", "no exceder~",
                    "sin exceder", "a más tardar", "antes de", "antes del"),
           "more": ("más", "superar", "exceder~"), "less": ("menos",),
           "least": ("al menos", "como mínimo", "por lo menos", "no menos de", "mínim~",
                     "un mínimo de", "no antes de", "no antes del", "o más", "o superior",
                     "o mayor")},
    "fr": {"most": ("pas plus de", "au maximum", "au plus", "maximum", "jusqu'à", "jusqu’à",
                    "dans la limite de", "ne pas dépasser", "sans dépasser", "ne dépassez pas",
                    "au plus tard", "avant le", "avant"),
           "more": ("plus", "dépass~"), "less": ("moins",),
           "least": ("au moins", "au minimum", "pas moins de", "minimum", "minimal~",
                     "au plus tôt", "pas avant", "ou plus", "et plus", "ou supérieur",
                     "ou davantage")},
    "ru": {"most": ("не более", "не больше", "максимум", "максимальн~", "не свыше", "до",
                    "не превыша~", "не чаще", "не дольше",
                    "не позднее", "не позже", "самое позднее"),
           "more": ("более", "больше", "свыше", "превыша~", "дольше", "длительнее", "позже",
                    "позднее", "чаще"), "less": ("менее", "меньше", "раньше", "реже"),
           "least": ("не менее", "не меньше", "минимум", "как минимум", "хотя бы",
                     "по меньшей мере", "по крайней мере", "не ранее", "не раньше",
                     "минимальн~", "не ближе", "не ниже", "не позднее чем за",
                     "не позже чем за", "или выше", "или более", "и более", "и выше",
                     "не реже")},     # «не ближе 2 метров»: at least 2 m away
    "ar": {"most": ("لا يزيد", "لا تزيد", "بحد أقصى", "كحد أقصى", "حد أقصى", "أقصاه",
                    "أقصاها", "حتى", "لا تتجاوز~", "لا يتجاوز~", "ما لا يزيد", "لا تتعدى",
                    "لا يتعدى", "قبل", "في موعد أقصاه", "الأقصى"),
           "more": ("تتجاوز", "يتجاوز", "تزيد", "يزيد", "تتعدى", "يتعدى", "أكثر"),
           "less": ("تقل", "يقل", "أقل"),
           "least": ("على الأقل", "لا يقل", "لا تقل", "كحد أدنى", "بحد أدنى", "ما لا يقل",
                     "ليس قبل", "الأدنى", "أو أكثر", "أو أعلى", "فأكثر", "فما فوق")},
    "zh": {"most": ("不超过", "最多", "至多", "不多于", "不得超过", "不要超过", "以内", "之内",
                    "上限", "最晚", "之前", "以前", "前", "最高", "最大", "封顶", "不晚于",
                    "不要晚于", "不得晚于", "不迟于", "最迟"),
           "more": ("超过", "多于", "高于"), "less": ("少于", "低于"),
           "least": ("至少", "不少于", "不低于", "最少", "起码", "最早", "以上", "之后", "最晚提前",
                     "最低", "最小", "或更高", "或更多",
                     # 满 before a count: a full week at least (满一周), 满18岁
                     *(f"满{d}" for d in "一两二三四五六七八九十123456789"))},
}
# (the "least" phrases include the value's "or more" said after it: «SPF 50 или выше», «50
# ou plus», and "not less often than": «не реже чем каждые 4 часа»)
# …and with words between: "do not take more than 2 doses", "you must not use less than 5 ml"
EN_LIMIT_GAP = (r"\b(?:not|never)\s+(?:[a-z]+\s+){1,3}?(?P<gap>more|longer|later|higher|less|fewer|"
                r"lower|earlier)\s+than\b")
# A half said in words, after the whole number or with it: "litro y medio", "un litre et
# demi", «полтора литра», "لترًا ونصف اللتر", «一升半» for 1.5.
HALF_WORDS: dict[str, tuple[str, ...]] = {
    "es": ("y medio", "y media"), "fr": ("et demi", "et demie"),
    "ru": ("полтора", "полторы", "полутора", "с половиной"), "ar": ("ونصف", "و نصف"),
    "zh": ("半",),
}

# A half said before a unit, the amount half of it: "medio minuto" for 30 seconds, "un
# demi-litre" for 500 ml, «полчаса», «пол-литра», «نصف لتر», 半小时. Each a template whose {}
# is a form of the unit.
HALF_BEFORE: dict[str, tuple[str, ...]] = {
    "es": ("medio {}", "media {}"), "fr": ("demi-{}", "demi {}"),
    "ru": ("пол{}", "пол-{}", "полу{}"), "ar": ("نصف {}", "نصف ال{}"), "zh": ("半{}", "半个{}"),
}

# Number words one to twelve with their forms (Russian cases, Arabic dual and gender).
NUMBER_WORDS: dict[str, dict[int, tuple[str, ...]]] = {
    "en": {1: ("one", "a", "an", "single"), 2: ("two", "both"), 3: ("three",), 4: ("four",),
           5: ("five",), 6: ("six",), 7: ("seven",), 8: ("eight",), 9: ("nine",),
           10: ("ten",), 11: ("eleven",), 12: ("twelve",)},
    "es": {1: ("un", "una", "uno"), 2: ("dos", "ambos", "ambas"), 3: ("tres",),
           4: ("cuatro",), 5: ("cinco",), 6: ("seis",), 7: ("siete",), 8: ("ocho",),
           9: ("nueve",), 10: ("diez",), 11: ("once",), 12: ("doce",),
           24: ("veinticuatro",)},   # and 24, as in "24 hours"
    "fr": {1: ("un", "une"), 2: ("deux",), 3: ("trois",), 4: ("quatre",), 5: ("cinq",),
           6: ("six",), 7: ("sept",), 8: ("huit",), 9: ("neuf",), 10: ("dix",),
           11: ("onze",), 12: ("douze",), 24: ("vingt-quatre",)},
    "ru": {1: ("один", "одна", "одно", "одного", "одной", "одну", "одним", "одном"),
           # …and the collective numerals «сутки» takes: «двое суток», «трое суток»
           # (and «вдвоём», two together)
           2: ("два", "две", "двух", "двум", "двумя", "оба", "обе", "двое", "двоих", "вдвоём",
               "вдвоем"),
           3: ("три", "трёх", "трех", "трём", "трем", "тремя", "трое", "троих", "втроём",
               "втроем"),
           4: ("четыре", "четырёх", "четырех", "четырём", "четырьмя", "четверо", "четверых"),
           5: ("пять", "пяти", "пятью"), 6: ("шесть", "шести", "шестью"),
           7: ("семь", "семи", "семью"), 8: ("восемь", "восьми", "восемью"),
           9: ("девять", "девяти", "девятью"), 10: ("десять", "десяти", "десятью"),
           11: ("одиннадцать", "одиннадцати"), 12: ("двенадцать", "двенадцати"),
           24: ("двадцать четыре", "двадцати четырёх", "двадцати четырех")},
    # Arabic says "two X" with the noun's dual: those of time units and of what doses are
    # counted in (tablets, pills, capsules, doses, drops, spoons, nights, litres, puffs,
    # sprays, injections, patches, sachets, sessions, cycles) are "2"
    "ar": {1: ("واحد", "واحدة"), 2: ("اثنان", "اثنين", "اثنتان", "اثنتين", "يومين", "يومان",
                                      "أسبوعين", "أسبوعان", "شهرين", "شهران", "ساعتين",
                                      "ساعتان", "دقيقتين", "دقيقتان", "سنتين", "عامين", "عامان",
                                      "ليلتين", "قرصين", "قرصان", "حبتين", "حبتان", "كبسولتين",
                                      "كبسولتان",
                                      "جرعتين", "جرعتان", "قطرتين", "ملعقتين", "لترين",
                                      "لتران", "حصتين", "حصتان", "وجبتين", "وجبتان",
                                      "بختين", "بختان", "نفختين", "نفختان", "رشتين", "رشتان",
                                      "حقنتين", "حقنتان", "لصقتين", "لصقتان", "كيسين",
                                      "كيسان", "جلستين", "جلستان", "دورتين", "دورتان"),
           3: ("ثلاث", "ثلاثة"), 4: ("أربع", "أربعة"), 5: ("خمس", "خمسة"),
           6: ("ست", "ستة"), 7: ("سبع", "سبعة"), 8: ("ثمان", "ثماني", "ثمانية"),
           9: ("تسع", "تسعة"), 10: ("عشر", "عشرة"), 11: ("أحد عشر", "إحدى عشرة"),
           12: ("اثنا عشر", "اثني عشر", "اثنتا عشرة", "اثنتي عشرة"),
           24: ("أربع وعشرين", "أربعة وعشرين", "أربع وعشرون", "أربعة وعشرون")},
    "zh": {1: ("一",), 2: ("两", "二"), 3: ("三",), 4: ("四",), 5: ("五",), 6: ("六",),
           7: ("七",), 8: ("八",), 9: ("九",), 10: ("十",), 11: ("十一",), 12: ("十二",)},
}


# English number words that count things but are no cardinal of their own ("a dose",
# "both arms", "a single tablet"): not read as a duration's or a changed count's number.
EN_NOT_CARDINALS = frozenset({"a", "an", "single", "both"})


def _two_digit_words() -> dict[str, dict[int, tuple[str, ...]]]:
    """13 to 99 in words where a language builds them regularly ("cuarenta y ocho",
    "quarante-huit", «сорок восемь», «ثمانية وأربعين»), and the round counts a language says
    as "about ten" («une dizaine», «una decena»)."""
    found: dict[str, dict[int, list[str]]] = {lang: {} for lang in ("en", "es", "fr", "ru",
                                                                      "ar")}

    def add(lang: str, value: int, *forms: str) -> None:
        found[lang].setdefault(value, []).extend(forms)

    units = {lang: {n: NUMBER_WORDS[lang][n] for n in range(1, 10)} for lang in found}
    # English: "thirteen", "twenty", "forty-eight" (and "forty eight"); not "a" or "both"
    en_teens = ("thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                "nineteen")
    for value, word in enumerate(en_teens, start=13):
        add("en", value, word)
    for ten, word in zip(range(20, 100, 10), ("twenty", "thirty", "forty", "fifty", "sixty",
                                               "seventy", "eighty", "ninety"), strict=True):
        add("en", ten, word)
        for n in range(1, 10):
            unit = units["en"][n][0]
            add("en", ten + n, f"{word}-{unit}", f"{word} {unit}")
    es_teens = ("trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho",
                "diecinueve", "veinte")
    fr_teens = ("treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf",
                "vingt")
    ru_teens = ("тринадцать", "четырнадцать", "пятнадцать", "шестнадцать", "семнадцать",
                "восемнадцать", "девятнадцать", "двадцать")
    for value, es, fr, ru in zip(range(13, 21), es_teens, fr_teens, ru_teens, strict=True):
        add("es", value, es)
        add("fr", value, fr)
        add("ru", value, ru, ru[:-1] + "и")          # двадцать, двадцати
    for n, form in ((1, "veintiuno"), (1, "veintiún"), (1, "veintiuna"), (2, "veintidós"),
                    (3, "veintitrés"), (5, "veinticinco"), (6, "veintiséis"),
                    (7, "veintisiete"), (8, "veintiocho"), (9, "veintinueve")):
        add("es", 20 + n, form)
    tens: dict[int, tuple[str, str, tuple[str, ...], tuple[str, ...]]] = {
        20: ("", "vingt", ("двадцать", "двадцати"), ("عشرون", "عشرين")),
        30: ("treinta", "trente", ("тридцать", "тридцати"), ("ثلاثون", "ثلاثين")),
        40: ("cuarenta", "quarante", ("сорок", "сорока"), ("أربعون", "أربعين")),
        50: ("cincuenta", "cinquante", ("пятьдесят", "пятидесяти"), ("خمسون", "خمسين")),
        60: ("sesenta", "soixante", ("шестьдесят", "шестидесяти"), ("ستون", "ستين")),
        70: ("setenta", "soixante-dix", ("семьдесят", "семидесяти"), ("سبعون", "سبعين")),
        80: ("ochenta", "quatre-vingts", ("восемьдесят", "восьмидесяти"), ("ثمانون", "ثمانين")),
        90: ("noventa", "quatre-vingt-dix", ("девяносто", "девяноста"), ("تسعون", "تسعين")),
    }
    for ten, (es_ten, fr_ten, ru_tens, ar_tens) in tens.items():
        add("es", ten, *filter(None, [es_ten]))      # 20 is "veinte", above; 21–29 are one word
        add("fr", ten, fr_ten)
        add("ru", ten, *ru_tens)
        add("ar", ten, *ar_tens)
        for n in range(1, 10):
            if es_ten:
                add("es", ten + n, *(f"{es_ten} y {u}" for u in units["es"][n]))
            if ten < 70:                               # soixante-dix-sept: not read
                joint = " et " if n == 1 else "-"
                add("fr", ten + n, *(f"{fr_ten}{joint}{u}" for u in units["fr"][n]))
            add("ru", ten + n, *(f"{t} {u}" for t in ru_tens for u in units["ru"][n][:3]))
            add("ar", ten + n, *(f"{u} و{t}" for t in ar_tens for u in units["ar"][n][:3]))
    for n in range(3, 10):     # «خمسة عشر», «خمس عشرة»: the unit, then ten
        add("ar", 10 + n, *(f"{u} {ten}" for u in units["ar"][n][:3] for ten in ("عشر", "عشرة")))
    for lang, value, form in (("fr", 10, "dizaine"), ("fr", 12, "douzaine"),
                              ("fr", 15, "quinzaine"), ("fr", 20, "vingtaine"),
                              ("fr", 30, "trentaine"), ("es", 10, "decena"),
                              ("es", 12, "docena"), ("ru", 10, "десяток")):
        add(lang, value, form)
    return {lang: {v: tuple(dict.fromkeys(f)) for v, f in table.items()}
            for lang, table in found.items()}


for _lang, _table in _two_digit_words().items():
    for _value, _forms in _table.items():
        NUMBER_WORDS[_lang][_value] = tuple(dict.fromkeys((*NUMBER_WORDS[_lang].get(_value, ()),
                                                           *_forms)))


def _ordinals() -> dict[str, dict[int, tuple[str, ...]]]:
    """First to twentieth (and hundredth) as words: "day 2" is «el segundo día», "week 5" «la
    quinta semana», «пятой недели», «الأسبوع الخامس»; Chinese writes 第 and a numeral."""
    ru_endings = ("ый", "ой", "ая", "ое", "ого", "ому", "ом", "ую", "ые", "ых", "ым", "ыми")
    ru = {1: ["перв" + e for e in ru_endings], 2: ["втор" + e for e in ru_endings],
          3: ["третий", "третья", "третье", "третьего", "третьей", "третьему", "третьем",
              "третью", "третьи", "третьих", "третьим"],
          4: [s + e for s in ("четвёрт", "четверт") for e in ru_endings]}
    for value, stem in enumerate(("пят", "шест", "седьм", "восьм", "девят", "десят",
                                  "одиннадцат", "двенадцат"), start=5):
        ru[value] = [stem + e for e in ru_endings]
    es = ("primer~", "segund~", "tercer~", "cuart~", "quint~", "sext~", "séptim~",
          "octav~", "noven~", "décim~", "undécim~", "duodécim~")
    fr = ("premi~", "deuxième~", "troisième~", "quatrième~", "cinquième~", "sixième~",
          "septième~", "huitième~", "neuvième~", "dixième~", "onzième~", "douzième~")
    ar = ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
          "التاسع", "العاشر", "الحادي عشر", "الثاني عشر")
    ar_fem = ("الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة",
              "الثامنة", "التاسعة", "العاشرة", "الحادية عشرة", "الثانية عشرة")
    found: dict[str, dict[int, tuple[str, ...]]] = {
        "es": {n: (w,) for n, w in enumerate(es, start=1)},
        "fr": {n: (w,) for n, w in enumerate(fr, start=1)},
        "ru": {n: tuple(forms) for n, forms in ru.items()},
        "ar": {n: (m, f, m.removeprefix("ال"), f.removeprefix("ال"))
               for n, (m, f) in enumerate(zip(ar, ar_fem, strict=True), start=1)},
    }
    # thirteenth to twentieth: "days 7 and 14" said «اليومين السابع والرابع عشر»
    teens = {
        "es": ("decimotercer~", "decimocuart~", "decimoquint~", "decimosext~",
               "decimoséptim~", "decimoctav~", "decimonoven~", "vigésim~"),
        "fr": ("treizième~", "quatorzième~", "quinzième~", "seizième~", "dix-septième~",
               "dix-huitième~", "dix-neuvième~", "vingtième~")}
    for lang, words in teens.items():
        found[lang].update({n: (w,) for n, w in enumerate(words, start=13)})
    for value, stem in enumerate(("тринадцат", "четырнадцат", "пятнадцат", "шестнадцат",
                                  "семнадцат", "восемнадцат", "девятнадцат", "двадцат"),
                                 start=13):
        found["ru"][value] = tuple(stem + e for e in ru_endings)
    for value, (m, f) in enumerate(zip(ar[2:9], ar_fem[2:9], strict=True), start=13):
        found["ar"][value] = tuple(w for pair in ((f"{m} عشر", f"{f} عشرة"),) for x in pair
                                   for w in (x, x.removeprefix("ال")))
    found["ar"][20] = ("العشرون", "العشرين")
    found["fr"][2] += ("second", "seconde")
    found["fr"][100] = ("centième~",)
    found["es"][100] = ("centésim~",)
    found["ru"][100] = tuple("сот" + e for e in ru_endings)
    found["ar"][100] = ("المئة", "المائة")
    return found


ORDINALS = _ordinals()
# How many times: fixed words with their count, and the word that follows a count ("N times").
FREQUENCY_WORDS: dict[str, dict[str, int]] = {
    "en": {"once": 1, "twice": 2, "thrice": 3},
    "es": {"una vez": 1, "una sola vez": 1, "una única vez": 1, "una decena de veces": 10,
           "una veintena de veces": 20},
    "fr": {"une fois": 1, "une seule fois": 1, "une dizaine de fois": 10,
           "une quinzaine de fois": 15, "une vingtaine de fois": 20,
           "une trentaine de fois": 30},
    "ru": {"однократно": 1, "один раз": 1, "дважды": 2, "трижды": 3, "четырежды": 4},
    "ar": {"مرة واحدة": 1, "مرتين": 2, "مرتان": 2},
    "zh": {},
}
# "A single dose", "one dose": what "once" (each morning, a day) may be said with where the
# translation has no frequency at all.
SINGLE_DOSE: dict[str, tuple[str, ...]] = {
    "es": ("dosis única", "una sola dosis", "una única dosis", "toma única", "una sola toma",
           "una única toma"),
    "fr": ("une seule dose", "dose unique", "une seule prise", "prise unique"),
    "ru": ("одну дозу", "одна доза", "разовую дозу", "однократн~"),
    "ar": ("جرعة واحدة",), "zh": ("一剂", "单剂", "单次"),
}
# What says a condition or an exception: where the source says "unless", "only if", "except
# when", "as long as", a translation says one of these (or a "without": "unless your doctor
# agrees" said «sans l'accord de votre médecin»), else the condition is gone.
CONDITION_SAID: dict[str, tuple[str, ...]] = {
    "es": ("si", "a menos que", "salvo", "excepto", "solo", "sólo", "solamente", "únicamente",
           "en caso de", "cuando", "siempre que", "mientras", "a no ser que", "sin", "aunque"),
    "fr": ("si", "s'il", "s'ils", "s’il", "s’ils", "à moins que", "à moins qu'", "à moins qu’",
           "sauf", "seulement", "uniquement", "en cas de", "en cas d'", "en cas d’", "lorsque",
           "lorsqu'", "lorsqu’", "quand", "tant que", "sans", "qu'en", "qu’en"),
    "ru": ("если", "при", "в случае", "только", "пока", "когда", "кроме", "лишь", "без"),
    "ar": ("إذا", "إن", "ما لم", "إلا", "في حال", "في حالة", "عند", "لو", "فقط", "عندما",
           "حين", "بدون", "دون"),
    "zh": ("如果", "如", "若", "除非", "否则", "只有", "仅", "才", "时", "一旦", "万一", "只",
           "除", "前提", "未经"),
}
# What says "until" (or the "before" and "after" languages say it with: «不要开车，直到…»,
# 痊愈后再…): where the source says "until …" (not "wait until"), a translation has one.
UNTIL_SAID: dict[str, tuple[str, ...]] = {
    "es": ("hasta", "antes de", "mientras", "a que", "solo cuando", "sólo cuando",
           "solo después", "sólo después"),
    "fr": ("jusqu'à", "jusqu’à", "jusqu'au", "jusqu’au", "jusque-là", "en attendant", "avant",
           "d'ici là",
           "d’ici là",
           "qu'une fois", "qu’une fois", "qu'après", "qu’après", "tant que", "tant qu'il",
           "tant qu'ils", "tant qu'elle", "tant qu'elles", "tant qu’il", "tant qu’ils",
           "tant qu’elle", "tant qu’elles"),
    "ru": ("до", "пока", "прежде", "только после", "только когда"),
    "ar": ("حتى", "قبل", "إلى أن", "ريثما", "لحين", "إلا بعد"),
    "zh": ("直到", "直至", "至", "到", "之前", "前", "为止", "才", "以前", "后", "服完", "用完",
           "吃完", "完成"),
}
# An age said without a unit of time where English says "18 years old": the word for years of
# age (岁) or for having reached an age («بلغ الثامنة عشرة», «في سن», «من العمر»).
AGE_SAID: dict[str, tuple[str, ...]] = {
    "ar": ("بلغ~", "يبلغ~", "تبلغ~", "سن", "عمر~", "العمر"), "zh": ("岁",),
}
# Words that read as a term of the lexicon (pipeline.checks.terms) and are another word: the
# Russian «лёгкой форме» is a mild form, no lung («лёгкое»). Matched in folded text (ё as е,
# й as и).
NOT_TERMS: dict[str, str] = {
    # «وسادة» (a cushion, a pillow) is no «و» + «ساد» (cataract)
    "ar": r"(?<!\w)(?:ال)?وساد(?:ة|ات|تين|تان)?(?!\w)|(?<!\w)(?:ال)?وسائد(?!\w)",
    "ru": r"(?<!\w)легк(?:о[йи]|ая|ую|и[йи]|ие|их|ого|ому|ом|им|ими)\s+(?:форм|степен|случа|"
          r"недомогани|бол|тошнот|нагрузк|упражнени|пищ|ед[аеуы]|закуск|прогулк|ожог|травм|"
          r"сотрясени|аллерги|инфекци|простуд|массаж|движени|давлени|касани|прикосновени|"
          r"нажати|похлопывани)\w*",
}
# "If not" said "otherwise" («sinon, appelez le 999»): the source's "not" said without one.
OTHERWISE: dict[str, tuple[str, ...]] = {
    "es": ("de lo contrario", "en caso contrario", "si no"),
    "fr": ("sinon", "dans le cas contraire", "autrement"),
    "ru": ("иначе", "в противном случае", "если нет"),
    "ar": ("وإلا", "وإلّا", "وإن لم", "إن لم", "إذا لم"),
    "zh": ("否则", "如果没有", "若没有", "不然"),
}
# What a dose is counted in (tablets, capsules, doses, drops, puffs, sachets…), each language's
# words: "take one tablet" made «tome dos comprimidos» is a count changed, where the source's
# one is no number a translation must write (pipeline.checks.numbers.one_changed). Arabic
# also counts two in the noun itself (قرصين: two tablets, `NUMBER_WORDS`).
DOSE_NOUNS: dict[str, tuple[str, ...]] = {
    "en": ("tablet", "capsule", "dose", "drop", "puff", "sachet", "injection", "pump",
           "spray", "patch", "pessary", "suppository", "pill", "lozenge", "spoonful",
           "teaspoon"),
    "es": ("comprimido~", "pastilla~", "tableta~", "cápsula~", "dosis", "gota~",
           "inhalaci~", "pulsaci~", "sobre~", "inyecci~", "parche~", "óvulo~",
           "supositorio~", "toma~", "cucharad~", "aplicaci~", "pulverizaci~"),
    "fr": ("comprimé~", "cachet~", "gélule~", "capsule~", "dose~", "goutte~", "bouffée~",
           "pulvérisation~", "sachet~", "injection~", "patch~", "ovule~", "suppositoire~",
           "prise~", "cuillère~", "cuillerée~", "pression~"),
    "ru": ("таблет~", "капсул~", "доз~", "капл~", "вдох~", "ингаляци~", "пакетик~",
           "инъекци~", "укол~", "пластыр~", "свеч~", "приём~", "прием~", "нажати~",
           "впрыскиван~", "ложк~"),
    "ar": ("قرص~", "أقراص", "حب~", "كبسول~", "جرع~", "قطر~", "بخ~", "نفخ~", "كيس~",
           "أكياس", "حقن~", "لصق~", "لبوس~", "تحميل~", "ملعق~", "ضغط~"),
    "zh": ("片", "粒", "剂", "滴", "喷", "袋", "针", "贴", "丸", "揿", "勺"),
}
# …and what a drink is counted in (litres, glasses, cups): "drink two litres" made «un litro»
# (pipeline.checks.numbers.many_as_one).
MEASURE_NOUNS: dict[str, tuple[str, ...]] = {
    "en": ("litre", "liter", "glass", "cup", "bottle", "mug"),
    "es": ("litro~", "vaso~", "taza~", "botella~"), "fr": ("litre~", "verre~", "tasse~",
                                                          "bouteille~"),
    "ru": ("литр~", "стакан~", "чашк~", "чашек", "бутылк~"),
    "ar": ("لتر~", "كوب~", "أكواب", "كأس~", "زجاج~"), "zh": ("升", "杯", "瓶"),
}
# The minutes of a time of day said in words ("9:30" as «nueve y media», «التاسعة والنصف»,
# 九点半): what a clock's :30, :15 and :45 may be written with instead of the digits.
CLOCK_MINUTES: dict[str, dict[int, tuple[str, ...]]] = {
    "es": {30: ("y media",), 15: ("y cuarto",), 45: ("menos cuarto",)},
    "fr": {30: ("et demie",), 15: ("et quart",), 45: ("moins le quart", "moins quart")},
    "ru": {30: ("половин~", "пол"), 15: ("четверть",), 45: ("без четверти",)},
    "ar": {30: ("والنصف", "و النصف", "ونصف"), 15: ("والربع", "وربع"),
           45: ("إلا ربع~", "إلا الربع")},
    "zh": {30: ("半",), 15: ("一刻",), 45: ("三刻",)},
}
# Qualifiers of an instruction that a translation must keep some word of, each with the English
# that says it: taking a medicine with food or on an empty stomach, how bad a symptom must be
# ("severe pain", "heavy bleeding", "sudden swelling"), an ice pack "wrapped in a towel".
# The words are what says the thing in any way a translator may choose («с едой», «во время
# еды», «после приёма пищи»); a qualifier whose language has no row is not asked about.
QUALIFIERS_EN: dict[str, str] = {
    "with food": r"\b(?:with|after|before)\s+(?:(?:a|your|each|every|some)\s+)?(?:food|"
                 r"meals?|breakfast|lunch|dinner|supper|(?:evening |main )?meal|eating|milk|"
                 r"snacks?)\b(?! poisoning)|\bon an empty stomach\b",
    "severe": r"\b(?:severe|severely|sudden|suddenly)\b|\bheavy (?:bleeding|periods?|blood "
              r"loss)\b|\bbleeding heavily\b",
    "wrapped in": r"\bwrapped in\b",
    "even if": r"\beven\s+(?:if|when|once|though|after|while)\b",
}
QUALIFIERS: dict[str, dict[str, tuple[str, ...]]] = {
    "with food": {
        "es": ("comida~", "alimento~", "desayun~", "almuerz~", "almorzar", "cena~", "cenar",
               "comer", "coma", "ayunas", "estómago", "leche", "tentempié~", "merienda~",
               "ingesta~"),
        "fr": ("repas", "nourriture~", "aliment~", "petit-déjeuner~", "petit déjeuner",
               "déjeuner~", "dîner~", "manger", "mangé", "jeun", "estomac", "lait",
               "collation~", "goûter"),
        "ru": ("ед~", "пищ~", "завтрак~", "обед~", "ужин~", "поесть", "поев", "натощак",
               "желуд~", "молок~", "перекус~", "кушать", "покушав", "есть", "съесть"),
        "ar": ("طعام", "أكل", "وجب~", "فطور", "إفطار", "غداء", "عشاء", "معدة", "حليب", "الريق",
               "تأكل", "يأكل", "أطعمة", "السحور", "غذاء", "أغذية"),
        "zh": ("饭", "餐", "食", "吃", "空腹", "奶"),
    },
    "severe": {
        "es": ("grave~", "intens~", "fuerte~", "sever~", "importante~", "repentin~", "súbit~",
               "brusc~", "de repente", "de golpe", "abundante~", "muy", "agud~", "mucho",
               "mucha", "de un día para otro", "de la noche a la mañana"),
        "fr": ("grave~", "intense~", "fort~", "sévère~", "important~", "soudain~", "brusque~",
               "brutal~", "abondant~", "violent~", "aigu~", "beaucoup", "très", "tout à coup",
               "subit~", "d'un coup", "d’un coup", "du jour au lendemain"),
        "ru": ("сильн~", "тяжел~", "тяжёл~", "выраженн~", "внезапн~", "резк~", "обильн~",
               "вдруг", "интенсивн~", "остр~", "много"),
        "ar": ("شديد~", "شدي~", "حاد~", "قوي~", "مفاجئ~", "فجأة", "غزير~", "بشدة", "كثير~",
               "بغزارة", "عنيف~"),
        "zh": ("严重", "剧烈", "重度", "突然", "大量", "剧", "强烈", "猛", "骤", "厉害", "重",
               "量多", "较多", "突发", "过多"),
    },
    "wrapped in": {
        "es": ("toall~", "paño~", "tela~", "envuelt~", "envolv~", "trapo~"),
        "fr": ("serviette~", "linge~", "tissu~", "envelopp~", "torchon~", "chiffon~"),
        "ru": ("полотенц~", "ткан~", "салфет~", "оберн~", "завернут~", "обмотан~", "обернув",
               "завернув"),
        "ar": ("منشف~", "قماش~", "ملفوف~", "لف~", "قطعة", "فوط~"),
        "zh": ("毛巾", "布", "包", "裹"),
    },
    "even if": {
        "es": ("aunque", "incluso", "aun", "aún", "a pesar", "pese a", "también"),
        "fr": ("même", "bien que", "quand bien", "y compris", "ne serait-ce"),
        "ru": ("даже", "хотя", "несмотря", "в том числе", "всё равно", "все равно"),
        "ar": ("حتى لو", "حتى وإن", "حتى إن", "حتى إذا", "حتى بعد", "حتى عندما", "حتى مع", "حتى في",
               "حتى أثناء", "حتى خلال", "حتى عند", "وإن", "رغم", "ولو"),
        "zh": ("即使", "即便", "哪怕", "就算", "也", "仍", "依然", "照样", "尽管", "无论", "不管",
               "万一"),
    },
}
# …and for an "until" after a negation, the time before it ("do not fly until 2 weeks after
# the X-ray": «dans les 2 semaines qui suivent», «в течение 2 недель после»).
WITHIN_SAID: dict[str, tuple[str, ...]] = {
    "es": ("durante", "en los", "en las", "dentro de"), "fr": ("dans les", "pendant", "durant"),
    "ru": ("в течение", "в первые"), "ar": ("خلال", "طوال"), "zh": ("内", "期间"),
}
# Times of day in three parts (morning; midday and afternoon; evening and night), with the
# meals and bedtime that mark them: what a count of doses is paired with ("one tablet in
# the morning and two at night"). Words with another everyday sense («tarde», late; 早, early)
# are left out.
TIMES_OF_DAY: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"morning": ("morning~", "breakfast~"), "midday": ("midday", "noon", "lunch~",
                                                            "lunchtime", "afternoon~"),
           "evening": ("evening~", "night~", "overnight", "dinner~", "supper~", "bedtime")},
    "es": {"morning": ("mañana", "mañanas", "desayuno~", "desayunar"),
           "midday": ("mediodía", "almuerzo~", "almorzar"),
           "evening": ("noche~", "cena~", "cenar", "acostarse", "dormir")},
    "fr": {"morning": ("matin~", "petit-déjeuner~", "petit déjeuner"),
           "midday": ("midi", "déjeuner~", "après-midi"),
           "evening": ("soir~", "nuit~", "dîner~", "coucher")},
    "ru": {"morning": ("утро~", "утром", "утра", "завтрак~"),
           "midday": ("обед~", "днём", "днем", "полдень", "полудня"),
           "evening": ("вечер~", "ночь~", "ночью", "на ночь", "ужин~", "перед сном")},
    "ar": {"morning": ("صباح~", "الصباح", "صباحا", "صباحًا", "فطور", "الفطور", "الإفطار"),
           "midday": ("ظهر~", "الظهر", "ظهرا", "ظهرًا", "الغداء", "غداء"),
           "evening": ("مساء~", "المساء", "مساءً", "ليل~", "الليل", "ليلًا", "ليلا", "العشاء",
                       "النوم")},
    "zh": {"morning": ("早上", "早晨", "上午", "清晨", "晨起", "早餐", "早饭"),
           "midday": ("中午", "午餐", "午饭", "下午"),
           "evening": ("晚上", "傍晚", "晚餐", "晚饭", "睡前", "夜间", "夜里")},
}
# "In a row": what says that things counted come one after another ("twice in a row": two
# readings in a row), and the Arabic dual of "consecutive" that itself says two.
IN_A_ROW: dict[str, tuple[str, ...]] = {
    "es": ("seguid~", "consecutiv~"), "fr": ("consécuti~", "d'affilée", "d’affilée", "de suite"),
    "ru": ("подряд",), "ar": ("متتالي~", "متتابع~"), "zh": ("连续",),
}
IN_A_ROW_TWO: dict[str, tuple[str, ...]] = {
    "ar": ("متتاليين", "متتاليتين", "متتاليان", "متتاليتان"),
}
# "Every other day": how each language says it (a day skipped between doses).
EVERY_OTHER_DAY: dict[str, tuple[str, ...]] = {
    "es": ("cada dos días", "cada 2 días", "en días alternos", "días alternos",
           "un día sí y otro no", "día por medio", "cada dos noches", "noches alternas"),
    "fr": ("tous les deux jours", "tous les 2 jours", "un jour sur deux", "jours alternés",
           "une nuit sur deux", "toutes les deux nuits"),
    "ru": ("через день", "каждые два дня", "каждые 2 дня", "каждый второй день", "через ночь",
           "каждую вторую ночь"),
    "ar": ("كل يومين", "يوم بعد يوم", "يومًا بعد يوم", "يوما بعد يوم", "كل يومين مرة",
           "كل ليلتين", "ليلة بعد ليلة"),
    "zh": ("隔天", "隔日", "每两天", "每隔一天", "每2天", "每隔1天", "隔晚", "每隔一晚",
           "隔夜"),
}
# "Every" before a period ("cada 3 horas", "toutes les 3 heures", «каждые 3 часа», "كل 3
# ساعات", 每3小时): a count between it and the period says every so many.
EVERY: dict[str, tuple[str, ...]] = {
    "es": ("cada",), "fr": ("toutes les", "tous les"), "ru": ("каждые", "каждых", "каждый"),
    "ar": ("كل",), "zh": ("每", "每隔"),
}
# The word for "times" that means once with no count before it: «раз в неделю» (once a week).
TIMES_ALONE: dict[str, tuple[str, ...]] = {"ru": ("раз",), "ar": ("مرة",)}
# …and the doses or intakes a count of times may be said as: "4 prises par jour", "4 tomas".
TIMES_WORD: dict[str, tuple[str, ...]] = {
    "en": ("times",), "es": ("veces", "tomas", "aplicaciones"),
    "fr": ("fois", "prises", "applications"),
    "ru": ("раз", "раза", "приёма", "приема", "приёмов", "приемов"),
    "ar": ("مرات", "مرة"),       # 11 and more count a singular: «20 مرة»
    "zh": ("次", "遍"),      # 遍: times through, of an exercise repeated ("重复八到十遍")
}
# Time units a language counts one of with the noun alone (Arabic «لمدة أسبوع», a week;
# Russian «через час», an hour).
SINGULAR_ONE: dict[str, tuple[str, ...]] = {
    "ar": ("يوم", "أسبوع", "شهر", "ساعة", "دقيقة", "سنة", "عام", "يومًا", "أسبوعًا", "شهرًا",
           "عامًا"),
    # «через час», «за час до еды», «в течение часа», «на неделю»: one hour, one week
    "ru": ("час", "часа", "часу", "минуту", "минута", "минуты", "день", "дня", "сутки",
           "суток", "неделю", "неделя", "недели", "месяц", "месяца", "год", "года"),
}
# Extra month spellings Babel's CLDR lacks for a language (Levantine Arabic names).
MONTH_EXTRA: dict[str, dict[int, tuple[str, ...]]] = {
    # Russian months in the prepositional case, «в январе 2027 года» (Babel has the others)
    "ru": {1: ("январе",), 2: ("феврале",), 3: ("марте",), 4: ("апреле",), 5: ("мае",),
           6: ("июне",), 7: ("июле",), 8: ("августе",), 9: ("сентябре",), 10: ("октябре",),
           11: ("ноябре",), 12: ("декабре",)},
    "ar": {1: ("كانون الثاني",), 2: ("شباط",), 3: ("آذار",), 4: ("نيسان",), 5: ("أيار",),
           6: ("حزيران",), 7: ("تموز",), 8: ("آب",), 9: ("أيلول",), 10: ("تشرين الأول",),
           11: ("تشرين الثاني",), 12: ("كانون الأول",)},
}

# --- Matrix languages (issue 19): one entry per language. Languages that negate with a verb
# suffix or prefix (tr -ma, kk -ма, uz -ma, mn -гүй, fa نـ) have no negation list: a word list
# cannot see their negation, and the report says "negation: not checked for tr".
NEGATION.update({
    "de": ("nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals", "ohne",
           "weder", "nichts"),
    "it": ("non", "mai", "né", "senza", "nessuno", "nessuna", "niente", "nulla"),
    "pt": ("não", "nunca", "nem", "sem", "nenhum", "nenhuma", "nada", "jamais"),
    "uk": ("не", "ні", "ніколи", "без", "нема", "немає", "нічого", "ніхто", "жоден", "жодного",
           "жодних", "заборонено"),
    "ur": ("نہ", "نہیں", "مت", "بغیر", "بنا", "ممنوع"),
    "he": ("לא", "אל", "אין", "אסור", "בלי", "ללא", "אף", "מעולם", "לעולם", "שום", "ולא", "שלא",
           "ואל", "שאין", "ואין", "ואסור", "שאסור", "וללא", "ובלי"),
    "hi": ("नहीं", "मत", "बिना", "न", "वर्जित", "मना", "निषिद्ध"),
    "bn": ("না", "নয়", "নেই", "কখনো", "কখনও", "বিনা", "ছাড়া", "নিষেধ", "নিষিদ্ধ"),
    "th": ("ไม่", "ห้าม", "อย่า", "ปราศจาก", "งด"),
    "vi": ("không", "đừng", "chớ", "chưa", "cấm", "chẳng"),
    "id": ("tidak", "jangan", "bukan", "tanpa", "tak", "belum", "dilarang"),
    "ja": ("ないで", "ない", "ません", "禁止", "不", "無", "未", "ず", "やめ"),
    "ko": ("않", "안 ", "못", "마십시오", "마세요", "말고", "없", "금지", "아니"),
})
# Languages written without spaces between words (or, in Korean, with the negation glued to
# the verb): their words are matched as substrings.
GLUED = ("zh", "ja", "th", "ko")
# Words that join the last items of a list ("a rash, swollen lips or difficulty breathing"),
# and the commas that separate the others (pipeline.checks.listing). Arabic also joins with
# و written onto the next word (والألم, وسجّل): listing reads that as a joint too.
COORDINATORS: dict[str, tuple[str, ...]] = {
    "en": ("and", "or", "nor"), "es": ("y", "e", "o", "u", "ni"), "fr": ("et", "ou", "ni"),
    "ru": ("и", "или", "ни", "либо"), "ar": ("أو", "أم"),
    "zh": ("或者", "或", "以及", "及", "和", "与", "并", "还是"),
}
LIST_COMMAS: dict[str, str] = {"zh": ",，、", "ja": ",、，", "ar": ",،"}
# A translation's part opening with one of these is a condition that leads into a list,
# not an item of it ("如果出现皮疹或呼吸困难，请停止服药并立即就医": two and two).
LIST_LEADS: dict[str, tuple[str, ...]] = {
    "zh": ("如果", "如", "若", "一旦", "假如", "要是", "当"),
    "es": ("si ", "mientras ", "cuando ", "después de", "antes de", "durante ", "aunque ",
           "en caso de"),
    "fr": ("si ", "pendant ", "lorsque ", "quand ", "après ", "avant ", "tant que ", "en cas d"),
    "ru": ("если ", "пока ", "когда ", "после ", "во время ", "хотя ", "при "),
    "ar": ("إذا ", "عندما ", "أثناء ", "بعد ", "قبل ", "لو ", "في حال"),
}
# …and those of them that lead in from inside a part too («llámenos si nota…»), where the
# others (prepositions: «одежду при 60 °C», «après le repas») open a lead only at its start.
LIST_CONDITIONS: dict[str, tuple[str, ...]] = {
    lang: tuple(lead for lead in leads if lead.strip() in {
        "si", "mientras", "cuando", "aunque", "en caso de", "lorsque", "quand", "tant que",
        "en cas d", "если", "пока", "когда", "хотя", "إذا", "عندما", "لو", "في حال"})
    for lang, leads in LIST_LEADS.items()
}
# Languages that add case endings to a word (kk наурызда, mn сарын): names match as stems.
SUFFIXING = ("kk", "mn", "tr", "uz", "fi", "hu", "et")
# Letters glued on the front of a word as prefixes (Hebrew ב, ל, ו, ה, מ, ש, כ: "במרץ").
PREFIXES: dict[str, str] = {"he": "בלוהמשכ", "ar": "وفبلك"}
# The definite article glued on the front of a word (Arabic ال): cut off to find the word.
ARTICLES: dict[str, tuple[str, ...]] = {"ar": ("ال",)}
# English words that carry no content of their own: a lexicon learns nothing from them.
FUNCTION_WORDS: dict[str, frozenset[str]] = {"en": frozenset({
    "a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "by", "from", "and", "or",
    "but", "if", "so", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its",
    "this", "that", "these", "those", "you", "your", "yours", "we", "our", "us", "they", "them",
    "their", "he", "she", "his", "her", "i", "me", "my", "can", "will", "would", "should",
    "could", "may", "might", "must", "do", "does", "did", "have", "has", "had", "there", "here",
    "what", "which", "who", "whom", "when", "where", "why", "how", "than", "then", "also", "any",
    "some", "all", "each", "every", "more", "most", "very", "just", "only", "into", "out", "up",
    "down", "over", "about", "after", "before", "such", "other",
})}
# Languages whose words grow from a root of three letters with endings added (Arabic دقيق,
# دقيقة): a last word the corpus has only longer is a fragment only up to this many letters.
FRAGMENT_LETTERS: dict[str, int] = {"ar": 2, "he": 2}
# Languages whose sentences end without a full stop (Thai, Lao): a missing end says nothing.
UNPUNCTUATED = ("th", "lo")
# Words that mark a number as a year where TIME_UNITS has none ("2027-yil", "2027 жылғы").
YEAR_WORDS: dict[str, tuple[str, ...]] = {"uz": ("yil~",), "kk": ("жыл~",), "mn": ("он~",),
                                          "tr": ("yıl~",)}
# A month written as a number and this character (3月, 3월), with or without a space.
MONTH_SUFFIX: dict[str, str] = {"zh": "月", "ja": "月", "ko": "월"}
TIME_UNITS.update({
    "de": {"minute": ("minute~", "min"), "hour": ("stunde~", "std", "h", "stündlich~"),
           "day": ("tag", "tage", "tagen", "tages", "täglich~"), "week": ("woche~",),
           "month": ("monat~",), "year": ("jahr~",)},
    "it": {"minute": ("minut~", "min"), "hour": ("ora", "ore", "h"),
           "day": ("giorno", "giorni", "giornalier~", "quotidian~"),
           "week": ("settiman~",), "month": ("mese", "mesi"), "year": ("anno", "anni")},
    "pt": {"minute": ("minuto~", "min"), "hour": ("hora", "horas", "h"),
           "day": ("dia", "dias", "diári~"),
           "week": ("semana~",), "month": ("mês", "meses"), "year": ("ano", "anos")},
    "uk": {"minute": ("хвилин~", "хв"), "hour": ("годин~", "год"),
           "day": ("день", "дні", "днів", "дня", "добу", "доби", "щоденн~"),
           "week": ("тижд~", "тиж~"), "month": ("місяц~", "міс"),
           "year": ("рік", "роки", "років", "року")},
    "vi": {"minute": ("phút",), "hour": ("giờ", "tiếng"), "day": ("ngày",), "week": ("tuần",),
           "month": ("tháng",), "year": ("năm",)},
    "id": {"minute": ("menit",), "hour": ("jam",), "day": ("hari", "harian"),
           "week": ("minggu", "pekan"), "month": ("bulan",), "year": ("tahun",)},
    "ja": {"minute": ("分",), "hour": ("時間",), "day": ("日",), "week": ("週間", "週"),
           "month": ("か月", "ヶ月", "カ月", "ケ月"), "year": ("年",)},
    "ko": {"minute": ("분",), "hour": ("시간",), "day": ("일",), "week": ("주",),
           "month": ("개월", "달"), "year": ("년",)},
    "th": {"minute": ("นาที",), "hour": ("ชั่วโมง",), "day": ("วัน",), "week": ("สัปดาห์",),
           "month": ("เดือน",), "year": ("ปี",)},
})
# Traditional Chinese spellings of the time units (zh-Hant, zh-TW).
for _unit, _traditional in {"minute": ("分鐘",), "hour": ("小時", "鐘頭"),
                            "week": ("週", "禮拜"), "month": ("個月",)}.items():
    TIME_UNITS["zh"][_unit] += _traditional
# --- end of matrix languages ---

_TABLES: dict[str, tuple[Mapping[str, object], ...]] = {
    "negation": (NEGATION,), "time-units": (TIME_UNITS,),
    "frequency": (NUMBER_WORDS, TIMES_WORD), "dates": ()}


def covered(check: str, lang: str) -> bool:
    """Does `lang` have the word data `check` needs? (False: the check cannot judge it.)"""
    base = base_language(lang)
    if check == "dates":
        return bool(month_names(base))
    tables = _TABLES.get(check)
    return tables is None or all(base in table for table in tables)


@lru_cache(maxsize=32)
def weekday_names(lang: str) -> dict[int, tuple[str, ...]]:
    """Weekday (0 Monday … 6 Sunday) → the full names `lang` writes it with (Babel's format
    and stand-alone names; Russian by stem, «в среду», «в пятницу»; Arabic also without the
    article, «كل يوم اثنين»; Chinese also 礼拜一)."""
    from babel import UnknownLocaleError

    from pipeline.languages import locale

    base = base_language(lang)
    try:
        days = locale(base).days
    except (UnknownLocaleError, ValueError):
        return {}
    names: dict[int, set[str]] = {n: set() for n in range(7)}
    for context in ("format", "stand-alone"):
        widths = ("wide", "abbreviated") if base in GLUED else ("wide",)
        for width in widths:
            for number, name in days.get(context, {}).get(width, {}).items():
                name = name.rstrip(".").lower()
                # Russian by stem: «в пятницу», «до понедельника», «к четвергу»
                names[number].add(name[:-1] + "~" if base == "ru" and name[-1] in "аяье"
                                  else name + "~" if base == "ru" else name)
                if base == "ar" and name.startswith("ال"):
                    names[number].add(name[2:])
                if name.startswith("星期"):
                    names[number].add("礼拜" + name[2:])
    return {n: tuple(sorted(v, key=len, reverse=True)) for n, v in names.items() if v}


@lru_cache(maxsize=32)
def month_names(lang: str) -> dict[int, tuple[str, ...]]:
    """Month number → every way `lang` writes its name (Babel: format and stand-alone)."""
    from babel import UnknownLocaleError

    from pipeline.languages import locale

    try:
        months = locale(base_language(lang)).months
    except (UnknownLocaleError, ValueError):
        return {}
    names: dict[int, set[str]] = {n: set() for n in range(1, 13)}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in months.get(context, {}).get(width, {}).items():
                names[number].add(name.rstrip(".").lower())
    for number, extra in MONTH_EXTRA.get(base_language(lang), {}).items():
        names[number].update(extra)
    return {n: tuple(sorted(v, key=len, reverse=True)) for n, v in names.items() if v}
