"""Negation, counted per clause: a dropped "not" inverts the advice, even where the
translation has another negation somewhere else.

A negation is counted once however the language builds it: "никогда не", "ne … jamais",
"no … nunca" are one (negative concord), the "не" of "если только … не" (unless) and the
不 of 会不会 (whether) are none. Source and translation are cut into clauses at
punctuation and conjunctions; a translation clause belongs to the source clause its
place in the sentence overlaps most. Each source clause must keep its negations in its
part of the translation; a surplus in a nearby clause makes up for a deficit as long as no
other negated clause stands between them (languages move a clause: "without …" and
"unless …" often come first in Chinese).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from pipeline import langdata
from pipeline.checks import Entry, Scope, check, terms
from pipeline.checks import unmarked as plain
from pipeline.checks.listing import SENTENCE_END
from pipeline.checks.quantities import words_pattern
from pipeline.languages import base_language
from pipeline.model import Finding

_EN_NEGATION = re.compile(
    r"\b(?:not|no(?!\.\s*\d)|never|none|nothing|nobody|neither|nor|without|cannot|"
    r"avoid(?:s|ed|ing)?)\b|n't\b", re.I)
_EN_NEITHER = re.compile(r"\bneither\b", re.I)
_EN_NOT_NEGATING = re.compile(r"\bwith or (without)\b|\b(no) longer\b(?!\s+than\b)", re.I)
_FR_ELIDED = re.compile(r"(?<!\w)n['’](?=\w)", re.I)
# Clause punctuation of every script: commas, semicolons, colons, brackets, dashes, sentence
# ends (a full stop only before a space: never inside "2.5" or "e.g.x").
_CLAUSE_MARK = re.compile(r"[,;:!?()\[\]—–…。，、；：！？（）،؛؟]+|\.(?=\s)|\s-\s")


@dataclass(frozen=True, slots=True)
class Clause:
    """A clause of a sentence: where it starts and ends, and its negations."""

    start: int
    end: int
    negations: int


@lru_cache(maxsize=1)
def _en_limits() -> re.Pattern[str]:
    phrases = [p for words in langdata.LIMITS["en"].values() for p in words
               if p.startswith(("no ", "not ", "never "))]
    return re.compile(f"{words_pattern(tuple(phrases), 'en').pattern}|{langdata.EN_LIMIT_GAP}",
                      re.I)


@lru_cache(maxsize=1)
def _en_any_limit() -> re.Pattern[str]:
    """Any upper limit of the English source, negated or not ("at most", "up to",
    "maximum"); not "at least", whose «al menos» may follow a real «no» («No conduzca
    durante al menos 6 semanas»)."""
    return words_pattern((*langdata.LIMITS["en"]["most"], "up to"), "en")


@lru_cache(maxsize=64)
def _conjunctions(lang: str) -> re.Pattern[str] | None:
    words = langdata.CONJUNCTIONS.get(base_language(lang))
    return words_pattern(words, lang) if words else None


@lru_cache(maxsize=4096)
def clause_spans(text: str, lang: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each clause of `text`: cut at punctuation and before conjunctions."""
    cuts = {0, len(text)}
    for match in _CLAUSE_MARK.finditer(text):
        cuts.update((match.start(), match.end()))
    pattern = _conjunctions(lang)
    if pattern is not None:
        cuts.update(match.start() for match in pattern.finditer(text))
    base = base_language(lang)
    if base in langdata.EXPLETIVE:   # "à moins que", "до тех пор пока" stay one clause
        inside = [m.span() for m in words_pattern(langdata.EXPLETIVE[base], lang).finditer(text)]
        cuts = {c for c in cuts if not any(a < c < b for a, b in inside)}
    points = sorted(cuts)
    spans = [(a, b) for a, b in zip(points, points[1:], strict=False)
             if re.search(r"[^\W_]", text[a:b])]
    return tuple(spans) or ((0, len(text)),)


def _no_negations_blanked(text: str, base: str) -> str:
    """The text with what looks like a negation and is none (免疫, «ne … que», دون سن) blanked
    out, every other character where it was."""
    for compound in langdata.NOT_NEGATION.get(base, ()):
        text = text.replace(compound, " " * len(compound))
    if base in langdata.NOT_NEGATION_PATTERN:
        text = re.sub(langdata.NOT_NEGATION_PATTERN[base], lambda m: " " * len(m.group(0)),
                      text)
    return text


def _positions(text: str, lang: str, bounded: bool = False) -> list[tuple[int, str]]:
    """(offset, word) of each negation word in `text`, before concord and expletives; with
    `bounded` (the source sets a limit, whose "no more than" English counts as no negation),
    not those of the translation's limits either («no tome más de 6», «не более 4»)."""
    base = base_language(lang)
    if base == "en":   # "no more than 4 doses" is a limit (`langdata.LIMITS`), not a negation
        bounds = [m.start() for m in _en_limits().finditer(text)]
        # "with or without food" is a choice; "no longer infectious" says "stops being"
        bounds += [m.start(1) if m.group(1) else m.start(2)
                   for m in _EN_NOT_NEGATING.finditer(text)]
        found = [(m.start(), m.group(0).lower()) for m in _EN_NEGATION.finditer(text)
                 if m.start() not in bounds]
        if _EN_NEITHER.search(text):    # "neither … nor" is one negation
            found = [(at, word) for at, word in found if word != "nor"]
        return found
    text = _no_negations_blanked(text, base)
    words = tuple(w for w in langdata.NEGATION[base] if w not in ("n'", "n’"))
    found = [(m.start(), m.group(0).lower()) for m in words_pattern(words, lang).finditer(text)]
    if base == "fr":
        found += [(m.start(), "n'") for m in _FR_ELIDED.finditer(text)]
    if not bounded:
        return sorted(found)
    limits = _limit_phrases(lang)
    spans = [m.span() for m in limits.finditer(text)] if limits is not None else []
    return sorted(item for item in found if not _in_limit(item[0], text, lang, spans))


