"""What the project's own approved translations say about which words translate which.

A `Corpus` holds the approved entries of one language across the project. From them it
learns, by counting, which target words come with which English words (the Dice
coefficient of the entries they appear in: 2·both / (English + target)). An entry is always
judged with itself left out, so a sentence pasted into the wrong entry cannot vouch for
itself. No model, no download: the evidence is the translators' own work, and it grows
with the project.

`coverage` asks, for each English word the corpus has learned a translation of, whether
that translation is in the target; names and codes written in Latin letters count the
same way. `evidence` asks it both ways: also, for each target word the corpus firmly pairs
with an English word (see `claims`), whether that English word is in the source. The
`substitution` and `omission` checks read them.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache

from pipeline import langdata
from pipeline.checks import plain
from pipeline.languages import base_language

_EN_WORD = re.compile(r"[a-z]+")
_WORD = re.compile(r"[^\W\d_]+")
_HAN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]+")
# Names, acronyms and codes: a capital or a digit inside a Latin word (CAR-T, ICANS, REF-2027).
_ANCHOR = re.compile(r"(?<![\w-])(?=[\w-]*[A-Za-z])(?:(?=[\w-]*\d)|(?=[\w-]*[A-Z][\w-]*[A-Z])|"
                     r"(?<=[^\W\d_] )(?=[A-Z]))[A-Za-z0-9][\w-]*[A-Za-z0-9]")
_NOT_TEXT = re.compile(r"[\W_]+")
_ENDINGS = ("ing", "ed", "es", "s", "ly")
# A plural s and a final vowel, cut before a stem is taken (accents are folded by then).
_ENDING = re.compile(r"(?:[aeiouyаеиоуыэюяь]?s|[aeiouyаеиоуыэюяйь])$")
STRONG = 0.4        # a word's best Dice score at which the corpus "knows" its translation
MIN_RATED = 20      # entries with known words needed to measure the found rate…
DEFAULT_RATE = 0.7  # …else this one (what the sample's three languages show: 0.73 to 0.77)
NEAR = 0.6          # other target words within this share of the best also count as found
# A target word "claims" an English word (the way back) only on firmer evidence than the way
# there: translators add words, and characters of Chinese pair with much by chance.
CLAIM = 0.6         # Dice score at which a target word claims an English word…
CLAIM_SEEN = 3      # …seen together in at least this many entries, each other's translation
DISPERSION_SAMPLE = 2000   # corpus entries the spread of evidence is measured on, at most


@dataclass(frozen=True, slots=True)
class Coverage:
    """How much of a source the corpus can see in a translation: known items, found ones."""

    known: int
    found: int
    missing: tuple[str, ...] = ()
    unwanted: tuple[str, ...] = ()    # English the target's words claim, absent from the source

    @property
    def share(self) -> float:
        return self.found / self.known if self.known else 1.0


def normal(text: str) -> str:
    """A translation reduced to its letters and digits, to compare two for sameness."""
    return _NOT_TEXT.sub(" ", plain(text).casefold()).strip()


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Case, accents and vowel marks folded away (ё → е, يوميًا → يوميا); ñ is a letter of
    its own («uñas», nails, are no «unas», some). Remembered: several checks fold one text."""
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", text).casefold())
    if decomposed.isascii():
        return decomposed   # no mark to drop
    if "\u0303" in decomposed:
        decomposed = decomposed.replace("n\u0303", "ñ")
    return _NOT_ASCII.sub(_unmarked, decomposed)


_NOT_ASCII = re.compile(r"[^\x00-\x7f]")    # an ASCII character is never a combining mark


def _unmarked(found: re.Match[str]) -> str:
    return "" if unicodedata.combining(found.group()) else found.group()


@lru_cache(maxsize=65536)
def english_words(text: str) -> frozenset[str]:
    """Content words of an English source, crudely stemmed ("checks", "checking" → "check")."""
    stop = langdata.FUNCTION_WORDS["en"]
    found = set()
    for word in _EN_WORD.findall(plain(text).lower()):
        if len(word) < 3 or word in stop:
            continue
        for ending in _ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 4:
                word = word[:-len(ending)]
                break
        found.add(word[:6])
    return frozenset(found)


