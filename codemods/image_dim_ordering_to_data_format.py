from __future__ import annotations

from typing import Optional, Set

import libcst as cst
from libcst.codemod.visitors import AddImportsVisitor, RemoveImportsVisitor
from libcst.helpers import parse_template_expression
from libcst.metadata import ParentNodeProvider

from codemods._names import TracksImports, dotted
from tf2migrate.codemod import Codemod, FixSafety

SETTER = "set_image_dim_ordering"
GETTER = "image_dim_ordering"
NEW_NAME = {SETTER: "set_image_data_format", GETTER: "image_data_format"}
BACKEND_MODULES = ("backend", "backend.common")
# Keras 2.2.4: set_image_dim_ordering accepts exactly "th" and "tf"; image_dim_ordering() returns "th" for
# channels_first and "tf" otherwise, and the data format is always one of the two.
ORDERING_TO_FORMAT = {"th": "channels_first", "tf": "channels_last"}
# A runtime ordering maps the same way; anything else gives None, which set_image_data_format rejects with a
# ValueError, as set_image_dim_ordering did.
MAPPING_TEMPLATE = '{"th": "channels_first", "tf": "channels_last"}.get({ordering})'
GENERAL_GETTER_TEMPLATE = '"th" if {call} == "channels_first" else "tf"'
# Where a conditional expression needs no parentheses of its own.
BARE_EXPRESSION_PARENTS = (cst.Arg, cst.Assign, cst.AnnAssign, cst.Return, cst.Expr, cst.Index)