def _in_limit(at: int, text: str, lang: str, spans: list[tuple[int, int]]) -> bool:
    """Is the negation word at `at` part of a limit the language sets: inside one of its
    limit phrases (`spans`: «no más de», «не более», «لا يزيد», 不超过), or before a
    comparative and a number in its clause, no conjunction between («no tome más de seis»,
    «ne prenez pas plus de 6»; «Evite el alcohol o no tome más de 14» is an "avoid" and a
    limit)?"""
    if any(start <= at < end for start, end in spans):
        return True
    comparative = _comparatives(lang)
    if comparative is None:
        return False
    stop = _CLAUSE_STOP.search(text, at)
    end = min(stop.start() if stop is not None else len(text), at + _LIMIT_REACH)
    joins = _conjunctions(lang)
    joined = joins.search(text, at + 1, end) if joins is not None else None
    end = joined.start() if joined is not None else end
    return any(_NUMBER_NEAR.match(text, found.end())
               for found in comparative.finditer(text, at + 1, end))


# Where a negation's clause ends, and how far on its comparative may stand; what may stand
# between a comparative and its number («más de 6», «plus de 6», «أكثر من ستة», 超过6; an
# Arabic dual is its number: «أكثر من وحدتين», more than two units).
_CLAUSE_STOP = re.compile(r"[.;:,，；。：]")
_LIMIT_REACH = 30
_NUMBER_NEAR = re.compile(r"\s*(?:de|que|d['’]|du|des|من|чем)?\s*(?:\d|[^\W\d_]+\s+(?:mg|ml|g)\b|"
                          r"(?:un|une|uno|una|dos|deux|tres|trois|cuatro|quatre|cinco|cinq|seis|"
                          r"six|siete|sept|ocho|huit|diez|dix|два|двух|три|трёх|трех|четырёх|"
                          r"пяти|шести|واحد|اثن|ثلاث|أربع|خمس|ست|سبع|ثمان|عشر|一|两|二|三|四|五|"
                          r"六|七|八|九|十)|[^\W\d_]{2,}(?:تين|تان|ين)(?![^\W\d_]))", re.I)


@lru_cache(maxsize=64)
def _limit_phrases(lang: str) -> re.Pattern[str] | None:
    """The language's limit phrases that say a negation («no más de», «не более», 不超过)."""
    base = base_language(lang)
    table = langdata.LIMITS.get(base, {})
    negators = [w.rstrip("~").lower() for w in langdata.NEGATION.get(base, ())]
    phrases = tuple(p for kind in ("most", "least") for p in table.get(kind, ())
                    if any((p.lower().startswith(n) if base in langdata.GLUED else
                            re.search(rf"(?<!\w){re.escape(n)}(?!\w)", p.lower()))
                           for n in negators if n))
    return words_pattern(phrases, lang) if phrases else None


@lru_cache(maxsize=64)
def _comparatives(lang: str) -> re.Pattern[str] | None:
    table = langdata.LIMITS.get(base_language(lang), {})
    words = (*table.get("more", ()), *table.get("less", ()))
    return words_pattern(words, lang) if words else None


# A Russian participle written with не («неиспользуемые шприц-ручки» for "the pens you are
# not using"): it says the source's "not" before a participle, where the word without не is
# one (Hunspell's ru dictionary). Only there: «непастеризованный» says "unpasteurised", and
# a "do not eat" dropped beside it is still dropped.
_EN_NOT_PARTICIPLE = re.compile(r"\bnot\s+(?:been\s+|being\s+)?[a-z]+(?:ing|ed|en)\b", re.I)
_RU_NOT_PARTICIPLE = re.compile(
    r"(?<![^\W\d_])не([^\W\d_]+(?:ем|им|ющ|ущ|ащ|ящ|нн|вш)(?:ый|ий|ая|яя|ое|ее|ые|ие|ого|"
    r"его|ому|ему|ой|ей|ую|юю|ых|их|ым|им|ыми|ими|ом|ем))(?![^\W\d_])", re.I)


# "Do not have an MRI without first speaking to your team" said "before speaking to your
# team, do not…" («在先咨询您的植入团队之前», «antes de hablar con»): its "without" is kept.
# So is "without talking to your doctor" (asking first: «在咨询医生之前»).
_EN_WITHOUT_FIRST = re.compile(r"\bwithout\b[^,;.]{0,40}?\bfirst\b|\bwithout\s+(?:first\s+)?"
                               r"(?:talking|speaking|checking|asking|consulting|discussing|"
                               r"telling|contacting|calling)\b", re.I)
# "It is not safe to smoke" said «Il est dangereux de fumer».
_EN_NOT_SAFE = re.compile(r"\bnot\s+safe\b|\bunsafe\b", re.I)
# "It may not be absorbed properly" said «elle risque d'être mal absorbée».
_EN_NOT_WELL = re.compile(r"\bnot\s+(?:be\s+|been\s+)?(?:[a-z]+\s+){0,2}?(?:properly|well|"
                          r"correctly)\b|\bnot\s+(?:stick|adhere|heal|work)\b", re.I)
# (…and "may not stick" said «может плохо держаться»: sticks badly)


