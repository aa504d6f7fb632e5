"""``tf2migrate verify``: which TensorFlow / Keras names in a program do not exist in the installed TensorFlow.

Two steps. Scanning (libcst, no TensorFlow, in worker processes for big trees) reads each file's
``tensorflow`` / ``keras`` / ``tf_keras`` imports, the names they bind (``import tensorflow as tf``,
``from tensorflow.keras import layers``, and plain aliases such as ``K = tf.keras.backend``), every attribute
chain rooted at such a name, and the keywords of calls through them. Resolving (this process, TensorFlow
imported once) looks each name up in the live packages (:mod:`tf2migrate.resolve`).

Nothing of the checked program runs. A name that the file also binds some other way (a parameter, an
assignment, a loop variable, another import) is not followed: which binding a use sees is not known without
scope analysis, and a wrong guess would be a false alarm.
"""

from __future__ import annotations

import json
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Sequence, Set, Tuple

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from tf2migrate import __version__
from tf2migrate.discover import discover
from tf2migrate.resolve import ROOTS, LiveResolver, TensorFlowMissing
from tf2migrate.runner import might_use_tensorflow
from tf2migrate.source import SourceError, read_source

__all__ = ["TensorFlowMissing", "Unresolved", "VerifyRun", "check_source", "verify_paths", "write_verify_report"]

IMPORT, FROM_IMPORT, CHAIN, CALL = "import", "from-import", "chain", "call"
_CHUNK = 16  # files per task sent to a worker: fewer round trips than one file each


@dataclass(frozen=True)
class Reference:
    """One use of a TensorFlow / Keras name, as scanned (plain data: it crosses process boundaries)."""

    kind: str  # IMPORT, FROM_IMPORT, CHAIN or CALL
    line: int
    column: int  # 1-based
    spelled: str  # as the program writes it: "tf.Session"
    targets: Tuple[str, ...]  # what it may name, one per binding of its root: ("tensorflow.Session",)
    module: str = ""  # FROM_IMPORT: the module imported from, checked first
    keywords: Tuple[Tuple[str, int, int], ...] = ()  # CALL: (keyword, line, column)
    bases: Tuple[str, ...] = ()  # CHAIN, CALL: what the root name is bound to


@dataclass(frozen=True)
class FileScan:
    path: str
    references: Tuple[Reference, ...] = ()
    error: str = ""
    error_line: int = 0


@dataclass(frozen=True)
class Unresolved:
    path: str
    line: int
    column: int
    spelled: str  # "tf.keras.optimizers.SGD(lr=)"
    name: str  # the name it resolves to through the imports: "tensorflow.keras.optimizers.SGD(lr=)"
    reason: str

    def text(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.spelled} — {self.reason}"


@dataclass(frozen=True)
class FileCheck:
    path: str
    unresolved: Tuple[Unresolved, ...] = ()
    error: str = ""
    error_line: int = 0


@dataclass
class VerifyRun:
    files: List[FileCheck] = field(default_factory=list)
    bad_paths: List[Tuple[str, str]] = field(default_factory=list)
    tensorflow_version: str = ""

    @property
    def unresolved(self) -> List[Unresolved]:
        return [problem for check in self.files for problem in check.unresolved]

    @property
    def errors(self) -> List[FileCheck]:
        return [check for check in self.files if check.error]


# ---------------------------------------------------------------------------------------------------- scanning


def _dotted(node: cst.BaseExpression) -> Optional[List[str]]:
    parts: List[str] = []
    while isinstance(node, cst.Attribute):
        parts.append(node.attr.value)
        node = node.value
    if not isinstance(node, cst.Name):
        return None
    parts.append(node.value)
    return parts[::-1]


def _bound_names(target: cst.BaseExpression) -> Iterator[str]:
    """The names an assignment target binds (``a``, ``a, (b, *c)``); attributes and subscripts bind none."""
    if isinstance(target, cst.Name):
        yield target.value
    elif isinstance(target, (cst.Tuple, cst.List)):
        for element in target.elements:
            yield from _bound_names(element.value)
    elif isinstance(target, cst.StarredElement):
        yield from _bound_names(target.value)


