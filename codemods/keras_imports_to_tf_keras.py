from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Set, Union

import libcst as cst

from codemods._keras_imports_to_tf_keras_table import (
    KERAS3_ROOT,
    LEGACY_ROOT,
    Relocation,
    no_home_advice,
    relocate,
    tables,
    tf_keras_module,
)
from codemods._names import TracksImports, dotted, keras_path, tf1_name
from tf2migrate.codemod import Codemod, FixSafety, KerasTarget
from tf2migrate.results import Severity

ImportNode = Union[cst.Import, cst.ImportFrom]


class KerasImportsToTfKeras(TracksImports, Codemod):
    """Import Keras from TensorFlow (`tf.keras`) instead of the standalone `keras` package.

    What it does:
    Rewrites every import of the standalone `keras` package to where the name lives in TF 2.21's
    `tensorflow.keras`, and every attribute chain through such an import, using a table generated from the
    real Keras 2.2.4 and TF 2.21 APIs (codemods/data/keras_relocations.json):
    `import keras` becomes `from tensorflow import keras`; `import keras.backend as K` becomes
    `from tensorflow.keras import backend as K`; `from keras.X import Y` becomes
    `from tensorflow.keras.X import Y`. Submodules that Keras 3 folded into their parent point at the parent
    (`keras.layers.core`, `keras.layers.merge`, `keras.utils.np_utils`, ...), names from `keras.engine` go
    to their public home (`engine.topology.Layer` -> `layers.Layer`, `engine.training.Model` ->
    `models.Model`), and Keras 2 aliases that Keras 3 dropped become the class they stood for, keeping the
    local name (`from keras.optimizers import adam` -> `from tensorflow.keras.optimizers import Adam as adam`).
    Names from one statement that now live in different modules get one statement each. Chains follow
    the same table: `keras.layers.merge.concatenate` -> `keras.layers.concatenate`,
    `keras.optimizers.adam` -> `keras.optimizers.Adam`, also through `from keras import layers` or
    `import keras.layers as L`.
    With `--keras legacy` the same rewrites target the `tf_keras` package (Keras 2 for TF 2.16+, `pip install
    tf-keras~=2.21`) instead: `import tf_keras as keras`, `from tf_keras.layers import Dense`, and the names
    Keras 3 dropped but tf_keras kept (`K.function`, `LocallyConnected1D`, ...; data/tf_keras_extras.json)
    find a home there. Code that reaches Keras through TF's own `tf.keras` gets Keras 2 only with
    `TF_USE_LEGACY_KERAS=1` set before TensorFlow is imported.

    Why:
    TF 2.21 ships Keras 3 as `tf.keras`; code written for standalone Keras 2.x must use the Keras that matches
    the installed TensorFlow, and Keras 3 has no `keras.layers.core`-style submodules, no `keras.engine`, and
    fewer aliases.

    Example:
    ```python
    import keras
    from keras import backend as K
    from keras.engine.topology import Layer
    from keras.layers.core import Dense
    from keras.optimizers import adam
    import keras.utils.np_utils as np_utils

    y = keras.utils.np_utils.to_categorical([0, 1])
    merged = keras.layers.merge.concatenate
    ```

    Use instead:
    ```python
    from tensorflow import keras
    from tensorflow.keras import backend as K
    from tensorflow.keras.layers import Layer
    from tensorflow.keras.layers import Dense
    from tensorflow.keras.optimizers import Adam as adam
    from tensorflow.keras import utils as np_utils

    y = keras.utils.to_categorical([0, 1])
    merged = keras.layers.concatenate
    ```

    Fix safety:
    Safe: every name is imported as the same local name from the module where TF 2.21 has the same Keras
    object (the table's generator checks that a class stays a class; a Keras 2 factory function may now be
    the class it built, e.g. `initializers.he_normal`, called the same way). Names with no Keras 3 home are
    never turned into a broken `tensorflow.keras` import: they stay in a `from keras... import` statement of
    their own, and chains to them stay as they were, with a finding naming them.

    Limitations:
    Names with no home (`keras.utils.multi_gpu_model`, `keras.wrappers.scikit_learn.*`, `keras.legacy.*`,
    `keras.engine` internals such as `Network`, backend graph functions such as `K.get_session`) are only
    reported. Names that are not part of Keras 2.2.4's API (from later 2.x releases, or private) are assumed
    to live at the same place in their module's new home, with a finding. Only chains rooted at an imported
    name are followed: a name rebound later, a Keras module passed around as a value, or `getattr` is not
    seen. A star import from a folded module imports the whole new module. TF 1.x's own `tf.keras` names
    keep their spelling; the ones Keras 3 dropped (`tf.keras.layers.CuDNNLSTM`, judged by the same table) are
    reported. Changed call signatures are other codemods' concern. Keras 1 layers that Keras 2 had already
    removed (`Merge`, `TimeDistributedDense`) stay in a `keras` import, reported.
    """

    NAME = "keras-imports-to-tf-keras"
    FIX_SAFETY = FixSafety.SAFE
    TRIGGERS = ("keras",)
    REWRITES_IMPORTS = True

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.inner_attributes: Set[cst.Attribute] = set()  # attributes inside a longer chain

    # ------------------------------------------------------------------ import statements

    def visit_Import(self, node: cst.Import) -> bool:
        super().visit_Import(node)
        return False  # its dotted names are not chains to rewrite

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        super().visit_ImportFrom(node)
        return False

    def leave_SimpleStatementLine(
        self, original_node: cst.SimpleStatementLine, updated_node: cst.SimpleStatementLine
    ) -> Union[cst.SimpleStatementLine, cst.FlattenSentinel[cst.SimpleStatementLine]]:
        pieces = self._replace_imports_in(original_node.body, updated_node.body)
        if pieces is None:
            return updated_node
        if len(pieces) == 1 and len(pieces[0]) > 1:  # one import became several: one line each
            first, *others = pieces[0]
            lines = [updated_node.with_changes(body=[first])]
            lines += [cst.SimpleStatementLine(body=[statement]) for statement in others]
            return cst.FlattenSentinel(lines)
        return updated_node.with_changes(body=_joined(pieces, updated_node.body[-1].semicolon))

    def leave_SimpleStatementSuite(
        self, original_node: cst.SimpleStatementSuite, updated_node: cst.SimpleStatementSuite
    ) -> cst.SimpleStatementSuite:
        """``if ...: import keras``: the replacements stay on the line, joined by semicolons."""
        pieces = self._replace_imports_in(original_node.body, updated_node.body)
        if pieces is None:
            return updated_node
        return updated_node.with_changes(body=_joined(pieces, updated_node.body[-1].semicolon))

    def _replace_imports_in(
        self, original_body: Sequence[cst.BaseSmallStatement], updated_body: Sequence[cst.BaseSmallStatement]
    ) -> Optional[List[List[cst.BaseSmallStatement]]]:
        """For each small statement, what replaces it; None when no Keras import changed."""
        pieces: List[List[cst.BaseSmallStatement]] = []
        changed = False
        for original, updated in zip(original_body, updated_body):
            replacement = self._replace_import(original) if isinstance(original, (cst.Import, cst.ImportFrom)) else None
            changed = changed or replacement is not None
            pieces.append(replacement if replacement is not None else [updated])
        return pieces if changed else None

    def _replace_import(self, node: ImportNode) -> Optional[List[cst.BaseSmallStatement]]:
        """The statements that replace a Keras import, or None to leave it."""
        if isinstance(node, cst.Import):
            return self._replace_plain_import(node)
        if node.relative or node.module is None:
            return None
        module = _keras_relative(dotted(node.module))
        if module is None:
            tf_keras = keras_path(tf1_name(dotted(node.module)))
            if tf_keras is not None and not isinstance(node.names, cst.ImportStar):
                for alias in node.names:
                    self._report_dropped_from_tf_keras(alias, ".".join(filter(None, [tf_keras, dotted(alias.name)])))
            return None
        if isinstance(node.names, cst.ImportStar):
            return self._replace_star_import(node, module)
        return self._replace_from_import(node, module)

    def _replace_plain_import(self, node: cst.Import) -> Optional[List[cst.BaseSmallStatement]]:
        statements: List[cst.BaseSmallStatement] = []
        kept: List[cst.ImportAlias] = []  # consecutive non-Keras names stay together in one `import`
        changed = False
        for alias in node.names:
            module = _keras_relative(dotted(alias.name))
            replacement = self._import_as_from(alias, module) if module is not None else None
            if replacement is None:
                kept.append(alias)
                continue
            changed = True
            if kept:
                statements.append(_import_of(node, kept))
                kept = []
            if not any(replacement.deep_equals(s) for s in statements):
                statements.append(replacement)
        if not changed:
            return None
        if kept:
            statements.append(_import_of(node, kept))
        return statements

    def _import_as_from(self, alias: cst.ImportAlias, module: str) -> Optional[cst.BaseSmallStatement]:
        """``import keras.backend as K`` -> ``from tensorflow.keras import backend as K``."""
        relocation = self._relocate(module)
        if relocation.new is None:
            self._report_no_home(alias, relocation, "its import was left as it was")
            return None
        self._report_unknown(alias, relocation)
        if alias.asname is None:  # ``import keras.layers`` binds ``keras``; chains resolve the rest
            return self._package_import("keras")
        local = dotted(alias.asname.name)
        if not relocation.new:
            return self._package_import(local)
        parent, _, name = relocation.new.rpartition(".")
        return _from_import(self._module(parent), name, local)

    def _replace_star_import(self, node: cst.ImportFrom, module: str) -> Optional[List[cst.BaseSmallStatement]]:
        relocation = self._relocate(module)
        if relocation.new is None:
            self._report_no_home(node, relocation, "its import was left as it was")
            return None
        self._report_unknown(node, relocation)
        return [node.with_changes(module=cst.parse_expression(self._module(relocation.new)))]

    def _replace_from_import(self, node: cst.ImportFrom, module: str) -> Optional[List[cst.BaseSmallStatement]]:
        assert not isinstance(node.names, cst.ImportStar)
        groups: Dict[Optional[str], List[cst.ImportAlias]] = {}
        for alias in node.names:
            name = dotted(alias.name)
            relocation = self._relocate(f"{module}.{name}" if module else name)
            if relocation.new is None:
                self._report_no_home(alias, relocation, f"`{name}` stays imported from `keras`")
                groups.setdefault(None, []).append(alias)
                continue
            self._report_unknown(alias, relocation)
            parent, _, new_name = relocation.new.rpartition(".")
            groups.setdefault(self._module(parent), []).append(_renamed(alias, new_name))
        if list(groups) == [None]:
            return None
        last_comma = node.names[-1].comma
        statements: List[cst.BaseSmallStatement] = []
        for new_module, aliases in groups.items():
            if len(groups) > 1:  # each statement ends the way the original did
                aliases[-1] = aliases[-1].with_changes(comma=last_comma)
            moved = node.module if new_module is None else cst.parse_expression(new_module)
            statements.append(node.with_changes(module=moved, names=aliases, semicolon=cst.MaybeSentinel.DEFAULT))
        return statements

    # ------------------------------------------------------------------ the target Keras

    @property
    def _legacy(self) -> bool:
        return self.settings.keras_target == KerasTarget.LEGACY

    def _relocate(self, path: str) -> Relocation:
        return relocate(path, self._legacy)

    def _module(self, path: str) -> str:
        return tf_keras_module(path, LEGACY_ROOT if self._legacy else KERAS3_ROOT)

    def _package_import(self, local: str) -> cst.BaseSmallStatement:
        """What ``import keras [as local]`` becomes: ``from tensorflow import keras`` (``import tf_keras as
        keras`` for the legacy target)."""
        if self._legacy:
            statement = cst.parse_statement(f"import {LEGACY_ROOT} as {local}\n")
            assert isinstance(statement, cst.SimpleStatementLine)
            return statement.body[0]
        return _from_import("tensorflow", "keras", local)

    # ------------------------------------------------------------------ attribute chains

    def visit_Attribute(self, node: cst.Attribute) -> None:
        value = node.value
        while isinstance(value, cst.Attribute):
            self.inner_attributes.add(value)
            value = value.value

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.BaseExpression:
        if original_node in self.inner_attributes:
            return updated_node
        chain = _pure_chain(original_node)
        if chain is None:
            return updated_node
        head, rest = chain[0], chain[1:]
        head_module = _keras_relative(self.bindings.names.get(head, ""))
        if head_module is None:
            self._report_dropped_from_tf_keras(original_node, self.bindings.keras_qualified(original_node))
            return updated_node
        head_new = self._relocate(head_module).new
        if head_new is None:
            return updated_node  # the import it came from stays, and was reported
        relocation = self._relocate(".".join(filter(None, [head_module, *rest])))
        if relocation.new is None:
            self._report_no_home(original_node, relocation, "this line was left as it was")
            return updated_node
        if _depth(relocation.known) >= _depth(head_module):  # else the import it came from reported it
            self._report_unknown(original_node, relocation)
        new_rest = _strip_prefix(relocation.new, head_new)
        if new_rest is None:
            self.report(
                original_node,
                f"`keras.{relocation.old}` is `tensorflow.keras.{relocation.new}` in TF 2.21, outside the module "
                f"`{head}` now names; this line was left as it was",
                f"import it from `{self._module(relocation.new.rpartition('.')[0])}`",
            )
            return updated_node
        new_chain = [head, *new_rest]
        if new_chain == chain:
            return updated_node
        replacement = cst.parse_expression(".".join(new_chain))
        return replacement.with_changes(lpar=updated_node.lpar, rpar=updated_node.rpar)

    # ------------------------------------------------------------------ findings

    def _report_no_home(self, node: cst.CSTNode, relocation: Relocation, what_was_done: str) -> None:
        self.report(
            node,
            f"`keras.{relocation.known}` has no counterpart in tf.keras (Keras 3); {what_was_done}, and it will "
            "fail on TensorFlow 2.21",
            no_home_advice(relocation.known),
        )

    def _report_dropped_from_tf_keras(self, node: cst.CSTNode, path: Optional[str]) -> None:
        """TF 1.x code reaching Keras through `tf.keras`: its names keep their spelling, but Keras 3 dropped
        some (`tf.keras.layers.CuDNNLSTM`). Backend names are keras-backend-graph-symbols-to-tf2's to report."""
        if not path or path.split(".")[0] == "backend":
            return
        relocation = relocate(path)
        if relocation.new is None and not relocation.unknown_rest:
            self.report(
                node,
                f"`tf.keras.{path}` is gone from TF 2.21's tf.keras (Keras 3); this line will fail there",
                no_home_advice(relocation.known),
            )

    def _report_unknown(self, node: cst.CSTNode, relocation: Relocation) -> None:
        """A name past a module that is not in Keras 2.2.4's API: its new place is a guess."""
        if not relocation.unknown_rest:
            return
        module_moved = tables()[0].get(relocation.known) != relocation.known
        self.report(
            node,
            f"`keras.{relocation.old}` is not part of Keras 2.2.4's API, so its tf.keras home is assumed to be "
            f"`tensorflow.keras.{relocation.new}`",
            "check that it exists in TF 2.21's tf.keras, or import it from where it lives now",
            Severity.WARNING if module_moved else Severity.INFO,
        )