# "Until no more mist appears" said «hasta que deje de salir niebla» (until it stops).
_EN_UNTIL_NO = re.compile(r"\buntil\s+(?:there\s+(?:is|are)\s+)?no\s+more\b", re.I)
# "Do not restart it until your test is normal" said «ne la reprenez qu'une fois que…»,
# «待…后方可恢复» (only once).
_EN_NOT_UNTIL = re.compile(r"(?:\b(?:not|never)\b|n't\b)[^.;]{0,60}?\buntil\b", re.I)
# "Do not take it on the day of the test" said «arrêtez ce médicament le jour…», 停用 (stop
# it): only where the source says no "stop" of its own, whose "do not stop" a dropped "not"
# turns into "stop".
_EN_NOT_TAKE = re.compile(r"\b(?:do\s+not|don't|never)\s+(?:take|use|restart|have|eat|drink)\b",
                         re.I)
# "Do not eat for 4 hours beforehand" said «restez à jeun», «en ayunas», 禁食 (fasting).
_EN_NOT_EAT = re.compile(r"\b(?:do\s+not|don't)\s+(?:eat|drink|eat\s+or\s+drink)\b", re.I)
# "Do not leave it on overnight" said «retirez-le avant la nuit», «снимать», 取下 (take off).
_EN_NOT_LEAVE_ON = re.compile(r"\b(?:do\s+not|don't|never)\s+(?:leave|keep|wear)\b[^.;,]{0,30}?"
                              r"(?:\b(?:on|in)\b|\bovernight\b|\bat\s+night\b|\bin\s+bed\b)", re.I)
# "someone who cannot swallow" said «incapable d'avaler», «incapaz de tragar» (unable).
_EN_CANNOT = re.compile(r"\b(?:cannot|can't|can\s+not|unable)\b", re.I)
_EN_CANNOT_CONTROL = re.compile(r"\b(?:cannot|can't|can\s+not|unable\s+to)\s+control\b", re.I)
_EN_STOP = re.compile(r"\b(?:stop|stops|stopped|stopping|quit|cease)\b", re.I)


def _said_as(english: re.Pattern[str], words: tuple[str, ...] | None, source: str,
             target: str, lang: str, own: re.Pattern[str] | None = None) -> int:
    """How many of the source's `english` phrases the translation says with one of `words`:
    each phrase once, as often as the translation has such a word beyond the source's `own`
    ones (the "keep" or "always" the source says itself)."""
    said = len(english.findall(plain(source)))
    if not said or not words:
        return 0
    written = len(words_pattern(words, lang).findall(plain(target)))
    if own is not None:
        written -= len(own.findall(plain(source)))
    return min(said, max(0, written))


_EN_IF_NOT = re.compile(r"\bif not\b", re.I)
_EN_NOT_STOPPED = re.compile(r"\b(?:has|have)\s*(?:not|n't)\s+(?:stopped|settled|eased|"
                             r"gone away|cleared)\b", re.I)
_STILL_REACH = 16   # characters after a "still" in which its own negation may stand


def _still_said(source: str, target: str, lang: str) -> int:
    """How many of the source's "has not stopped" the translation says "goes on", "still"
    with no negation of its own right after («si el sangrado continúa», «إذا استمر النزيف»;
    not 仍未止血, whose 未 is counted already)."""
    said = len(_EN_NOT_STOPPED.findall(plain(source)))
    words = langdata.STILL_GOING.get(base_language(lang))
    if not said or not words:
        return 0
    text = plain(target)
    negated = [at for at, _ in _positions(text, lang)]
    alone = [m for m in words_pattern(words, lang).finditer(text)
             if not any(m.start() <= at <= m.end() + _STILL_REACH for at in negated)]
    return min(said, len(alone))


_EN_WITHOUT_MEAL = re.compile(r"\bwithout\s+(?:food|a meal|meals|eating)\b|\bwith\s+(?:food|"
                              r"meals?|a meal)\s+or\s+(?:\w+\s+)?without\b", re.I)