class _Collector(cst.CSTVisitor):
    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self) -> None:
        super().__init__()
        self.bindings: Dict[str, Set[str]] = {}  # name -> dotted names an import bound it to
        self.aliases: List[Tuple[str, List[str]]] = []  # `name = dotted.chain`, settled once the walk is over
        self.other: Set[str] = set()  # names also bound some other way
        self.imports: List[Reference] = []
        self.uses: List[Tuple[str, int, int, List[str], Tuple[Tuple[str, int, int], ...]]] = []
        self._stores: Set[int] = set()

    def _where(self, node: cst.CSTNode) -> Tuple[int, int]:
        start = self.get_metadata(PositionProvider, node).start
        return start.line, start.column + 1

    # imports
    def visit_Import(self, node: cst.Import) -> bool:
        for alias in node.names:
            name = _dotted(alias.name)
            bound = alias.evaluated_alias or name[0]
            if name[0] not in ROOTS:
                self.other.add(bound)
                continue
            full = ".".join(name)
            self.bindings.setdefault(bound, set()).add(full if alias.asname else name[0])
            self.imports.append(Reference(IMPORT, *self._where(alias), full, (full,)))
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        module = _dotted(node.module) if node.module is not None else None
        names = () if isinstance(node.names, cst.ImportStar) else node.names
        if node.relative or module is None or module[0] not in ROOTS:
            self.other.update(alias.evaluated_alias or alias.evaluated_name for alias in names)
            return False
        full = ".".join(module)
        self.imports.append(Reference(IMPORT, *self._where(node.module), full, (full,)))
        for alias in names:
            target = f"{full}.{alias.evaluated_name}"
            self.bindings.setdefault(alias.evaluated_alias or alias.evaluated_name, set()).add(target)
            self.imports.append(Reference(FROM_IMPORT, *self._where(alias), target, (target,), module=full))
        return False

    # other bindings
    def visit_Assign(self, node: cst.Assign) -> None:
        chain = _dotted(node.value)
        for target in node.targets:
            if isinstance(target.target, cst.Name) and chain is not None:
                self.aliases.append((target.target.value, chain))
            else:
                self._bind_other(target.target)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._bind_other(node.target)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._bind_other(node.target)

    def visit_For(self, node: cst.For) -> None:
        self._bind_other(node.target)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._bind_other(node.target)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._bind_other(node.target)

    def visit_AsName(self, node: cst.AsName) -> None:  # with ... as x, except E as x (imports return early)
        self._bind_other(node.name)

    def visit_Param(self, node: cst.Param) -> None:
        self.other.add(node.name.value)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.other.add(node.name.value)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.other.add(node.name.value)

    def visit_Del(self, node: cst.Del) -> None:
        self._bind_other(node.target)

    def _bind_other(self, target: cst.BaseExpression) -> None:
        self.other.update(_bound_names(target))
        if isinstance(target, cst.Attribute):  # `tf.x = ...` sets a name: only what holds it must exist
            self._stores.add(id(target))

    # uses
    def visit_Attribute(self, node: cst.Attribute) -> bool:
        chain = _dotted(node)
        if chain is None:
            return True  # `f(x).y`: the chains inside are visited on their own
        if id(node) in self._stores:
            chain = chain[:-1]
        if len(chain) > 1:
            self.uses.append((CHAIN, *self._where(node), chain, ()))
        return False

    def visit_Call(self, node: cst.Call) -> None:
        chain = _dotted(node.func)
        keywords = tuple((arg.keyword.value, *self._where(arg)) for arg in node.args if arg.keyword is not None)
        if chain is not None and keywords:
            self.uses.append((CALL, *self._where(node), chain, keywords))

    # the walk is over
    def references(self) -> Tuple[Reference, ...]:
        self._settle_aliases()
        found = list(self.imports)
        for kind, line, column, chain, keywords in self.uses:
            root, rest = chain[0], chain[1:]
            if root not in self.bindings or root in self.other:
                continue
            bases = tuple(sorted(self.bindings[root]))
            targets = tuple(".".join([bound, *rest]) for bound in bases)
            found.append(Reference(kind, line, column, ".".join(chain), targets, keywords=keywords, bases=bases))
        return tuple(found)

    def _settle_aliases(self) -> None:
        pending = list(self.aliases)
        while pending:
            waiting = []
            for name, chain in pending:
                if chain[0] in self.bindings and chain[0] not in self.other:
                    rest = chain[1:]
                    self.bindings.setdefault(name, set()).update(".".join([b, *rest]) for b in self.bindings[chain[0]])
                else:
                    waiting.append((name, chain))
            if len(waiting) == len(pending):
                self.other.update(name for name, _ in waiting)
                return
            pending = waiting


def scan_text(text: str, path: str = "<string>") -> FileScan:
    try:
        module = cst.parse_module(text)
    except cst.ParserSyntaxError as exc:
        return FileScan(path, error=f"syntax error: {exc.message}", error_line=exc.raw_line)
    except RecursionError:
        return FileScan(path, error="too deeply nested for the parser")
    collector = _Collector()
    MetadataWrapper(module, unsafe_skip_copy=True).visit(collector)
    return FileScan(path, collector.references())


def scan_file(path: str) -> FileScan:
    try:
        source = read_source(Path(path))
    except SourceError as exc:
        return FileScan(path, error=exc.message, error_line=exc.line)
    if not might_use_tensorflow(source.raw):
        return FileScan(path)
    return scan_text(source.text, path)


def _scan_chunk(paths: Sequence[str]) -> List[FileScan]:
    return [scan_file(path) for path in paths]


# --------------------------------------------------------------------------------------------------- resolving


