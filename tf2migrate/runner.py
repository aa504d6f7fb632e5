"""One file through the codemod chain, and many files in parallel. Nothing here raises for a bad file: every
outcome is a :class:`FileResult`."""

from __future__ import annotations

import ast
import dataclasses
import os
import re
import traceback
from concurrent.futures import ProcessPoolExecutor, as_completed
from difflib import SequenceMatcher
from pathlib import Path
from typing import Callable, List, Optional, Sequence, Tuple, Type

import libcst as cst
from libcst.codemod import CodemodContext, SkipFile

from tf2migrate.codemod import (
    IMPORT_REMOVALS_KEY,
    METADATA_CACHE_KEY,
    Codemod,
    MetadataCache,
    Settings,
    apply_import_removals,
)
from tf2migrate.notebook import is_notebook, is_notebook_path, read_notebook, run_notebook
from tf2migrate.results import MODE_KEY, FileError, FileResult, Finding, Mode, Status
from tf2migrate.source import SourceError, SourceFile, decode_source, read_source

Chain = Sequence[Type[Codemod]]

# A file mentioning neither name cannot hold TensorFlow or Keras code worth rewriting, so it is not parsed.
_MARKERS = (b"tensorflow", b"keras")


def might_use_tensorflow(raw: bytes) -> bool:
    return any(marker in raw for marker in _MARKERS)


def run_file(path: Path, root: Path, chain: Chain, settings: Settings = Settings()) -> FileResult:
    try:
        source = read_notebook(path) if is_notebook_path(path) else read_source(path)
    except SourceError as exc:
        return _failed(path, root, None, exc.message, exc.line)
    return run_source(source, root, chain, settings)


def run_source(source: SourceFile, root: Path, chain: Chain, settings: Settings = Settings()) -> FileResult:
    path = source.path
    code = source.text.encode("utf-8") if is_notebook(source) else source.raw  # a notebook: its code cells only
    if not might_use_tensorflow(code):
        return FileResult(path, root, Status.SKIPPED, source)
    try:
        if is_notebook(source):
            return run_notebook(source, root, lambda joined: _transform(joined, root, chain, settings))
        return _transform(source, root, chain, settings)
    except Exception as exc:  # a codemod bug must not stop the run; the traceback goes in the report
        return _failed(path, root, source, f"internal error: {exc!r}", tb=traceback.format_exc())


def _transform(source: SourceFile, root: Path, chain: Chain, settings: Settings) -> FileResult:
    path = source.path
    try:
        module = cst.parse_module(source.text)
    except cst.ParserSyntaxError as exc:
        message, line, column = _syntax_error(source.text, exc)
        return _failed(path, root, source, message, line, column)
    except RecursionError:
        return _failed(path, root, source, "too deeply nested for the parser; left as it was")
    if _PY2_EXCEPT.search(source.text):
        # libcst reads Python 2's ``except X, e:`` as Python 3.14's ``except (X, e):``; Python's parser says which.
        python2 = _python2_error(source.text)
        if python2 is not None:
            return _failed(path, root, source, *python2)

    original = module
    findings: List[Finding] = []
    mode: Optional[Mode] = None
    metadata = MetadataCache()
    import_removals: list = []
    text = source.text  # the text of ``module``
    for codemod_class in chain:
        if not codemod_class.is_triggered_by(text):  # what the codemods before it left
            continue
        if codemod_class.REWRITES_IMPORTS and import_removals:
            try:
                module, text = _without_unused_imports(module, text, import_removals, path)
            except Exception as exc:
                return _import_removal_crashed(path, root, source, exc)
            import_removals = []
        scratch = {METADATA_CACHE_KEY: metadata, IMPORT_REMOVALS_KEY: import_removals}
        context = CodemodContext(filename=str(path), scratch=scratch)
        codemod = codemod_class(context, settings)
        try:
            transformed = codemod.transform_module(module)
        except SkipFile:
            continue
        except Exception as exc:
            return _failed(
                path, root, source, f"codemod {codemod_class.NAME} crashed: {exc!r}", tb=traceback.format_exc()
            )
        if codemod.findings and text != source.text:
            findings.extend(_in_original_lines(codemod.findings, source.text, text))
        else:
            findings.extend(codemod.findings)
        mode = context.scratch.get(MODE_KEY, mode)
        new_text = transformed.code
        if new_text != text:  # otherwise the next codemod gets the same tree, and its metadata
            module, text = transformed, new_text

    try:
        module, text = _without_unused_imports(module, text, import_removals, path)
    except Exception as exc:
        return _import_removal_crashed(path, root, source, exc)

    ordered = tuple(sorted(findings, key=lambda f: (f.line, f.column, f.codemod)))
    new_text = text
    if new_text == source.text:
        return FileResult(path, root, Status.UNCHANGED, source, findings=ordered, mode=mode)
    reprinted = original.code  # printed only when the text differs: is it the rewrite, or libcst's reprint?
    if new_text == reprinted:
        return FileResult(path, root, Status.UNCHANGED, source, findings=ordered, mode=mode)
    if reprinted != source.text:
        return _failed(path, root, source, *_round_trip_error(source.text, reprinted))
    return FileResult(path, root, Status.CHANGED, source, new_text=new_text, findings=ordered, mode=mode)


def _without_unused_imports(module: cst.Module, text: str, removals: list, path: Path) -> Tuple[cst.Module, str]:
    pruned = apply_import_removals(module, text, removals, str(path))
    return (module, text) if pruned is module else (pruned, pruned.code)


