from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Set

import libcst as cst
import libcst.matchers as m

from codemods._names import TracksImports, dotted
from codemods._walk import find_all
from tf2migrate.codemod import Codemod, FixSafety
from tf2migrate.results import Severity

WEIGHTS_SUFFIX = ".weights.h5"  # the only weights file name Keras 3's save_weights accepts
LEGACY_SUFFIX = ".h5"
MODEL_SUFFIXES = (".keras", ".h5", ".hdf5")  # what Keras 3's Model.save accepts
MODEL_CHECKPOINT = "callbacks.ModelCheckpoint"
SAVE_MODEL = ("models.save_model", "saving.save_model", "engine.saving.save_model")
# Keras 3's load_weights takes these for a `.weights.h5` file; `by_name` and the like only for legacy `.h5`.
NEW_LOAD_WEIGHTS_KEYWORDS = ("filepath", "skip_mismatch")
# Keywords of Keras 2's and TF 1.15's Model.save; a `save` call with others is some other library's.
MODEL_SAVE_KEYWORDS = ("filepath", "overwrite", "include_optimizer", "save_format", "signatures", "options")
KERAS_ONLY_SAVE_KEYWORDS = ("include_optimizer", "save_format", "signatures")
# Functions whose first argument names a file: a weights file renamed in the file is renamed there too.
PATH_FUNCTIONS = ("os.remove", "os.unlink", "os.path.exists", "os.path.isfile", "os.path.getsize")


@dataclass
class WeightsFile:
    """Where one literal ``.h5`` weights file name is written, read and named."""

    writers: List[cst.SimpleString] = field(default_factory=list)
    readers: List[cst.Call] = field(default_factory=list)  # load_weights calls
    paths: List[cst.SimpleString] = field(default_factory=list)  # the literal in writers, readers, os calls


