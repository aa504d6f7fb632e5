"""What the absl codemods share: which local name an absl module can be imported as without a clash, and
replacing an expression while keeping its parentheses."""

from __future__ import annotations

from typing import Iterable, Set

import libcst as cst
from libcst.codemod.visitors import AddImportsVisitor

from codemods._names import ImportBindings


class _IdentifierCollector(cst.CSTVisitor):
    """Every identifier the file binds or reads: names, but not attribute names or keyword argument names."""

    def __init__(self) -> None:
        self.names: Set[str] = set()

    def visit_Name(self, node: cst.Name) -> None:
        self.names.add(node.value)

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        node.value.visit(self)
        return False

    def visit_Arg(self, node: cst.Arg) -> bool:
        node.value.visit(self)
        return False

    def visit_Import(self, node: cst.Import) -> bool:
        for alias in node.names:
            self.names.add(_bound_name(alias, last=False))
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        if not isinstance(node.names, cst.ImportStar):
            for alias in node.names:
                self.names.add(_bound_name(alias, last=True))
        return False


def _bound_name(alias: cst.ImportAlias, last: bool) -> str:
    if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
        return alias.asname.name.value
    parts = cst.Module([]).code_for_node(alias.name).split(".")
    return parts[-1] if last else parts[0]


def identifiers(module: cst.Module) -> Set[str]:
    collector = _IdentifierCollector()
    module.visit(collector)
    return collector.names


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
