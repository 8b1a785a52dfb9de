"""Syntax: what `msgfmt --check` rejects, reimplemented so one run reports every entry.

Header fields, Plural-Forms (count and expression), leading/trailing newlines and the
c-format, python-format, python-brace-format and javascript-format directives, with
msgfmt's rules: fuzzy and untranslated entries are not checked; plural forms used for
many values of n must keep every argument, the others may drop them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from pipeline.checks import Catalog, Entry, Project, check
from pipeline.model import Finding, Severity

_REQUIRED = (("Project-Id-Version", "PACKAGE VERSION"), ("PO-Revision-Date", "YEAR-MO-DA"),
             ("Last-Translator", "FULL NAME"), ("Language-Team", "LANGUAGE"),
             ("MIME-Version", None), ("Content-Type", "text/plain; charset=CHARSET"),
             ("Content-Transfer-Encoding", "ENCODING"), ("Language", None))
_PLURAL_FORMS = re.compile(r"nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*([^;]+);?\s*$")
_EXPR_TOKEN = re.compile(r"\s*(\d+|n|\|\||&&|==|!=|<=|>=|[<>?:+\-*/%!()])")
_BINARY = {"||": 1, "&&": 2, "==": 3, "!=": 3, "<": 4, ">": 4, "<=": 4, ">=": 4,
           "+": 5, "-": 5, "*": 6, "/": 6, "%": 6}
_OPS: dict[str, Callable[[int, int], int]] = {
    "==": lambda a, b: int(a == b), "!=": lambda a, b: int(a != b),
    "<": lambda a, b: int(a < b), ">": lambda a, b: int(a > b),
    "<=": lambda a, b: int(a <= b), ">=": lambda a, b: int(a >= b),
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
    "/": lambda a, b: a // b, "%": lambda a, b: a % b,
}
Plural = Callable[[int], int]
Spec = tuple[dict[str, str], list[str]]   # named arguments → type, unnamed argument types

_C_DIRECTIVE = re.compile(
    r"%(?:(?P<pct>%)|(?:(?P<pos>[1-9]\d*)\$)?[-+ #0'I]*(?P<width>\*(?:[1-9]\d*\$)?|\d+)?"
    r"(?:\.(?P<prec>\*(?:[1-9]\d*\$)?|\d*))?(?P<len>hh|h|ll|l|L|q|j|z|Z|t)?"
    r"(?P<conv>[diouxXeEfFgGaAcspnCS]))")
_PY_DIRECTIVE = re.compile(
    r"%(?:(?P<pct>%)|(?:\((?P<name>[^)]*)\))?[-+ #0]*(?P<width>\*|\d+)?"
    r"(?:\.(?P<prec>\*|\d*))?[hlL]?(?P<conv>[diouxXeEfFgGcrsa]))")
_JS_DIRECTIVE = re.compile(
    r"%(?:(?P<pct>%)|(?:(?P<pos>[1-9]\d*)\$)?[-+ #0]*(?P<width>\d+)?(?:\.(?P<prec>\d+))?"
    r"(?P<conv>[bcdoxXeEfgsj]))")
_PY_TYPES = dict.fromkeys("diouxX", "int") | dict.fromkeys("eEfFgG", "float") | {
    "c": "char", "r": "any", "s": "any", "a": "any"}


# -- Plural-Forms ---------------------------------------------------------------------------

@lru_cache(maxsize=64)
def compile_plural(expression: str) -> Plural:
    """A gettext (C syntax) plural expression as a function of n; ValueError if malformed."""
    tokens = _EXPR_TOKEN.findall(expression)
    if "".join(tokens) != re.sub(r"\s+", "", expression):
        raise ValueError("unexpected character")
    pos = 0

    def peek() -> str:
        return tokens[pos] if pos < len(tokens) else ""

    def take(expected: str | None = None) -> str:
        nonlocal pos
        token = peek()
        if not token or (expected is not None and token != expected):
            raise ValueError(f"expected {expected or 'more'} at {token or 'end'}")
        pos += 1
        return token

    def atom() -> Plural:
        token = take()
        if token == "(":
            inner = ternary()
            take(")")
            return inner
        if token == "!":
            operand = atom()
            return lambda n: int(not operand(n))
        if token == "n":
            return lambda n: n
        if token.isdigit():
            value = int(token)
            return lambda n: value
        raise ValueError(f"unexpected {token}")

    def binary(level: int) -> Plural:
        left = atom()
        while peek() in _BINARY and _BINARY[peek()] >= level:
            op = take()
            right = binary(_BINARY[op] + 1)
            left = _combine(op, left, right)
        return left

    def ternary() -> Plural:
        condition = binary(1)
        if peek() != "?":
            return condition
        take("?")
        yes = ternary()
        take(":")
        no = ternary()
        return lambda n: yes(n) if condition(n) else no(n)

    result = ternary()
    if pos != len(tokens):
        raise ValueError(f"unexpected {tokens[pos]}")
    return result


def _combine(op: str, left: Plural, right: Plural) -> Plural:
    if op == "&&":
        return lambda n: int(bool(left(n)) and bool(right(n)))
    if op == "||":
        return lambda n: int(bool(left(n)) or bool(right(n)))
    func = _OPS[op]
    return lambda n: func(left(n), right(n))


@lru_cache(maxsize=64)
def plural_distribution(header: str) -> tuple[int, tuple[bool, ...] | None, str]:
    """(nplurals, forms used for ≥5 values of n in 0..1000, problem) from Plural-Forms."""
    found = _PLURAL_FORMS.match(header.strip())
    if not found:
        return 0, None, "invalid Plural-Forms; expected 'nplurals=N; plural=EXPRESSION;'"
    nplurals = int(found.group(1))
    if nplurals < 1:
        return 0, None, "nplurals must be at least 1"
    try:
        plural = compile_plural(found.group(2))
        counts = [0] * nplurals
        for n in range(1001):
            value = plural(n)
            if not 0 <= value < nplurals:
                return nplurals, None, (f"nplurals={nplurals}, but the plural expression "
                                        f"gives {value} for n={n}")
            counts[value] += 1
    except ValueError as exc:
        return nplurals, None, f"invalid plural expression: {exc}"
    except ZeroDivisionError:
        return nplurals, None, "the plural expression can divide by zero"
    return nplurals, tuple(c >= 5 for c in counts), ""


# -- format strings -------------------------------------------------------------------------

def _scan(text: str, pattern: re.Pattern[str]) -> list[re.Match[str]] | None:
    """Every directive; None when a % starts something that is not one (invalid string)."""
    found = []
    pos = 0
    while (start := text.find("%", pos)) >= 0:
        match = pattern.match(text, start)
        if match is None:
            return None
        if not match.group("pct"):
            found.append(match)
        pos = match.end()
    return found


def _numbered(text: str, pattern: re.Pattern[str]) -> Spec | None:
    """C/JavaScript directives as argument types by position (None if invalid)."""
    directives = _scan(text, pattern)
    if directives is None:
        return None
    args: dict[int, str] = {}
    positional = None
    next_arg = 1
    for d in directives:
        numbered = d.group("pos") is not None
        if positional is not None and positional != numbered:
            return None
        positional = numbered
        for star in (d.groupdict().get("width"), d.groupdict().get("prec")):
            if star and star.startswith("*"):
                if numbered != star.endswith("$"):
                    return None
                index = int(star[1:-1]) if numbered else next_arg
                next_arg += 0 if numbered else 1
                if args.setdefault(index, "int") != "int":
                    return None
        index = int(d.group("pos")) if numbered else next_arg
        next_arg += 0 if numbered else 1
        kind = (d.groupdict().get("len") or "") + _c_class(d.group("conv"))
        if args.setdefault(index, kind) != kind:
            return None
    if args and sorted(args) != list(range(1, max(args) + 1)):
        return None
    return {}, [args[i] for i in sorted(args)]


def _c_class(conv: str) -> str:
    if conv in "di":
        return "int"
    if conv in "ouxXb":
        return "unsigned"
    if conv in "eEfFgGaA":
        return "float"
    return {"c": "char", "C": "wchar", "s": "string", "S": "wstring", "p": "pointer",
            "n": "count", "j": "json"}[conv]


def _python(text: str) -> Spec | None:
    directives = _scan(text, _PY_DIRECTIVE)
    if directives is None:
        return None
    named: dict[str, str] = {}
    unnamed: list[str] = []
    for d in directives:
        kind = _PY_TYPES[d.group("conv")]
        if d.group("name") is not None:
            if d.group("width") == "*" or d.group("prec") == "*":
                return None
            if named.setdefault(d.group("name"), kind) != kind:
                return None
        else:
            unnamed.extend("int" for star in (d.group("width"), d.group("prec")) if star == "*")
            unnamed.append(kind)
    if named and unnamed:
        return None
    return named, unnamed


def _brace(text: str) -> Spec | None:
    named: dict[str, str] = {}
    i, size = 0, len(text)
    while i < size:
        ch = text[i]
        if ch in "{}" and text.startswith(ch * 2, i):
            i += 2
            continue
        if ch == "}":
            return None
        if ch == "{":
            depth, j = 1, i + 1
            while j < size and depth:
                depth += {"{": 1, "}": -1}.get(text[j], 0)
                j += 1
            if depth:
                return None
            field = re.match(r"[^.\[!:}]*", text[i + 1:j - 1])
            named[field.group(0) if field else ""] = "any"
            i = j
            continue
        i += 1
    return named, []


_PARSERS: dict[str, tuple[str, Callable[[str], Spec | None]]] = {
    "c-format": ("C", lambda t: _numbered(t, _C_DIRECTIVE)),
    "possible-c-format": ("C", lambda t: _numbered(t, _C_DIRECTIVE)),
    "python-format": ("Python", _python),
    "python-brace-format": ("Python brace", _brace),
    "javascript-format": ("JavaScript", lambda t: _numbered(t, _JS_DIRECTIVE)),
}


def compare_formats(flag: str, source: Spec, target: Spec, *, strict: bool, where: str,
                    ) -> str:
    """msgfmt's rule for one directive set against another; '' when they agree."""
    (names1, args1), (names2, args2) = source, target
    loose = flag in ("python-format",) and not strict
    if names1 and args2:
        return f"'msgid' expects named arguments, {where} unnamed ones"
    if args1 and names2:
        return f"'msgid' expects unnamed arguments, {where} named ones"
    for name in sorted(names2):
        if name not in names1:
            return f"argument '{name}' in {where} does not exist in 'msgid'"
    for name in sorted(names1):
        if name not in names2:
            if strict:
                return f"argument '{name}' of 'msgid' is missing in {where}"
        elif names1[name] != names2[name] and not (loose and "any" in (names1[name],
                                                                         names2[name])):
            return f"argument '{name}' has a different type in {where}"
    count_differs = len(args1) != len(args2) if (strict or flag == "python-format") \
        else len(args2) > len(args1)
    if count_differs:
        return f"number of format directives in 'msgid' and {where} differs"
    for index, (a, b) in enumerate(zip(args1, args2, strict=False), 1):
        if a != b and not (loose and "any" in (a, b)):
            return f"format directive for argument {index} differs in {where}"
    return ""


