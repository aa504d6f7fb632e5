"""The codemod chain: every codemod, in the order they run on a file.

Order matters: the GPU configuration is converted before the session it configured is removed, and Keras
imports are swapped last, once no `set_session` import is left to swap.
"""

from codemods.config_proto_to_tf_config import ConfigProtoToTfConfig
from codemods.contrib_and_tf_layers_to_tf_keras import ContribAndTfLayersToTfKeras
from codemods.fit_generator_to_fit import FitGeneratorToFit
from codemods.graph_programs_to_eager_functions import GraphProgramsToEagerFunctions
from codemods.image_dim_ordering_to_data_format import ImageDimOrderingToDataFormat
from codemods.keras1_arguments_to_keras2 import Keras1ArgumentsToKeras2
from codemods.keras3_defaults_made_explicit import Keras3DefaultsMadeExplicit
from codemods.keras_backend_graph_symbols_to_tf2 import KerasBackendGraphSymbolsToTf2
from codemods.keras_imports_to_tf_keras import KerasImportsToTfKeras
from codemods.optimizer_lr_to_learning_rate import OptimizerLrToLearningRate
from codemods.predict_classes_to_predict import PredictClassesToPredict
from codemods.remove_session_scaffolding import RemoveSessionScaffolding
from codemods.save_weights_to_weights_h5 import SaveWeightsToWeightsH5
from codemods.sequential_input_to_inputs import SequentialInputToInputs
from codemods.tf1_leftovers_to_compat_v1 import Tf1LeftoversToCompatV1
from codemods.tf1_summaries_to_tf2_summaries import Tf1SummariesToTf2Summaries
from codemods.tf1_symbols_to_tf2 import Tf1SymbolsToTf2
from codemods.tf_flags_to_absl_flags import TfFlagsToAbslFlags
from codemods.tf_logging_to_absl_logging import TfLoggingToAbslLogging

CHAIN = (
    ConfigProtoToTfConfig,
    # Keras optimizers as the user wrote them (Keras 2 semantics), before the graph codemod writes Keras 3 ones
    # of its own: its RMSprop already has TF 1's epsilon placement and must not be reported as Keras 2's.
    OptimizerLrToLearningRate,
    # Whole graph programs (placeholders, feed_dict, tf.train optimizers) first; what is left of sessions next.
    GraphProgramsToEagerFunctions,
    RemoveSessionScaffolding,
    # TF 1.x modules with a TF2 or absl home, before the generic symbol table sees their names.
    TfLoggingToAbslLogging,
    TfFlagsToAbslFlags,
    Tf1SummariesToTf2Summaries,
    # Keras call sites, on Keras 2 names (`keras.*` and TF 1.x's `tf.keras.*`) before the imports move.
    Keras1ArgumentsToKeras2,
    FitGeneratorToFit,
    PredictClassesToPredict,
    ImageDimOrderingToDataFormat,
    SaveWeightsToWeightsH5,
    KerasBackendGraphSymbolsToTf2,
    # After the Keras call sites (which must still see the file's own Keras) and the backend (`K.tf.log` is
    # `tf.log` only once that has run): tf.layers / tf.contrib and the TF 1.x name table.
    ContribAndTfLayersToTfKeras,
    Tf1SymbolsToTf2,
    SequentialInputToInputs,
    Keras3DefaultsMadeExplicit,
    KerasImportsToTfKeras,
    # Last: whatever TF 1.x API is still used runs through tf.compat.v1 (in graph mode where it needs it).
    Tf1LeftoversToCompatV1,
)

__all__ = ["CHAIN"]
