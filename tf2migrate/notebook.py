"""Jupyter notebooks: read, migrate as one module, write back only the code cells that changed.

The code cells are joined into one module (see :mod:`tf2migrate.notebook_cells`), so scaffolding that spans cells
(a session made in one cell, handed to Keras in the next) is seen whole; the result is split back per cell.
``SourceFile.text`` of a notebook is that joined module and ``FileResult.new_text`` its rewrite; the notebook's
own bytes come from :meth:`NotebookSource.encode`, which replaces only the changed cells' ``source`` values and
keeps everything else of the JSON text (indent, key order, escapes, outputs, trailing newline) as it was.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import re
import warnings
from dataclasses import dataclass
from json.decoder import scanstring
from pathlib import Path
from typing import AbstractSet, Callable, Dict, Iterator, List, Optional, Tuple, Union

from tf2migrate.diffs import diff_lines
from tf2migrate.hunks import FileChanges, Hunk
from tf2migrate.notebook_cells import (
    RESERVED,
    CellLines,
    CodeCell,
    join_cells,
    mask_cell,
    restore_cell,
    split_joined,
    unmask_for_display,
)
from tf2migrate.results import FileError, FileResult, Finding, Severity, Status
from tf2migrate.source import SourceError, SourceFile, read_bytes

NOTEBOOK_SUFFIX = ".ipynb"
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Layout:
    """How ``json.dumps`` reproduces the notebook's text exactly, when it does."""

    indent: Optional[str]
    separators: Tuple[str, str]
    ensure_ascii: bool
    trailing: str  # whitespace after the closing brace


@dataclass(frozen=True)
class NotebookSource(SourceFile):
    document: dict
    cells: Tuple[CodeCell, ...]
    layout: Optional[Layout]  # None: the serialiser does not reproduce the file; changes are spliced in
    invalid: str  # why nbformat's schema check failed, "" when it passed

    def encode(self, text: str) -> bytes:
        return notebook_bytes(self, text)

    @property
    def json_text(self) -> str:
        return self.raw.decode(self.encoding)


def is_notebook_path(path: Path) -> bool:
    return path.name.endswith(NOTEBOOK_SUFFIX)


def is_notebook(source: Optional[SourceFile]) -> bool:
    return isinstance(source, NotebookSource)


# ---------------------------------------------------------------- reading


def read_notebook(path: Path) -> NotebookSource:
    raw, mode = read_bytes(path)
    encoding = "utf-8-sig" if raw.startswith(_BOM) else "utf-8"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise SourceError(f"not a notebook: not UTF-8 (byte {raw[exc.start]:#04x} at offset {exc.start})") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(f"not a notebook: invalid JSON ({exc.msg}, column {exc.colno})", exc.lineno) from None
    cells = _code_cells(document)
    return NotebookSource(
        path=path,
        raw=raw,
        encoding=encoding,
        text=join_cells(cells, [cell.chunk for cell in cells]),
        mode=mode,
        document=document,
        cells=cells,
        layout=_layout(text, document),
        invalid=_schema_problem(document),
    )


