"""Rules of round 40, each shown both ways: what a careful translator may write passes, and
the dangerous edit of the same sentence is an error (pipeline.checks, as `pipeline check`
runs them)."""

from __future__ import annotations

from test_probes import all_pass, both_ways

# (check, English, language): (a faithful translation, the dangerous edit)
BOTH_WAYS = {
    # the words before a list's first term lead into it: "Stop taking aspirin" is aspirin
    ("omission", "Stop taking aspirin, clopidogrel and ginkgo tablets 7 days before your "
     "cataract operation.", "es"): (
        "Deje de tomar la aspirina, el clopidogrel y los comprimidos de ginkgo 7 días antes "
        "de la operación de cataratas.",
        "Deje de tomar el clopidogrel y los comprimidos de ginkgo 7 días antes de la "
        "operación de cataratas."),
    ("omission", "Stop taking aspirin, clopidogrel and ginkgo tablets 7 days before your "
     "cataract operation.", "fr"): (
        "Arrêtez l'aspirine, le clopidogrel et les comprimés de ginkgo 7 jours avant "
        "l'opération de la cataracte.",
        "Arrêtez le clopidogrel et les comprimés de ginkgo 7 jours avant l'opération de la "
        "cataracte."),
    # a rate moved from a day to a week, beside an interval in weeks
    ("frequency", "The dressing is changed every 2 weeks at the clinic; clean the skin "
     "around it daily.", "es"): (
        "El apósito se cambia cada 2 semanas en la consulta; limpie la piel de alrededor a "
        "diario.",
        "El apósito se cambia cada 2 semanas en la consulta; limpie la piel de alrededor "
        "una vez por semana."),
    ("frequency", "The dressing is changed every 2 weeks at the clinic; clean the skin "
     "around it daily.", "ru"): (
        "Повязку меняют в кабинете каждые 2 недели; кожу вокруг неё очищайте ежедневно.",
        "Повязку меняют в кабинете каждые 2 недели; кожу вокруг неё очищайте раз в неделю."),
    ("frequency", "The dressing is changed every 2 weeks at the clinic; clean the skin "
     "around it daily.", "zh"): (
        "敷料每2周在门诊更换一次；请每天清洁其周围的皮肤。",
        "敷料每2周在门诊更换一次；请每周清洁其周围的皮肤。"),
    # «не дольше» says the source's "at most": the "not" of "will not help" stands alone
    ("negation", "A cold is caused by a virus, so antibiotics will not help; take "
     "paracetamol for 5 days at most.", "ru"): (
        "Простуду вызывает вирус, поэтому антибиотики не помогут; принимайте парацетамол не "
        "дольше 5 дней.",
        "Простуду вызывает вирус, поэтому антибиотики помогут; принимайте парацетамол не "
        "дольше 5 дней."),
    # «пока … не станет лучше и … не сможете»: both "not"s are the until's
    ("negation", "If you have diarrhoea, do not take metformin until you feel better and can "
     "eat normally.", "ru"): (
        "При диарее не принимайте метформин, пока вам не станет лучше и вы не сможете "
        "нормально есть.",
        "При диарее принимайте метформин, пока вам не станет лучше и вы не сможете "
        "нормально есть."),
    # «hasta cuatro veces» is the "up to", not the "until"
    ("omission", "Take ibuprofen up to three times a day, and the antibiotic twice daily "
     "until the course is finished.", "es"): (
        "Tome ibuprofeno hasta tres veces al día y el antibiótico dos veces al día hasta "
        "terminar el tratamiento.",
        "Tome ibuprofeno hasta tres veces al día y el antibiótico dos veces al día."),
    ("omission", "Take ibuprofen up to three times a day, and the antibiotic twice daily "
     "until the course is finished.", "fr"): (
        "Prenez de l'ibuprofène jusqu'à trois fois par jour, et l'antibiotique deux fois par "
        "jour jusqu'à la fin du traitement.",
        "Prenez de l'ibuprofène jusqu'à trois fois par jour, et l'antibiotique deux fois par "
        "jour."),
    # "even if" lost
    ("omission", "Keep wearing the brace at night, even if your back feels better.", "es"): (
        "Siga llevando el corsé por la noche, aunque note mejor la espalda.",
        "Siga llevando el corsé por la noche."),
    ("omission", "Keep wearing the brace at night, even if your back feels better.", "zh"): (
        "即使背部感觉好转，晚上也要继续佩戴支具。",
        "晚上请继续佩戴支具。"),
    # a count of weeks gone, another written twice
    ("quantities", "Inject 40 mg every two weeks; some people inject 80 mg every four "
     "weeks instead.", "fr"): (
        "Injectez 40 mg toutes les deux semaines ; certaines personnes injectent plutôt "
        "80 mg toutes les quatre semaines.",
        "Injectez 40 mg toutes les deux semaines ; certaines personnes injectent plutôt "
        "80 mg toutes les deux semaines."),
    ("quantities", "Inject 40 mg every two weeks; some people inject 80 mg every four "
     "weeks instead.", "ar"): (
        "احقن 40 ملغ كل أسبوعين؛ ويحقن بعض الأشخاص 80 ملغ كل أربعة أسابيع بدلًا من ذلك.",
        "احقن 40 ملغ كل أسبوعين؛ ويحقن بعض الأشخاص 80 ملغ كل أسبوعين بدلًا من ذلك."),
    # «недостаточность» is heart failure, no negation: the "not" removed beside it is found
    ("negation", "Do not take it if you have heart failure.", "ru"): (
        "Не принимайте его, если у вас сердечная недостаточность.",
        "Принимайте его, если у вас сердечная недостаточность."),
    # 无 of 无保护 says "unprotected", not the source's "not"
    ("negation", "After unprotected sex, take the tablet at once; it does not protect you "
     "against infections.", "zh"): (
        "无保护性行为后请立即服药；本药不能预防感染。",
        "无保护性行为后请立即服药；本药能预防感染。"),
    # lexicon: low blood pressure, the temples
    ("glossary", "Do not use the spray if you have low blood pressure.", "es"): (
        "No use el aerosol si tiene la tensión baja.",
        "No use el aerosol si tiene hipertensión."),
    ("glossary", "Tell us at once if you have pain over your temples.", "ru"): (
        "Сразу сообщите нам, если у вас болят виски.",
        "Сразу сообщите нам, если у вас болят плечи."),
}


