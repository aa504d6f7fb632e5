"""Editing a call's argument list without breaking its layout (shared by optimizer-lr-to-learning-rate and
fit-generator-to-fit).

A call's commas belong to slots, not to arguments: the last argument's comma is the call's trailing comma (with
the indentation of the closing parenthesis in a multi-line call). :class:`ArgumentList` keeps the comma of every
argument that stays in the middle, gives the new last argument the original trailing comma, and gives moved or
new arguments a separator copied from the call itself.
"""

from __future__ import annotations

from typing import List, Optional, Sequence, Tuple, Union

import libcst as cst
from codemods._arguments import keyword



def as_keyword(arg: cst.Arg, name: str) -> cst.Arg:
    """``arg`` (positional or keyword) passed as ``name=``, keeping its value and comma."""
    return keyword(name, arg.value).with_changes(comma=arg.comma)


def keyword_name(arg: cst.Arg) -> Optional[str]:
    return arg.keyword.value if arg.keyword is not None else None


def is_positional(arg: cst.Arg) -> bool:
    return arg.keyword is None and arg.star == ""


def has_star_arguments(call: cst.Call) -> bool:
    return any(arg.star for arg in call.args)


class ArgumentList:
    """A mutable view of ``call.args``; :meth:`call` builds the call with the commas put right."""

    def __init__(self, call: cst.Call) -> None:
        self._call = call
        # (argument, its index in the original call, or None for a new argument)
        self._items: List[Tuple[cst.Arg, Optional[int]]] = [(arg, i) for i, arg in enumerate(call.args)]

    @property
    def args(self) -> List[cst.Arg]:
        return [arg for arg, _ in self._items]

    def index(self, name: str) -> Optional[int]:
        for position, (arg, _) in enumerate(self._items):
            if keyword_name(arg) == name:
                return position
        return None

    def get(self, name: str) -> Optional[cst.Arg]:
        position = self.index(name)
        return None if position is None else self._items[position][0]

    def positional_count(self) -> int:
        return sum(1 for arg, _ in self._items if is_positional(arg))

    def replace(self, position: int, arg: cst.Arg) -> None:
        self._items[position] = (arg, self._items[position][1])

    def remove(self, position: int) -> cst.Arg:
        return self._items.pop(position)[0]

    def insert(self, position: int, arg: cst.Arg) -> None:
        self._items.insert(position, (arg, None))

    def append(self, arg: cst.Arg) -> None:
        self._items.append((arg, None))

    def rename(self, old: str, new: str) -> bool:
        position = self.index(old)
        if position is None:
            return False
        arg = self._items[position][0]
        self.replace(position, arg.with_changes(keyword=cst.Name(new)))
        return True

    def call(self) -> cst.Call:
        original = self._call.args
        last_original = len(original) - 1
        trailing: Union[cst.Comma, cst.MaybeSentinel] = original[-1].comma if original else cst.MaybeSentinel.DEFAULT
        separator = self._separator()
        args: List[cst.Arg] = []
        for position, (arg, source) in enumerate(self._items):
            if position == len(self._items) - 1:
                args.append(arg.with_changes(comma=trailing))
            elif source is not None and source != last_original and isinstance(arg.comma, cst.Comma):
                args.append(arg)
            else:
                args.append(arg.with_changes(comma=separator))
        return self._call.with_changes(args=args)

    def _separator(self) -> cst.Comma:
        original: Sequence[cst.Arg] = self._call.args
        if len(original) >= 2 and isinstance(original[-2].comma, cst.Comma):
            return original[-2].comma
        if isinstance(self._call.whitespace_before_args, cst.ParenthesizedWhitespace):
            # A one-argument call laid out on its own lines: new arguments go on lines of their own too.
            return cst.Comma(whitespace_after=self._call.whitespace_before_args)
        return cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