class ImageDimOrderingToDataFormat(TracksImports, Codemod):
    """Replace Keras 1's image dim ordering (`"th"` / `"tf"`) with the data format Keras 3 kept.

    What it does:
    `K.set_image_dim_ordering("th")` becomes `K.set_image_data_format("channels_first")` (`"tf"`:
    `"channels_last"`); a runtime ordering `o` becomes
    `{"th": "channels_first", "tf": "channels_last"}.get(o)`. `K.image_dim_ordering() == "th"` becomes
    `K.image_data_format() == "channels_first"` (likewise `!=`, `"tf"`, either side), and any other use of
    `K.image_dim_ordering()` becomes `("th" if K.image_data_format() == "channels_first" else "tf")`. Names
    imported from `keras.backend` are re-imported under their new name.

    Why:
    `set_image_dim_ordering` and `image_dim_ordering` were Keras 2's legacy aliases of the data format, and
    Keras 3 (`tf.keras` in TF 2.21) no longer has them; `set_image_data_format` and `image_data_format` exist in
    both.

    Example:
    ```python
    from keras import backend as K

    K.set_image_dim_ordering("th")
    if K.image_dim_ordering() == "th":
        shape = (1, 28, 28)
    print("ordering:", K.image_dim_ordering())
    ```

    Use instead:
    ```python
    from keras import backend as K

    K.set_image_data_format("channels_first")
    if K.image_data_format() == "channels_first":
        shape = (1, 28, 28)
    print("ordering:", "th" if K.image_data_format() == "channels_first" else "tf")
    ```

    Fix safety:
    Safe: Keras 2.2.4's `image_dim_ordering()` returned `"th"` exactly when the data format was
    `"channels_first"`, and its setter accepted exactly `"th"` and `"tf"`. The runtime mapping passes `None` to
    `set_image_data_format` for any other value, which raises `ValueError` as the old setter did.

    Limitations:
    Calls through `keras.backend` (any import spelling, standalone Keras or TF 1.x `tf.keras`) are matched. A
    literal ordering other than `"th"` / `"tf"` (an error in Keras 2 too), calls with extra arguments and
    uses of the functions other than calls are left as they were, with a finding. Layer arguments such as
    Keras 1's `dim_ordering=` are not handled here.
    """

    NAME = "image-dim-ordering-to-data-format"
    FIX_SAFETY = FixSafety.SAFE
    TRIGGERS = (GETTER,)
    METADATA_DEPENDENCIES = (ParentNodeProvider,)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.compared_getters: Set[cst.Call] = set()  # getter calls compared with a literal ordering
        self.compared_literals: Set[cst.SimpleString] = set()  # those literals
        self.called: Set[cst.BaseExpression] = set()

    def _legacy(self, func: cst.BaseExpression) -> Optional[str]:
        path = self.bindings.keras_qualified(func)
        for module in BACKEND_MODULES:
            for name in (SETTER, GETTER):
                if path == f"{module}.{name}":
                    return name
        return None

    # --- what is compared, and what is not called, on the original tree --------------------------------------

    def visit_Comparison(self, node: cst.Comparison) -> None:
        if len(node.comparisons) != 1 or not isinstance(node.comparisons[0].operator, (cst.Equal, cst.NotEqual)):
            return
        left, right = node.left, node.comparisons[0].comparator
        for call, literal in ((left, right), (right, left)):
            if (
                isinstance(call, cst.Call) and not call.args and self._legacy(call.func) == GETTER
                and _literal_value(literal) in ORDERING_TO_FORMAT
            ):
                self.compared_getters.add(call)
                self.compared_literals.add(literal)

    def visit_Call(self, node: cst.Call) -> None:
        self.called.add(node.func)

    def visit_Import(self, node: cst.Import) -> bool:
        super().visit_Import(node)
        return False  # an imported name is not a use

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        super().visit_ImportFrom(node)
        if isinstance(node.names, cst.ImportStar):
            return False
        for alias in node.names:
            local = cst.Name(alias.evaluated_alias or alias.evaluated_name)
            if self._legacy(local) is not None:  # Keras 3 has no such name: the import fails unless it goes
                module, _, name = (self.bindings.qualified(local) or "").rpartition(".")
                RemoveImportsVisitor.remove_unused_import(self.context, module, name, alias.evaluated_alias)
        return False

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self._report_if_not_called(node)

    def visit_Name(self, node: cst.Name) -> None:
        parent = self.get_metadata(ParentNodeProvider, node, None)
        if not isinstance(parent, (cst.ImportAlias, cst.Attribute)):
            self._report_if_not_called(node)

    def _report_if_not_called(self, node: cst.BaseExpression) -> None:
        name = self._legacy(node) if node not in self.called else None
        if name is not None:
            self.report(
                node,
                f"`{dotted(node)}` does not exist in Keras 3 and is used here other than by a call; it was left "
                "as it was",
                f"use `{NEW_NAME[name]}` (with \"channels_first\" / \"channels_last\" for \"th\" / \"tf\")",
            )

    # --- rewriting ------------------------------------------------------------------------------------------

    def leave_SimpleString(self, original_node: cst.SimpleString, updated_node: cst.SimpleString) -> cst.SimpleString:
        if original_node not in self.compared_literals:
            return updated_node
        return _requoted(updated_node, ORDERING_TO_FORMAT[original_node.evaluated_value])

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        name = self._legacy(original_node.func)
        if name == GETTER:
            return self._getter(original_node, updated_node)
        if name == SETTER:
            return self._setter(original_node, updated_node)
        return updated_node

    def _getter(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        if original.args:
            self._report_kept(original, "it is called with arguments; Keras 2's `image_dim_ordering()` took none")
            return updated
        call = updated.with_changes(func=self._renamed(original.func, updated.func, GETTER))
        if original in self.compared_getters:
            return call
        general = parse_template_expression(GENERAL_GETTER_TEMPLATE, call=call.with_changes(lpar=(), rpar=()))
        if updated.lpar or isinstance(self.get_metadata(ParentNodeProvider, original, None), BARE_EXPRESSION_PARENTS):
            return general.with_changes(lpar=updated.lpar, rpar=updated.rpar)
        return general.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])

    def _setter(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        if len(original.args) != 1 or original.args[0].star or (
            original.args[0].keyword is not None and original.args[0].keyword.value != "dim_ordering"
        ):
            self._report_kept(original, "its arguments are not the one ordering Keras 2 took")
            return updated
        ordering = updated.args[0].value
        if isinstance(ordering, cst.SimpleString):
            if ordering.evaluated_value not in ORDERING_TO_FORMAT:
                why = f'{ordering.value} is not an ordering ("th" or "tf"); Keras 2 raised ValueError for it too'
                self._report_kept(original, why)
                return updated
            data_format = _requoted(ordering, ORDERING_TO_FORMAT[ordering.evaluated_value])
        else:
            data_format = parse_template_expression(MAPPING_TEMPLATE, ordering=ordering)
        arg = updated.args[0].with_changes(keyword=None, equal=cst.MaybeSentinel.DEFAULT, value=data_format)
        return updated.with_changes(func=self._renamed(original.func, updated.func, SETTER), args=[arg])

    def _renamed(self, original: cst.BaseExpression, updated: cst.BaseExpression, name: str) -> cst.BaseExpression:
        """The function under its new name; a name imported on its own is imported under the new name too."""
        new = NEW_NAME[name]
        if isinstance(updated, cst.Attribute):
            return updated.with_changes(attr=cst.Name(new))
        bound = self.bindings.qualified(original) or ""
        module, _, imported = bound.rpartition(".")
        local = dotted(original)
        AddImportsVisitor.add_needed_import(self.context, module, new)
        RemoveImportsVisitor.remove_unused_import(self.context, module, imported, local if local != imported else None)
        return cst.Name(new)

    def _report_kept(self, call: cst.Call, why: str) -> None:
        self.report(
            call,
            f"`{dotted(call.func)}` does not exist in Keras 3; this call was left as it was: {why}",
            "call `set_image_data_format(\"channels_first\" | \"channels_last\")` / `image_data_format()` instead",
        )


def _literal_value(node: cst.BaseExpression) -> Optional[str]:
    if isinstance(node, cst.SimpleString) and "b" not in node.prefix.lower():
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


def _requoted(literal: cst.SimpleString, value: str) -> cst.SimpleString:
    """A literal holding ``value`` with ``literal``'s quotes (the values need no escaping)."""
    return literal.with_changes(value=f"{literal.prefix}{literal.quote}{value}{literal.quote}")
