"""The items of a list in a sentence, and which of them a translation has lost.

A list is what a comma-separated run of short parts ending in a coordinator is: "a rash,
swollen lips or difficulty breathing" has three items. A translation that drops one ("una
erupción o dificultad para respirar") has a shorter list. Counting alone misleads (a
translator may turn a list into two clauses), so the omission check also asks the
dictionaries (pipeline.checks.bilingual) and the project's corpus which item has nothing of
itself in the translation, and only then says which one seems to be gone. The lexicon's
terms (pipeline.checks.terms: "confusion", "chest pain") are asked first: the
dictionaries know few words of patient information.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from pipeline import langdata, languages
from pipeline.checks import bilingual, plain, terms
from pipeline.checks.lexicon import Corpus
from pipeline.checks.safety import LENGTH_RATIO
from pipeline.languages import base_language

# What ends a clause: a list never runs across it.
_CLAUSE_END = re.compile(r"[;:.!?()\[\]—–；：。！？؛]|\s-\s")
_DECIMAL = re.compile(r"(?<=\d)[.,](?=\d)")
_EN_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
SOURCE_ITEM_WORDS = 5    # an English list item past the first: at most this many words…
TARGET_ITEM_WORDS = 8    # …and in a translation (more: a list read long never hides an item)
HAN_PER_WORD = 2.5       # Chinese characters that count as one word
_LEAD_WORDS = 3          # the first item is the end of the part that leads into the list
_LEAD_LENGTH = 1.6       # a translation's lead-in is at most this much longer than usual
_LEAD_CLAUSE = 4         # a translation's condition this short is all condition ("Cuando salga")
# An English part opening with one of these leads into what follows ("If you feel dizzy, sit
# down and drink water"; "After sedation, do not drive…"): it is no item. A joined piece
# opening with one shares it with the rest ("with a point and no unit"): the list starts there.
_LEADS = frozenset({
    "if", "when", "while", "whilst", "after", "before", "during", "until", "unless", "once",
    "as", "because", "since", "although", "though", "for", "in", "on", "at", "with", "without",
    "from", "to", "by", "within", "between", "under", "over", "into", "about", "so", "but",
    "even", "then",
})

# Pairs English joins into one thing: "open day and night" is no list of two.
_BINOMIALS = re.compile(r"\b(?:day (?:and|or) night|night (?:and|or) day|on and off|off and "
                        r"on|back and forth|up and down|now and then|again and again|over and "
                        r"over|more and more|trial and error|here and there|safe and sound|"
                        r"(?:once|one|two|three|four|five|six) or "
                        r"(?:twice|two|three|four|five|six|seven))\b",
                        re.I)


@lru_cache(maxsize=32)
def _joints(lang: str) -> re.Pattern[str] | None:
    words = langdata.COORDINATORS.get(lang)
    if not words:
        return None
    if lang in langdata.GLUED:
        return re.compile("|".join(map(re.escape, words)))
    joined = "|".join(map(re.escape, words))
    if lang == "ar":
        joined += r"|و(?=[*_]*\w\w)"    # "and" written onto the next word: وسجّل, و**الألم**
    return re.compile(rf"(?<!\w)(?:{joined})(?!\w)" if lang != "ar"
                      else rf"(?<!\w)(?:{joined})", re.IGNORECASE)


def _size(text: str, lang: str) -> float:
    if lang in langdata.GLUED:
        return len(re.sub(r"\W", "", text)) / HAN_PER_WORD
    return len(text.split())


@lru_cache(maxsize=32)
def _commas(lang: str) -> re.Pattern[str]:
    return re.compile("([" + re.escape(langdata.LIST_COMMAS.get(lang, ",")) + "])")


def items(text: str, lang: str) -> list[str]:
    """The items of the longest list in the text (one item where there is none)."""
    lang = base_language(lang)
    joint = _joints(lang)
    enumerated = _ENUMERATION in text and lang in langdata.GLUED
    if joint is None or not (enumerated or joint.search(text)):
        return [text]                    # no "and", no "or": no list (the common case)
    commas = _commas(lang)
    best = [text]
    text = _DECIMAL.sub("", plain(text))
    if lang == "en":
        text = _BINOMIALS.sub(lambda found: found.group().replace(" ", "_"), text)
    for clause in _CLAUSE_END.split(text):
        split = commas.split(clause)
        parts, marks = split[0::2], split[1::2]
        if enumerated and len(run := _enumerated(parts, marks)) > len(best):
            best = run                   # 发烫、发红、肿胀: the enumeration comma alone lists
        for j, part in enumerate(parts):
            # English lists end at their first coordinator ("packing and safety advice for
            # patients and carers"); a translation's are all counted
            pieces = [p.strip() for p in joint.split(part, maxsplit=1 if lang == "en" else 0)]
            # a translation's list may end before the part does («…طول طفلك ووزنه وضغط دمه
            # كل 6 أشهر طوال فترة… ونقص الانتباه»): read back from every coordinator
            for end in range(len(pieces), 1, -1):
                if len(found := _listed(list(zip(parts[:j], marks[:j], strict=True)),
                                        pieces[:end], joint, lang)) > len(best):
                    best = found
    return best


_ENUMERATION = "、"     # Chinese and Japanese separate a list's items with it, and nothing else


def _enumerated(parts: list[str], marks: list[str]) -> list[str]:
    """The longest run of parts the enumeration comma joins (its items)."""
    best: list[str] = []
    run = [parts[0].strip()]
    for part, mark in zip(parts[1:], marks, strict=True):
        run = [*run, part.strip()] if mark == _ENUMERATION else [part.strip()]
        best = max(best, run, key=len)
    return best


# A part opening with one of these is the list's first item: "signs of infection, such as
# increasing pain, redness or a fever" lists three things, not four; so is a relative clause
# ("gluten, which is found in wheat, barley and rye": the gluten is no item).
_INTRODUCES = re.compile(r"^\W*(?:such as|including|like|e\.g\.|for example|especially|"
                         r"particularly|namely|which|who|whose)\b", re.I)
# One word before a comma that describes the next thing ("comfortable, loose clothing";
# "clean, dry skin") is no item of its own.
_DESCRIBES = re.compile(r"^\W*(?:[a-z]+(?:able|ible|ful|ous|ive|less|ic|al|y)|warm|cool|cold|"
                        r"hot|dry|clean|soft|loose|quiet|dark|light|small|large|big|long|"
                        r"short|thin|thick|fresh|new|old|safe|firm|mild|plain|gentle|"
                        r"sharp|bright|deep|low|high)\W*$", re.I)
# A condition that names a thing had ("if you develop a rash", "if your baby has a fever"):
# what it names is the first item of a list that goes on after its comma.
_CONDITION_HAS = re.compile(r"^\W*(?:if|when|while)\s+(?:you|your\s+\w+|he|she|they|the\s+\w+)"
                            r"\s+(?:have|has|develop|develops|notice|notices|"
                            r"experience|experiences|see|sees)\s+(.+)$", re.I)
# …unless what follows is what to do: "If you have signs of anaphylaxis, use your pen, call…"
_IMPERATIVE = re.compile(r"^\W*(?:use|call|ring|phone|go|come|take|stop|contact|seek|get|"
                         r"tell|ask|see|lie|sit|stand|keep|drink|eat|rest|wait|remove|put|"
                         r"apply|give|do|don't|never|always|try|check|make|wash|press|"
                         r"inject|return|book|bring|let|speak|talk|stay|avoid|wear|leave|"
                         r"change|clean|cover|follow|hold|move|walk|start|continue|carry|"
                         r"swallow|chew|dissolve|mix|shake|measure|weigh|raise|lift|attend|"
                         r"arrange|dry|wipe|place|sleep|switch|turn|open|close|fill)\b", re.I)
LEAD = "…"      # marks the first item, guessed as the end of the part that leads into the list


def _listed(before: list[tuple[str, str]], pieces: list[str], joint: re.Pattern[str],
            lang: str) -> list[str]:
    """The items of a list that ends in `pieces` (a part split at its coordinators), read
    back over the comma-separated parts before it (each with the comma after it) while
    they are short."""
    short = SOURCE_ITEM_WORDS if lang == "en" else TARGET_ITEM_WORDS
    found = [p for p in pieces[-1:] if p]
    for piece in reversed(pieces[:-1]):
        if piece:
            leads = _leads(piece, lang) and not _parallel(piece, found[-1:], lang)
            found.append(piece)
            if _size(piece, lang) > short or leads or (lang == "en" and _INTRODUCES.match(
                    piece)):
                return found[::-1]      # a clause joined, not a list; or where it starts
    for at, (part, mark) in reversed(list(enumerate(before))):
        part = part.strip()
        leads = _leads(part, lang) and not _parallel(part, found[-1:], lang)
        if part and lang != "en" and leads:
            # «llámenos si nota sangre en la orina, …», 如果出现阴道出血、剧烈头痛或…: the
            # condition leads in with the list's first item; «Cuando salga, …» opening the
            # sentence is no item, «Позвоните нам, если у вас лихорадка, …» after one is
            if mark == _ENUMERATION or (lang not in langdata.GLUED and not (
                    at == 0 and _leads(part, lang, at_start=True)
                    and _size(part, lang) <= _LEAD_CLAUSE)):
                found.append(part)
            break
        if part and leads and lang == "en" and (has := _CONDITION_HAS.match(part)) and not (
                found and _IMPERATIVE.match(found[-1])):
            # "If you develop a severe headache, vomiting or drowsiness": the condition's
            # own thing is the list's first item
            found.append(LEAD + " ".join(has.group(1).split()[-_LEAD_WORDS:]))
            break
        if not part or leads:             # "If you feel dizzy, sit down and…"
            break
        if _size(part, lang) > short:
            found.append(LEAD + " ".join(part.split()[-_LEAD_WORDS:]))
            break
        if lang != "en":   # "cómoda y holgada" before a comma is two items: a list counted
            found += [p.strip() for p in joint.split(part) if p.strip()][::-1]
            continue       # long in a translation never makes an item look lost
        if not _DESCRIBES.match(part):
            found.append(part)
        if _INTRODUCES.match(part):
            break
    return found[::-1]


def _parallel(part: str, after: list[str], lang: str) -> bool:
    """Do this part and the item after it open with the same word ("si vous tremblez ou si
    vous perdez du poids"): items of one list, not a condition leading into it."""
    first, then = part.lower().split()[:1], after[0].lower().split()[:1] if after else []
    return lang not in langdata.GLUED and bool(first) and first == then


def _leads(part: str, lang: str, *, at_start: bool = False) -> bool:
    """Does the part lead into a list ("If you feel dizzy", "After sedation", 如果…)? In a
    translation the condition may stand inside the part, unless `at_start`."""
    if lang != "en":
        text = " " + part.lower().lstrip()
        return any(text.startswith(lead, 1) for lead in langdata.LIST_LEADS.get(lang, ())) or (
            lang not in langdata.GLUED and not at_start and any(
                f" {lead}" in text for lead in langdata.LIST_CONDITIONS.get(lang, ())))
    first = _EN_WORD.search(part.lower())
    return first is not None and first.group() in _LEADS


@dataclass(frozen=True, slots=True)
class Lost:
    """A list item of the source with nothing of itself in the translation."""

    item: str
    listed: int       # items in the source's list
    kept: int         # items in the translation's


def lost_item(source: str, target: str, lang: str, corpus: Corpus | None = None,
              leave_out: str | None = None) -> Lost | None:
    """The item of the source's list of three or more that the translation seems to have
    lost: its list is shorter, and one item has words the dictionaries or the corpus
    translate but none of them in the translation while another item's are there."""
    sentences, theirs = _sentences(source), _sentences(target)
    if len(sentences) == len(theirs) > 1:     # sentence by sentence, each with its own
        return next((lost for one, other in zip(sentences, theirs, strict=True)
                     if (lost := lost_item(one, other, lang, corpus, leave_out))), None)
    listed = items(source, "en")
    if len(listed) < 3:
        return None
    their = items(target, lang)
    lead = _lead_in(source, listed)
    if lead and len(their) > 1 and _first_part(target, lang) == their[0] and len(
            their[0]) <= len(lead) * LENGTH_RATIO.get(lang, 1.0) * _LEAD_LENGTH and _seen(
            lead, their[0], lang, corpus, leave_out) and _seen(
            listed[0], their[0], lang, corpus, leave_out) is False:
        their = their[1:]    # «Le jour de votre test, apportez…»: the lead-in, no item
    kept = len(their)
    if kept >= len(listed):
        return None
    listed = [_named(listed[0]), *listed[1:]]
    seen = [_seen(item, target, lang, corpus, leave_out) for item in listed]
    if True not in seen:
        return None      # the dictionaries see nothing of the list: they cannot tell
    # the first item guessed from the words before the list ("…feel chest pain") is gone
    # too when none of those words is there and the translation lists (a list of clauses
    # turned into sentences, «检查前不要进食，不要饮酒，…», lists nothing)
    # (not a concession, "however frustrated or tired you feel": no item of a list)
    gone = sorted((item for item, state in zip(listed, seen, strict=True) if state is False
                   and (kept > 1 or not item.startswith(LEAD))
                   and not _CONCESSIVE.match(item.strip())),
                  key=lambda item: item.startswith(LEAD))
    return Lost(gone[0], len(listed), kept) if gone else None


_CONCESSIVE = re.compile(r"(?:however|no matter|whatever|whenever|wherever)\b", re.I)


def _named(first: str) -> str:
    """The first item from the first lexicon term it names on ("Stop taking aspirin" is
    aspirin: the words before it lead into the list, and their translation says nothing of
    the item); the item as it is where it names none."""
    found = terms._matches(first, every_kind=True)
    return first[found[0][2]:] if found and not first.startswith(LEAD) else first


# Where a sentence ends: a full stop, question or exclamation mark before a space, or the
# Chinese ones (no space after them).
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)|(?<=[。！？])(?=\S)")


