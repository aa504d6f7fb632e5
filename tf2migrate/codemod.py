"""The codemod interface: what the engine knows about a codemod, and nothing more.

Concrete codemods live in the top-level ``codemods`` package and subclass :class:`Codemod`; the engine only
ever receives them as a list of classes (wired in by the CLI).
"""

from __future__ import annotations

import ast
import dataclasses
import enum
import inspect
import re
import sys
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any, Callable, ClassVar, Dict, Iterable, Iterator, List, Mapping, Optional, Tuple

import libcst as cst
from libcst.codemod import Codemod as LibcstCodemod
from libcst.codemod import CodemodContext, VisitorBasedCodemodCommand
from libcst.codemod.visitors import AddImportsVisitor, RemoveImportsVisitor
from libcst.matchers._decorators import (
    CONSTRUCTED_LEAVE_MATCHER_ATTR,
    CONSTRUCTED_VISIT_MATCHER_ATTR,
    VISIT_NEGATIVE_MATCHER_ATTR,
    VISIT_POSITIVE_MATCHER_ATTR,
)
from libcst.metadata import Access, CodeRange, MetadataWrapper, ParentNodeProvider, PositionProvider

from tf2migrate.results import Finding, Severity


class FixSafety(str, enum.Enum):
    """Whether a codemod's rewrites keep behaviour (safe, applied by default) or may change it (unsafe,
    applied only with ``--unsafe-fixes``). A safe codemod may still hold back single rewrites it cannot prove;
    those become findings."""

    SAFE = "safe"
    UNSAFE = "unsafe"


class KerasTarget(str, enum.Enum):
    """Which Keras the migrated code imports: Keras 3 as `tf.keras` (idiomatic), or `tf_keras`, Keras 2 for
    TF 2.16+, for code that cannot be made Keras-3 clean."""

    KERAS3 = "3"
    LEGACY = "legacy"


class FallbackMode(str, enum.Enum):
    """What happens to a file that still needs TF 1.x after every codemod: rewritten to `tf.compat.v1` names
    (in graph mode where it needs graph semantics) so it runs, or left with findings."""

    COMPAT = "compat"
    NONE = "none"


@dataclass(frozen=True)
class Settings:
    """Run-wide choices a codemod may consult."""

    unsafe_fixes: bool = False
    # Per-GPU memory cap (MB) that replaces TF1's per_process_gpu_memory_fraction; None: memory growth instead.
    gpu_memory_limit_mb: Optional[int] = None
    keras_target: KerasTarget = KerasTarget.KERAS3
    fallback: FallbackMode = FallbackMode.COMPAT


def all_still_read(text: str, removals: list) -> bool:
    """Whether every name these imports bind is still read somewhere in ``text``: then each import is still
    needed, and libcst's costly pass is skipped (an import whose name is read only where a local of the same
    name shadows it is kept too). A name Python's own parser cannot settle (a dotted ``import a.b``, a star,
    text it cannot parse) sends the file through libcst's pass."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Python's warnings about the user's code (`True()`) are not ours to print
            tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    read = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Store)}
    for module, obj, asname in removals:
        if obj == "*" or (obj is None and asname is None and "." in module):
            return False
        if (asname or obj or module) not in read:
            return False
    return True


class MetadataCache:
    """The metadata of the tree the chain's last codemod ran on. A codemod that changed nothing hands the next
    one the same tree, which then reuses the copy and the metadata (scopes, parents) already computed for it.
    The runner puts one per file in each codemod's ``context.scratch[METADATA_CACHE_KEY]``."""

    def __init__(self) -> None:
        self._tree: Optional[cst.Module] = None
        self._wrapper: Optional[MetadataWrapper] = None

    def wrapper_for(self, tree: cst.Module) -> MetadataWrapper:
        if tree is not self._tree or self._wrapper is None:
            self._tree, self._wrapper = tree, _wrapper(tree)
        return self._wrapper


