"""Static check of a migrated program's TensorFlow / Keras names against the installed TensorFlow.

Every ``tensorflow`` / ``keras`` import statement, and every attribute chain rooted at a name such an import
bound (``tf.Session``, ``K.get_session``, ``keras.layers.merge.Concatenate``), is looked up the way Python
would: import the module, then ``getattr`` along the chain. A chain is followed only while it stays a plain
dotted name and only through modules and classes, whose attributes are known without running the program;
it stops (resolved) at a call, a subscript, or an attribute of anything else.

Nothing of the checked program is run. Names rebound after their import are not tracked.

    from tests.resolve_names import unresolved_references
    for ref in unresolved_references(source):
        print(ref.line, ref.name, ref.reason)
"""

from __future__ import annotations

import ast
import importlib
import inspect
import types
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, Iterator, List, Optional, Sequence, Tuple

ROOTS = ("tensorflow", "keras")


@dataclass(frozen=True)
class Unresolved:
    line: int
    column: int
    name: str  # the dotted name as the program spells it, resolved through its imports
    reason: str


def unresolved_references(source: str, roots: Sequence[str] = ROOTS) -> List[Unresolved]:
    tree = ast.parse(source)
    bindings: Dict[str, str] = {}
    problems: List[Unresolved] = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            problems.extend(_check_import(node, roots, bindings))
    inner = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and id(node) not in inner:
            problems.extend(_check_chain(node, bindings))
    return sorted(problems, key=lambda p: (p.line, p.column, p.name))


def _check_import(node, roots, bindings: Dict[str, str]) -> Iterator[Unresolved]:
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name.split(".")[0] not in roots:
                continue
            if alias.asname:
                bindings[alias.asname] = alias.name
            else:
                bindings[alias.name.split(".")[0]] = alias.name.split(".")[0]
            why = _module_problem(alias.name)
            if why:
                yield Unresolved(node.lineno, node.col_offset + 1, alias.name, why)
        return
    if node.level or not node.module or node.module.split(".")[0] not in roots:
        return
    why = _module_problem(node.module)
    if why:
        yield Unresolved(node.lineno, node.col_offset + 1, node.module, why)
        return
    for alias in node.names:
        if alias.name == "*":
            continue
        full = f"{node.module}.{alias.name}"
        bindings[alias.asname or alias.name] = full
        if _lookup(full)[0] is _MISSING:
            yield Unresolved(node.lineno, node.col_offset + 1, full, f"`{node.module}` has no `{alias.name}`")


def _check_chain(node: ast.Attribute, bindings: Dict[str, str]) -> Iterator[Unresolved]:
    chain = _dotted(node)
    if chain is None or chain[0] not in bindings:
        return
    full = ".".join([bindings[chain[0]], *chain[1:]])
    value, missing = _lookup(full)
    if value is _MISSING:
        yield Unresolved(node.lineno, node.col_offset + 1, full, missing)


def _dotted(node: ast.expr) -> Optional[List[str]]:
    parts: List[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return parts[::-1]


class _Missing:
    pass


_MISSING = _Missing()


@lru_cache(maxsize=None)
def _module_problem(name: str) -> Optional[str]:
    try:
        importlib.import_module(name)
    except Exception as exc:
        return f"cannot import `{name}`: {exc}"
    return None


@lru_cache(maxsize=None)
def _lookup(full: str) -> Tuple[object, str]:
    """(object, "") for a name that resolves, or as far as it can be followed statically; (_MISSING, why)
    for one that does not exist."""
    parts = full.split(".")
    value: object = None
    size = len(parts)
    while size > 0:  # the longest importable module prefix
        try:
            value = importlib.import_module(".".join(parts[:size]))
            break
        except Exception:  # ImportError, or a module that fails as it loads
            size -= 1
    if size == 0:
        return _MISSING, f"cannot import `{parts[0]}`"
    for index in range(size, len(parts)):
        if not (isinstance(value, types.ModuleType) or inspect.isclass(value)):
            return value, ""  # an attribute of a function or an instance: not known statically
        try:
            value = getattr(value, parts[index])
        except AttributeError:
            return _MISSING, f"`{'.'.join(parts[:index])}` has no `{parts[index]}`"
    return value, ""