def _sentences(text: str) -> list[str]:
    return [part for part in SENTENCE_END.split(text.strip()) if part]


# Examples the source gives of what it says ("avoid sugary drinks, including fruit juice"):
# one thing, up to the next comma or clause end (a list of them is `lost_item`'s).
_EXAMPLE = re.compile(r"\b(?:including|such as|for example|e\.g\.)\s+([^,;.:()]+)(?=[;.:()]|$)",
                      re.I)


def lost_example(source: str, target: str, lang: str, corpus: Corpus | None = None,
                 leave_out: str | None = None) -> str | None:
    """The example the source gives ("including fruit juice") that the translation lacks:
    the dictionaries know words of it and none is there, while they see the rest of the
    sentence there."""
    text = plain(source)
    for found in _EXAMPLE.finditer(text):
        rest = text[:found.start()] + text[found.end():]
        if _seen(found.group(1), target, lang, corpus, leave_out) is False and _seen(
                rest, target, lang, corpus, leave_out):
            return found.group(0).strip()
    return None


def _lead_in(source: str, listed: list[str]) -> str | None:
    """The part opening the English sentence that leads into its list and is no item of it
    ("On the day of your test, bring…"; "When you go out, take…"), else None."""
    first = _first_part(source, "en")
    if not _leads(first, "en") or any(first.endswith(item.removeprefix(LEAD))
                                      for item in listed):
        return None
    return first