def _wrapper(tree: cst.Module) -> MetadataWrapper:
    """libcst copies the tree so that no node object occurs twice in it (metadata is keyed by node). A freshly
    parsed tree, and most rewritten ones, have no repeated node and need no copy; the walk that finds out also
    gives every node's parent, which libcst's ParentNodeProvider would find with a slower walk of its own."""
    parents = parents_if_no_repeated_node(tree)
    if parents is None:
        return MetadataWrapper(tree)
    wrapper = MetadataWrapper(tree, unsafe_skip_copy=True)
    wrapper._metadata[ParentNodeProvider] = parents  # what resolve() would compute: libcst skips resolved ones
    return wrapper


class _MetadataOnDemand(dict):
    """A codemod's declared metadata, each provider resolved when first asked for: most runs of a codemod that
    declares scopes never look one up (its trigger matched, the file has nothing for it), and scopes cost more
    than anything else in a run."""

    def __init__(self, wrapper: MetadataWrapper, providers: Iterable[type]) -> None:
        super().__init__()
        self._wrapper, self._providers = wrapper, frozenset(providers)

    def __contains__(self, provider: object) -> bool:
        return provider in self._providers

    def __missing__(self, provider: type) -> Mapping[cst.CSTNode, object]:
        if provider not in self._providers:
            raise KeyError(provider)
        value = _positions(self._wrapper) if provider is PositionProvider else self._wrapper.resolve(provider)
        self[provider] = value
        return value


def _positions(wrapper: MetadataWrapper) -> Mapping[cst.CSTNode, CodeRange]:
    """``wrapper.resolve(PositionProvider)`` at half the cost: libcst follows a provider that is not batchable
    with a batched walk of the whole tree even when no batchable provider is left to feed."""
    positions = wrapper._metadata.get(PositionProvider)
    if positions is None:
        positions = wrapper._metadata[PositionProvider] = PositionProvider()._gen(wrapper)
    return positions


_CHILD_FIELDS: Dict[type, Tuple[str, ...]] = {}


def parents_if_no_repeated_node(tree: cst.CSTNode) -> Optional[Dict[cst.CSTNode, cst.CSTNode]]:
    """Each node's parent, as libcst's ParentNodeProvider gives it; None if a node object occurs twice."""
    parents: Dict[cst.CSTNode, cst.CSTNode] = {}
    stack: List[cst.CSTNode] = [tree]
    while stack:
        node = stack.pop()
        kind = type(node)
        names = _CHILD_FIELDS.get(kind)
        if names is None:
            names = _CHILD_FIELDS[kind] = tuple(field.name for field in dataclasses.fields(kind))
        for name in names:
            value = getattr(node, name)
            children = (value,) if isinstance(value, cst.CSTNode) else value if isinstance(value, (list, tuple)) else ()
            for child in children:
                if isinstance(child, cst.CSTNode):
                    if child in parents:
                        return None
                    parents[child] = node
                    stack.append(child)
    return parents


METADATA_CACHE_KEY = "tf2migrate.metadata_cache"
# A list the runner shares across one file's chain: the imports each codemod asked libcst to remove once unused.
# libcst's RemoveImportsVisitor resolves scopes and qualified names afresh, the costliest step of a codemod's
# run; the runner applies every codemod's removals in one pass after the chain (`apply_import_removals`).
IMPORT_REMOVALS_KEY = "tf2migrate.import_removals"


def apply_import_removals(tree: cst.Module, text: str, removals: list, filename: str) -> cst.Module:
    """``tree`` without those of ``removals`` it no longer uses; ``text`` is its code."""
    if not removals or all_still_read(text, removals):
        return tree
    context = CodemodContext(filename=filename, scratch={RemoveImportsVisitor.CONTEXT_KEY: list(removals)})
    return RemoveImportsVisitor(context).transform_module(tree)


# `visit_<Node>_<attribute>` / `leave_<Node>_<attribute>`: node class names are CamelCase, with no underscore.
_ATTRIBUTE_HOOK = re.compile(r"^(visit|leave)_[A-Z][A-Za-z]*_")
_MATCHER_DECORATIONS = (
    VISIT_POSITIVE_MATCHER_ATTR,
    VISIT_NEGATIVE_MATCHER_ATTR,
    CONSTRUCTED_VISIT_MATCHER_ATTR,
    CONSTRUCTED_LEAVE_MATCHER_ATTR,
)


