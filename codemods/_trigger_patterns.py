"""Pieces of the regular expressions that the codemods' triggers are built from (see ``Codemod.is_triggered_by``).
A trigger may match where its codemod then does nothing, never the other way round; each piece is written so
that a failed match cannot backtrack exponentially (Python before 3.11 has no possessive quantifiers)."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Dict

# Triggers: what may stand between the tokens of a name or an import (spaces, newlines, a backslash, comments;
# each piece is told apart by its first character, so a failed match does not backtrack through them), the `.` of
# a name (also after a parenthesized head: `(tf).log`), and what `tf` or `tf.compat.v1` is imported as.
GAP = r"(?:\s|\\|#[^\r\n]*[\r\n])*"
DOT = rf"(?:{GAP}\))*{GAP}\.{GAP}"
TENSORFLOW = r"(?:tensorflow|v[12])"
ALIASES = 3  # alias imports (`import tensorflow as tf`) a trigger follows one by one
# A one-word string with an escape or a line continuation in it, which may spell a name the text does not show.
STRING_ESCAPE = r"[\"']\w*\\[0-7xuUN\r\n]"


def called(names: str) -> str:
    """A regex for a call of one of ``names`` (a regex), also of a bracketed one: `(f)(...)` calls f too."""
    return rf"(?:{names})(?:{GAP}\))*{GAP}\("


def alias_use(modules: str, names: str) -> str:
    """A regex for ``<alias>.<name>`` where an import binds the alias with ``<module> as <alias>``, before or after
    the use; ``modules`` and ``names`` are regexes. The first ALIASES distinct aliases are looked for one after
    the other in a lookahead, which is not tried again once it matched (so the file is scanned once, not once per
    `x.shape`); a file with a further alias import (`more`) matches without a look at its uses."""
    alias, captured, other = rf"\b{modules}{GAP}as\b{GAP}", "", ""
    for n in range(ALIASES):
        captured += rf"(?:[\s\S]*?{alias}{other}(?P<a{n}>\w+)"
        other += rf"(?!(?P=a{n})\b)"
    captured += rf"(?P<more>[\s\S]*?{alias}{other}\w)?" + ")?" * (ALIASES - 1) + ")"
    used = "|".join(rf"(?P=a{n})" for n in range(ALIASES))
    return rf"\A(?={captured})(?(more)|(?=[\s\S]*?\b(?:{used}){DOT}{names}))"


def imported_name(names: str) -> str:
    """A regex for one of ``names`` (a regex) imported by name: ``from m import (a, name as b)``."""
    return rf"(?:import|[,(]){GAP}{names}(?=[^\S\r\n]*(?:as\b|[,);#\\\r\n]|\Z))"


def trie(tails: Dict[str, str]) -> str:
    """A regex for each ``word`` followed by ``tails[word]``, branching one character at a time: a long list of
    words is rejected at the first character that fits none."""
    groups: Dict[str, Dict[str, str]] = defaultdict(dict)
    for word, tail in tails.items():
        groups[word[:1]][word[1:]] = tail
    ended = groups.pop("", {})
    branches = [re.escape(first) + trie(rest) for first, rest in sorted(groups.items())] + list(ended.values())
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