def _first_part(text: str, lang: str) -> str:
    """The text up to its first comma or clause end, as `items` reads its parts."""
    text = _DECIMAL.sub("", plain(text))
    return _commas(lang).split(_CLAUSE_END.split(text, maxsplit=1)[0], maxsplit=1)[0].strip()


_EN_NOT = re.compile(r"\W*not\s", re.I)
_COUNT_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight",
                          "nine", "ten", "times", "time", "once", "twice", "or", "and", "a",
                          "day", "week", "per"})


def _seen(item: str, target: str, lang: str, corpus: Corpus | None,
          leave_out: str | None) -> bool | None:
    """True: a term the lexicon knows (pipeline.checks.terms) or a word of the item has its
    translation in the target; False: terms or words of it are known and none is there;
    None: nothing of it is known."""
    said = terms.item_said(item, target, lang)
    if said:
        return True
    from pipeline.checks.quantities import words_pattern

    instead = langdata.INSTEAD.get(base_language(lang))
    if instead and _EN_NOT.match(item) and words_pattern(instead, lang).search(plain(target)):
        return True     # "pads, not tampons" said "pads rather than tampons"
    numbers = re.findall(r"\d+(?:[.,]\d+)?", item)
    if numbers and all(re.search(rf"(?<![\d.,]){re.escape(n)}(?![\d])", plain(target))
                       for n in numbers):
        return True     # "weigh at least 50 kg": its 50 is there
    counted = [w for w in _EN_WORD.findall(item.lower()) if w not in _COUNT_WORDS]
    if not counted:
        return None     # "three": a count, which the numbers check reads («3到4次»)
    stop = langdata.FUNCTION_WORDS["en"]
    known = said is False
    written = {w.lower() for w in re.findall(r"[^\W\d_]+", plain(target))} if (
        languages.script(lang) == "Latn") else set()
    found = _EN_WORD.findall(item.lower())
    # and each part of a hyphenated word ("blood-thinning": the blood)
    for word in found + [part for w in found if "-" in w for part in w.split("-")]:
        if len(word) < 3 or word in stop:
            continue
        if len(word) >= 4 and word in written:
            return True     # a word the language writes alike: "oral" («y compris oral»)
        wanted = bilingual.translations(word, lang)
        if wanted:
            known = True
            if bilingual.says(wanted, target, lang):
                return True
    if corpus is not None:
        seen = corpus.coverage(item, target, leave_out=leave_out)
        if seen.found:
            return True
        known = known or bool(seen.known)
    return False if known else None