def _code_cells(document: object) -> Tuple[CodeCell, ...]:
    if not isinstance(document, dict) or not isinstance(document.get("cells"), list):
        if isinstance(document, dict) and "worksheets" in document:
            raise SourceError("nbformat 3 notebook: open and save it in Jupyter (format 4), then run again")
        raise SourceError("not a notebook: no top-level \"cells\" list")
    cells: List[CodeCell] = []
    for index, cell in enumerate(document["cells"], 1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = _joined_source(cell.get("source"), index)
        if any(word in source for word in RESERVED):
            raise SourceError(f"cell {index} contains tf2migrate's own marker text ({RESERVED[0]}); not migrated")
        cells.append(mask_cell(index, source))
    return tuple(cells)


def _joined_source(source: object, index: int) -> str:
    if isinstance(source, str):
        return source
    if isinstance(source, list) and all(isinstance(line, str) for line in source):
        return "".join(source)
    raise SourceError(f"not a notebook: cell {index}'s \"source\" is neither a string nor a list of strings")


def _schema_problem(document: dict) -> str:
    try:
        import nbformat
        from nbformat.validator import ValidationError
    except ImportError:  # pragma: no cover - nbformat is a dependency; a broken install only loses the check
        return ""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nbformat.validate(copy.deepcopy(document))
    except ValidationError as exc:
        return str(exc.message)
    except Exception as exc:  # an unknown nbformat version and the like
        return str(exc)
    return ""


def _layout(text: str, document: dict) -> Optional[Layout]:
    body = text.rstrip(" \t\r\n")
    trailing = text[len(body) :]
    found = re.match(r"\{\n([ \t]+)", body)
    indent = found.group(1) if found else None
    for ensure_ascii in (False, True):
        for separators in ((",", ": "), (", ", ": "), (",", ":")):
            if json.dumps(document, indent=indent, ensure_ascii=ensure_ascii, separators=separators) == body:
                return Layout(indent, separators, ensure_ascii, trailing)
    return None


# ---------------------------------------------------------------- running


def run_notebook(source: NotebookSource, root: Path, transform: Callable[[SourceFile], FileResult]) -> FileResult:
    """``transform`` is the runner's chain on the joined module; this checks the kernel before it and maps the
    outcome back to cells after it."""
    problem = _kernel_problem(source.document)
    if problem:
        return FileResult(source.path, root, Status.FAILED, source, error=FileError(problem))
    result = transform(source)
    lines = CellLines(source.cells)
    if result.error is not None:
        return _failure(result, _error_in_cell(result.error, lines))
    if result.status is Status.CHANGED:
        try:
            source.encode(result.new_text or "")
        except SourceError as exc:
            return _failure(result, FileError(exc.message, exc.line))
    findings = tuple(_finding_in_cell(finding, lines) for finding in result.findings)
    if source.invalid:
        findings = (_invalid_schema_finding(source.invalid), *findings)
    return dataclasses.replace(result, findings=findings)


def _kernel_problem(document: dict) -> str:
    metadata = document.get("metadata") if isinstance(document.get("metadata"), dict) else {}
    kernel = metadata.get("kernelspec") if isinstance(metadata.get("kernelspec"), dict) else {}
    language = metadata.get("language_info") if isinstance(metadata.get("language_info"), dict) else {}
    name = str(kernel.get("name", ""))
    version = str(language.get("version", ""))
    if name == "python2" or (str(language.get("name", "python")) == "python" and version.startswith("2.")):
        return (
            f"Python 2 notebook (kernel {name or 'python ' + version}): tf2migrate reads Python 3 only. Convert its "
            "code cells to Python 3 and switch the kernel to Python 3 first, then run tf2migrate again"
        )
    kernel_language = str(kernel.get("language") or language.get("name") or "python").lower()
    if kernel_language != "python":
        return f"not a Python notebook (kernel language {kernel_language!r}); left as it was"
    return ""


def _failure(result: FileResult, error: FileError) -> FileResult:
    return dataclasses.replace(result, status=Status.FAILED, new_text=None, error=error)


def _error_in_cell(error: FileError, lines: CellLines) -> FileError:
    if not error.line:
        return error
    cell, line = lines.locate(error.line)
    return dataclasses.replace(error, line=line, cell=cell)


def _finding_in_cell(finding: Finding, lines: CellLines) -> Finding:
    cell, line = lines.locate(finding.line) if finding.line else (None, 0)
    related = []
    for related_line, what in finding.related:
        related_cell, in_cell = lines.locate(related_line)
        related.append((in_cell, f"{what} in cell {related_cell}"))
    return dataclasses.replace(finding, line=line, cell=cell, related=tuple(related))


def _invalid_schema_finding(problem: str) -> Finding:
    return Finding(
        "notebook",
        0,
        0,
        Severity.WARNING,
        f"the notebook does not validate against the nbformat schema ({problem}); only code cell sources were changed",
        "open and save it in Jupyter, or check it with `jupyter nbconvert --to notebook`",
    )


# ---------------------------------------------------------------- writing


def new_sources(source: NotebookSource, text: str) -> Dict[int, str]:
    """The changed cells' new sources, by cell index; SourceError when the text cannot be split back."""
    chunks = split_joined(text, source.cells)
    changed = {}
    for cell, chunk in zip(source.cells, chunks):
        restored = restore_cell(cell, chunk)
        if restored != cell.source:
            changed[cell.index] = restored
    return changed


def notebook_bytes(source: NotebookSource, text: str) -> bytes:
    changed = new_sources(source, text)
    if not changed:
        return source.raw
    values = {index: _as_stored(source.document["cells"][index - 1]["source"], new) for index, new in changed.items()}
    if source.layout is not None:
        out = _serialised(source, values)
    else:
        out = _spliced(source, values)
    return (_BOM if source.encoding == "utf-8-sig" else b"") + out.encode("utf-8")


def _as_stored(old: object, new: str) -> object:
    """The cell's own representation: a list of lines (split as nbformat splits) or one string."""
    return new.splitlines(keepends=True) if isinstance(old, list) else new


def _serialised(source: NotebookSource, values: Dict[int, object]) -> str:
    layout = source.layout
    assert layout is not None
    document = copy.copy(source.document)
    document["cells"] = list(document["cells"])
    for index, value in values.items():
        document["cells"][index - 1] = {**document["cells"][index - 1], "source": value}
    text = json.dumps(document, indent=layout.indent, ensure_ascii=layout.ensure_ascii, separators=layout.separators)
    return text + layout.trailing


def _spliced(source: NotebookSource, values: Dict[int, object]) -> str:
    """Replace only the changed ``source`` values in the original JSON text."""
    text = source.json_text
    spans = _source_spans(text)
    out: List[str] = []
    position = 0
    for index in sorted(values):
        start, end = spans[index]
        rendered = _render_value(text, start, end, values[index])
        if json.loads(rendered) != values[index]:  # pragma: no cover - a guard on the renderer itself
            raise SourceError(f"cell {index}: cannot write its new source in the notebook's layout; not written")
        out.extend((text[position:start], rendered))
        position = end
    out.append(text[position:])
    return "".join(out)


_WHITESPACE = re.compile(r"[ \t\r\n]*")
_DECODER = json.JSONDecoder()


def _skip(text: str, position: int) -> int:
    return _WHITESPACE.match(text, position).end()  # type: ignore[union-attr]


def _members(text: str, position: int) -> Iterator[Tuple[str, int, int]]:
    """(key, value start, value end) of the JSON object starting at ``position``."""
    position = _skip(text, position + 1)
    while text[position] == '"':
        key, position = scanstring(text, position + 1)
        position = _skip(text, _skip(text, position) + 1)  # past the colon
        _, end = _DECODER.raw_decode(text, position)
        yield key, position, end
        position = _skip(text, end)
        if text[position] == ",":
            position = _skip(text, position + 1)


def _elements(text: str, position: int) -> Iterator[Tuple[int, int]]:
    """(start, end) of each element of the JSON array starting at ``position``."""
    position = _skip(text, position + 1)
    while text[position] != "]":
        _, end = _DECODER.raw_decode(text, position)
        yield position, end
        position = _skip(text, end)
        if text[position] == ",":
            position = _skip(text, position + 1)


def _source_spans(text: str) -> Dict[int, Tuple[int, int]]:
    spans: Dict[int, Tuple[int, int]] = {}
    for key, start, _ in _members(text, _skip(text, 0)):
        if key != "cells":
            continue
        for index, (cell_start, _) in enumerate(_elements(text, start), 1):
            for cell_key, value_start, value_end in _members(text, cell_start):
                if cell_key == "source":
                    spans[index] = (value_start, value_end)
    return spans


def _render_value(text: str, start: int, end: int, value: object) -> str:
    """``value`` in the layout of the value it replaces; a line that was there keeps its exact text."""
    ensure_ascii = text.isascii()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=ensure_ascii)
    assert isinstance(value, list)
    if not value:
        return "[]"
    items = list(_elements(text, start))
    kept = {json.loads(text[a:b]): text[a:b] for a, b in items}
    rendered = [kept.get(line) or json.dumps(line, ensure_ascii=ensure_ascii) for line in value]
    if items:
        opening = text[start + 1 : items[0][0]]
        closing = text[items[-1][1] : end - 1]
        separator = text[items[0][1] : items[1][0]] if len(items) > 1 else "," + opening
    else:
        line_start = text.rfind("\n", 0, start) + 1
        line_indent = text[line_start : _skip(text, line_start)].strip("\r\n")
        unit = re.match(r"\{\r?\n([ \t]*)", text)
        newline = "\r\n" if "\r\n" in text else "\n"
        opening = newline + line_indent + (unit.group(1) if unit else " ")
        closing = newline + line_indent
        separator = "," + opening
    return "[" + opening + separator.join(rendered) + closing + "]"