def check_scan(scan: FileScan, resolver: LiveResolver) -> FileCheck:
    if scan.error:
        return FileCheck(scan.path, error=scan.error, error_line=scan.error_line)
    problems: List[Unresolved] = []
    missing_modules: Set[str] = set()
    for ref in scan.references:
        if ref.kind == FROM_IMPORT and ref.module in missing_modules:
            continue  # the module itself is reported
        problem = _check_reference(ref, scan.path, resolver)
        if problem is not None:
            problems.append(problem)
            if ref.kind == IMPORT:
                missing_modules.add(ref.spelled)
        if ref.kind == CALL:
            problems.extend(_check_keywords(ref, scan.path, resolver))
    problems.sort(key=lambda p: (p.line, p.column, p.spelled))
    return FileCheck(scan.path, tuple(problems))


def _check_reference(ref: Reference, path: str, resolver: LiveResolver) -> Optional[Unresolved]:
    if ref.kind == CALL:
        return None  # its function is checked as a CHAIN (or was imported by name)
    lookup = resolver.import_module if ref.kind == IMPORT else resolver.lookup
    if ref.bases and not any(resolver.lookup(base).found for base in ref.bases):
        return None  # `FLAGS = tf.app.flags.FLAGS`: reported where the name is bound, not at every use
    failures = []
    for target in ref.targets:
        found = lookup(target)
        if found.found:
            return None
        failures.append((target, found.missing))
    target, why = failures[0]
    return Unresolved(path, ref.line, ref.column, ref.spelled, target, f"{why} ({resolver.where(target)})")


def _check_keywords(ref: Reference, path: str, resolver: LiveResolver) -> Iterator[Unresolved]:
    """Keywords no binding of the callee accepts (a callee that does not resolve is reported as a name)."""
    accepted: Set[str] = set()
    for target in ref.targets:
        found = resolver.lookup(target)
        keywords = resolver.accepted_keywords(found.value) if found.found and found.value is not None else None
        if keywords is None:
            return
        accepted |= keywords
    target = ref.targets[0]
    for keyword, line, column in ref.keywords:
        if keyword not in accepted:
            yield Unresolved(
                path, line, column, f"{ref.spelled}({keyword}=)", f"{target}({keyword}=)",
                f"{target} takes no keyword '{keyword}' ({resolver.where(target)})",
            )


def check_source(text: str, path: str = "<string>", resolver: Optional[LiveResolver] = None) -> FileCheck:
    """Scan and resolve one program's text (needs TensorFlow)."""
    resolver = resolver or _shared_resolver()
    resolver.start()
    return check_scan(scan_text(text, path), resolver)


_SHARED: List[LiveResolver] = []


def _shared_resolver() -> LiveResolver:
    if not _SHARED:
        _SHARED.append(LiveResolver())
    return _SHARED[0]


# ------------------------------------------------------------------------------------------------------- a run


def verify_paths(paths: Sequence[str], excludes: Sequence[str] = (), jobs: int = 0) -> VerifyRun:
    """Scan every file under ``paths`` and resolve what it uses. Raises :class:`TensorFlowMissing`."""
    found = discover(paths, excludes)
    files = [str(path) for path, _ in found.files if path.suffix == ".py"]  # notebooks: not checked yet
    resolver = _shared_resolver()
    scans = _scan_all(files, jobs, resolver)
    run = VerifyRun(bad_paths=[(str(path), message) for path, message in found.errors])
    run.files = [check_scan(scan, resolver) for scan in scans]
    run.tensorflow_version = resolver.tensorflow_version
    return run


def _scan_all(files: List[str], jobs: int, resolver: LiveResolver) -> List[FileScan]:
    """Scan in worker processes while this one imports TensorFlow. The workers are started before the import,
    so none of them carries TensorFlow."""
    workers = min(jobs or os.cpu_count() or 1, max(1, len(files) // _CHUNK))
    if workers <= 1:
        resolver.start()
        return _scan_chunk(files)
    chunks = [files[i:i + _CHUNK] for i in range(0, len(files), _CHUNK)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(_scan_chunk, chunk) for chunk in chunks]
        try:
            resolver.start()
        except TensorFlowMissing:
            for future in futures:
                future.cancel()
            raise
        return [scan for future in futures for scan in future.result()]


def write_verify_report(path: Path, run: VerifyRun) -> None:
    """{schema_version, tool, command, version, tensorflow, summary{files, unresolved, files_with_unresolved,
    errors}, unresolved[{path, line, column, name, resolved, reason}], errors[{path, line, message}]}."""
    errors = [{"path": c.path, "line": c.error_line, "message": c.error} for c in run.errors]
    errors += [{"path": p, "line": 0, "message": m} for p, m in run.bad_paths]
    document = {
        "schema_version": 1,
        "tool": "tf2migrate",
        "command": "verify",
        "version": __version__,
        "tensorflow": run.tensorflow_version,
        "summary": {
            "files": len(run.files),
            "unresolved": len(run.unresolved),
            "files_with_unresolved": sum(1 for c in run.files if c.unresolved),
            "errors": len(errors),
        },
        "unresolved": [
            {"path": u.path, "line": u.line, "column": u.column, "name": u.spelled, "resolved": u.name, "reason": u.reason}
            for u in run.unresolved
        ],
        "errors": errors,
    }
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