# A condition or an exception the source sets ("unless you have kidney disease", "only if
# your phlegm turns green"), or how long something lasts ("until the wound has healed"; not
# "wait until", which languages say many ways): what a translation must keep some word of.
_EN_CONDITION = re.compile(r"\b(?:unless|only (?:if|when)|except (?:if|when)|"
                           r"as long as(?! possible\b| you can\b| you are able\b)|"
                           r"provided that)\b[^,;.:]*", re.I)
# (not an "until" of how far to go in applying a thing, "until it is soaked", "until
# absorbed": «чтобы пропитались», «hasta empaparlo», a result, no condition of when)
_EN_UNTIL = re.compile(r"(?<!\bwait )\buntil\b(?!\s+(?:(?:it|they|the \w+) (?:is|are|has "
                       r"been|have been) )?(?:(?:fully|completely|well|thoroughly) )?"
                       r"(?:soaked|saturated|absorbed|dissolved|coated|rubbed in)\b)[^,;.:]*",
                       re.I)


# What a language may say with its word for "until": "up to" or a range before a number
# («hasta cuatro veces», «до 12»), "before" («antes de», «до», قبل), "after" (术后), "while"
# («mientras»).
_EN_UP_TO_VALUE = re.compile(r"(?:\bup to\s+|(?<![\d.,])(?:\d+(?:[.,]\d+)?|[a-z]+)\s*"
                             r"(?:to|-|–)\s*)(\d+(?:\.\d+)?|[a-z]+)", re.I)
