"""The team's probe sentences (bench/probes*.jsonl, twenty-three sets): topics the sample has none
of, checked without a corpus as a new document's are. Correct translations and rewordings
pass, but for the false alarms the README names; the dangerous edits of every class but
omission and English left are found in every language, but for the misses the README names.
(bench/safety.py --probes FILE prints all classes beside pofilter.)"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.checks import Catalog, Entry, Scope, registry
from pipeline.config import load_config
from pipeline.glossary.project import project_glossary
from pipeline.model import Severity

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = project_glossary(load_config(ROOT))
FILES = ("probes.jsonl", "probes2.jsonl", "probes3.jsonl", "probes4.jsonl", "probes5.jsonl",
         "probes6.jsonl", "probes7.jsonl", "probes8.jsonl", "probes9.jsonl", "probes10.jsonl",
         "probes11.jsonl", "probes12.jsonl", "probes13.jsonl", "probes14.jsonl",
         "probes15.jsonl", "probes16.jsonl", "probes17.jsonl", "probes18.jsonl",
         "probes19.jsonl", "probes20.jsonl", "probes22.jsonl", "probes23.jsonl",
         "probes24.jsonl")
ROWS = {name: [json.loads(line) for line in
               (ROOT / "bench" / name).read_text(encoding="utf-8").splitlines() if line]
        for name in FILES}
# The correct texts the checks still flag, each for a reason the README gives: a very short
# Chinese sentence (under half the length table's ratio) and "7 days without tablets" said as
# "a break of 7 days"; and one
# the check is right about: «_不要_» between Chinese characters is no emphasis in Markdown (the
# page shows the underscores), «*不要*» is; "cola", which Hunspell's French dictionary lacks;
# 第2天 for "the day after", a number the source does not have; and two Arabic durations said in
# the other order with their clauses. From the eighth and ninth sets and the term lexicon
# (pipeline/checks/terms.csv): a more general term for the source's («нового сустава», the new
# joint, for the new hip; «участковый педиатр» for the GP; «кожу» added where the leg bag is
# washed round); 捐献者 where the sample glossary asks for 供者; a transfusion and "beeps
# twice" said with a verb and an Arabic dual of a noun («يُنقل بها الدم», «صفيرين»);
# 早晚各一次 for twice a day; «prick-test», which Hunspell's French lacks.
PROBES89 = {
    ("probes3.jsonl", "ru"): set(),
    ("probes4.jsonl", "ru"): {"Давайте ребёнку слабительные, только если их порекомендовал "
                              "участковый педиатр, и продолжайте предлагать ему много воды."},
    ("probes8.jsonl", "ru"): {"Раз в день мойте кожу вокруг катетера водой с мылом и "
                              "опорожняйте ножной мешок каждые 3–4 часа."},
    ("probes8.jsonl", "ar"): {"تدوم بطاريات المعينات السمعية عادةً من 5 إلى 7 أيام، وعندما "
                              "تصدر المعينة صفيرين يجب تغيير البطارية.",
                              "ستُعطى لك الخلايا الجذعية المأخوذة من المتبرع عبر القسطرة "
                              "الوريدية المركزية، بالطريقة نفسها التي يُنقل بها الدم."},
    ("probes8.jsonl", "zh"): {"干细胞移植后，您的体温应保持在37.5°C以下；在最初3个月内，"
                              "每天早晚各测一次体温。"},
    ("probes9.jsonl", "zh"): {"您的活体肾脏捐献者将在6周时复查；"
                              "您作为受者，每周需到门诊就诊两次。"},
}
# From the tenth set: "spread evenly" said «موزعة», «بشكل موزع», 分散, 均匀, words the
# dictionaries do not give for it (a list item looks gone); and four the markup check is right
# about: «_同一天_», «_营养师_», «_始终_» between Chinese characters and «**重要提示：**请» are
# no emphasis in Markdown (the finding says to write «*同一天*», «**重要提示**：»).
SPREAD_AR = "احرص على شرب 6 إلى 8 أكواب من السوائل يومياً موزعة على مدار اليوم، وقلّل المشروبات"
PROBES10 = {
    ("probes10.jsonl", "ar"): {f"{SPREAD_AR} بعد الساعة 6 مساءً.",
                               "حاول أن تشرب ما بين ستة وثمانية أكواب من السوائل في اليوم بشكل "
                               "موزع، وأن تخفف الشرب بعد السادسة مساءً."},
    ("probes10.jsonl", "zh"): {"**重要提示：**请在寄出检测盒的_同一天_采集样本，参见"
                               "[检测盒使用方法](https://www.example-nhs.uk/fit)。",
                               "**重要：**采集样本须与寄出检测盒在_同一天_进行，详见[如何使用检测盒]"
                               "(https://www.example-nhs.uk/fit)。",
                               "如需了解更多安全食品信息，请访问[Coeliac UK]"
                               "(https://www.coeliac.org.uk)或咨询您的_营养师_。",
                               "建议每日均匀饮用六至八杯水或其他饮品，18:00以后减少饮水。",
                               "术后前4周内，除洗漱或锻炼外，请_始终_佩戴吊带。",
                               "每天尽量喝6到8杯液体，分散在全天饮用，晚上6点以后少喝。"},
}
# From the eleventh set: "keep it cool" said with a gerund and «fría», which FreeDict's
# Spanish does not give for "cool" (a list item looks gone).
PROBES11 = {
    ("probes11.jsonl", "es"): {"Mientras dure la crisis de gota, no suspenda el alopurinol; "
                               "tome naproxeno 500 mg 2 veces al día junto con alimentos hasta "
                               "cinco días como máximo, y deje descansar la articulación "
                               "manteniéndola fría."},
}
# From the twelfth set, written apart and measured untuned (README): a list item the
# dictionaries do not see («в одном ухе» is «en un oído», 头晕 dizziness; "small, low-fat
# meals" read as two items); "do not take antacids within 4 hours" said as "leave 4 hours
# between"; "avoid … and do not eat" said with one negation and «ni» (es), 戒酒 (zh); "chest"
# said «poumons»; «двойную дозу» for "two doses"; «كبسولتان» (two capsules) read as no 2;
# 一小时内 (within an hour) for "no more than one hour after"; counts and clock times of a
# Chinese sentence paired another way.
PROBES12 = {
    ("probes12.jsonl", "es"): {"En las 48 horas siguientes al alta, coma 5 o 6 veces al día "
                                "en pequeñas cantidades y con poca grasa. No tome nada de "
                                "alcohol ni consuma frituras, nata o carnes grasas."},
    ("probes12.jsonl", "fr"): {"Faites votre kinésithérapie de drainage bronchique au moins "
                                "deux fois par jour, même lorsque vos poumons vous semblent "
                                "dégagés, et prenez vos gélules d'enzymes à chaque repas et à "
                                "chaque collation."},
    ("probes12.jsonl", "ru"): {"При приёме апиксабана для лечения фибрилляции предсердий "
                                "принимайте по 5 мг каждые двенадцать часов — приблизительно "
                                "в 08:00 и 20:00. Ни в коем случае не принимайте двойную "
                                "дозу, чтобы компенсировать пропущенный приём."},
    ("probes12.jsonl", "ar"): set(),
    ("probes12.jsonl", "zh"): {"6至8岁儿童：每次给予对乙酰氨基酚混悬液（6岁以上儿童用"
                               "，每5毫升含250毫克）5毫升，每4至6小时1次，24小"
                               "时内不超过四次。",
                               "您的第一份精液样本应于2025年11月12日（星期三）上"
                               "午8点至10点之间送到检验科，且须在采集后一小时内送达。",
                               "如果您因心房颤动服用阿哌沙班，请每12小时服用5毫克，约"
                               "在上午8点和晚上8点服用。切勿为弥补漏服的剂量而一次服用"
                               "两剂。"},
}
# the thirteenth set, measured untuned (43 false alarms), then mended in general ways: the
# rest, of which two (Chinese `_…_` between characters) are true findings on its own texts
PROBES13 = {
    ("probes13.jsonl", "es"): {"Vuelva a traer a su hijo a la consulta de pediatría el "
                               "viernes 3 de marzo a las 10:15 de la mañana, junto con el "
                               "diario de crisis y una lista de las temperaturas que haya "
                               "anotado."},
    ("probes13.jsonl", "fr"): {"Merci de revenir avec votre enfant à la consultation de "
                                "pédiatrie le vendredi 3 mars à 10 h 15, en apportant le "
                                "carnet des crises et la liste des températures que vous avez "
                                "relevées.",
                                "Pendant deux semaines après l'opération de l'appendicite "
                                "sous cœlioscopie, ne portez aucune charge dépassant 5 kg ; "
                                "ne reprenez le volant que lorsque vous pourrez freiner d'un "
                                "coup sans avoir mal."},
    ("probes13.jsonl", "ru"): {"Если вы получаете лечение под контролем, медсестра будет "
                                "наблюдать, как вы принимаете таблетки от туберкулёза, три "
                                "раза в неделю — в клинике или по видеосвязи.",
                                "Пожалуйста, приходите с ребёнком на повторный приём в "
                                "детскую клинику в пятницу, 3 марта, в 10:15 и возьмите с "
                                "собой дневник приступов и записи измеренной температуры.",
                                "Во время приёма такролимуса не употребляйте грейпфрут, "
                                "помело и растительное средство зверобой: они могут повышать "
                                "или понижать концентрацию препарата в крови.",
                                "В течение двух недель после лапароскопической операции при "
                                "аппендиците не поднимайте тяжести более 5 кг; от вождения "
                                "воздержитесь до тех пор, пока резкое торможение не "
                                "перестанет вызывать боль.",
                                "Для профилактики повторного появления почечных камней "
                                "ограничьте соль, откажитесь от шпината, шоколада и газировки "
                                "и, если вам не велели сокращать объём жидкости, пейте от "
                                "двух с половиной до трёх литров в сутки."},
    ("probes13.jsonl", "ar"): {"يُؤخذ الألندرونات عادةً لمدة 5 سنوات ثم يُعاد تقييم العلاج؛ "
                               "وإذا سبق أن أُصبت بكسر في الورك أو في إحدى فقرات العمود "
                               "الفقري، فقد يواصله طبيبك لمدة تصل إلى 10 سنوات.",
                               "استخدم بخة واحدة من الأزيلاستين في كل فتحة أنف مرتين يوميًا "
                               "مع إبقاء رأسك مستقيمًا، ولا تستنشق بقوة بعدها مباشرة.",
                               "يرجى إحضار طفلك مجددًا إلى عيادة الأطفال يوم الجمعة 3 مارس "
                               "الساعة 10:15 صباحًا، مع مذكرة النوبات وقائمة بدرجات الحرارة "
                               "التي سجلتها.",
                               "قبل البدء بحقن الأوستيكينوماب لعلاج الصدفية، ستخضع لفحوص "
                               "للكشف عن السل والتهاب الكبد ب، لأن الدواء قد يعيد تنشيط "
                               "هاتين العدويين.",
                               "يجب استبدال لصقة العلاج بالهرمونات البديلة مرتين أسبوعيًا، "
                               "كأن يكون ذلك يومي الاثنين والخميس من كل أسبوع، مع وضع اللصقة "
                               "الجديدة في كل مرة على بشرة جافة ونظيفة تحت مستوى الخصر، "
                               "وإياكِ أن تضعيها على الثديين أو قربهما."},
    ("probes13.jsonl", "zh"): {"在双眼_完全康复_至少24小时之前，请不要佩戴隐形眼镜；"
                                "触摸眼睛后要洗手。",
                                "每次换尿布时涂一薄层隔离霜（如氧化锌软膏），但_不要使用"
                                "爽身粉_，以免宝宝吸入。"},
}
# The fourteenth set, measured untuned: 343/400 and 57 errors on its 520 correct texts;
# these 25 remain (README): its Chinese _…_ between characters (right), a dose schedule
# said by day ranges («los días 4 a 7»), "does not match" said "differs", «ne … que» for
# "until", "if not treated" said "without treatment", the third and fourth month for "3
# to 4 months", an example ("cycling") the dictionaries do not know in Arabic and Chinese,
# "angioedema" as English, "pads, not tampons" said "rather than", and "5 ml if aged 1 to
# 3, or 7.5 ml" (the ages read as millilitres).
PROBES14 = {
    ("probes14.jsonl", "es"): {"Comience el tratamiento con vareniclina entre una y dos "
                               "semanas antes del día fijado para dejar de fumar. Los días 1 "
                               "a 3, tome 0,5 mg una vez al día; los días 4 a 7, 0,5 mg dos "
                               "veces al día; a partir del día 8, 1 mg dos veces al día."},
    ("probes14.jsonl", "fr"): {"Si votre enfant a la diarrhée, donnez-lui souvent de petites "
                                "gorgées de soluté de réhydratation orale (par exemple 5 ml "
                                "toutes les 5 minutes). Ne le remettez à la crèche que 2 "
                                "jours après le dernier épisode de diarrhée ou de "
                                "vomissements.",
                                "Débutez le traitement par varénicline une à deux semaines "
                                "avant le jour prévu pour arrêter de fumer. Du 1er au 3e "
                                "jour, prenez 0,5 mg une fois par jour ; du 4e au 7e jour, "
                                "0,5 mg matin et soir ; à partir du 8e jour, 1 mg matin et "
                                "soir."},
    ("probes14.jsonl", "ru"): {"Встряхните ингалятор, вставьте его в спейсер и нажмите один "
                                "раз, затем медленно сделайте 5 вдохов и выдохов через "
                                "мундштук. Подождите 30 секунд перед следующим впрыскиванием "
                                "и прополощите рот после использования гормонального "
                                "ингалятора.",
                                "Начинайте приём варениклина за одну–две недели до дня, когда "
                                "вы решили бросить курить. С 1-го по 3-й день принимайте 0,5 "
                                "мг один раз в сутки, с 4-го по 7-й день — по 0,5 мг дважды в "
                                "сутки, а начиная с 8-го дня — по 1 мг дважды в сутки."},
    ("probes14.jsonl", "ar"): {"يبدأ المغص عادةً في الأسابيع الأولى من عمر الرضيع ويهدأ "
                                "بحلول الشهر الثالث أو الرابع. تحدّث إلى الزائرة الصحية إذا "
                                "كان طفلك يبكي أكثر من 3 ساعات يوميًا، وراجع الطبيب على وجه "
                                "السرعة إذا بلغت حرارته 38 درجة مئوية.",
                                "ثبّت المستشعر على خلفية العضد بعيدًا عن الندبات والشامات، "
                                "وغيّره بمستشعر جديد كل أربعة عشر يومًا. وإن جاءت القراءة "
                                "مخالفة لما تشعر به من أعراض، كالرجفة أو العرق، فتأكد منها "
                                "بوخز إصبعك وقياس السكر.",
                                "ابدأ العلاج بالفارينيكلين قبل اليوم الذي حددته للتوقف عن "
                                "التدخين بمدة تتراوح بين أسبوع وأسبوعين. في الأيام من الأول "
                                "إلى الثالث، تناول 0.5 ملغ مرة في اليوم؛ ومن اليوم الرابع إلى "
                                "السابع، 0.5 ملغ مرتين في اليوم؛ وابتداءً من اليوم الثامن، 1 "
                                "ملغ مرتين في اليوم."},
    ("probes14.jsonl", "zh"): {"请在出门去医院做手术的**2小时前**使用磷酸盐灌肠剂。"
                                "取_左侧卧位_，轻轻插入管嘴，如果可以，让药液在体内保留"
                                "5分钟。",
                                "在看牙医之前，可服用布洛芬400毫克，每天最多三次，_饭"
                                "后_服用，并用温盐水漱口。如果面部或颈部肿胀并且吞咽困难"
                                "，请**立即**去急诊。",
                                "**夜间**佩戴腕部夹板，至少持续6周；白天打字等时候也"
                                "可以戴上。如果手指变得_冰凉、苍白或麻木加重_，请摘下夹"
                                "板。",
                                "拇外翻手术后**6周**内，每次走路都要穿术后鞋。头两周"
                                "内，一天中大部分时间要把脚抬高到髋部以上，并_保持敷料干"
                                "燥_。",
                                "伐尼克兰应在您定好的戒烟日之前一到两周开始服用。第1至3"
                                "天，每日一次，每次0.5 mg；第4至7天，每日两次，每"
                                "次0.5 mg；从第8天起，每日两次，每次1 mg。"},
}
# From the fifteenth set (written blind as the others; the part with half its dates and all
# its negations, and the omission part, came back after the others were tuned on): its errors.
PROBES15 = {
    ("probes15.jsonl", "es"): {"Administre 15 mg de paracetamol por cada kilogramo de peso, "
                                "dejando al menos 6 horas entre tomas y sin pasar de 4 dosis "
                                "en 24 horas; un niño de 12 kg necesita 180 mg (7,5 ml del "
                                "jarabe de 120 mg/5 ml).",
                                "Normalmente, la prueba auditiva neonatal se realiza antes "
                                "del alta, con el bebé dormido, y tarda de cinco a diez "
                                "minutos. Se coloca en el oído un auricular suave que emite "
                                "chasquidos. La prueba es indolora y usted podrá permanecer "
                                "junto a su bebé todo el tiempo.",
                                "Durante una semana, tómese la tensión por la mañana antes de "
                                "desayunar y por la noche antes de irse a la cama, es decir, "
                                "dos veces al día; antes de cada medición, siéntese en calma "
                                "durante cinco minutos. Si la sistólica (el número de arriba) "
                                "es superior a 180, llámenos el mismo día."},
    ("probes15.jsonl", "fr"): {"En général, on réalise le dépistage auditif de votre "
                                "nouveau-né pendant son sommeil, avant que vous quittiez "
                                "l'hôpital ; il prend entre cinq et dix minutes. Un embout "
                                "souple placé dans l'oreille émet des cliquetis. L'examen est "
                                "indolore, et vous pouvez rester auprès de votre enfant du "
                                "début à la fin.",
                                "Pendant une semaine, prenez votre tension matin et soir, "
                                "avant le petit-déjeuner et avant d'aller vous coucher, en "
                                "vous asseyant d'abord tranquillement pendant cinq minutes. "
                                "Si la pression systolique (le premier chiffre) est "
                                "supérieure à 180, téléphonez-nous dans la journée.",
                                "Sauf indication différente de votre kiné, la ceinture "
                                "lombaire se porte uniquement pour soulever des charges ou "
                                "lors de longues stations debout, et jamais au-delà de trois "
                                "à quatre heures par jour."},
    ("probes15.jsonl", "ru"): {"Очищайте кожу малыша водой, промокайте её насухо и при "
                                "каждой смене подгузника наносите тонкий слой защитного крема "
                                "с цинком. Если через 3 дня сыпь не уменьшилась или у ребёнка "
                                "поднялась температура, обратитесь к участковому педиатру.",
                                "Надевайте охлаждающую шапочку за 30 минут до начала каждой "
                                "инфузии химиопрепаратов, не снимайте её во время инфузии и "
                                "носите ещё **90 минут после** её окончания. Сначала смочите "
                                "волосы и гладко расчешите их; см. [советы по охлаждению кожи "
                                "головы](https://example.org/chemo/cold-cap).",
                                "Даже если вам станет лучше, завершите семидневный курс "
                                "амоксициллина. Слабость и кашель могут держаться от четырёх "
                                "до шести недель; однако если спустя три дня температура "
                                "превышает 38 °C или вам не хватает воздуха в состоянии "
                                "покоя, свяжитесь с нами.",
                                "Как правило, слух новорождённого проверяют, пока малыш спит, "
                                "ещё до того, как вас выпишут из больницы; на это уходит от "
                                "пяти до десяти минут. В ухо вставляют мягкий наушник, через "
                                "который подаются щелчки. Процедура безболезненна, и вы "
                                "можете оставаться с ребёнком от начала до конца.",
                                "Главная регистратура оборудована индукционной петлёй для "
                                "слуховых аппаратов. Установите на своём аппарате положение "
                                "«Т»; если слышно неразборчиво, попросите сотрудников вам "
                                "помочь."},
    ("probes15.jsonl", "ar"): {"نظّف بشرة طفلك بالماء، وجففها بالتربيت برفق، ثم ضع طبقة "
                               "رقيقة من كريم الزنك الواقي عند كل تغيير للحفاض. إذا لم يتحسن "
                               "الطفح بعد 3 أيام، أو أصيب طفلك بالحمى، فراجع طبيب الأسرة.",
                               "تناول 500 ملغ من أموكسيسيلين ثلاث مرات يوميًا لمدة 5 أيام، "
                               "حتى لو شعرت بتحسن قبل ذلك. قد يستمر السعال من 3 إلى 6 "
                               "أسابيع، لكن راجع طبيبك إذا لم تنخفض الحرارة بعد 3 أيام."},
    ("probes15.jsonl", "zh"): {"甲氧氯普胺每次10毫克，每天最多服用三次，两次服药至少间"
                                "隔八小时，连续服用不超过五天。如果24小时内喝下的任何液"
                                "体都会吐出来，请当天联系早孕门诊。",
                                "新鞋磨出的水疱_不要_挑破。请用水胶体敷贴覆盖，并在3至"
                                "5天内改穿旧的软鞋；如果水疱发红、发热或流脓，请查看[感"
                                "染性水疱](https://example.org/fe"
                                "et/infected-blister)。",
                                "先用肥皂和清水清洗皮肤，再用干净的镊子顺着木刺扎入的角度"
                                "将其拔出。如果_2天_后仍有残留，请发送短信`SPLIN"
                                "TER`至60123，护士会给您回电。",
                                "每天早晨随餐服用一次螺内酯，每次**25毫克**。_避免"
                                "_使用含钾的代用盐，并在开始服药1周后验血；检查结果的说"
                                "明见[您的用药指南](https://example.o"
                                "rg/meds/spironolactone)。",
                                "钡剂吞咽检查前_6小时_内**不要**进食或饮水。检查后"
                                "24小时内请多喝水；1至2天内大便可能呈白色或浅色。",
                                "连续一周，每天早饭前和晚上睡觉前各量一次血压，每次量之前"
                                "先静坐五分钟。如收缩压（上面那个数字）高于180，务必当"
                                "天致电我们。"},
}
# From the sixteenth set: underscores between Chinese characters, no emphasis on the page
# (the check is right: write *…* there).
PROBES16 = {
    ("probes16.jsonl", "zh"): {"每天两次将脚浸泡在温盐水中，每次**10至15分钟**，"
                                "并保持脚趾_干燥并包扎好_，直到伤口愈合。",
                                "请带上孩子的**红皮书**、所有学校报告以及一件孩子最喜"
                                "欢的玩具；评估_大约需要两小时_，如有需要，可以[在线改"
                                "约](https://example.org/autis"
                                "m/rebook)。",
                                "谵妄可能_突然_发生，常在夜间出现。如果您的亲属在手术后"
                                "1至3天内变得**更加糊涂、嗜睡或烦躁**，请告知护士。",
                                "连续3至5天，每晚睡前在患耳内滴入**2到3滴**橄榄油"
                                "。_不要_使用棉签；如果鼓膜穿孔，**请避免使用滴剂**"
                                "。",
                                "在孩子**感觉身体好起来之前**，不要送他去托儿所；不必"
                                "等到水疱愈合。发热时可给孩子服用_对乙酰氨基酚_，并请查"
                                "看[何时需要求助](https://example.or"
                                "g/child/hfmd-help)。"},
}
# From the seventeenth set: code spans the translators translated (`drain chart`: the check
# is right, code is never translated), underscores between Chinese characters (right), the
# glossary's 供者 where 器官捐献 says organ donation (right by the glossary): 17 of 31; and its
# errors: "clear your chest" said as the bronchi, «No se frote el ojo ni use…» (one «ni» for
# a second "not"), Chinese clauses put in another order, "one night" said by the noun
# alone, "of any faith or none", «merci de reporter votre visite» for "do not visit", «par
# e-mail», an Arabic dual of construct («يومَي عمل»), «от 50 кг» for "at least 50 kg".
PROBES17 = {
    ("probes17.jsonl", "es"): {"Haga los ejercicios para despejar los bronquios dos veces al "
                               "día, de 10 a 20 minutos cada vez, unos 15 minutos después de "
                               "usar el inhalador de salbutamol; si tiene una infección "
                               "respiratoria, hágalos tres o cuatro veces al día."},
    ("probes17.jsonl", "fr"): {"Dégagez vos bronches deux fois par jour, pendant 10 à 20 "
                               "minutes à chaque séance, environ 15 minutes après avoir "
                               "utilisé votre inhalateur de salbutamol ; en cas d'infection "
                               "pulmonaire, faites-le trois ou quatre fois par jour.",
                               "L'équipe d'aumônerie de l'hôpital est disponible 24 heures "
                               "sur 24 pour les patients de toute confession ou sans "
                               "confession ; demandez à une infirmière de l'appeler, ou "
                               "rendez-vous dans la salle de recueillement au niveau 2 entre "
                               "9 h et 17 h.",
                               "Chaque jour, vous pouvez rendre visite aux patients entre 14 "
                               "h et 20 h, à deux personnes au plus par lit. Un enfant de "
                               "moins de douze ans doit obligatoirement être accompagné d'un "
                               "adulte. Si vous avez vomi ou eu la diarrhée dans les 48 "
                               "heures précédentes, merci de reporter votre visite.",
                               "Un doute ou une préoccupation au sujet de vos soins ? Le "
                               "service de conseil et de liaison avec les patients (PALS) "
                               "est là pour vous aider. Joignez-le au 0161 555 0142 de 10 h "
                               "à 16 h, ou par e-mail à pals@hospital.nhs.uk ; nous "
                               "cherchons à vous répondre dans un délai de deux jours "
                               "ouvrés."},
    ("probes17.jsonl", "ru"): {"Очищайте бронхи от мокроты дважды в день по 10–20 минут, "
                               "примерно через 15 минут после ингаляции сальбутамола; во "
                               "время инфекции дыхательных путей делайте это три-четыре раза "
                               "в день.",
                               "Служба капелланов больницы доступна 24 часа в сутки для "
                               "пациентов любого вероисповедания или неверующих; попросите "
                               "медсестру вызвать их или посетите комнату тишины на 2-м "
                               "этаже с 9:00 до 17:00.",
                               "Капелланы больницы готовы прийти круглосуточно к любому "
                               "пациенту — как верующему, так и неверующему; их может "
                               "вызвать медсестра, а с 9:00 до 17:00 можно самостоятельно "
                               "зайти в комнату тишины на втором этаже.",
                               "Стать донором крови может человек в возрасте 17–65 лет с "
                               "массой тела от 50 кг, который хорошо себя чувствует. После "
                               "нанесения татуировки или прокола (пирсинга) должно пройти "
                               "четыре месяца. Перед донацией поешьте и выпейте примерно "
                               "пол-литра воды."},
    ("probes17.jsonl", "ar"): {"لا تأكل شيئًا خلال الساعات الست التي تسبق تنظير الصدر (يُسمح "
                               "بالسوائل الصافية حتى ساعتين قبل الإجراء). ويبقى معظم المرضى "
                               "في المستشفى من ليلة إلى 3 ليالٍ، ولا يجوز لهم قيادة السيارة "
                               "لمدة أسبوع على الأقل.",
                               "يمكن لخدمة إرشاد المرضى والتواصل معهم (PALS) مساعدتك إذا كان "
                               "لديك قلق بشأن رعايتك؛ اتصل على الرقم 0161 555 0142 بين "
                               "الساعة 10 صباحًا و4 عصرًا، أو راسلنا على "
                               "pals@hospital.nhs.uk، ونسعى إلى الرد خلال يومَي عمل."},
    ("probes17.jsonl", "zh"): {"在受伤的眼睛内涂抹1%氯霉素眼膏，每天4次，连用5天。在"
                                "眼睛完全愈合之前，不要揉眼睛，也不要戴隐形眼镜。",
                                "每天服用一次，每次一片`索磷布韦/维帕他韦 400/10"
                                "0 mg`，空腹或随餐均可，连续服用_12周_。即使服药"
                                "2到3周后感觉良好，也不要提前停药。",
                                "您的HIV检测结果将在**7至10天**内出来。如果您在"
                                "过去_72小时_内可能有过暴露，请立即到[我们的性健康门"
                                "诊](https://example.org/clini"
                                "cs/sexual-health)咨询暴露后预防（PEP"
                                "）。",
                                "输精管复通术后，请日夜穿着_支撑型内裤_，持续**2周*"
                                "*；至少_3周_内避免提重物、骑自行车和性生活。",
                                "引流瓶请**每天倒空两次**，并将引流量（毫升）记录在`"
                                "引流记录表`上。如果引流液变成鲜红色，或24小时内**超"
                                "过100毫升**，请致电病房。",
                                "术后约**6至8周**、待伤疤愈合后，即可试配永久性硅胶"
                                "义乳。在此之前，请在胸罩内佩戴柔软的`临时义乳`，并可["
                                "在线预约试配](https://example.org/"
                                "prosthesis/booking)。",
                                "无论您是否有宗教信仰，医院宗教关怀团队全天候为您服务；您"
                                "可以请护士帮您联系，也可以在上午九点到下午五点之间到二楼"
                                "静思室来。",
                                "加入器官捐献登记册在网上办理或拨打0300 123 23"
                                "23只需约2分钟；请把您的决定告诉家人，因为在进行任何捐"
                                "献之前都会征询他们的意见。",
                                "无论是网上登记还是拨打0300 123 2323，加入器"
                                "官捐献登记册大约只要两分钟。请和家人谈谈您的决定，因为任"
                                "何捐献开始之前，医院都会先询问他们。"},
}
# The eighteenth set (written blind in the session of 2026-12-07, measured untuned: 341/400,
# 46 errors): a Spanish «no … ni …» (one "not" said for two), a "no more than 12 hours
# after" said «后的12小时内» (within), and Chinese `_…_` between
# characters, which Markdown reads as no emphasis: the check is right there.
PROBES18 = {
    ("probes18.jsonl", "es"): {"Caliente los dedos de las manos o de los pies congelados en "
                                "agua tibia (no caliente), a unos 37-39 °C, durante 15 a 30 "
                                "minutos, hasta que la piel se vuelva rosada; no los frote ni "
                                "camine con los pies ya descongelados."},
    ("probes18.jsonl", "fr"): set(),
    ("probes18.jsonl", "zh"): {"乘飞机跨越时区时，请在平时服药时间（按家乡时间）后的12"
                                "小时内服用避孕药，在飞机上也不例外；如果晚于这个时间服用"
                                "，接下来的7天内还需同时使用避孕套。",
                                "颞下颌关节（TMJ）疼痛时，请在1至2周内_只吃软食_，"
                                "避免嚼口香糖，并用温毛巾热敷**10至15分钟**，每天"
                                "最多四次。",
                                "鼻中隔矫正术后**7天内不要擤鼻涕**；如需打喷嚏，请_"
                                "张开嘴_打，如果出血持续超过10分钟，请致电病房。",
                                "为减轻打鼾，请侧卧睡觉，睡前_至少4小时_内避免饮酒，并"
                                "在门诊就诊前填写[Epworth嗜睡量表](https:"
                                "//example.org/sleep/epworth)"
                                "。"},
}
# The nineteenth (written blind later the same day, measured untuned at 9d443b7: 365/400,
# 33 errors): the sample glossary's blood count, infection and "side effect" asked for where
# a translator says "blood test", "fungi", 不良反应 for a reaction; "7:30" said «с половины
# восьмого» (half past, the hour after); «ثلاث مرات يوميًا» read as 3 days; "back muscle
# (latissimus dorsi)" said with two muscles; "including car parks and doorways" whose words
# the dictionaries lack; Chinese `_…_` between characters (right).
PROBES19 = {
    ("probes19.jsonl", "es"): {"Para prevenir la infección por CMV tras el trasplante, tome "
                                "900 mg de valganciclovir una vez al día con alimentos; "
                                "empiece en los 10 días siguientes a la operación y continúe "
                                "hasta 100 días después. Le harán un análisis de sangre cada "
                                "dos semanas."},
    ("probes19.jsonl", "ru"): {"При грибковом поражении ногтей на ногах итраконазол "
                                "принимают курсами (пульс-терапия): по 200 мг два раза в день "
                                "в течение одной недели, затем перерыв на три недели. "
                                "Повторите этот цикл три раза; капсулы принимайте сразу после "
                                "еды.",
                                "В течение 6 недель после реконструкции груди с "
                                "использованием мышцы спины (лоскут широчайшей мышцы) не "
                                "поднимайте ничего тяжелее 2 кг, а руку с этой стороны не "
                                "поднимайте выше уровня плеча.",
                                "На первом этаже, возле главной регистратуры, находятся "
                                "магазин и кафе. С понедельника по пятницу они открыты с "
                                "половины восьмого утра до восьми вечера, в субботу и "
                                "воскресенье — с десяти утра до четырёх часов дня. Там можно "
                                "купить сэндвичи, горячие напитки, газеты и зарядки для "
                                "телефона.",
                                "Курение запрещено на всей территории больницы, включая "
                                "автостоянки и входы в здания; электронные сигареты можно "
                                "использовать только в обозначенных местах на улице. Если вы "
                                "курите, попросите у медсестры бесплатные никотиновые "
                                "пластыри или жевательную резинку (выдаются круглосуточно)."},
    ("probes19.jsonl", "ar"): {"لعلاج الفطريات في أظافر القدمين، يُعطى إيتراكونازول على شكل "
                               "علاج نبضي: 200 ملغ مرتين يوميًا لمدة أسبوع واحد، تليها "
                               "استراحة لمدة ثلاثة أسابيع. كرّر هذه الدورة ثلاث مرات، وتناول "
                               "الكبسولات بعد الوجبة مباشرة."},
    ("probes19.jsonl", "zh"): {"您的下一针奥马珠单抗安排在8月21日（星期四）上午8:4"
                                "5，在过敏科门诊注射；由于这只是第二针，注射后请预留2小"
                                "时留院观察，以便我们监测有无不良反应。",
                                "请穿戴助行靴 **六周**，在X光片显示骨折愈合之前避免"
                                "跑步或跳跃；除非医生同意，_不要_服用布洛芬超过3天。",
                                "请用与疼痛腿 **相反** 一侧的手握住手杖，把手高度与"
                                "手腕齐平；橡胶头磨损后要及时更换，_切勿_使用摇晃不稳的"
                                "手杖。"},
}
# the twentieth set's, after this round: four Chinese _…_ between characters (right), the
# glossary's own terms said otherwise («stomathérapeute», «поликлинического», the
# infections of «الأمراض المنقولة جنسيًا»), a clock ellipsis («спустя четыре»), zh's
# durations put first (最初24小时内每12小时), «坐着或站着», «может плохо держаться»
PROBES20 = {
    ("probes20.jsonl", "fr"): set(),
    ("probes20.jsonl", "ru"): {"Вам предстоит проглотить капсулу величиной с большую "
                               "витаминку — продвигаясь по тонкому кишечнику, она будет его "
                               "фотографировать. Спустя два часа после приёма капсулы "
                               "разрешается пить прозрачные жидкости, а спустя четыре — "
                               "слегка перекусить."},
    ("probes20.jsonl", "ar"): set(),
    ("probes20.jsonl", "zh"): {"在最初48小时内，请让脚踝休息，每隔2至3小时冰敷一次，"
                               "每次_不超过20分钟_，并将脚踝抬高。在此期间**不要*"
                               "*按摩脚踝，也不要饮酒。",
                               "家中所有人应在同一天各服用_100毫克甲苯咪唑_一片；如"
                               "果蛲虫再次出现，**2周**后再服第二剂。2岁以下儿童请"
                               "先咨询[您的家庭医生](https://example."
                               "org/gp/contact)。",
                               "将**1%特比萘芬乳膏**涂在脚趾之间，每天一到两次，连"
                               "用1周；洗脚后要仔细擦干双脚。在皮疹消退之前，_不要_与"
                               "他人共用毛巾、袜子或鞋子。",
                               "注射后1至2天内，眼睛可能会有沙砾感。如果出现_剧烈疼痛"
                               "、视力下降或眼睛发红_，请**立即**前往眼科急诊（电话"
                               "号码见[我们的联系方式页面](https://examp"
                               "le.org/eye/contacts)）。"},
}
# the twenty-fourth set's, after this round: an item the dictionaries miss («gelatina» for
# jelly), a condition's list read across "or" («sin dejar de presionar», «مع مواصلة الضغط»),
# «bupropion», which French writes alike, and `_…_` between Chinese characters (right)
PROBES24 = {
    ("probes24.jsonl", "es"): {"La cantidad de líquido que puede tomar al día es de 800 ml más la "
                               "cantidad de orina que haya eliminado el día anterior. Mida lo que "
                               "bebe con una jarra y cuente también como líquido la sopa, el "
                               "yogur, la gelatina y los polos.",
                               "Al terminar la diálisis, apriete cada zona de punción con una gasa "
                               "limpia durante diez minutos. Llame al 999 sin dejar de presionar "
                               "con fuerza si el sangrado continúa pasados veinte minutos o si "
                               "alguna zona vuelve a sangrar cuando ya esté en casa."},
    ("probes24.jsonl", "ar"): {"عند انتهاء جلسة الغسيل الكلوي، اضغط بشاش نظيف على كل مكان دخلت منه "
                               "الإبرة مدة عشر دقائق. واتصل بالرقم 999 مع مواصلة الضغط بقوة إذا "
                               "استمر النزيف بعد مرور عشرين دقيقة، أو إذا عاد أحد الأماكن إلى "
                               "النزيف وأنت في المنزل."},
    ("probes24.jsonl", "fr"): {"Ne prenez pas de bupropion si vous avez déjà eu une crise "
                               "convulsive. Pour arrêter de fumer, prenez un comprimé à 150 mg "
                               "chaque matin pendant 6 jours, puis un comprimé deux fois par jour, "
                               "à au moins 8 heures d'intervalle."},
    ("probes24.jsonl", "zh"): {"如果胸痛再次出现，且**休息5分钟**后仍未缓解，"
                               "**请拨打999**。_不要_等到门诊预约时间再就诊。"
                               "请阅读我们的[心脏病发作预警信号]"
                               "(https://example.org/heart/warning-signs)宣传单。"},
}
KNOWN_FALSE_ALARMS = {
    ("probes.jsonl", "zh"): {"移植后您需要住院大约两周。"},
    ("probes2.jsonl", "ru"): {"Принимайте по 4 таблетки капецитабина два раза в день в течение "
                              "14 дней, затем сделайте перерыв на 7 дней."},
    ("probes2.jsonl", "zh"): {"卡培他滨每次4片，每天两次，连续服用14天，然后停药7天。"},
    ("probes5.jsonl", "zh"): {"镇静后24小时内_不要_开车。"},
    ("probes6.jsonl", "zh"): {"手术后第2天可以淋浴、洗头，但要注意防止水进到眼睛里。"},
    ("probes7.jsonl", "ar"): {"يمكنك العودة إلى منزلك بعد ٣٠ دقيقة من الحقنة، التي تستغرق "
                              "قرابة ١٠ دقائق."},
    **PROBES89,
    **PROBES10,
    **PROBES11,
    **PROBES12,
    **PROBES13,
    **PROBES14,
    **PROBES15,
    **PROBES16,
    **PROBES17,
    **PROBES18,
    **PROBES19,
    **PROBES20,
    **PROBES24,
}
KINDS = ("numbers-swapped", "value-changed", "time-unit", "frequency", "date", "negation",
         "markup", "glossary")
# what each set still misses of these kinds, named in the README ("the count stays")
MISSED = {("probes.jsonl", "negation"): 1, ("probes3.jsonl", "negation"): 2,
          ("probes4.jsonl", "negation"): 1,
          ("probes6.jsonl", "negation"): 1, ("probes7.jsonl", "numbers-swapped"): 4,
          ("probes7.jsonl", "negation"): 1, ("probes8.jsonl", "numbers-swapped"): 6,
          ("probes8.jsonl", "value-changed"): 1, ("probes8.jsonl", "negation"): 4,
          ("probes8.jsonl", "glossary"): 8, ("probes9.jsonl", "value-changed"): 2,
          ("probes9.jsonl", "negation"): 1,
          ("probes9.jsonl", "glossary"): 9, ("probes10.jsonl", "numbers-swapped"): 1,
          ("probes10.jsonl", "negation"): 2, ("probes10.jsonl", "glossary"): 5,
          ("probes11.jsonl", "negation"): 1, ("probes11.jsonl", "glossary"): 2,
          # the twelfth set, measured untuned: misses the README names (its nine durations
          # counted in words are found since English number words go past twelve)
          ("probes12.jsonl", "numbers-swapped"): 4, ("probes12.jsonl", "value-changed"): 4,
          ("probes12.jsonl", "frequency"): 1,
          ("probes12.jsonl", "negation"): 5, ("probes12.jsonl", "markup"): 3,
          ("probes12.jsonl", "glossary"): 23,
          # the thirteenth set, measured untuned: 361/400; misses the README names (a
          # limit's "not", a weekday in Russian's genitive, percentages found since)
          ("probes13.jsonl", "value-changed"): 5,
          ("probes13.jsonl", "negation"): 1,
          ("probes13.jsonl", "glossary"): 7,
          # the fourteenth: "three months" made "one month" (one is no count the check
          # reads), a "not" gone where Russian and Chinese repeat it, two Chinese swaps
          ("probes14.jsonl", "value-changed"): 3, ("probes14.jsonl", "numbers-swapped"): 1,
          ("probes14.jsonl", "negation"): 3,
          ("probes15.jsonl", "numbers-swapped"): 6, ("probes15.jsonl", "frequency"): 2,
          ("probes15.jsonl", "glossary"): 4, ("probes15.jsonl", "negation"): 2,
          # the sixteenth: two durations or frequencies of different clauses exchanged, an
          # "unless" said "if" (zh), the tonsils made the tongue (ru), a GP surgery
          # made a pharmacy (ar)
          ("probes16.jsonl", "numbers-swapped"): 10, ("probes16.jsonl", "negation"): 1,
          ("probes16.jsonl", "glossary"): 2,
          # the seventeenth: counts in words next to others of the same word ("two 800 mg
          # tablets with each of your three meals"), "every half hour" made every hour,
          # "unless" turned "if" where a negation stays, a "not" gone where another stands
          # for it, a sentence's clauses moved, an Arabic lichen sclerosus
          ("probes17.jsonl", "numbers-swapped"): 2, ("probes17.jsonl", "value-changed"): 5,
          ("probes17.jsonl", "frequency"): 5, ("probes17.jsonl", "negation"): 5,
          ("probes17.jsonl", "glossary"): 1,
          ("probes14.jsonl", "glossary"): 1,
          # the eighteenth: two values swapped across clauses with different units, "daily"
          # made weekly beside another "a day", a Spanish «ni» that says a second "not", and
          # counts paired with meals and snacks ("2 capsules with each main meal and 1 with
          # each snack" swapped)
          ("probes18.jsonl", "negation"): 1,
          # the nineteenth: an adult's and a child's dose swapped ("12 and over take a 3 g
          # sachet; children aged 6 to 11 … a 2 g sachet"), an Arabic "never … without" made
          # "never … with" and "not protected" made "still protected", the 1st made the
          # 11th in Arabic words, "two doses" said 两次 (twice),
          # and terms the lexicon lacks (shoulder height made head height, eye pads made
          # 护耳罩, a gynaecology clinic, a urine test for a blood test)
          ("probes19.jsonl", "value-changed"): 1,
          ("probes19.jsonl", "negation"): 2, ("probes19.jsonl", "date"): 1,
          ("probes19.jsonl", "glossary"): 7,
          # the twenty-second (written blind on 2026-12-07, measured untuned at 5010bb8:
          # 381/400, 15 errors; none now): enzyme capsules with each meal and snack swapped
          # where the dictionary has no «gélule» and Chinese counts them by 粒 alone
          # the twenty-fourth (written blind the same day, measured untuned at d0b302a:
          # 383/400, 21 errors): a "not" gone where another negation of the sentence
          # stays (请等到 for 请勿等到, «Принимайте … одновременно» beside «не менее»)
          ("probes24.jsonl", "negation"): 3}
# (the twenty-third, written blind the same day and measured untuned at 02ad073: 377/400,
# 35 errors, misses none of these kinds now, and no error is left on its correct texts)


# omissions found at least (of 40 a set): a list item gone is found where the dictionaries
# see the item (pipeline.checks.listing); a clause gone, or an item they do not know, is not
OMISSIONS_FOUND = {"probes.jsonl": 37, "probes2.jsonl": 32, "probes3.jsonl": 28,
                   "probes4.jsonl": 34, "probes5.jsonl": 35, "probes6.jsonl": 26,
                   "probes7.jsonl": 30, "probes8.jsonl": 27, "probes9.jsonl": 30,
                   "probes10.jsonl": 25, "probes11.jsonl": 19, "probes12.jsonl": 26,
                   "probes13.jsonl": 36, "probes14.jsonl": 12, "probes15.jsonl": 25,
                   "probes16.jsonl": 20, "probes17.jsonl": 37, "probes18.jsonl": 24,
                   "probes19.jsonl": 34, "probes20.jsonl": 34, "probes22.jsonl": 31,
                   "probes23.jsonl": 25, "probes24.jsonl": 35}


def errors(source: str, target: str, lang: str) -> list[str]:
    item = Entry(msgid=source, msgstr=target, line=3)
    scope = Scope(catalog=Catalog(file="x.po", lang=lang, doc="x", entries=(item,)),
                  glossary=GLOSSARY)
    return [f"{name}: {f.message}" for name, registered in registry().items()
            if registered.scope == "entry" and name != "unedited-mt"
            for f in registered.func(item, scope) if f.severity is Severity.ERROR]


def has_error(check: str, found: list[str]) -> bool:
    """Is one of `errors`' findings the named check's?"""
    return any(e.startswith(f"{check}:") for e in found)


BothWays = dict[tuple[str, str, str], tuple[str, str]]


def both_ways(table: BothWays) -> Callable[[str, str, str], None]:
    """The test of a round's rules shown both ways, (check, English, language): (a faithful
    translation, the dangerous edit): the first passes, the second is the check's error."""
    @pytest.mark.parametrize(("check", "source", "lang"), sorted(table))
    def test(check: str, source: str, lang: str) -> None:
        kept, broken = table[(check, source, lang)]
        assert errors(source, kept, lang) == []
        assert has_error(check, errors(source, broken, lang))
    return test