def _format_problems(entry: Entry, often: tuple[bool, ...] | None) -> Iterator[str]:
    for flag in sorted(entry.flags & _PARSERS.keys()):
        if f"no-{flag}" in entry.flags:
            continue
        label, parse = _PARSERS[flag]
        forms = entry.msgstr_plural if entry.msgid_plural else (entry.msgstr,)
        source = parse(entry.msgid_plural or entry.msgid)
        if source is None:
            continue
        for index, text in enumerate(forms):
            where = f"'msgstr[{index}]'" if entry.msgid_plural else "'msgstr'"
            target = parse(text)
            if target is None:
                yield f"{where} is not a valid {label} format string, unlike 'msgid'"
                continue
            strict = (not entry.msgid_plural or len(forms) == 1
                      or (often is not None and index < len(often) and often[index]))
            problem = compare_formats(flag, source, target, strict=strict, where=where)
            if problem:
                yield f"{flag}: {problem}"


def _newline_problems(entry: Entry) -> Iterator[str]:
    sources = (entry.msgid, entry.msgid_plural) if entry.msgid_plural else (entry.msgid,)
    targets = entry.msgstr_plural if entry.msgid_plural else (entry.msgstr,)
    names = ["msgid_plural"] * (len(sources) > 1) + [
        f"msgstr[{i}]" if entry.msgid_plural else "msgstr" for i in range(len(targets))]
    for text, name in zip((*sources[1:], *targets), names, strict=True):
        for test, where in ((str.startswith, "begin"), (str.endswith, "end")):
            if test(text, "\n") != test(entry.msgid, "\n"):
                yield f"'msgid' and '{name}' do not both {where} with a newline"


