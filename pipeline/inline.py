"""Inline Markdown that is never translated, defined once for every stage.

Code spans, autolinks, bare URLs, e-mail addresses and link targets: segmentation never splits
them, masking protects them, the glossary does not match inside them, the checks compare them
and exclude them from the words they count. Each is a pattern source (to compose, one use per
regex: the code span names its groups) and a compiled pattern.
"""

from __future__ import annotations

import re

# A code span: a run of backticks, its text, the same run (CommonMark); groups ticks, code_text.
CODE_SPAN_SRC = r"(?P<ticks>`+)(?P<code_text>.+?)(?P=ticks)"
# An autolink: <scheme:...> with a CommonMark scheme (2-32 characters) or <address@host>.
AUTOLINK_SRC = (r"<(?P<autolink>[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*"
                r"|[\w.!#$%&'*+/=?^{|}~-]+@[\w-]+(?:\.[\w-]+)+)>")
# A bare URL; its last character is not sentence punctuation, a quote or a closing bracket.
URL_SRC = r"\b(?:https?://|ftp://|www\.)[^\s<>()]*[^\s<>().,;:!?'\"\]]"
# An e-mail address, in ASCII: «或发送电子邮件至pals@hospital.nhs.uk，» has no Chinese in it.
EMAIL_SRC = (r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
             r"(?![A-Za-z0-9-])")
# A link's or image's destination and title, after the closing bracket of its text.
LINK_TARGET_SRC = r"\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)"
# A whole inline link or image; groups bang ("!" for an image) and target (the destination).
LINK_SRC = (r"(?P<bang>!?)\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?(?P<target>[^)\s>]*)>?"
            r"(?:\s+\"[^\"]*\")?\s*\)")

CODE_SPAN = re.compile(CODE_SPAN_SRC, re.S)
AUTOLINK = re.compile(AUTOLINK_SRC)
URL = re.compile(URL_SRC)
EMAIL = re.compile(EMAIL_SRC)
LINK_TARGET = re.compile(LINK_TARGET_SRC)
LINK = re.compile(LINK_SRC)
# Everything above that carries no translatable words (a link's text does carry words).
NOT_TEXT = re.compile("|".join((CODE_SPAN_SRC, r"\]" + LINK_TARGET_SRC, AUTOLINK_SRC,
                                URL_SRC, EMAIL_SRC)), re.S)
# A cheap test that a text may hold any of it (most segments hold none).
HINT = re.compile(r"[`<\]]|https?:|ftp:|www\.|@")


def not_text(text: str) -> str:
    """`text` with code spans, link targets, autolinks, URLs and e-mail addresses replaced by
    spaces."""
    return NOT_TEXT.sub(" ", text) if HINT.search(text) else text