def _said_otherwise(source: str, target: str, lang: str) -> int:
    """How many of the source's "without … first" the translation says with "before", of
    its "not safe" with "dangerous" («Il est dangereux de fumer»), of its "not … properly"
    with "badly" («mal absorbée»), of its "until no more …" and "do not take" with "stop",
    of its "not … until" with "only after" or "wait until", of its "…, not even" with
    "even", of its "avoid" with "away from", of its "do not cut down" with "keep on", of
    its "if not" with "otherwise" («sinon»), and of its "never … without" with "always"."""
    base, text = base_language(lang), plain(source)
    stop = not _EN_STOP.search(text)
    # "do not stand up until…" said "wait until…", where the source's verb is no "wait"
    after = (*langdata.ONLY_AFTER.get(base, ()),
             *(langdata.WAIT_UNTIL.get(base, ()) if not _EN_WAIT.search(text) else ()))
    found = sum(_said_as(english, words, source, target, lang) for english, words in (
        (_EN_WITHOUT_FIRST, langdata.BEFORE.get(base)),
        (_EN_NOT_SAFE, langdata.DANGEROUS.get(base)), (_EN_NOT_WELL, langdata.BADLY.get(base)),
        (_EN_UNTIL_NO, langdata.STOPPING.get(base)), (_EN_NOT_UNTIL, after),
        # "…, not even your fingers" after a negation: said with that one and "even"
        (_EN_NOT_EVEN, langdata.EVEN.get(base)),
        # "avoiding scars" said "away from scars"; "avoid alcohol" «supprimez l'alcool», 戒酒
        (_EN_AVOID, (*langdata.AWAY_FROM.get(base, ()), *langdata.GIVE_UP.get(base, ()),
                     *langdata.FORBID.get(base, ()))),
        # "if there is no improvement" «en l'absence d'amélioration»; "4 days with no
        # treatment" «перерыв на 4 дня»; "no symptoms" «бессимптомно»
        (_EN_NO_CHANGE, langdata.ABSENCE.get(base)),
        (_EN_NO_TREATMENT, langdata.PAUSE.get(base)),
        (_EN_NO_SYMPTOMS, langdata.SYMPTOMLESS.get(base)),
        # "do not visit if…" said «absténgase de venir»
        (_EN_DO_NOT, langdata.ABSTAIN.get(base)),
        # "you do not need a full bladder" said «inutile d'avoir…»
        (_EN_NO_NEED, langdata.NEEDLESS.get(base)),
        # "unless your nurse has told you not to" said «если только медсестра не запретила»
        (_EN_TOLD_NOT, langdata.FORBID.get(base)),
        # "do not take antacids within 4 hours of it" said "keep at least 4 hours between"
        (_EN_NOT_WITHIN, langdata.LIMITS.get(base, {}).get("least")),
        # "if a reading does not match your symptoms" said "differs from"
        (_EN_NOT_SAME, langdata.DIFFERS.get(base)),
        # "use pads, not tampons" said "pads rather than tampons"
        (_EN_NOT_THIS, langdata.INSTEAD.get(base)),
        (_EN_NOT_EAT, langdata.FASTING.get(base)),
        (_EN_NOT_LEAVE_ON, langdata.TAKE_OFF.get(base)),
        (_EN_CANNOT, langdata.UNABLE.get(base)),
        (_EN_CANNOT_CONTROL, langdata.CONTROL_LOST.get(base)),
        # "if not, call 999" said «sinon, appelez le 999»
        (_EN_IF_NOT, langdata.OTHERWISE.get(base)),
        # "with food or always without" said «вне приёма пищи»
        (_EN_WITHOUT_MEAL, langdata.WITHOUT_FOOD.get(base)),
        *([(_EN_NOT_TAKE, langdata.STOPPING.get(base))] if stop else [])))
    found += _still_said(source, target, lang)
    # "do not cut down on drinks" said "keep drinking as before": not the "keep" the source
    # says itself ("Do not stop your tablets. Keep taking two…")
    found += _said_as(_EN_NOT_LESS, langdata.GOING_ON.get(base), source, target, lang,
                      own=_EN_GOING_ON)
    # "never without": two negations that say "always" («toujours disposer d'un stylo»),
    # with no "without" left: "always … without sun cream" is "never" made "always"; not the
    # "always" the source says itself ("Always carry two pens and never…")
    always = _said_as(_EN_NEVER_WITHOUT, langdata.ALWAYS.get(base), source, target, lang,
                      own=_EN_ALWAYS)
    without = langdata.WITHOUT.get(base, ())
    if always and not (without and words_pattern(without, lang).search(plain(target))):
        found += 2 * always
    return found


_EN_WAIT = re.compile(r"\bwait", re.I)
_EN_NO_CHANGE = re.compile(r"\b(?:no|without)\s+(?:[a-z]+\s+)?(?:improvement|change|response|"
                           r"benefit|effect|progress)\b", re.I)
_EN_NO_TREATMENT = re.compile(r"\b(?:with\s+)?no\s+(?:treatment|medicine|tablets?|doses?)\b|"
                              r"\b(?:treatment|tablet|drug)-free\b", re.I)
_EN_NO_SYMPTOMS = re.compile(r"\bno\s+(?:[a-z]+\s+)?symptoms?\b", re.I)
_EN_NOT_WITHIN = re.compile(r"(?:\b(?:not|never)\b|n't\b)[^.;:]{0,50}?\bwithin\s+(?:\d+|[a-z]+)"
                            r"(?:\s*(?:-|to|or)\s*(?:\d+|[a-z]+))?\s+(?:minutes?|hours?|days?)\s+"
                            r"(?:of|before|after)\b", re.I)
_EN_NOT_SAME = re.compile(r"(?:\b(?:not|never)\b|n't\b)\s+(?:match(?:es)?|agrees?|fits?|"
                          r"correspond|tally|the\s+same\b)", re.I)
# A contrast: ", not" and a thing, not a verb ("pads, not tampons"; not "…, not to drive")
_EN_NOT_THIS = re.compile(r"[,;]\s+not\s+(?!to\b|if\b|when\b|until\b|only\b|just\b|even\b|"
                          r"be\b|all\b|always\b|more\b|less\b|before\b|after\b)"
                          r"(?:a\s+|an\s+|the\s+|your\s+)?[a-z]+s?\b(?!\s+(?:it|them|this|that)\b)",
                          re.I)
# (and "usual", which «المعتادة» may translate: "do not stop your usual drops" made «توقف
# عن … المعتادة» says no "keep")
_EN_GOING_ON = re.compile(r"\b(?:keep|keeps|kept|continue[sd]?|continuing|carry\s+on|go\s+on|"
                          r"as\s+(?:usual|before|normal)|usual|usually)\b", re.I)
_EN_AVOID = re.compile(r"\bavoid(?:s|ed|ing)?\b", re.I)
_EN_DO_NOT = re.compile(r"\b(?:do\s+not|don't)\s+(?!need\b)[a-z]+", re.I)
_EN_NO_NEED = re.compile(r"\b(?:do|does)\s+not\s+need\b|\b(?:don't|doesn't)\s+need\b|"
                         r"\bno\s+need\b", re.I)
_EN_TOLD_NOT = re.compile(r"\b(?:told|tells?|asked|asks|advised|advises)\s+(?:you\s+|them\s+)?"
                          r"not\s+to\b", re.I)
