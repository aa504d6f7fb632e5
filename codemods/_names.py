"""Cheap import-alias tracking: which local name stands for which module or object.

libcst's QualifiedNameProvider costs about ten parses on a large file; the codemods only need to know what
``tf``, ``K`` or ``set_session`` were imported as, which a look at the import statements answers.
"""

from __future__ import annotations

from typing import Dict, Iterable, Optional, Sequence, Set, Union

import libcst as cst
from libcst.codemod.visitors import AddImportsVisitor, RemoveImportsVisitor
from libcst.helpers import get_full_name_for_node

ImportNode = Union[cst.Import, cst.ImportFrom]

TF = "tensorflow"
_COMPAT_PREFIXES = ("tensorflow.compat.v1.", "tensorflow.compat.v2.")


def dotted(node: cst.BaseExpression) -> str:
    return cst.Module([]).code_for_node(node)


class ImportBindings:
    """Local name -> dotted name of what it was bound to by an import (``K`` -> ``keras.backend``)."""

    def __init__(self) -> None:
        self.names: Dict[str, str] = {}

    def add(self, node: ImportNode) -> None:
        if isinstance(node, cst.Import):
            for alias in node.names:
                full = get_full_name_for_node(alias.name) or ""
                if alias.asname is not None:
                    self.names[_as_name(alias)] = full
                else:  # ``import a.b.c`` binds ``a``; attribute chains resolve the rest
                    head = full.split(".")[0]
                    self.names[head] = head
            return
        if node.relative or node.module is None or isinstance(node.names, cst.ImportStar):
            return
        module = get_full_name_for_node(node.module) or ""
        for alias in node.names:
            name = get_full_name_for_node(alias.name) or ""
            local = _as_name(alias) if alias.asname is not None else name
            self.names[local] = f"{module}.{name}"

    def add_module_imports(self, module: cst.Module) -> None:
        """Imports at module level, also those one block down (``try: import keras``, ``if TYPE_CHECKING:``)."""
        for statement in _statements_one_level_down(module.body):
            if isinstance(statement, cst.SimpleStatementLine):
                for small in statement.body:
                    if isinstance(small, (cst.Import, cst.ImportFrom)):
                        self.add(small)

    def qualified(self, node: cst.BaseExpression) -> Optional[str]:
        """``K.set_session`` -> ``keras.backend.set_session`` when ``K`` is an imported name, else None."""
        full = get_full_name_for_node(node)
        if not full:
            return None
        head, _, rest = full.partition(".")
        bound = self.names.get(head)
        if bound is None:
            return None
        return f"{bound}.{rest}" if rest else bound

    def tf1_qualified(self, node: cst.BaseExpression) -> Optional[str]:
        """Like :meth:`qualified`, with ``tensorflow.compat.v1.X`` read as ``tensorflow.X``."""
        name = self.qualified(node)
        return tf1_name(name) if name else None

    def keras_qualified(self, node: cst.BaseExpression) -> Optional[str]:
        """The Keras path of a name, whichever Keras it came from: ``SGD`` imported from ``keras.optimizers``,
        ``tf.keras.optimizers.SGD`` or ``tf.compat.v1.keras.optimizers.SGD`` all give ``optimizers.SGD``;
        ``keras`` itself gives ``""``. None for anything else."""
        name = self.tf1_qualified(node)
        return keras_path(name) if name else None

    def alias_for(self, target: str) -> Optional[str]:
        """The local name bound to exactly ``target`` (``tf`` for ``tensorflow``), if any."""
        for local, bound in self.names.items():
            if bound == target:
                return local
        return None


