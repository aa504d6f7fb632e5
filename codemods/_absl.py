"""What the absl codemods share: which local name an absl module can be imported as without a clash, and
replacing an expression while keeping its parentheses."""

from __future__ import annotations

from typing import Iterable

import libcst as cst
from libcst.codemod.visitors import AddImportsVisitor

from codemods._names import ImportBindings


def absl_local_name(module_name: str, bindings: ImportBindings, taken: Iterable[str]) -> str:
    """The name to use for ``absl.<module_name>``: the file's own import of it if any, else ``module_name``
    unless the file already uses that name for something else, else ``absl_<module_name>``."""
    existing = bindings.alias_for(f"absl.{module_name}")
    if existing is not None:
        return existing
    return f"absl_{module_name}" if module_name in set(taken) else module_name


def add_absl_import(context, module_name: str, local: str) -> None:
    AddImportsVisitor.add_needed_import(context, "absl", module_name, None if local == module_name else local)


def dotted_expression(text: str, like: cst.BaseExpression) -> cst.BaseExpression:
    """``text`` parsed as an expression, with the parentheses ``like`` had."""
    return cst.parse_expression(text).with_changes(lpar=like.lpar, rpar=like.rpar)