_EN_NOT_LESS = re.compile(r"(?:\b(?:do\s+not|never)|n't)\s+(?:stop|cut\s+down|reduce|"
                          r"drink\s+less|eat\s+less|give\s+up)\b", re.I)
_EN_ALWAYS = re.compile(r"\b(?:always|at all times)\b", re.I)
_EN_NOT_EVEN = re.compile(r"(?:\b(?:not|never|no)\b|n't\b)[^.;]*?[,;—–]\s*(?:and\s+|or\s+)?"
                          r"not\s+even\b", re.I)
_EN_NEVER_WITHOUT = re.compile(r"(?:\b(?:not|never)\b|n't\b)[^.;,]{0,40}?\bwithout\b", re.I)


_EN_FAST = re.compile(r"\b(?:fast|fasting|fasted|nil by mouth|empty stomach)\b", re.I)


def _fasting_said(source: str, target: str, lang: str) -> int:
    """How many negation words of the translation say the source's own "fast" («禁食»,
    «en ayunas»): no negation of the source's there."""
    return _said_as(_EN_FAST, langdata.FASTING.get(base_language(lang)), source, target, lang)


_EN_FREE = re.compile(r"\b[a-z]+-free\b|\bfree\s+(?:of|from)\b|"
                      # …and its negative adjectives: "unprotected sex" 无保护性行为, "painless"
                      r"\bun(?:protected|treated|explained|controlled|supervised|planned|"
                      r"diluted|opened|used|cooked|pasteurised|pasteurized)\b|"
                      r"\b(?:pain|harm|symptom|odour|odor|taste|colour|color|scent)less\b", re.I)


def _free_said(source: str, target: str, lang: str) -> int:
    """How many negation words of the translation say the source's own "-free" («无麸质»,
    «sin gluten» for "gluten-free"): no negation of the source's there; not the «без» that
    says the source's own "without" ("harmless … without advice": «безвредно … без
    консультации»)."""
    return _said_as(_EN_FREE, langdata.FREE_OF.get(base_language(lang)), source, target, lang,
                    own=_EN_WITHOUT)


_EN_WITHOUT = re.compile(r"\bwithout\b", re.I)


_EN_SAFE = re.compile(r"\bsafe\b", re.I)
_EN_UNSAFE = re.compile(r"\b(?:unsafe|dangerous|danger|harmful|risky|not\b[^.;,]{0,20}\bsafe)\b",
                        re.I)


def _safe_said_unsafe(source: str, target: str, lang: str) -> str | None:
    """What the translation says for "not safe" (`langdata.UNSAFE`) where the source says
    only that something is safe ("It is safe to take paracetamol": «No es seguro tomar…»)."""
    words = langdata.UNSAFE.get(base_language(lang))
    text = plain(source)
    if not words or not _EN_SAFE.search(text) or _EN_UNSAFE.search(text):
        return None
    written = plain(target)
    found = [m for m in words_pattern(words, lang).finditer(written)
             if not _NOT_BEFORE.search(written, 0, m.start())]
    return found[0].group(0) if found else None


# A negation right before "dangerous": «не опасны», "no es peligroso", «غير خطير», 不危险 —
# safe, as the source says.
_NOT_BEFORE = re.compile(r"(?:(?<![^\W\d_])(?:не|no(?: es| son| resulta)?|pas|n'est pas"
                         r"|n’est pas|غير|ليس|ليست)\s+|不|没有)$", re.I)


def _participle_negations(source: str, target: str, lang: str) -> int:
    """How many of the source's "not" + participle the translation says as one word with
    не (Russian), else 0."""
    if base_language(lang) != "ru":
        return 0
    said = len(_EN_NOT_PARTICIPLE.findall(plain(source)))
    if not said:
        return 0
    from pipeline.checks.wording import dictionary

    known = dictionary("ru")
    found = sum(1 for m in _RU_NOT_PARTICIPLE.finditer(plain(target))
                if known is not None and m.group(1).lower() in known)
    return min(said, found)


@lru_cache(maxsize=4096)
def _said(text: str, lang: str, bounded: bool = False
          ) -> tuple[tuple[tuple[int, str], ...], ...]:
    """The negation words of each clause of plain `text`, but the "not" an expletive
    ("salvo que … no", "à moins que … ne") takes (each check asks again: remembered)."""
    base = base_language(lang)
    found = list(_positions(text, lang, bounded))
    expletive = [m.start() for m in words_pattern(langdata.EXPLETIVE[base], lang).finditer(text)
                 ] if base in langdata.EXPLETIVE else []
    without = {w.lower() for w in langdata.WITHOUT.get(base, ())}
    spans = clause_spans(text, lang)
    for marker in expletive:
        # the expletive is a "not" («hasta que no…»), never a "without" («hasta que pase dos
        # días sin mareos» says the source's "without"); in its clause, and in Russian up to
        # the next punctuation, across a conjunction («пока вращение и тошнота полностью не
        # пройдут»), but not a "not" that opens the next clause
        stop = _CLAUSE_MARK.search(text, marker)
        end = stop.start() if stop is not None else len(text)
        if base not in _EXPLETIVE_ACROSS:   # «hasta que … que … no contienen»: its own "no"
            end = min(end, next((b for a, b in spans if a <= marker < b), end))
        later = [item for item in found if marker <= item[0] < end and item[1] not in without
                 and not _opens_clause(item[0], text, spans, marker)]
        # Russian's «пока вам не станет лучше и вы не сможете есть»: each "not" the «пока»
        # reaches is its expletive
        for at, item in enumerate(later):
            # …past its first "not" only over a conjunction: «пока не сможете ходить не
            # хромая» says "without limping"
            if at and not (base in _EXPLETIVE_ACROSS and _RU_AND.search(
                    text, later[at - 1][0], item[0])):
                break
            found.remove(item)
    return tuple(tuple((at, word) for at, word in found if start <= at < end)
                 for start, end in spans)