def _joined(pieces: List[List[cst.BaseSmallStatement]], last_semicolon) -> List[cst.BaseSmallStatement]:
    body = [statement.with_changes(semicolon=cst.MaybeSentinel.DEFAULT) for piece in pieces for statement in piece]
    body[-1] = body[-1].with_changes(semicolon=last_semicolon)
    return body


def _keras_relative(name: str) -> Optional[str]:
    """``keras.layers.core`` -> ``layers.core``, ``keras`` -> ``""``; None for anything but standalone Keras."""
    if name == "keras":
        return ""
    if name.startswith("keras."):
        return name[len("keras.") :]
    return None


def _depth(path: str) -> int:
    return len(path.split(".")) if path else 0


def _pure_chain(node: cst.BaseExpression) -> Optional[List[str]]:
    """``a.b.c`` -> ["a", "b", "c"] for a chain of plain names without parentheses; else None."""
    parts: List[str] = []
    while isinstance(node, cst.Attribute) and not node.lpar:
        parts.append(node.attr.value)
        node = node.value
    if not isinstance(node, cst.Name) or node.lpar:
        return None
    parts.append(node.value)
    return parts[::-1]


def _strip_prefix(path: str, prefix: str) -> Optional[Sequence[str]]:
    """The segments of ``path`` after module ``prefix`` (``""`` is every path's prefix); None if outside."""
    parts = path.split(".") if path else []
    prefix_parts = prefix.split(".") if prefix else []
    if parts[: len(prefix_parts)] != prefix_parts:
        return None
    return parts[len(prefix_parts) :]


def _renamed(alias: cst.ImportAlias, new_name: str) -> cst.ImportAlias:
    """The alias importing ``new_name`` under the local name it had: ``adam`` -> ``Adam as adam``."""
    local = dotted(alias.asname.name) if alias.asname is not None else dotted(alias.name)
    if new_name == dotted(alias.name):
        return alias
    if new_name == local:
        return alias.with_changes(name=cst.Name(new_name), asname=None)
    asname = alias.asname or cst.AsName(name=cst.Name(local))
    return alias.with_changes(name=cst.Name(new_name), asname=asname)


def _import_of(node: cst.Import, aliases: List[cst.ImportAlias]) -> cst.Import:
    aliases = aliases[:-1] + [aliases[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)]
    return node.with_changes(names=aliases, semicolon=cst.MaybeSentinel.DEFAULT)


def _from_import(module: str, name: str, asname: Optional[str]) -> cst.ImportFrom:
    text = f"from {module} import {name}" + (f" as {asname}" if asname and asname != name else "")
    statement = cst.parse_statement(text + "\n")
    assert isinstance(statement, cst.SimpleStatementLine)
    small = statement.body[0]
    assert isinstance(small, cst.ImportFrom)
    return small
