"""The codemod interface: what the engine knows about a codemod, and nothing more.

Concrete codemods live in the top-level ``codemods`` package and subclass :class:`Codemod`; the engine only
ever receives them as a list of classes (wired in by the CLI).
"""

from __future__ import annotations

import enum
import inspect
import re
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import ClassVar, Dict, Iterable, Iterator, List, Optional, Tuple

import libcst as cst
from libcst.codemod import CodemodContext, VisitorBasedCodemodCommand
from libcst.metadata import Access, CodeRange, MetadataWrapper, PositionProvider

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


class MetadataCache:
    """The metadata of the tree the chain's last codemod ran on. A codemod that changed nothing hands the next
    one the same tree, which then reuses the copy and the metadata (scopes, parents) already computed for it.
    The runner puts one per file in each codemod's ``context.scratch[METADATA_CACHE_KEY]``."""

    def __init__(self) -> None:
        self._tree: Optional[cst.Module] = None
        self._wrapper: Optional[MetadataWrapper] = None

    def wrapper_for(self, tree: cst.Module) -> MetadataWrapper:
        if tree is not self._tree or self._wrapper is None:
            self._tree, self._wrapper = tree, MetadataWrapper(tree)
        return self._wrapper


METADATA_CACHE_KEY = "tf2migrate.metadata_cache"


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

    def __init__(self, context: CodemodContext, settings: Settings = Settings()) -> None:
        super().__init__(context)
        self.settings = settings
        self.findings: List[Finding] = []
        self._positions: Optional[Dict[cst.CSTNode, CodeRange]] = None

    def __init_subclass__(cls, **kwargs: object) -> None:
        # libcst's own CLI (`python -m libcst.tool codemod|list`) reads the class attribute DESCRIPTION.
        super().__init_subclass__(**kwargs)
        if "DESCRIPTION" not in cls.__dict__:
            cls.DESCRIPTION = cls.summary() or cls.__name__

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
        with self.resolve(wrapper):
            previous = self.context.wrapper
            self.context = replace(self.context, wrapper=wrapper)
            try:
                yield wrapper.module
            finally:
                self.context = replace(self.context, wrapper=previous)

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
            self._positions = dict(wrapper.resolve(PositionProvider)) if wrapper is not None else {}
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
