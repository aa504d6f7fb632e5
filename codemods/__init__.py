"""The codemod chain: every codemod, in the order they run on a file.

Order matters: the GPU configuration is converted before the session it configured is removed, and Keras
imports are swapped last, once no `set_session` import is left to swap.
"""

from codemods.config_proto_to_tf_config import ConfigProtoToTfConfig
from codemods.keras_imports_to_tf_keras import KerasImportsToTfKeras
from codemods.remove_session_scaffolding import RemoveSessionScaffolding

CHAIN = (
    ConfigProtoToTfConfig,
    RemoveSessionScaffolding,
    KerasImportsToTfKeras,
)

__all__ = ["CHAIN"]