class TracksImports:
    """Codemod mixin: ``self.bindings`` holds the module's imports before any other node is visited, and
    imports inside functions join it as the traversal meets them. A codemod that removes uses of imported names
    notes them with :meth:`note_maybe_unused`; their imports go at the end if nothing else uses them."""

    bindings: ImportBindings

    def visit_Module(self, node: cst.Module) -> None:
        self.bindings = ImportBindings()
        self.bindings.add_module_imports(node)
        self._maybe_unused: Set[str] = set()
        self._imports_module = node
        self._used_identifiers: Optional[Set[str]] = None

    def free_to_import_as(self, name: str) -> bool:
        """Whether an added import may bind ``name``: the module neither imports nor uses it. A name the code reads
        without binding it (``tf`` from a star import) would silently change meaning, and the next run would
        read it as the import; one the code assigns would shadow the import."""
        if self._used_identifiers is None:
            self._used_identifiers = identifiers(self._imports_module)
        return name not in self.bindings.names and name not in self._used_identifiers

    def tensorflow_name(self, asnames: Sequence[str] = ("tf",), add_import: bool = True) -> Optional[str]:
        """The module's name for TensorFlow: its import's, else the first of ``asnames`` free to import it as
        (the import is added unless ``add_import`` is False); None when there is none. Every codemod that writes
        TensorFlow code goes through here, so no run binds a name that an earlier one left alone."""
        alias = self.bindings.alias_for(TF)
        if alias is not None:
            return alias
        name = next((name for name in asnames if self.free_to_import_as(name)), None)
        if name is not None and add_import:
            AddImportsVisitor.add_needed_import(self.context, TF, asname=None if name == TF else name)
            self.bindings.names[name] = TF
        return name

    def note_maybe_unused(self, *uses: cst.BaseExpression) -> None:
        """``uses`` (``K.set_session``, ``Session``...) are going away: their import may become unused."""
        for use in uses:
            self._maybe_unused.add(dotted(use).split(".")[0])

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        for local in sorted(self._maybe_unused):
            bound = self.bindings.names.get(local)
            if bound is None:
                continue
            module, _, obj = bound.rpartition(".")
            if module:
                RemoveImportsVisitor.remove_unused_import(self.context, module, obj, local if local != obj else None)
            RemoveImportsVisitor.remove_unused_import(self.context, bound, None, local if local != bound else None)
        return super().leave_Module(original_node, updated_node)

    def visit_Import(self, node: cst.Import) -> None:
        self.bindings.add(node)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        self.bindings.add(node)


class TracksImportsSkipsTheirNames(TracksImports):
    """:class:`TracksImports` for codemods that rewrite uses of names, never import lines: the traversal does not
    enter imports, where a dotted name is a binding, not a use."""

    def visit_Import(self, node: cst.Import) -> bool:
        super().visit_Import(node)
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        super().visit_ImportFrom(node)
        return False


def tf1_name(name: str) -> str:
    for prefix in _COMPAT_PREFIXES:
        if name.startswith(prefix):
            return TF + "." + name[len(prefix) :]
    return name


_KERAS_PREFIXES = ("keras", "tensorflow.keras", "tensorflow.python.keras")


def keras_path(name: str) -> Optional[str]:
    """``keras.layers.Dense`` / ``tensorflow.keras.layers.Dense`` -> ``layers.Dense``; None when not Keras."""
    for prefix in _KERAS_PREFIXES:
        if name == prefix:
            return ""
        if name.startswith(prefix + "."):
            return name[len(prefix) + 1 :]
    return None


class _Identifiers(cst.CSTVisitor):
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
    """Every name the module binds or reads (not attribute or keyword argument names)."""
    collector = _Identifiers()
    module.visit(collector)
    return collector.names


def _as_name(alias: cst.ImportAlias) -> str:
    assert alias.asname is not None
    return get_full_name_for_node(alias.asname.name) or ""


def _statements_one_level_down(body: Iterable[cst.BaseStatement]) -> Iterable[cst.BaseStatement]:
    for statement in body:
        yield statement
        if isinstance(statement, (cst.Try, cst.If)):
            yield from statement.body.body
            handlers = getattr(statement, "handlers", ())
            for handler in handlers:
                yield from handler.body.body
            orelse = statement.orelse
            if orelse is not None and isinstance(orelse.body, cst.IndentedBlock):
                yield from orelse.body.body