_EN_FROM_UNTIL = re.compile(r"\bfrom\b[^.;]{1,60}\buntil\b", re.I)
_EN_BEFORE = re.compile(r"\b(?:before|prior to)\b", re.I)
_EN_WHILE = re.compile(r"\b(?:while|whilst)\b", re.I)
_EN_AFTER = re.compile(r"\bafter\b", re.I)
_UNTIL_AS_AFTER = ("后", "以后", "之后")
_UNTIL_AS_WHILE = ("mientras", "tant que", "tant qu")
_UNTIL_AS_BEFORE = ("antes", "avant", "прежде", "قبل", "前", "之前", "以前")
_UNTIL_OR_BEFORE = frozenset({"до"})


def _untils_said(source: str, target: str, words: tuple[str, ...], lang: str) -> int:
    """How many of the translation's words for "until" say one: not those that say the
    source's "up to" or range (a number right after them), "before", "after" or "while", as
    many of each as the source has outside its "until" phrases ("until 2 hours before" is
    one "until")."""
    from pipeline.checks.quantities import _english_count, _target_numbers, words_pattern

    if _EN_FROM_UNTIL.search(source) and (between := langdata.BETWEEN.get(base_language(lang))
                                          ) and words_pattern(between, lang).search(target):
        return 1      # "from 1 hour before until 8 hours after": «entre 1 heure avant et…»
    rest = _EN_UNTIL.sub(" ", source)
    # the numbers an "up to" or a range reaches: «hasta 24 horas» for "until 24 hours after"
    # is an "until", «hasta tres veces» for "up to three times" none
    limits = [value for v in _EN_UP_TO_VALUE.findall(rest)
              if (value := Decimal(v) if v[0].isdigit() else Decimal(_english_count(v)))]
    budget = {"before": len(_EN_BEFORE.findall(rest)),
              "while": len(_EN_WHILE.findall(rest)), "after": len(_EN_AFTER.findall(rest))}
    # a "before" said with a word that says nothing else («перед посадкой») takes none
    only = langdata.BEFORE_ONLY.get(base_language(lang))
    if only:
        budget["before"] = max(0, budget["before"] - len(words_pattern(only, lang).findall(
            target)))
    numbers = _target_numbers(target, lang)
    found = [(m.end(), m.group(0).lower()) for m in words_pattern(words, lang).finditer(target)]
    said = []
    for end, word in found:     # first what says only "up to", "before", "after", "while"
        reached = next((v for at, _, values in numbers if 0 <= at - end <= _UP_TO_GAP
                        for v in values if v in limits), None)
        if reached is not None:
            limits.remove(reached)
        elif budget["before"] and word.startswith(_UNTIL_AS_BEFORE):
            budget["before"] -= 1
        elif budget["while"] and word.startswith(_UNTIL_AS_WHILE):
            budget["while"] -= 1
        elif budget["after"] and word in _UNTIL_AS_AFTER:     # 术后: "after the operation"
            budget["after"] -= 1
        else:
            said.append(word)
    # …then a word that says "until" and "before" alike («до»), for a "before" left
    return len(said) - min(budget["before"], sum(w in _UNTIL_OR_BEFORE for w in said))


