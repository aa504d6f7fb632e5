"""What a name was assigned, when the file proves it: shared by codemods that must know what a variable holds
(a Keras model built here, the function object `K.function` returned, ...)."""

from __future__ import annotations

from typing import Optional

import libcst as cst
from libcst.metadata import Assignment, ParentNodeProvider, ScopeProvider

from tf2migrate.codemod import Codemod


def single_assignment(codemod: Codemod, name: cst.Name) -> Optional[Assignment]:
    """The name's assignment in its scope when there is exactly one, and it is in this file."""
    scope = codemod.get_metadata(ScopeProvider, name, None)
    assignments = list(scope[name.value]) if scope is not None else []
    if len(assignments) != 1 or not isinstance(assignments[0], Assignment):
        return None
    return assignments[0]


def assigned_value(codemod: Codemod, assignment: Assignment) -> Optional[cst.BaseExpression]:
    """The value of ``name = value`` when the assignment is exactly that (not a parameter, a loop or tuple
    target, an augmented assignment)."""
    target = codemod.get_metadata(ParentNodeProvider, assignment.node, None)
    assign = codemod.get_metadata(ParentNodeProvider, target, None) if isinstance(target, cst.AssignTarget) else None
    if isinstance(assign, cst.Assign) and len(assign.targets) == 1 and assign.targets[0].target is assignment.node:
        return assign.value
    return None


def single_assigned_value(codemod: Codemod, node: cst.BaseExpression) -> Optional[cst.BaseExpression]:
    """The value of the only assignment of the name ``node``; None for anything else."""
    if not isinstance(node, cst.Name):
        return None
    assignment = single_assignment(codemod, node)
    return assigned_value(codemod, assignment) if assignment is not None else None