@lru_cache(maxsize=65536)
def target_words(text: str, lang: str) -> frozenset[str]:
    """Features of a translation: word stems, or character pairs where words are not spaced."""
    base = base_language(lang)
    text = plain(text)
    found: set[str] = set()
    if base in langdata.GLUED:
        for run in _HAN.findall(text):
            found.update(run[i:i + 2] for i in range(len(run) - 1))
            found.update(run)
    clitics = langdata.PREFIXES.get(base, "")
    articles = langdata.ARTICLES.get(base, ())
    size = 4 if articles else 5
    for word in _WORD.findall(fold(_HAN.sub(" ", text) if base in langdata.GLUED else text)):
        if clitics and len(word) > 4 and word[0] in clitics:
            word = word[1:]
        for article in articles:
            if word.startswith(article) and len(word) > len(article) + 2:
                word = word[len(article):]
        if not articles and len(word) > 4:      # mucho, mucha, muchas; доза, дозу, дозы
            word = _ENDING.sub("", word)
        if len(word) >= 2:
            found.add(word[:size])
    return frozenset(found)


def anchors(text: str) -> frozenset[str]:
    """Names, acronyms and codes of a text: written the same in every language (numbers are
    the numbers check's: "24 hours" may rightly be "круглосуточно")."""
    return frozenset(m.group(0).lower() for m in _ANCHOR.finditer(plain(text))
                     if not m.group(0).isdigit())


def _target_anchors(text: str, lang: str) -> frozenset[str]:
    from pipeline.checks.numbers import values

    words = {w.lower() for w in re.findall(r"[A-Za-z0-9][\w-]*", plain(text))}
    parts = {p for w in words for p in re.split(r"[-_]", w) if p}
    numbers = {f"{v.normalize():f}" for _, options in values(text, lang) for v in options}
    return frozenset(words | parts | numbers)