_UP_TO_GAP = 3      # characters from «hasta», «до», «حتى» to the number it limits

# A negation in the clause before an "until" ("do not fly until…"; not across a full stop).
_EN_NEGATED_BEFORE = re.compile(r"(?:\b(?:not|never|no)\b|n't\b)[^.;:!?]*$", re.I)


def lost_condition(source: str, target: str, lang: str) -> str | None:
    """The condition ("unless …", "only if …") or the "until …" the source sets where the
    translation has no word that says one (`langdata.CONDITION_SAID`, `langdata.UNTIL_SAID`:
    «si», «sauf», «sans», «пока», «حتى», 直到…), else None."""
    from pipeline.checks.quantities import words_pattern

    text, base = plain(source), base_language(lang)
    for english, table in ((_EN_CONDITION, langdata.CONDITION_SAID),
                           (_EN_UNTIL, langdata.UNTIL_SAID)):
        found = english.search(text)
        words = table.get(base)
        if found is None or not words:
            continue
        if english is _EN_UNTIL:
            if _untils_said(text, plain(target), words, lang) >= len(english.findall(text)):
                continue
        elif words_pattern(words, lang).search(plain(target)):
            continue
        within = langdata.WITHIN_SAID.get(base)
        count = re.search(r"\d+", found.group(0).split("(")[0])
        if english is _EN_UNTIL and within and count and _EN_NEGATED_BEFORE.search(
                text[:found.start()]):
            # "do not fly until 2 weeks after…" said "not within the 2 weeks after…": the
            # until's own count after the word, in its own sentence
            mine, theirs = _sentences(text), _sentences(plain(target))
            at = len(_sentences(text[:found.start()])) - 1
            there = theirs[at] if len(mine) == len(theirs) else plain(target)
            if any(re.match(rf"\D{{0,12}}(?<!\d){count.group()}(?!\d)", there[m.end():])
                   for m in words_pattern(within, lang).finditer(there)):
                continue
        return found.group(0).strip()
    return None


@lru_cache(maxsize=1)
def _qualifiers_en() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((name, re.compile(pattern, re.I))
                 for name, pattern in langdata.QUALIFIERS_EN.items())


def lost_qualifier(source: str, target: str, lang: str) -> str | None:
    """What the source says of how to take or when to act (`langdata.QUALIFIERS`: "with
    food", "on an empty stomach", "severe pain", "wrapped in a towel") where the translation
    has no word that says it, else None. A language without a row is not asked."""
    from pipeline.checks.quantities import words_pattern

    text, base = plain(source), base_language(lang)
    for name, english in _qualifiers_en():
        words = langdata.QUALIFIERS[name].get(base)
        found = english.search(text) if words else None
        if found and not words_pattern(words, lang).search(plain(target)):
            return found.group(0)
    return None