test_faithful_passes_and_the_edit_is_found = both_ways(BOTH_WAYS)


# correct translations the checks used to flag
PASSES = [
    # an Arabic drug written without one of its long vowels
    ("Stop cetirizine, loratadine and fexofenadine 5 days before the skin test.", "ar",
     "توقف عن تناول السيتريزين واللوراتادين والفيكسوفينادين قبل اختبار الجلد بخمسة أيام."),
    # "as long as possible" sets no condition
    ("Hold the gel in your mouth as long as possible after each meal.", "es",
     "Mantenga el gel en la boca el mayor tiempo posible después de cada comida."),
    # "weekdays" said Monday to Friday
    ("The clinic is open from 9 am to 5 pm on weekdays and closed on Sundays.", "fr",
     "La consultation est ouverte du lundi au vendredi de 9 h à 17 h et fermée le "
     "dimanche."),
    # a morning range that reaches noon
    ("The clinic runs every Monday from 9 am to 12:30 pm.", "zh",
     "门诊每周一上午9:00至12:30开放。"),
    # a period word goes to the count of its own sentence
    ("Apply it twice a day until the rash settles. Once it has gone, use it once a day.",
     "fr", "Appliquez-le deux fois par jour jusqu'à ce que l'éruption se calme. Une fois "
     "disparue, utilisez-le une fois par jour."),
    # negations said another way
    ("If there is no improvement after 4 weeks, see your GP.", "fr",
     "En l'absence d'amélioration au bout de 4 semaines, consultez votre médecin "
     "généraliste."),
    ("Use the gel for 3 days, then have 4 days with no treatment.", "ru",
     "Используйте гель 3 дня, затем сделайте перерыв на 4 дня."),
    ("Avoid contact sports for two weeks.", "ar",
     "امنع نفسك من ممارسة الرياضات الاحتكاكية لمدة أسبوعين."),
    # a sinus is no breast
    ("The nurse will pack the pilonidal sinus every 2 days.", "es",
     "La enfermera rellenará el seno pilonidal cada 2 días."),
    # "your bottom" may be the anus
    ("Push one suppository gently into your bottom.", "fr",
     "Introduisez doucement un suppositoire dans l'anus."),
    # «ثلاث مرات يوميًا» is three times a day, not three days
    ("Take it three times a day for 7 days, starting within three days of the rash.", "ar",
     "تناوله ثلاث مرات يوميًا لمدة 7 أيام، على أن تبدأ خلال ثلاثة أيام من ظهور الطفح."),
    # one week said with no count
    ("Wear the sling for one week, and expect swelling that may last 2 to 3 weeks.", "ar",
     "ارتدِ الحمالة لمدة أسبوع، ومن المتوقع حدوث تورم قد يستمر من أسبوعين إلى ثلاثة "
     "أسابيع."),
]


test_correct_translations_pass = all_pass(PASSES)