class SaveWeightsToWeightsH5(TracksImports, Codemod):
    """Name weights files `*.weights.h5`, the only names Keras 3's `save_weights` writes.

    What it does:
    A literal file name ending in `.h5` given to `model.save_weights(...)` (or to a `ModelCheckpoint` with
    `save_weights_only=True`) becomes `<name>.weights.h5`, and so does the same literal where the file reads it
    back with `load_weights(...)` or passes it to `os.remove`, `os.unlink`, `os.path.exists`, `os.path.isfile`
    or `os.path.getsize`. Reports what it cannot rename, and `model.save(...)` file names Keras 3 rejects.

    Why:
    Keras 3's `save_weights` raises `ValueError` unless the file name ends in `.weights.h5` (Keras 2 wrote any
    name). `load_weights` still reads a legacy Keras 2 `.h5` weights file, so reading a file that this
    program did not write keeps its name. `model.save` accepts only `.keras`, `.h5` and `.hdf5` names, where
    Keras 2 and TF 1.15's tf.keras wrote an HDF5 file under any name.

    Example:
    ```python
    import os
    from keras.layers import Dense
    from keras.models import Sequential

    model = Sequential([Dense(2, input_dim=3)])
    model.save_weights("mlp.h5")
    model.load_weights("mlp.h5")
    model.load_weights("pretrained.h5")
    os.remove("mlp.h5")
    ```

    Use instead:
    ```python
    import os
    from keras.layers import Dense
    from keras.models import Sequential

    model = Sequential([Dense(2, input_dim=3)])
    model.save_weights("mlp.weights.h5")
    model.load_weights("mlp.weights.h5")
    model.load_weights("pretrained.h5")
    os.remove("mlp.weights.h5")
    ```

    Fix safety:
    Safe: the program writes, reads and removes the same file as before, under the name Keras 3 requires;
    the weights inside are the same. The file's name on disk changes, so an info finding says so at each
    renamed writer (other programs that read it, or a file left by an earlier run, need the new name). Other
    uses of the same string (a print, a variable) are reported, not renamed.

    Limitations:
    Only string literals are renamed: a file name in a variable, an f-string or built with `os.path.join` is
    reported. A name not ending in `.h5` (`.hdf5`, `.ckpt`, none) is reported. A file read with
    `load_weights(..., by_name=True)` (legacy `.h5` only in Keras 3) is not renamed and is reported. For
    `model.save(...)` and `save_model(model, ...)`: a literal name with no extension (or any name other than
    `.keras`/`.h5`/`.hdf5` when Keras-only keywords show it is a model), `save_format="tf"` and `signatures=`
    are reported (Keras 3 raises on them); `.h5` model files are left alone: Keras 3 still writes and loads
    them. A full-model `ModelCheckpoint` name (Keras 3 wants `.keras` or `.h5`) is not checked. Calls are matched by
    method name (`save_weights`, `load_weights`, and `save` with at most one positional argument and only
    Keras's keywords, on an object that is not an imported module).
    """

    NAME = "save-weights-to-weights-h5"
    FIX_SAFETY = FixSafety.SAFE
    TRIGGERS = ("save_weights", "load_weights", ".save(", "ModelCheckpoint", "save_model")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.renamed: Set[cst.SimpleString] = set()

    def visit_Module(self, node: cst.Module) -> None:
        super().visit_Module(node)
        files: Dict[str, WeightsFile] = {}
        calls = find_all(node, cst.Call)
        for call in calls:
            self._read_call(call, files)
        for name, weights_file in files.items():
            if weights_file.writers:
                self._plan_rename(name, weights_file)
        self._report_other_uses(node, files)

    # --- reading the file -------------------------------------------------------------------------------------

    def _read_call(self, call: cst.Call, files: Dict[str, "WeightsFile"]) -> None:
        method = call.func.attr.value if m.matches(call.func, m.Attribute(attr=m.Name())) else None
        if method == "save_weights" or self._weights_checkpoint(call):
            self._read_writer(call, _path_argument(call, 0), files)
        elif method == "load_weights":
            path = _path_argument(call, 0)
            name = _string_value(path)
            if name is not None:
                weights_file = files.setdefault(name, WeightsFile())
                weights_file.readers.append(call)
                weights_file.paths.append(path)
        elif method == "save" and self._looks_like_model_save(call):
            self._check_model_save(call, _path_argument(call, 0))
        elif self.bindings.keras_qualified(call.func) in SAVE_MODEL:
            self._check_model_save(call, _path_argument(call, 1))
        elif self.bindings.qualified(call.func) in PATH_FUNCTIONS:
            path = _path_argument(call, 0, keyword="path")
            name = _string_value(path)
            if name is not None:
                files.setdefault(name, WeightsFile()).paths.append(path)

    def _weights_checkpoint(self, call: cst.Call) -> bool:
        if self.bindings.keras_qualified(call.func) != MODEL_CHECKPOINT:
            return False
        weights_only = _keyword(call, "save_weights_only")
        return m.matches(weights_only, m.Name("True"))

    def _read_writer(self, call: cst.Call, path: Optional[cst.BaseExpression], files: Dict[str, "WeightsFile"]) -> None:
        name = _string_value(path)
        writer = dotted(call.func)
        if name is None:
            shown = dotted(path) if path is not None else "its file name"
            self.report(
                path or call,
                f"Keras 3 only writes weights files named `*{WEIGHTS_SUFFIX}`; `{shown}` is not a string literal, "
                "so it was left as it was",
                f"make sure the name given to `{writer}` ends in `{WEIGHTS_SUFFIX}` (and read it back under that name)",
            )
        elif name.endswith(WEIGHTS_SUFFIX):
            return
        elif not name.endswith(LEGACY_SUFFIX) or not _raw_body(path).endswith(LEGACY_SUFFIX):
            self.report(
                path,
                f"Keras 3 only writes weights files named `*{WEIGHTS_SUFFIX}` and raises ValueError for {path.value}; "
                "it was left as it was",
                f"name the file `{_stem(name)}{WEIGHTS_SUFFIX}` here and wherever it is read",
            )
        else:
            weights_file = files.setdefault(name, WeightsFile())
            weights_file.writers.append(path)
            weights_file.paths.append(path)

    def _looks_like_model_save(self, call: cst.Call) -> bool:
        """``x.save(path, ...)`` with Keras's keywords, on an object not imported from a module (``np.save``)."""
        if self.bindings.qualified(call.func.value) is not None or any(arg.star for arg in call.args):
            return False
        positional = [arg for arg in call.args if arg.keyword is None]
        keywords = [arg.keyword.value for arg in call.args if arg.keyword is not None]
        return len(positional) <= 1 and set(keywords) <= set(MODEL_SAVE_KEYWORDS)

    def _check_model_save(self, call: cst.Call, path: Optional[cst.BaseExpression]) -> None:
        name = _string_value(path)
        save_format = _keyword(call, "save_format")
        if name is not None and not name.endswith(MODEL_SUFFIXES) and (
            not os.path.splitext(name)[1] or any(_keyword(call, k) is not None for k in KERAS_ONLY_SAVE_KEYWORDS)
        ):
            self.report(
                path,
                f"Keras 3's model saving only takes `.keras`, `.h5` or `.hdf5` file names and raises ValueError for "
                f"{path.value}; Keras 2 (and TF 1.x's tf.keras, by default) wrote an HDF5 file under this name",
                f"if this saves a Keras model, save it as `{_stem(name)}.keras` (Keras 3's format) or "
                f"`{_stem(name)}.h5` (the HDF5 format Keras 2 wrote) and load it under that name; for a TensorFlow "
                "SavedModel to serve, use "
                f"`model.export({path.value})`",
            )
        elif save_format is not None and not (_string_value(save_format) or "").lower() in ("h5", "keras"):
            self.report(
                save_format,
                "Keras 3's `save` ignores or rejects `save_format`, and never writes a TensorFlow SavedModel",
                "save to a `.keras` file, or call `model.export(path)` for a SavedModel to serve",
            )
        signatures = _keyword(call, "signatures")
        if signatures is not None:
            self.report(
                signatures,
                "Keras 3's `save` takes no `signatures` (it raises ValueError)",
                "use `model.export(path)` to write a SavedModel with serving signatures",
            )

    # --- deciding -----------------------------------------------------------------------------------------------

    def _plan_rename(self, name: str, weights_file: WeightsFile) -> None:
        new_name = _stem(name) + WEIGHTS_SUFFIX
        legacy_readers = [call for call in weights_file.readers if _legacy_only_keywords(call)]
        if legacy_readers:
            for node in (*weights_file.writers, *legacy_readers):
                self.report(
                    node,
                    f"`{name}` is read with `{dotted(legacy_readers[0].func)}(..., "
                    f"{_legacy_only_keywords(legacy_readers[0])[0]}=...)`, which Keras 3 supports for legacy `.h5` "
                    f"files only, while Keras 3 writes weights only as `*{WEIGHTS_SUFFIX}`; left as it was",
                    "save and load under a `.weights.h5` name without `by_name`, or match the layers by position",
                )
            return
        self.renamed.update(weights_file.paths)
        for writer in weights_file.writers:
            self.report(
                writer,
                f"the weights file `{name}` is now written as `{new_name}`, the name Keras 3 requires",
                f"rename it wherever else it is read (other programs, a file left by an earlier run: `mv {name} "
                f"{new_name}`)",
                Severity.INFO,
            )

    def _report_other_uses(self, module: cst.Module, files: Dict[str, "WeightsFile"]) -> None:
        renamed_names = {_string_value(node) for node in self.renamed}
        for literal in find_all(module, cst.SimpleString):
            name = _string_value(literal)
            if name in renamed_names and literal not in self.renamed:
                self.report(
                    literal,
                    f"this string names `{name}`, a weights file this program now writes as "
                    f"`{_stem(name)}{WEIGHTS_SUFFIX}`; it was not renamed",
                    "use the new name here if the string refers to the weights file",
                )

    # --- rewriting ----------------------------------------------------------------------------------------------

    def leave_SimpleString(self, original_node: cst.SimpleString, updated_node: cst.SimpleString) -> cst.SimpleString:
        if original_node not in self.renamed:
            return updated_node
        body = _raw_body(updated_node)
        new_body = body[: -len(LEGACY_SUFFIX)] + WEIGHTS_SUFFIX
        quote = updated_node.quote
        return updated_node.with_changes(value=f"{updated_node.prefix}{quote}{new_body}{quote}")