@dataclass(frozen=True, eq=False)
class Corpus:
    """The approved (msgid, msgstr) pairs of one language, all documents of the project.

    Compared and hashed as an object, not by its pairs (`corpus_of` gives one object per set
    of pairs): what is remembered per corpus (`bilingual.found_rate`) costs no pass over them."""

    lang: str
    pairs: tuple[tuple[str, str], ...]

    @cached_property
    def _features(self) -> list[tuple[str, frozenset[str], frozenset[str]]]:
        return [(msgid, english_words(msgid), target_words(msgstr, self.lang))
                for msgid, msgstr in self.pairs]

    @cached_property
    def _counts(self) -> tuple[Counter[str], Counter[str], dict[str, Counter[str]]]:
        english: Counter[str] = Counter()
        target: Counter[str] = Counter()
        both: dict[str, Counter[str]] = defaultdict(Counter)
        for _, words, features in self._features:
            english.update(words)
            target.update(features)
            for word in words:
                both[word].update(features)
        return english, target, both

    @cached_property
    def _by_msgid(self) -> dict[str, list[tuple[frozenset[str], frozenset[str]]]]:
        found: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = defaultdict(list)
        for msgid, words, features in self._features:
            found[msgid].append((words, features))
        return found

    @cached_property
    def _by_translation(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = defaultdict(list)
        for msgid, msgstr in self.pairs:
            if normal(msgstr):
                found[normal(msgstr)].append(msgid)
        return found

    @cached_property
    def _length_ratio(self) -> float | None:
        ratios = sorted(len(plain(t)) / len(plain(s)) for s, t in self.pairs
                        if len(plain(s)) >= 60 and t)
        return ratios[len(ratios) // 2] if len(ratios) >= 30 else None

    def length_ratio(self) -> float | None:
        """The median length of a translation relative to its source (30 long entries up)."""
        return self._length_ratio

    @cached_property
    def _found_rate(self) -> float:
        seen = [self.coverage(s, t) for s, t in self.pairs]
        shares = [c.share for c in seen if c.known]
        return sum(shares) / len(shares) if len(shares) >= MIN_RATED else DEFAULT_RATE

    def found_rate(self) -> float:
        """The share of known words a real translation here has (mean over the corpus, each
        entry left out; DEFAULT_RATE below MIN_RATED entries with known words)."""
        return self._found_rate

    @cached_property
    def _inverse(self) -> dict[str, dict[str, int]]:
        """For each target feature, the English words it may claim (full-corpus Dice at
        half of CLAIM or more, seen together CLAIM_SEEN times): candidates for `claims`."""
        english, target, both = self._counts
        found: dict[str, dict[str, int]] = defaultdict(dict)
        for word, row in both.items():
            for feature, count in row.items():
                if count >= CLAIM_SEEN and 2 * count / (english[word] + target[feature]) \
                        >= CLAIM / 2:
                    found[feature][word] = count
        return found

    def claims(self, feature: str, leave_out: str) -> set[str]:
        """English words that target `feature` stands for (entry `leave_out` left out): Dice
        CLAIM or more, seen together CLAIM_SEEN times, and the feature among the word's own
        translations in the whole corpus (each is the other's translation)."""
        candidates = self._inverse.get(feature)
        if not candidates:
            return set()
        english, target, _ = self._counts
        own = self._by_msgid.get(leave_out, ())
        seen = target[feature] - sum(feature in f for _, f in own)
        scores = {}
        for word, count in candidates.items():
            shared = count - sum(word in w and feature in f for w, f in own)
            if shared >= CLAIM_SEEN:
                total = english[word] - sum(word in w for w, _ in own)
                scores[word] = 2 * shared / (seen + total)
        best = max(scores.values(), default=0.0)
        if best < CLAIM:
            return set()
        return {w for w, score in scores.items()
                if score >= NEAR * best and feature in self._translated(w)}

    def _translated(self, word: str) -> set[str]:
        """`translations` of `word` over the whole corpus, remembered (a claim itself is
        measured with its entry left out; this only asks whether the pairing is mutual)."""
        found = self._full.get(word)
        if found is None:
            found = self._full[word] = self.translations(word, "")
        return found

    @cached_property
    def _full(self) -> dict[str, set[str]]:
        return {}

    def evidence(self, source: str, target: str, *, leave_out: str | None = None
                 ) -> Coverage:
        """`coverage` both ways: the source's known words and anchors found in the target,
        and the English words the target's words claim found in the source."""
        leave = source if leave_out is None else leave_out
        key = ("evidence", source, target, leave)
        if key in self._seen:
            return self._seen[key]
        there = self.coverage(source, target, leave_out=leave)
        words = english_words(source)
        claimed = {w for f in sorted(target_words(target, self.lang))
                   for w in self.claims(f, leave)}
        found = self._seen[key] = Coverage(
            there.known + len(claimed), there.found + len(claimed & words), there.missing,
            tuple(sorted(claimed - words)))
        return found

    @cached_property
    def _seen(self) -> dict[tuple[str, str, str, str], Coverage]:
        """Coverage and evidence already measured: the corpus's rates and the entry checks
        ask about the same entries."""
        return {}

    @cached_property
    def _dispersion(self) -> tuple[float, float]:
        seen: list[tuple[int, int]] = []
        step = max(1, len(self.pairs) // DISPERSION_SAMPLE)
        for source, target in self.pairs[::step]:
            got = self.evidence(source, target)
            if got.known:
                seen.append((got.found, got.known))
        return dispersion(seen) if len(seen) >= MIN_RATED else (DEFAULT_RATE, 0.0)

    def dispersion(self) -> tuple[float, float]:
        """(mean, overdispersion ρ) of `evidence`'s found share over the corpus, each entry
        left out: how much one translation differs from the next in how literal it is."""
        return self._dispersion

    @cached_property
    def _vocabulary(self) -> tuple[Counter[str], dict[str, Counter[str]], list[str]]:
        every: Counter[str] = Counter()
        by_msgid: dict[str, Counter[str]] = defaultdict(Counter)
        for msgid, msgstr in self.pairs:
            words = _WORD.findall(fold(plain(msgstr)))
            every.update(words)
            by_msgid[msgid].update(words)
        return every, by_msgid, sorted(every)

    @cached_property
    def _spellings(self) -> tuple[Counter[str], Counter[str], dict[str, list[frozenset[str]]]]:
        """Entries whose English has each lower-case word, entries whose translation has it
        (case folded), and each msgid's translations' words (to leave an entry out)."""
        english: Counter[str] = Counter()
        target: Counter[str] = Counter()
        by_msgid: dict[str, list[frozenset[str]]] = defaultdict(list)
        for msgid, msgstr in self.pairs:
            english.update(set(_EN_WORD.findall(plain(msgid))))
            words = frozenset(w.casefold() for w in _WORD.findall(plain(msgstr)))
            target.update(words)
            by_msgid[msgid].append(words)
        return english, target, by_msgid

    def never_written(self, word: str, leave_out: str) -> int:
        """How many English sources (entry `leave_out` left out) have the lower-case `word`
        where no approved translation has it at all: the project's translators always write
        it otherwise ("about", "trials" in French). 0 where a translation has it."""
        if self.writes(word, leave_out):
            return 0
        english, _, by_msgid = self._spellings
        own = by_msgid.get(leave_out, ())
        return english[word] - (len(own) if word in _EN_WORD.findall(plain(leave_out)) else 0)

    def writes(self, word: str, leave_out: str) -> bool:
        """Has an approved translation (entry `leave_out` left out) the lower-case `word`?"""
        _, target, by_msgid = self._spellings
        return target[word] > sum(word in words for words in by_msgid.get(leave_out, ()))

    def completes(self, word: str, leave_out: str) -> str:
        """A longer word of the approved translations (entry `leave_out` left out) that
        starts with `word`, where `word` itself is never written whole in them: the word is
        likely a fragment ("созна" of "сознания"). "" otherwise."""
        every, by_msgid, ordered = self._vocabulary
        own = by_msgid.get(leave_out, Counter())
        word = fold(word)
        if every[word] > own[word]:
            return ""
        at = bisect_right(ordered, word)
        while at < len(ordered) and ordered[at].startswith(word):
            if every[ordered[at]] > own[ordered[at]]:
                return ordered[at]
            at += 1
        return ""

    def owners(self, msgstr: str) -> list[str]:
        """The msgids whose approved translation is, letters and digits, this one."""
        return list(dict.fromkeys(self._by_translation.get(normal(msgstr), ())))

    def translations(self, word: str, leave_out: str) -> set[str]:
        """Target features the corpus (without entry `leave_out`) pairs with English `word`."""
        english, target, both = self._counts
        own = self._by_msgid.get(leave_out, ())
        mine = [f for w, f in own if word in w]      # the left-out entries that have the word
        seen = english[word] - len(mine)
        if seen < 1:
            return set()
        row = both[word]
        if own:   # the counts without the left-out entries (looked up once, not per feature)
            with_word = Counter(f for features in mine for f in features)
            in_own = Counter(f for _, features in own for f in features)
            scores = {}
            for feature, count in row.items():
                shared = count - with_word[feature]
                if shared > 0:
                    scores[feature] = 2 * shared / (seen + target[feature] - in_own[feature])
        else:
            scores = {feature: 2 * count / (seen + target[feature])
                      for feature, count in row.items()}
        best = max(scores.values(), default=0.0)
        if best < STRONG:
            return set()
        return {f for f, score in scores.items() if score >= NEAR * best}

    def coverage(self, source: str, target: str, *, leave_out: str | None = None
                 ) -> Coverage:
        """Known source words and anchors, and how many the target has (entry left out)."""
        leave = source if leave_out is None else leave_out
        key = ("coverage", source, target, leave)
        if key in self._seen:
            return self._seen[key]
        features = target_words(target, self.lang)
        known = found = 0
        missing = []
        for word in sorted(english_words(source)):
            wanted = self.translations(word, leave)
            if wanted:
                known += 1
                if wanted & features:
                    found += 1
                else:
                    missing.append(word)
        have = _target_anchors(target, self.lang)
        for anchor in sorted(anchors(source)):
            known += 1
            if anchor in have or all(p in have for p in re.split(r"[-_]", anchor) if p):
                found += 1
            else:
                missing.append(anchor)
        result = self._seen[key] = Coverage(known, found, tuple(missing))
        return result


def dispersion(seen: list[tuple[int, int]]) -> tuple[float, float]:
    """Beta-binomial (mean, ρ) of (found, known) counts by the method of moments: ρ is the
    share of the variance that comes from translations differing as a whole (0: binomial)."""
    found, known = sum(x for x, _ in seen), sum(n for _, n in seen)
    mean = min(max(found / known, 0.01), 0.99)
    pairs = sum(n * (n - 1) for _, n in seen)
    excess = sum((x - n * mean) ** 2 - n * mean * (1 - mean) for x, n in seen)
    rho = excess / (mean * (1 - mean) * pairs) if pairs else 0.0
    return mean, min(max(rho, 0.0), 0.9)


def corpus_of(entries: list[tuple[str, str]], lang: str) -> Corpus:
    """A corpus of approved (msgid, msgstr) pairs, in a stable order.

    The same pairs give the same corpus object for the life of the process, with what it
    has learnt and measured: the review app and repeated in-process checks of unchanged
    catalogs do not learn the corpus again (it is a pure function of the pairs)."""
    return _corpus(lang, tuple(sorted(set(entries))))


@lru_cache(maxsize=8)
def _corpus(lang: str, pairs: tuple[tuple[str, str], ...]) -> Corpus:
    return Corpus(lang=lang, pairs=pairs)