def all_pass(table: list[tuple[str, str, str]]) -> Callable[[str, str, str], None]:
    """The test of a round's correct translations, (English, language, translation), that
    the checks used to flag: none is flagged now."""
    @pytest.mark.parametrize(("source", "lang", "target"), table)
    def test(source: str, lang: str, target: str) -> None:
        assert errors(source, target, lang) == []
    return test


@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("lang", ["es", "fr", "ru", "ar", "zh"])
def test_correct_translations_and_rewordings_pass(name: str, lang: str) -> None:
    rows = [r for r in ROWS[name] if r["lang"] == lang]
    assert len(rows) == 92
    texts = [(r["source"], r["good"]) for r in rows] + [
        (r["source"], r["bad"]) for r in rows if r["kind"] == "benign"]
    flagged = {t for s, t in texts if errors(s, t, lang)}
    assert flagged == KNOWN_FALSE_ALARMS.get((name, lang), set())


@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("kind", KINDS)
def test_dangerous_edits_are_found_in_every_language(name: str, kind: str) -> None:
    rows = [r for r in ROWS[name] if r["kind"] == kind]
    assert len(rows) == 5 * 8
    missed = [(r["lang"], r["bad"]) for r in rows if not errors(r["source"], r["bad"], r["lang"])]
    assert len(missed) <= MISSED.get((name, kind), 0), missed


@pytest.mark.usefixtures("dictd", "dictionary")
@pytest.mark.parametrize("name", FILES)
def test_omissions_are_found_as_often_as_the_readme_says(name: str) -> None:
    rows = [r for r in ROWS[name] if r["kind"] == "omission"]
    assert len(rows) == 40
    found = sum(1 for r in rows if errors(r["source"], r["bad"], r["lang"]))
    assert found >= OMISSIONS_FOUND[name]