def _path_argument(call: cst.Call, position: int, keyword: str = "filepath") -> Optional[cst.BaseExpression]:
    positional = [arg.value for arg in call.args if arg.keyword is None and not arg.star]
    if len(positional) > position:
        return positional[position]
    return _keyword(call, keyword)


def _keyword(call: cst.Call, name: str) -> Optional[cst.BaseExpression]:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == name:
            return arg.value
    return None


def _legacy_only_keywords(call: cst.Call) -> List[str]:
    return [
        arg.keyword.value for arg in call.args
        if arg.keyword is not None and arg.keyword.value not in NEW_LOAD_WEIGHTS_KEYWORDS
    ] + (["by_name"] if len([arg for arg in call.args if arg.keyword is None]) > 1 else [])


def _string_value(node: Optional[cst.BaseExpression]) -> Optional[str]:
    """The text of a plain (not bytes) string literal."""
    if isinstance(node, cst.SimpleString) and "b" not in node.prefix.lower():
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


def _raw_body(literal: cst.SimpleString) -> str:
    return literal.value[len(literal.prefix) + len(literal.quote) : -len(literal.quote)]


def _stem(name: str) -> str:
    """``w.h5`` -> ``w``; ``w.hdf5`` -> ``w``; ``w`` -> ``w``."""
    return os.path.splitext(name)[0]
