"""Hunks for per-hunk review, on difflib alone.

A file's changes are difflib's change opcodes (replace / delete / insert) between the old and new lines. A hunk
is a run of those opcodes shown together with context; accepting a hunk accepts its opcodes. The reviewed file
is rebuilt from the original plus the accepted opcodes, so there is no patching and nothing can be rejected.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import AbstractSet, List, Sequence, Tuple

from tf2migrate.diffs import NO_NEWLINE_MARKER

Opcode = Tuple[str, int, int, int, int]


@dataclass(frozen=True)
class Hunk:
    changes: Tuple[int, ...]  # indices into the file's opcode list (change opcodes only)
    lines: Tuple[str, ...]  # the hunk as unified-diff lines, header first, without line endings

    @property
    def can_split(self) -> bool:
        return len(self.changes) > 1


class FileChanges:
    def __init__(self, old_text: str, new_text: str, context: int = 3) -> None:
        self.old = old_text.splitlines(keepends=True)
        self.new = new_text.splitlines(keepends=True)
        self.context = context
        self.opcodes: List[Opcode] = SequenceMatcher(None, self.old, self.new, autojunk=False).get_opcodes()

    def hunks(self) -> List[Hunk]:
        """Changes closer than two contexts' worth of lines share a hunk, as in ``diff -U3``."""
        groups: List[List[int]] = []
        for index, (tag, i1, i2, _, _) in enumerate(self.opcodes):
            if tag == "equal":
                continue
            if groups:
                gap = i1 - self.opcodes[groups[-1][-1]][2]
                if gap <= 2 * self.context:
                    groups[-1].append(index)
                    continue
            groups.append([index])
        return [self._hunk(group) for group in groups]

    def split(self, hunk: Hunk) -> List[Hunk]:
        """git's ``s``: one hunk per change, each with its own context."""
        return [self._hunk([index]) for index in hunk.changes] if hunk.can_split else [hunk]

    def rebuild(self, accepted: AbstractSet[int]) -> str:
        out: List[str] = []
        for index, (tag, i1, i2, j1, j2) in enumerate(self.opcodes):
            out.extend(self.new[j1:j2] if tag != "equal" and index in accepted else self.old[i1:i2])
        return "".join(out)

    def _hunk(self, changes: Sequence[int]) -> Hunk:
        first, last = self.opcodes[changes[0]], self.opcodes[changes[-1]]
        old_start = max(first[1] - self.context, 0)
        old_end = min(last[2] + self.context, len(self.old))
        new_start = first[3] - (first[1] - old_start)
        body: List[str] = []
        position = old_start
        for index in changes:
            tag, i1, i2, j1, j2 = self.opcodes[index]
            body.extend(_prefixed(" ", self.old[position:i1]))
            body.extend(_prefixed("-", self.old[i1:i2]))
            body.extend(_prefixed("+", self.new[j1:j2]))
            position = i2
        body.extend(_prefixed(" ", self.old[position:old_end]))
        old_count = old_end - old_start
        new_count = sum(1 for line in body if line[:1] in " +")
        header = f"@@ -{_range(old_start, old_count)} +{_range(new_start, new_count)} @@"
        return Hunk(tuple(changes), (header, *body))


def _prefixed(prefix: str, lines: Sequence[str]) -> List[str]:
    out: List[str] = []
    for line in lines:
        out.append(prefix + line.rstrip("\n"))
        if not line.endswith("\n"):
            out.append(NO_NEWLINE_MARKER)
    return out


def _range(start: int, count: int) -> str:
    return f"{start + 1 if count else start},{count}"
