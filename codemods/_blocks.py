"""Replacing and removing whole statements without losing the comments and spacing around them.

A codemod decides, while visiting the original tree, what happens to whole statements
(``self.plan[original_statement] = [new statements]``; an empty list removes it, ``KEEP`` in the list stands
for the statement itself as the rest of the traversal left it, and ``UNWRAP`` for the body of a compound
statement, such as a ``with``, without its header). When a block is left, the
plan is applied to its body: the comments above a removed statement and its end-of-line comment move above
the statement that takes its place, and its leading blank lines merge with the next statement's without
making a longer run of blank lines than either had.
"""

from __future__ import annotations

from typing import Dict, List, Sequence, Union

import libcst as cst

from tf2migrate.codemod import Codemod

Block = Union[cst.Module, cst.IndentedBlock]
KEEP = cst.SimpleStatementLine([cst.Pass()])  # a marker, compared by identity, never emitted
UNWRAP = cst.SimpleStatementLine([cst.Pass()])  # a marker: the compound statement's body, dedented in its place


def _blank(line: cst.EmptyLine) -> bool:
    return line.comment is None


def _longest_blank_run(lines: Sequence[cst.EmptyLine]) -> int:
    longest = run = 0
    for line in lines:
        run = run + 1 if _blank(line) else 0
        longest = max(longest, run)
    return longest


def merge_leading_lines(moved: Sequence[cst.EmptyLine], own: Sequence[cst.EmptyLine]) -> List[cst.EmptyLine]:
    cap = max(_longest_blank_run(moved), _longest_blank_run(own))
    merged: List[cst.EmptyLine] = []
    run = 0
    for line in [*moved, *own]:
        run = run + 1 if _blank(line) else 0
        if run <= cap:
            merged.append(line)
    return merged


def lines_carried_by(statement: cst.BaseStatement) -> List[cst.EmptyLine]:
    """What must survive a statement's removal: the lines above it, and its end-of-line comment."""
    lines = list(statement.leading_lines)
    if isinstance(statement, cst.SimpleStatementLine) and statement.trailing_whitespace.comment is not None:
        lines.append(cst.EmptyLine(indent=True, comment=statement.trailing_whitespace.comment))
    return lines


def _leading_blanks(lines: Sequence[cst.EmptyLine]) -> int:
    count = 0
    for line in lines:
        if not _blank(line):
            break
        count += 1
    return count


def with_leading_lines(
    statement: cst.BaseStatement, moved: Sequence[cst.EmptyLine], opens_block: bool = False
) -> cst.BaseStatement:
    """``statement`` with ``moved`` lines above its own. Blank lines that only separated removed statements
    from earlier ones do not open a block."""
    if not moved:
        return statement
    merged = merge_leading_lines(moved, statement.leading_lines)
    if opens_block:
        excess = _leading_blanks(merged) - _leading_blanks(statement.leading_lines)
        merged = merged[max(excess, 0) :]
    return statement.with_changes(leading_lines=merged)


def apply_plan(
    original: Sequence[cst.BaseStatement],
    updated: Sequence[cst.BaseStatement],
    plan: Dict[cst.BaseStatement, Sequence[cst.BaseStatement]],
) -> "tuple[List[cst.BaseStatement], List[cst.EmptyLine]]":
    """The new body, and lines left over after the last statement (for the block's footer)."""
    body: List[cst.BaseStatement] = []
    pending: List[cst.EmptyLine] = []
    for before, after in zip(original, updated):
        replacement = plan.get(before)
        if replacement is None:
            body.append(with_leading_lines(after, pending, opens_block=not body))
            pending = []
            continue
        kept = any(new is KEEP for new in replacement)
        if kept and not pending:
            # New statements before a kept one stand where it stood: they take its leading lines.
            pending, after = list(after.leading_lines), after.with_changes(leading_lines=())
        elif not kept:
            pending = merge_leading_lines(pending, lines_carried_by(after))
        # else: they take the lines of the statements removed just before, and the kept one keeps its own.
        for new in replacement:
            trailing: List[cst.EmptyLine] = []
            if new is UNWRAP:
                inner, pending, trailing = _unwrapped(after, pending)
            else:
                inner = [after if new is KEEP else new]
            for statement in inner:
                body.append(with_leading_lines(statement, pending, opens_block=not body))
                pending = []
            pending = merge_leading_lines(pending, trailing)
    return body, [line for line in pending if not _blank(line)]


def _unwrapped(
    compound: cst.BaseStatement, pending: List[cst.EmptyLine]
) -> "tuple[List[cst.BaseStatement], List[cst.EmptyLine], List[cst.EmptyLine]]":
    """The body of ``compound``; the lines to go above its first statement (the header's comment joins them);
    the block's trailing comment lines, which go on after its last statement."""
    block = compound.body
    assert isinstance(block, cst.IndentedBlock), "only a statement with an indented body can be unwrapped"
    if block.header.comment is not None:
        pending = [*pending, cst.EmptyLine(indent=True, comment=block.header.comment)]
    return list(block.body), pending, list(block.footer)


class BlockRewriter(Codemod):
    """Applies ``self.plan`` to every statement block on the way out of the tree."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.plan: Dict[cst.BaseStatement, Sequence[cst.BaseStatement]] = {}

    def leave_IndentedBlock(self, original_node: cst.IndentedBlock, updated_node: cst.IndentedBlock) -> cst.IndentedBlock:
        if not any(statement in self.plan for statement in original_node.body):
            return updated_node
        body, leftover = apply_plan(original_node.body, updated_node.body, self.plan)
        if not body:  # the block must keep a statement
            body = [cst.SimpleStatementLine([cst.Pass()], leading_lines=leftover)]
            leftover = []
        return updated_node.with_changes(body=body, footer=[*leftover, *updated_node.footer])

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        if not any(statement in self.plan for statement in original_node.body):
            return updated_node
        body, leftover = apply_plan(original_node.body, updated_node.body, self.plan)
        return updated_node.with_changes(body=body, footer=[*leftover, *updated_node.footer])