# Languages whose expletive "not" may stand past a conjunction, at the end of the clause it
# opens (Russian «пока … и … не пройдут»).
_EXPLETIVE_ACROSS = frozenset({"ru", "uk"})
_RU_AND = re.compile(r"\s(?:и|или|либо|і|або)\s", re.I)


def _opens_clause(at: int, text: str, spans: tuple[tuple[int, int], ...], marker: int) -> bool:
    """Is the negation at `at` the first word of a clause after the expletive's, but for its
    conjunction ("y no tome…")?"""
    start = next((a for a, b in spans if a <= at < b), 0)
    return start > marker and re.fullmatch(r"\W*(?:[^\W\d_]+\W*)?", text[start:at]) is not None


@lru_cache(maxsize=4096)
def clauses(text: str, lang: str, bounded: bool = False) -> tuple[Clause, ...]:
    """The clauses of `text` (in `lang`) with the negations each one says (`bounded`: see
    `_positions`)."""
    text = plain(text)
    base = base_language(lang)
    concord = {w.lower() for w in langdata.CONCORD.get(base, ())}
    without = {w.lower() for w in langdata.WITHOUT.get(base, ())}
    result = []
    for (start, end), inside in zip(clause_spans(text, lang), _said(text, lang, bounded),
                                    strict=True):
        words = [word for _, word in inside]
        plain_negators = [w for w in words if w not in concord]
        count = len(plain_negators)
        # a concord word needs a "not" to join: "nunca … sin protector" says both "never"
        # and "without"
        if not any(w not in without for w in plain_negators) and \
                base not in langdata.NEEDS_NEGATOR:
            count = len(words)
        result.append(Clause(start, end, count))
    return tuple(result)


@lru_cache(maxsize=8192)
def negations(text: str, lang: str, bounded: bool = False) -> int:
    """How many negations `text` (in `lang`) says, each counted once (concord, expletives;
    `bounded`: see `_positions`)."""
    if base_language(lang) != "en" and base_language(lang) not in langdata.NEGATION:
        return 0
    if not _positions(plain(text), lang, bounded):   # no negation word: no clause says one
        return 0
    return sum(c.negations for c in clauses(text, lang, bounded))


def not_without(text: str, lang: str, bounded: bool = False) -> int:
    """How many of the negations of `text` are not "without" (`langdata.WITHOUT`; one before
    a verb is: `langdata.WITHOUT_VERB`; `bounded`: see `_positions`)."""
    total = negations(text, lang, bounded)
    kinds = langdata.WITHOUT.get(base_language(lang))
    if not total or not kinds:
        return total
    text = plain(text)
    verb = langdata.WITHOUT_VERB.get(base_language(lang))
    glued = base_language(lang) in langdata.GLUED
    withouts = 0
    for at, word in (item for inside in _said(text, lang, bounded) for item in inside):
        # the word itself, a clitic before it allowed (ودون); 未 found where the text says 未经
        kind = next((k for k in kinds if word == k or (word.endswith(k) and len(k) > 2) or (
            glued and text.startswith(k, at))), None)
        after = text[at + len(word if not glued else kind or ""):]
        if kind and not (verb and (following := re.match(verb, after)) and not _noun_in_er(
                following.group(0), lang)):
            withouts += 1
    return max(0, total - withouts)


def _noun_in_er(words: str, lang: str) -> bool:
    """Is the French word after «sans» that looks like an infinitive in -er a noun («sans
    danger»: the dictionary has no «dangez», «dangé»; «sans manger» has «mangez»)?"""
    word = words.split()[-1].lower() if words.split() else ""
    if base_language(lang) != "fr" or not word.endswith("er"):
        return False
    from pipeline.checks.wording import dictionary

    known = dictionary("fr")
    return known is not None and word in known and not any(
        form in known for form in (word[:-2] + "ez", word[:-2] + "é"))


def has_negation(text: str, lang: str) -> bool:
    """Does `text` (in `lang`) contain a negation? (True where the language has no data.)"""
    if base_language(lang) not in langdata.NEGATION:
        return True
    return negations(text, lang) > 0