@check("syntax", scope="catalog")
def syntax(catalog: Catalog, project: Project) -> Iterator[Finding]:
    """What `msgfmt --check` rejects: header, plural forms, newlines, format directives."""
    meta = catalog.metadata
    for name, default in _REQUIRED:
        value = meta.get(name)
        problem = ("missing in the header" if value is None else
                   "still has its template value" if default and value.startswith(default)
                   else "")
        if problem:
            yield catalog.finding("syntax", f"header field '{name}' {problem}",
                                  line=catalog.header_line, severity=Severity.WARNING)
    plural_entries = [e for e in catalog.live() if e.msgid_plural]
    nplurals, often = 2, None
    if "Plural-Forms" in meta:
        nplurals, often, problem = plural_distribution(meta["Plural-Forms"])
        if problem:
            yield catalog.finding("syntax", problem, line=catalog.header_line)
    elif plural_entries:
        yield catalog.finding("syntax", "plural entries but no Plural-Forms in the header "
                              "(msgfmt assumes nplurals=2)", line=catalog.header_line,
                              severity=Severity.WARNING)
    checked = [e for e in catalog.live() if e.translated and not e.fuzzy]
    if any(e.msgid_plural and len(e.msgstr_plural) != nplurals for e in checked):
        often = None    # as msgfmt: no distribution, so plural forms are checked leniently
    for entry in checked:
        if entry.msgid_plural and nplurals and len(entry.msgstr_plural) != nplurals:
            yield catalog.finding("syntax", f"{len(entry.msgstr_plural)} plural forms, but "
                                  f"Plural-Forms says nplurals={nplurals}", entry=entry)
        for problem in (*_newline_problems(entry), *_format_problems(entry, often)):
            yield catalog.finding("syntax", problem, entry=entry)