def _own_hook(cls: type, name: str) -> Optional[Callable[..., Any]]:
    """The class's visit_/leave_ method of that name; None where it is libcst's typed no-op stub."""
    hook = getattr(cls, name, None)
    return None if hook is None or hook is getattr(cst.CSTTransformer, name, None) else hook


def _uses_matcher_decorators(cls: type) -> bool:
    methods = (getattr(cls, name, None) for name in dir(cls) if not name.startswith("__"))
    return any(hasattr(method, attr) for method in methods for attr in _MATCHER_DECORATIONS)


# Possessive quantifiers (`*+`) keep the data-derived trigger patterns of some codemods linear on any text; Python
# has them from 3.11. On 3.9 and 3.10 those codemods keep their broad substring triggers.
POSSESSIVE_REGEX = sys.version_info >= (3, 11)


DOC_HEADINGS = ("What it does", "Why", "Example", "Use instead", "Fix safety", "Limitations")


class Codemod(VisitorBasedCodemodCommand):
    """Base of every tf2migrate codemod.

    Subclasses set ``NAME`` (the module name with ``-`` for ``_``), ``FIX_SAFETY`` and ``TRIGGERS`` (substrings
    of which at least one must occur in a file's text for the codemod to be worth a traversal; or
    ``TRIGGER_PATTERN``, a regular expression, where a substring would match most files), write their
    docstring under the headings in ``DOC_HEADINGS``, and call :meth:`report` for every place they leave alone
    or change in a way the user must know about.
    """

    NAME: ClassVar[str] = ""
    DESCRIPTION: ClassVar[str] = "Base of the tf2migrate codemods (not a codemod itself)."
    FIX_SAFETY: ClassVar[FixSafety] = FixSafety.SAFE
    TRIGGERS: ClassVar[Tuple[str, ...]] = ()
    TRIGGER_PATTERN: ClassVar[Optional["re.Pattern[str]"]] = None
    # A codemod that rewrites import statements must not see imports that earlier codemods asked libcst to
    # remove: the runner applies the removals pending before it runs.
    REWRITES_IMPORTS: ClassVar[bool] = False

    def __init__(self, context: CodemodContext, settings: Settings = Settings()) -> None:
        if self._fast_dispatch:  # libcst's matcher set-up reads all of dir(self), about a thousand attributes
            LibcstCodemod.__init__(self, context)
        else:
            super().__init__(context)
        self.settings = settings
        self.findings: List[Finding] = []
        self._positions: Optional[Dict[cst.CSTNode, CodeRange]] = None

    def __init_subclass__(cls, **kwargs: object) -> None:
        # libcst's own CLI (`python -m libcst.tool codemod|list`) reads the class attribute DESCRIPTION.
        super().__init_subclass__(**kwargs)
        if "DESCRIPTION" not in cls.__dict__:
            cls.DESCRIPTION = cls.summary() or cls.__name__
        cls._visit_hooks, cls._leave_hooks = {}, {}
        cls._fast_dispatch = not _uses_matcher_decorators(cls)
        cls._attribute_hooks = any(_ATTRIBUTE_HOOK.match(name) and _own_hook(cls, name) for name in dir(cls))

    # libcst looks every visit_/leave_ method up by name, with the matcher machinery around it, for every node
    # and every child attribute: most of a traversal's cost. The same dispatch, looked up once per node type.
    # A codemod that uses libcst's matcher decorators keeps libcst's own dispatch.
    def on_visit(self, node: cst.CSTNode) -> bool:
        if not self._fast_dispatch:
            return super().on_visit(node)
        try:
            hook = self._visit_hooks[type(node)]
        except KeyError:
            hook = self._visit_hooks[type(node)] = _own_hook(type(self), f"visit_{type(node).__name__}")
        return hook is None or hook(self, node) is not False

    def on_leave(self, original_node: cst.CSTNode, updated_node: cst.CSTNode):  # type: ignore[override]
        if not self._fast_dispatch:
            return super().on_leave(original_node, updated_node)
        try:
            hook = self._leave_hooks[type(original_node)]
        except KeyError:
            name = f"leave_{type(original_node).__name__}"
            hook = self._leave_hooks[type(original_node)] = _own_hook(type(self), name)
        return updated_node if hook is None else hook(self, original_node, updated_node)

    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        if not self._fast_dispatch:
            super().on_visit_attribute(node, attribute)
        elif self._attribute_hooks:
            cst.CSTTransformer.on_visit_attribute(self, node, attribute)

    def on_leave_attribute(self, original_node: cst.CSTNode, attribute: str) -> None:
        if not self._fast_dispatch:
            super().on_leave_attribute(original_node, attribute)
        elif self._attribute_hooks:
            cst.CSTTransformer.on_leave_attribute(self, original_node, attribute)

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        return cls.documentation().splitlines()[0] if cls.__doc__ else ""

    @classmethod
    def doc_section(cls, heading: str) -> str:
        """The text under one of ``DOC_HEADINGS`` in the docstring, with code blocks' fences removed."""
        lines = cls.documentation().splitlines()
        try:
            start = lines.index(f"{heading}:") + 1
        except ValueError:
            return ""
        body: List[str] = []
        for line in lines[start:]:
            if line.rstrip(":") in DOC_HEADINGS and line.endswith(":"):
                break
            body.append(line)
        text = "\n".join(body).strip("\n")
        return "\n".join(l for l in text.splitlines() if not l.strip().startswith("```")).strip("\n")

    @contextmanager
    def _handle_metadata_reference(self, module: cst.Module) -> Iterator[cst.Module]:
        cache = self.context.scratch.get(METADATA_CACHE_KEY)
        if cache is None:
            with super()._handle_metadata_reference(module) as tree:
                yield tree
            return
        wrapper = cache.wrapper_for(module)
        self.metadata = _MetadataOnDemand(wrapper, self.get_inherited_dependencies())
        previous = self.context.wrapper
        self.context = replace(self.context, wrapper=wrapper)
        try:
            yield wrapper.module
        finally:
            self.context = replace(self.context, wrapper=previous)
            self.metadata = {}

    def transform_module(self, tree: cst.Module) -> cst.Module:
        removals = self.context.scratch.get(IMPORT_REMOVALS_KEY)
        if removals is None:  # run alone (tests, libcst's tool): libcst's own add-then-remove
            return super().transform_module(tree)
        tree = LibcstCodemod.transform_module(self, tree)
        if AddImportsVisitor.CONTEXT_KEY in self.context.scratch:
            tree = self._instantiate_and_run(AddImportsVisitor, tree)
        removals.extend(self.context.scratch.pop(RemoveImportsVisitor.CONTEXT_KEY, ()))
        return tree

    @classmethod
    def is_triggered_by(cls, text: str) -> bool:
        if not cls.TRIGGERS and cls.TRIGGER_PATTERN is None:
            return True
        if any(trigger in text for trigger in cls.TRIGGERS):
            return True
        return cls.TRIGGER_PATTERN is not None and cls.TRIGGER_PATTERN.search(text) is not None

    def position(self, node: cst.CSTNode) -> Tuple[int, int]:
        """(line, column) of a node of the tree being transformed; column is 1-based. Positions are resolved
        only when a codemod first asks, since most files produce no finding."""
        if self._positions is None:
            wrapper = self.context.wrapper
            self._positions = _positions(wrapper) if wrapper is not None else {}
        code_range = self._positions.get(node)
        if code_range is None:
            return (0, 0)
        return (code_range.start.line, code_range.start.column + 1)

    def in_source_order(self, accesses: Iterable[Access]) -> List[Access]:
        """libcst's scope metadata keeps references in sets; findings that name the first blocking use must name
        the same one on every run."""
        return sorted(accesses, key=lambda access: self.position(access.node))

    def report(
        self,
        node: cst.CSTNode,
        message: str,
        suggestion: str = "",
        severity: Severity = Severity.WARNING,
    ) -> None:
        line, column = self.position(node)
        self.findings.append(Finding(self.NAME, line, column, severity, message, suggestion))