def unmatched_clause(source: str, target: str, lang: str, bounded: bool = False
                     ) -> tuple[str, str] | None:
    """(source clause, its part of the translation) where a negation of the source is lost
    (`bounded`: see `_positions`)."""
    wanted, have = clauses(source, "en"), clauses(target, lang, bounded)
    if len(wanted) < 2 or not any(c.negations for c in wanted):
        return None
    text_s, text_t = plain(source), plain(target)
    # where both have as many sentences, each clause is read within its own sentence and
    # keeps its own negations: a "not" said twice in one («请不要射精，也不要…») stands for
    # none lost in the next
    ends_s = [m.start() for m in SENTENCE_END.finditer(text_s)]
    ends_t = [m.start() for m in SENTENCE_END.finditer(text_t)]
    if len(ends_s) != len(ends_t):
        ends_s = ends_t = []
    bounds_s = [0, *ends_s, len(text_s)]
    bounds_t = [0, *ends_t, len(text_t)]
    sentence = [sum(1 for at in ends_s if at <= c.start) for c in wanted]
    groups: list[list[Clause]] = [[] for _ in wanted]
    for part in have:
        k = sum(1 for at in ends_t if at <= part.start)
        lo_t, size_t = bounds_t[k], (bounds_t[k + 1] - bounds_t[k]) or 1
        lo_s, size_s = bounds_s[k], (bounds_s[k + 1] - bounds_s[k]) or 1
        a, b = (part.start - lo_t) / size_t, (part.end - lo_t) / size_t
        overlap = [max(0.0, min(b, (c.end - lo_s) / size_s) - max(a, (c.start - lo_s) / size_s))
                   if sentence[i] == k else -1.0 for i, c in enumerate(wanted)]
        groups[overlap.index(max(overlap))].append(part)
    balance = [sum(p.negations for p in group) - c.negations
               for c, group in zip(wanted, groups, strict=True)]
    # "if you skip breakfast" said "if you do not have breakfast" («Si no desayuna»): that
    # clause's own negation says its "skip", none to lend to the next one's lost "not"
    balance = [b - 1 if b > 0 and _EN_SKIP.search(text_s[c.start:c.end]) else b
               for b, c in zip(balance, wanted, strict=True)]
    for index, clause in enumerate(wanted):
        for step in (-1, 1):    # across clauses without negations, up to the next negated one
            near = index + step
            while balance[index] < 0 and 0 <= near < len(wanted) and (
                    sentence[near] == sentence[index]):
                moved = min(-balance[index], max(balance[near], 0))
                balance[index] += moved
                balance[near] -= moved
                if wanted[near].negations:
                    break
                near += step
        if balance[index] < 0 and not _negated_by_words(source, index, wanted, target, have,
                                                        lang):
            text = plain(target)
            shown = " ".join(text[p.start:p.end].strip() for p in groups[index]).strip()
            return plain(source)[clause.start:clause.end].strip(), shown
    return None


# What a translation may say with a negation of its own: "skip", "miss", "forget", "fail
# to", "run out of".
_EN_SKIP = re.compile(r"\b(?:skip(?:s|ped|ping)?|miss(?:es|ed|ing)?|forget(?:s|ting)?|"
                      r"forgot(?:ten)?|fails? to|failed to|runs? out|ran out)\b", re.I)


_EN_CONTENT = re.compile(r"[a-z]{4,}")


def _negated_by_words(source: str, index: int, wanted: tuple[Clause, ...], target: str,
                      have: tuple[Clause, ...], lang: str) -> bool:
    """Does a negated clause of the translation say, as the dictionaries translate it, a word
    that only this clause of the source has ("cross" of "and do not cross your legs": «No
    cruce las piernas, …», the clauses in another order)?"""
    from pipeline.checks import bilingual

    text, written = plain(source).lower(), plain(target)
    clause = wanted[index]
    stop = langdata.FUNCTION_WORDS["en"]
    elsewhere = {form for other in wanted if other is not clause
                 for word in _EN_CONTENT.findall(text[other.start:other.end])
                 for form in bilingual.forms(word)}
    own = [word for word in dict.fromkeys(_EN_CONTENT.findall(text[clause.start:clause.end]))
           if word not in stop and not set(bilingual.forms(word)) & elsewhere]
    negated = [written[part.start:part.end] for part in have if part.negations]
    return any((wanted_words := bilingual.translations(word, lang)) and any(
        bilingual.says(wanted_words, piece, lang) for piece in negated) for word in own)


_EN_WITH = re.compile(r"\bwith\s+(?:a|an|the|some|your|plenty\s+of)?\s*([a-z]{3,})\b", re.I)
_AFTER_WITHOUT = 48      # characters after "without" where what it goes without stands


def without_for_with(source: str, target: str, lang: str) -> tuple[str, str] | None:
    """(the source's "with food", the translation's «sin comida») where the translation goes
    without what the source says to take something with: a negation added, not lost."""
    from pipeline.checks import bilingual

    kinds = langdata.WITHOUT.get(base_language(lang))
    source, text = plain(source), plain(target)
    if not kinds or not _EN_WITH.search(source):
        return None
    withouts = list(words_pattern(kinds, lang).finditer(
        _no_negations_blanked(text, base_language(lang))))
    fasting = langdata.WITHOUT_FOOD.get(base_language(lang))
    if fasting and _EN_FAST.search(source):   # "on an empty stomach": «en ayunas» is its own
        fasts = words_pattern(fasting, lang)
        withouts = [m for m in withouts if not fasts.fullmatch(m.group(0))]
    if not withouts:
        return None
    for match in _EN_WITH.finditer(source):
        if re.search(rf"\bwithout\s+(?:\w+\s+)?{re.escape(match.group(1))}\b", source, re.I):
            continue
        if re.match(r"(?:\s+\w+){0,2}\s+or\s+(?:\w+\s+)?without\b", source[match.end():], re.I):
            continue    # "with food or always without": the source says without it too
        word = match.group(1).lower()
        wanted = frozenset(w for w in bilingual.translations(word, lang) if len(w) > 2)
        food = langdata.FOOD.get(base_language(lang)) if word in _EN_FOOD else None
        for said in withouts:
            after = _next_word(text[said.end():], lang)
            if after and ((wanted and bilingual.says(wanted, after, lang)) or (
                    food and words_pattern(food, lang).search(after))):
                return match.group(0), text[said.start():said.end()] + after
    return None


_EN_FOOD = frozenset({"food", "meal", "meals", "breakfast", "lunch", "dinner", "supper",
                      "snack", "milk"})


def _next_word(text: str, lang: str) -> str:
    """The word after a "without" (a short article or preposition before it skipped: «sans
    le repas», «sin la comida»); in Chinese the next four characters."""
    if base_language(lang) in langdata.GLUED:
        return text[:4]
    words = re.findall(r"[^\W\d_]+", text[:_AFTER_WITHOUT])
    while words and len(words[0]) <= 3 and len(words) > 1:
        words = words[1:]
    return " " + words[0] if words else ""


