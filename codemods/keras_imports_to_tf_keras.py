from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Union

import libcst as cst
from libcst.helpers import get_full_name_for_node

from tf2migrate.codemod import Codemod, FixSafety

DATA = Path(__file__).parent / "data" / "keras_modules.json"


@lru_cache(maxsize=None)
def module_moves() -> Dict[str, str]:
    """Keras 2 module path (without ``keras.``) -> its tf.keras path, for every module with a TF 2.21 home."""
    table = json.loads(DATA.read_text(encoding="utf-8"))
    moves = {name: name for name in table["kept"]}
    moves.update(table["moved"])
    return moves


def tf_keras_module(module: str) -> Optional[str]:
    """``keras.layers.core`` -> ``tensorflow.keras.layers``; None when the module has no home in tf.keras."""
    if module != "keras" and not module.startswith("keras."):
        return None
    new = module_moves().get(module[len("keras.") :] if module != "keras" else "")
    if new is None:
        return None
    return "tensorflow.keras" + (f".{new}" if new else "")


def _is_keras(module: str) -> bool:
    return module == "keras" or module.startswith("keras.")


class KerasImportsToTfKeras(Codemod):
    """Import Keras from TensorFlow (`tf.keras`) instead of the standalone `keras` package.

    What it does:
    Rewrites every import of the standalone `keras` package to the matching `tensorflow.keras` module:
    `import keras` becomes `from tensorflow import keras`, `from keras.X import Y` becomes
    `from tensorflow.keras.X import Y`, and Keras 2 submodules that Keras 3 folded into their parent
    (`keras.layers.core`, `keras.layers.convolutional`, `keras.utils.np_utils`, ...) point at the parent.

    Why:
    TF 2.21 ships Keras 3 as `tf.keras`; code written for standalone Keras 2.x must use the Keras that matches
    the installed TensorFlow, and Keras 3 has no `keras.layers.core`-style submodules.

    Example:
    ```python
    import keras
    from keras import backend as K
    from keras.layers.core import Dense
    import keras.utils.np_utils as np_utils
    ```

    Use instead:
    ```python
    from tensorflow import keras
    from tensorflow.keras import backend as K
    from tensorflow.keras.layers import Dense
    from tensorflow.keras import utils as np_utils
    ```

    Fix safety:
    Safe: the import binds the same names; only where they come from changes. Modules with no tf.keras home
    (`keras.engine`, `keras.backend.tensorflow_backend`, `keras.legacy`, ...) are left as they are, with a
    finding.

    Limitations:
    Rewrites import statements only: attribute chains through a plain `import keras`
    (`keras.layers.core.Dense`), names that Keras 3 removed or renamed (`Merge`, `multi_gpu_model`) and changed
    call signatures are not handled here.
    """

    NAME = "keras-imports-to-tf-keras"
    FIX_SAFETY = FixSafety.SAFE
    TRIGGERS = ("keras",)

    def leave_Import(
        self, original_node: cst.Import, updated_node: cst.Import
    ) -> Union[cst.BaseSmallStatement, cst.FlattenSentinel[cst.BaseSmallStatement]]:
        kept: List[cst.ImportAlias] = []
        rewritten: List[cst.BaseSmallStatement] = []
        for original_alias, alias in zip(original_node.names, updated_node.names):
            module = get_full_name_for_node(alias.name) or ""
            replacement = self._import_replacement(original_alias, module) if _is_keras(module) else None
            if replacement is None:
                kept.append(alias)
            else:
                rewritten.append(replacement)
        if not rewritten:
            return updated_node
        if kept:
            kept[-1] = kept[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
            return cst.FlattenSentinel([updated_node.with_changes(names=kept), *rewritten])
        return cst.FlattenSentinel(rewritten) if len(rewritten) > 1 else rewritten[0]

    def _import_replacement(self, alias: cst.ImportAlias, module: str) -> Optional[cst.ImportFrom]:
        """``alias`` is the original node (findings need its position)."""
        asname = get_full_name_for_node(alias.asname.name) if alias.asname is not None else None
        if asname is None:
            # ``import keras.layers`` binds ``keras``; the tf.keras module object answers the same attributes.
            return _from_import("tensorflow", "keras", None)
        new = tf_keras_module(module)
        if new is None:
            self._report_homeless(alias, module)
            return None
        parent, _, name = new.rpartition(".")
        return _from_import(parent, name, asname if asname != name else None)

    def leave_ImportFrom(self, original_node: cst.ImportFrom, updated_node: cst.ImportFrom) -> cst.ImportFrom:
        if updated_node.relative or updated_node.module is None:
            return updated_node
        module = get_full_name_for_node(updated_node.module) or ""
        if not _is_keras(module):
            return updated_node
        new = tf_keras_module(module)
        if new is None:
            self._report_homeless(original_node, module)
            return updated_node
        return updated_node.with_changes(module=cst.parse_expression(new))

    def _report_homeless(self, node: cst.CSTNode, module: str) -> None:
        self.report(
            node,
            f"`{module}` has no counterpart in tf.keras (Keras 3); the import was left as it was and will fail "
            "on TensorFlow 2.21",
            "import the names from their tf.keras home, or remove the code that needs this module",
        )


def _from_import(module: str, name: str, asname: Optional[str]) -> cst.ImportFrom:
    text = f"from {module} import {name}" + (f" as {asname}" if asname else "")
    statement = cst.parse_statement(text + "\n")
    assert isinstance(statement, cst.SimpleStatementLine)
    small = statement.body[0]
    assert isinstance(small, cst.ImportFrom)
    return small