def _import_removal_crashed(path: Path, root: Path, source: SourceFile, exc: Exception) -> FileResult:
    return _failed(path, root, source, f"removing unused imports crashed: {exc!r}", tb=traceback.format_exc())


def _round_trip_error(text: str, printed: str) -> Tuple[str, int]:
    """libcst drops some whitespace-only lines at the end of a file; a rewrite would lose them with it."""
    same = len(os.path.commonprefix([text, printed]))
    message = (
        "libcst cannot reproduce this file byte for byte (it drops whitespace-only lines at the end); "
        "left as it was: remove the trailing whitespace lines and run again"
    )
    return message, text.count("\n", 0, same) + 1


def _in_original_lines(findings: Sequence[Finding], original: str, seen: str) -> List[Finding]:
    """A codemod later in the chain saw the text as earlier codemods left it; its findings must point at the
    user's file. Lines kept from the original map exactly; a line inside a rewritten region maps to the start
    of that region."""
    old_lines, new_lines = original.splitlines(), seen.splitlines()
    to_original = {}
    for tag, old_start, old_end, new_start, new_end in SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes():
        for offset in range(new_end - new_start):
            to_original[new_start + offset + 1] = old_start + 1 + (offset if tag == "equal" else 0)
    return [
        dataclasses.replace(
            f,
            line=to_original.get(f.line, f.line),
            related=tuple((to_original.get(line, line), what) for line, what in f.related),
        )
        for f in findings
    ]


def _failed(
    path: Path,
    root: Path,
    source: Optional[SourceFile],
    message: str,
    line: int = 0,
    column: int = 0,
    tb: str = "",
) -> FileResult:
    return FileResult(path, root, Status.FAILED, source, error=FileError(message, line, column, tb))


_PY2_EXCEPT = re.compile(r"^\s*except\s+[\w.]+\s*,\s*\w+\s*:", re.M)
_PYTHON2_SIGNS: Tuple[Tuple[str, "re.Pattern[str]"], ...] = (
    ("a print statement", re.compile(r"^\s*print(\s+[^\s(=.,)]|\s*$)", re.M)),
    ("an 'except X, e:' clause", _PY2_EXCEPT),
    ("an exec statement", re.compile(r"^\s*exec\s+['\"\w]", re.M)),
    ("a 'raise X, msg' statement", re.compile(r"^\s*raise\s+[\w.]+\s*,", re.M)),
    ("a backtick repr", re.compile(r"^[^#'\"\n]*`", re.M)),
    ("the '<>' operator", re.compile(r"^[^#'\"\n]*<>", re.M)),
    ("a Python 2 octal or long literal", re.compile(r"(?<![\w.])(0[0-7]+|\d+[lL])\b")),
)


def _python2_error(text: str) -> Optional[Tuple[str, int, int]]:
    try:
        ast.parse(text)
    except SyntaxError as exc:
        message = _python2_message(text, exc.lineno or 0)
        return (message, exc.lineno or 0, exc.offset or 0) if message else None
    except (ValueError, RecursionError, MemoryError):
        return None
    return None


def _python2_message(text: str, line: int) -> Optional[str]:
    lines = text.splitlines()
    bad_line = lines[line - 1] if 0 < line <= len(lines) else ""
    for sign, pattern in _PYTHON2_SIGNS:
        if pattern.search(bad_line):
            return (
                f"Python 2 syntax ({sign}): tf2migrate reads Python 3 only. Convert the file to Python 3 first "
                "(e.g. `2to3 -w FILE` or python-modernize), then run tf2migrate again"
            )
    return None


def _syntax_error(text: str, exc: cst.ParserSyntaxError) -> Tuple[str, int, int]:
    """(message, line, column). Python's own parser places and words syntax errors best; libcst's position is
    the fallback for code that Python accepts but libcst does not."""
    try:
        ast.parse(text)
    except SyntaxError as py_exc:
        line, column, what = py_exc.lineno or 0, py_exc.offset or 0, py_exc.msg
    except (ValueError, RecursionError, MemoryError):
        line, column, what = exc.raw_line, exc.raw_column + 1, exc.message
    else:
        return (f"libcst cannot parse this file: {exc.message}; left as it was", exc.raw_line, exc.raw_column + 1)
    message = _python2_message(text, line) or f"syntax error: {what}; the file was left as it was"
    return message, line, column


def run_files(
    files: Sequence[Tuple[Path, Path]],
    chain: Chain,
    settings: Settings = Settings(),
    jobs: int = 0,
    on_result: Optional[Callable[[FileResult], None]] = None,
) -> List[FileResult]:
    """Run every (path, root) through the chain; results come back in the order of ``files``.

    ``jobs`` 0 means one worker per core. Small runs stay in this process: a worker pool costs more to start
    than it saves on a handful of files.
    """
    workers = min(jobs or os.cpu_count() or 1, len(files))
    if workers <= 1 or len(files) < 8:
        results = []
        for path, root in files:
            result = run_file(path, root, chain, settings)
            if on_result:
                on_result(result)
            results.append(result)
        return results

    by_index = {}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(run_file, path, root, chain, settings): i for i, (path, root) in enumerate(files)}
        for future in as_completed(futures):
            result = future.result()
            by_index[futures[future]] = result
            if on_result:
                on_result(result)
    return [by_index[i] for i in range(len(files))]


def run_text(text: str, chain: Chain, settings: Settings = Settings(), path: str = "<string>") -> FileResult:
    """Convenience for tests and tools: run source text that is not on disk."""
    raw = text.encode("utf-8")
    return run_source(decode_source(Path(path), raw), Path("."), chain, settings)