_EN_UNLESS = re.compile(r"\bunless\b[^,;.:]*", re.I)


def _unless_said_if(source: str, target: str, lang: str) -> str | None:
    """The source's "unless …" where the translation says none of "unless", "only",
    "without" and has no "if" with a negation in its clause («No entre en la piscina si
    hay un fisioterapeuta»: "if" for "unless"), else None."""
    base = base_language(lang)
    said, ifs = langdata.UNLESS_SAID.get(base), langdata.IF_SAID.get(base)
    found = _EN_UNLESS.search(plain(source))
    if found is None or not said or not ifs:
        return None
    text = plain(target)
    without = langdata.WITHOUT.get(base, ())
    if words_pattern((*said, *without), lang).search(text):
        return None
    conditions = list(words_pattern(ifs, lang).finditer(text))
    if not conditions:
        return None         # said another way entirely: the omission check's to ask
    spans = clause_spans(text, lang)
    negated = [bool(inside) for inside in _said(text, lang)]
    # "do not stop unless your doctor tells you to" turned "if your doctor tells you to, do
    # not stop" says the opposite: a negated main clause after a condition stands for the
    # source's "unless" only where the source's own main clause is not negated, or the
    # condition is another (it names nobody the "unless" names)
    sentence = re.split(r"[.;:!?]\s", plain(source)[:found.start()])[-1]
    main_negated = _EN_NEGATION.search(sentence) is not None
    for condition in conditions:
        # a negation in the "if" clause ("if there is no physiotherapist"), or, where the
        # condition comes first, in the clause after it ("but if you have kidney disease, do
        # not take it": "take it unless…")
        at = next((i for i, (start, end) in enumerate(spans) if start <= condition.start() < end),
                  None)
        if at is None:
            continue
        before = text[:condition.start()].rstrip()
        first = not before or _CONDITION_FIRST.search(before) is not None
        # (the condition is the source's where it names whom the "unless" names: the doctor)
        own = main_negated and terms.item_said(found.group(0), text[slice(*spans[at])], lang)
        if negated[at] or (first and not own and any(negated[at + 1:at + 2])):
            return None
    return found.group(0).strip()


# What ends the text before a condition that comes first: the end of a sentence or a
# semicolon, and at most a short "but" or "and" after it («; pero si», «；但如果», «. Et si»);
# not a comma, which Russian writes before every «если».
_CONDITION_FIRST = re.compile(r"[;:；：。.!?！？]\s*(?:[^\W\d_]{1,5}\s*)?$")


@check("negation")
def negation(entry: Entry, scope: Scope) -> Iterator[Finding]:
    """Each negation of the source is kept, clause by clause: a dropped "not" inverts advice."""
    if not langdata.covered("negation", scope.lang):
        return
    for source, target in entry.pairs():
        if (added := without_for_with(source, target, scope.lang)) is not None:
            yield scope.catalog.finding(
                "negation", f"the source says “{added[0]}”, the translation “{added[1]}…”: "
                "without for with?", entry=entry)
            return
        if (unsafe := _safe_said_unsafe(source, target, scope.lang)) is not None:
            yield scope.catalog.finding(
                "negation", f"the source says it is safe, the translation «{unsafe}» (not "
                "safe): a negation added?", entry=entry)
            return
        if (unless := _unless_said_if(source, target, scope.lang)) is not None:
            yield scope.catalog.finding(
                "negation", f"the source says “{unless}”, the translation no “unless”, "
                "“only” or “without”, and its “if” is not negated: a condition turned "
                "round?", entry=entry)
            return
        wanted = negations(source, "en")
        if not wanted:
            continue
        # the source's "no more than" is no negation: nor is the translation's «no más de»;
        # nor its «не дольше» for "at most", «не более» for "up to"
        bounded = _en_limits().search(plain(source)) is not None or _en_any_limit().search(
            plain(source)) is not None
        have = negations(target, scope.lang, bounded) - _fasting_said(
            source, target, scope.lang) - _free_said(source, target, scope.lang)
        # negations said another way: «неиспользуемые», "before" for "without … first"
        # (looked for where the counts agree too: a clause's negation said so, "until no more
        # mist" «пока не прекратится», is none lost there)
        stand_ins = (_participle_negations(source, target, scope.lang)
                     + _said_otherwise(source, target, scope.lang))
        have += stand_ins if have < wanted else 0
        if have < wanted:
            words = langdata.NEGATION[base_language(scope.lang)]
            said = ", ".join(f"“{m.group(0)}”" for m in _EN_NEGATION.finditer(plain(source)))
            yield scope.catalog.finding(
                "negation", f"the source says {said} ({wanted}) but the translation has "
                f"{'no negation' if not have else f'only {have}'} "
                f"({', '.join(words[:6])}…)", entry=entry)
            return
        # "if they are not treated" may be said "without treatment" («а без лечения»)
        if base_language(scope.lang) in langdata.WITHOUT and (
                strict := not_without(source, "en")) > not_without(
                    target, scope.lang, bounded) + (
                    stand_ins) + len(_EN_NOT_PARTICIPLE.findall(plain(source))):
            yield scope.catalog.finding(
                "negation", f"the source says {strict} “not” or “never” but the translation "
                f"says only “without” ({', '.join(langdata.WITHOUT[base_language(scope.lang)])})"
                " for some: is a “not” gone?", entry=entry)
            return
        lost = None if stand_ins else unmatched_clause(source, target, scope.lang, bounded)
        if lost:
            yield scope.catalog.finding(
                "negation", f"the negation of “{lost[0]}” is missing from its part of the "
                f"translation (“{lost[1] or '…'}”)", entry=entry)
            return
