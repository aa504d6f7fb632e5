"""Building call arguments, shared by the codemods that add or rename keyword arguments."""

from __future__ import annotations

import libcst as cst

NO_SPACE = cst.SimpleWhitespace("")


def keyword(name: str, value: cst.BaseExpression) -> cst.Arg:
    """``name=value``, spaced as PEP 8 wants keyword arguments."""
    return cst.Arg(value=value, keyword=cst.Name(name), equal=cst.AssignEqual(NO_SPACE, NO_SPACE))