# ---------------------------------------------------------------- showing and reviewing


def notebook_diff(result: FileResult) -> List[str]:
    """A unified diff per changed cell, headed ``a/nb.ipynb:cell 3`` / ``b/nb.ipynb:cell 3``."""
    source = result.source
    assert isinstance(source, NotebookSource) and result.new_text is not None
    path = result.path.as_posix().lstrip("/")
    out: List[str] = []
    old_chunks = split_joined(source.text, source.cells)
    new_chunks = split_joined(result.new_text, source.cells)
    for cell, old, new in zip(source.cells, old_chunks, new_chunks):
        if old == new:
            continue
        lines = diff_lines(old.splitlines(keepends=True), new.splitlines(keepends=True), f"{path}:cell {cell.index}")
        out.extend(unmask_for_display(line, source.cells) for line in lines)
    return out


class NotebookChanges:
    """:class:`FileChanges` per cell, behind the same interface: hunks never span cells, their headers name the
    cell, and :meth:`rebuild` gives back the joined module, which :meth:`NotebookSource.encode` writes."""

    def __init__(self, source: NotebookSource, new_text: str, label: str) -> None:
        self.source = source
        self.label = label
        old_chunks = split_joined(source.text, source.cells)
        new_chunks = split_joined(new_text, source.cells)
        self.per_cell = [FileChanges(old, new) for old, new in zip(old_chunks, new_chunks)]
        self.offsets: List[int] = []
        total = 0
        for changes in self.per_cell:
            self.offsets.append(total)
            total += len(changes.opcodes)

    def hunks(self) -> List[Hunk]:
        return [self._global(pos, hunk) for pos, changes in enumerate(self.per_cell) for hunk in changes.hunks()]

    def split(self, hunk: Hunk) -> List[Hunk]:
        pos = self._cell_of(hunk.changes[0])
        local = Hunk(tuple(change - self.offsets[pos] for change in hunk.changes), ())
        return [self._global(pos, part) for part in self.per_cell[pos].split(local)]

    def rebuild(self, accepted: AbstractSet[int]) -> str:
        chunks = []
        for pos, changes in enumerate(self.per_cell):
            span = range(self.offsets[pos], self.offsets[pos] + len(changes.opcodes))
            chunks.append(changes.rebuild({change - self.offsets[pos] for change in accepted if change in span}))
        return join_cells(self.source.cells, chunks)

    def _cell_of(self, change: int) -> int:
        return max(pos for pos, offset in enumerate(self.offsets) if offset <= change)

    def _global(self, pos: int, hunk: Hunk) -> Hunk:
        header, *body = hunk.lines
        cell = self.source.cells[pos]
        lines = (f"{header} {self.label}:cell {cell.index}", *(unmask_for_display(line, self.source.cells) for line in body))
        return Hunk(tuple(change + self.offsets[pos] for change in hunk.changes), lines)


def changes_for(result: FileResult) -> Union[FileChanges, NotebookChanges]:
    """What the reviewer walks for one result: per-cell changes for a notebook, the file's changes otherwise."""
    assert result.new_text is not None
    if isinstance(result.source, NotebookSource):
        return NotebookChanges(result.source, result.new_text, result.path.as_posix().lstrip("/"))
    return FileChanges(result.old_text, result.new_text)
