"""Word-level differences between two texts, for the werkversie diff and the change history.

Both texts are split into words and the whitespace between them; what was removed is wrapped in <del>,
what was added in <ins>. Every piece of text is escaped before it is wrapped, so the result is safe to
show whatever the texts hold. Line breaks become <br>, so lists (one entry per line) stay readable.
"""

import re
from difflib import SequenceMatcher

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_TOKENS = re.compile(r"\s+|[^\s]+")


def _tokens(text):
    return _TOKENS.findall(text or "")


def _html(tokens):
    return escape("".join(tokens)).replace("\n", "<br>")


def word_diff(old: str, new: str) -> SafeString:
    """The new text with removed words in <del> and added words in <ins>; unchanged words as they are."""
    before, after = _tokens(old), _tokens(new)
    parts = []
    matcher = SequenceMatcher(a=before, b=after, autojunk=False)
    for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if operation == "equal":
            parts.append(_html(after[b_start:b_end]))
            continue
        if a_end > a_start:
            parts.append(f"<del>{_html(before[a_start:a_end])}</del>")
        if b_end > b_start:
            parts.append(f"<ins>{_html(after[b_start:b_end])}</ins>")
    return mark_safe("".join(parts))
