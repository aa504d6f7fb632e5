import importlib

import pytest

from codemods._keras_imports_to_tf_keras_table import relocate, tf_keras_extras
from codemods.keras_imports_to_tf_keras import KerasImportsToTfKeras
from tests.conftest import requires_tf2, rewrite
from tf2migrate.codemod import KerasTarget, Settings
from tf2migrate.results import Severity, Status


def swap(source):
    return rewrite(source, KerasImportsToTfKeras)


def test_every_import_form():
    result = swap(
        "import keras\n"
        "import keras as k\n"
        "import keras.backend as K\n"
        "from keras import backend as KB, layers\n"
        "from keras.layers import Dense, Conv2D\n"
        "from keras.models import Model, load_model\n"
        "import keras.layers.convolutional\n"
        "from keras.engine.topology import Layer\n"
        "from keras.utils.np_utils import to_categorical\n"
        "from keras.optimizers import adam\n"
        "from keras.preprocessing.sequence import pad_sequences\n"
        "from keras.preprocessing import image\n"
        "from keras.applications.vgg16 import VGG16, preprocess_input\n"
        "import keras.applications.mobilenet_v2 as mnv2\n"
        "import keras.layers.merge as merge\n"
        "from keras import Input, Model as KModel\n"
    )
    assert result.new_text == (
        "from tensorflow import keras\n"
        "from tensorflow import keras as k\n"
        "from tensorflow.keras import backend as K\n"
        "from tensorflow.keras import backend as KB, layers\n"
        "from tensorflow.keras.layers import Dense, Conv2D\n"
        "from tensorflow.keras.models import Model, load_model\n"
        "from tensorflow import keras\n"
        "from tensorflow.keras.layers import Layer\n"
        "from tensorflow.keras.utils import to_categorical\n"
        "from tensorflow.keras.optimizers import Adam as adam\n"
        "from tensorflow.keras.preprocessing.sequence import pad_sequences\n"
        "from tensorflow.keras.preprocessing import image\n"
        "from tensorflow.keras.applications.vgg16 import VGG16, preprocess_input\n"
        "from tensorflow.keras.applications import mobilenet_v2 as mnv2\n"
        "from tensorflow.keras import layers as merge\n"
        "from tensorflow.keras import Input, Model as KModel\n"
    )
    assert result.findings == ()


def test_keras2_aliases_become_the_class_under_the_local_name():
    result = swap(
        "from keras.optimizers import adam as opt, sgd, Adam\n"
        "from keras.optimizers import rmsprop as RMSprop\n"
        "from keras.layers import Convolution2D, Deconvolution2D\n"
        "from keras.layers.pooling import MaxPooling2D\n"
        "from keras.losses import mean_squared_error\n"
    )
    assert result.new_text == (
        "from tensorflow.keras.optimizers import Adam as opt, SGD as sgd, Adam\n"
        "from tensorflow.keras.optimizers import RMSprop\n"
        "from tensorflow.keras.layers import Convolution2D, Conv2DTranspose as Deconvolution2D\n"
        "from tensorflow.keras.layers import MaxPooling2D\n"
        "from tensorflow.keras.losses import mse as mean_squared_error\n"
    )


def test_names_landing_in_different_modules_get_one_statement_each():
    result = swap(
        "# engine internals\n"
        "from keras.engine.topology import Layer, get_source_inputs  # base classes\n"
        "from keras.callbacks import Callback, Progbar\n"
    )
    assert result.new_text == (
        "# engine internals\n"
        "from tensorflow.keras.layers import Layer  # base classes\n"
        "from tensorflow.keras.utils import get_source_inputs\n"
        "from tensorflow.keras.callbacks import Callback\n"
        "from tensorflow.keras.utils import Progbar\n"
    )
    assert result.findings == ()


def test_a_name_without_a_home_keeps_a_keras_import_of_its_own_with_a_finding():
    result = swap(
        "import numpy as np\n"
        "from keras.engine.topology import Layer, Network\n"
        "from keras.utils import multi_gpu_model, to_categorical\n"
    )
    assert result.new_text == (
        "import numpy as np\n"
        "from tensorflow.keras.layers import Layer\n"
        "from keras.engine.topology import Network\n"
        "from keras.utils import multi_gpu_model\n"
        "from tensorflow.keras.utils import to_categorical\n"
    )
    assert [(f.line, f.severity) for f in result.findings] == [(2, Severity.WARNING), (3, Severity.WARNING)]
    assert "`keras.engine.topology.Network` has no counterpart" in result.findings[0].message
    assert "`keras.utils.multi_gpu_model`" in result.findings[1].message
    assert "MirroredStrategy" in result.findings[1].suggestion


def test_modules_and_names_without_a_home_are_left_with_findings():
    source = (
        "import keras.wrappers.scikit_learn as skl\n"
        "from keras.wrappers.scikit_learn import KerasClassifier\n"
        "from keras.legacy.layers import Highway\n"
        "import keras.engine.topology as topology\n"
        "from keras import engine\n"
        "from keras.legacy.layers import *\n"
        "import keras.utils.multi_gpu_utils\n"
    )
    result = swap(source)
    assert result.status is Status.UNCHANGED
    assert [f.line for f in result.findings] == [1, 2, 3, 4, 5, 6, 7]
    assert "scikeras" in result.findings[0].suggestion
    assert "`keras.engine` has no counterpart" in result.findings[4].message


def test_tensorflow_backend_module_points_at_the_backend_and_its_session_functions_are_reported():
    result = swap(
        "import keras.backend.tensorflow_backend as KTF\n"
        "from keras.backend.tensorflow_backend import set_session, clear_session\n"
        "KTF.clear_session()\n"
        "KTF.get_session()\n"
    )
    assert result.new_text == (
        "from tensorflow.keras import backend as KTF\n"
        "from keras.backend.tensorflow_backend import set_session\n"
        "from tensorflow.keras.backend import clear_session\n"
        "KTF.clear_session()\n"
        "KTF.get_session()\n"
    )
    assert [f.line for f in result.findings] == [2, 4]
    assert "sessions" in result.findings[1].suggestion


def test_parenthesised_multiline_import_keeps_its_layout():
    source = "from keras.layers.core import (\n    Dense,  # a\n    Dropout,\n)\n"
    assert swap(source).new_text == source.replace("from keras.layers.core", "from tensorflow.keras.layers")


def test_split_parenthesised_import_keeps_each_statement_closed():
    result = swap("from keras.engine import (\n    Layer,\n    Model,\n)\n")
    assert result.new_text == (
        "from tensorflow.keras.layers import (\n    Layer,\n)\n"
        "from tensorflow.keras.models import (\n    Model,\n)\n"
    )


def test_mixed_import_statement_is_split_and_comment_kept():
    assert swap("import os, keras  # both\n").new_text == "import os  # both\nfrom tensorflow import keras\n"
    assert swap("import keras.layers.core, keras.models, sys\n").new_text == (
        "from tensorflow import keras\nimport sys\n"
    )


def test_semicolon_lines_suites_and_nested_imports():
    result = swap(
        "import keras; import numpy as np\n"
        "if True: import keras.backend as K\n"
        "try:\n"
        "    from keras.layers.merge import concatenate\n"
        "except ImportError:\n"
        "    concatenate = None\n"
        "def build():\n"
        "    from keras.utils.np_utils import to_categorical as one_hot\n"
        "    return one_hot\n"
    )
    assert result.new_text == (
        "from tensorflow import keras; import numpy as np\n"
        "if True: from tensorflow.keras import backend as K\n"
        "try:\n"
        "    from tensorflow.keras.layers import concatenate\n"
        "except ImportError:\n"
        "    concatenate = None\n"
        "def build():\n"
        "    from tensorflow.keras.utils import to_categorical as one_hot\n"
        "    return one_hot\n"
    )


def test_star_imports_follow_their_module():
    result = swap("from keras.layers.core import *\nfrom keras.models import *\n")
    assert result.new_text == "from tensorflow.keras.layers import *\nfrom tensorflow.keras.models import *\n"


def test_attribute_chains_through_import_keras():
    result = swap(
        "import keras\n"
        "x = keras.layers.merge.concatenate([a, b])\n"
        "y = keras.utils.np_utils.to_categorical(labels, 3)\n"
        "opt = keras.optimizers.adam(0.01)\n"
        "class Scale(keras.engine.topology.Layer):\n"
        "    pass\n"
        "model = keras.models.Sequential([keras.layers.core.Dense(2)])\n"
        "m = keras.layers.advanced_activations.LeakyReLU(alpha=0.1).alpha\n"
    )
    assert result.new_text == (
        "from tensorflow import keras\n"
        "x = keras.layers.concatenate([a, b])\n"
        "y = keras.utils.to_categorical(labels, 3)\n"
        "opt = keras.optimizers.Adam(0.01)\n"
        "class Scale(keras.layers.Layer):\n"
        "    pass\n"
        "model = keras.models.Sequential([keras.layers.Dense(2)])\n"
        "m = keras.layers.LeakyReLU(alpha=0.1).alpha\n"
    )
    assert result.findings == ()


def test_attribute_chains_through_module_aliases():
    result = swap(
        "from keras import layers, models, utils as U\n"
        "import keras.layers as L\n"
        "import keras.optimizers as O\n"
        "a = layers.merge.Concatenate()\n"
        "b = L.core.Dense(3)\n"
        "c = U.np_utils.to_categorical([0, 1])\n"
        "d = O.sgd(0.1)\n"
        "e = models.Model\n"
    )
    assert result.new_text == (
        "from tensorflow.keras import layers, models, utils as U\n"
        "from tensorflow.keras import layers as L\n"
        "from tensorflow.keras import optimizers as O\n"
        "a = layers.Concatenate()\n"
        "b = L.Dense(3)\n"
        "c = U.to_categorical([0, 1])\n"
        "d = O.SGD(0.1)\n"
        "e = models.Model\n"
    )


def test_homeless_chains_are_reported_at_their_line_and_left():
    result = swap(
        "import keras\n"
        "from keras import backend as K\n"
        "parallel = keras.utils.multi_gpu_model(model, 2)\n"
        "sess = K.get_session()\n"
        "clf = keras.wrappers.scikit_learn.KerasClassifier(build)\n"
    )
    assert result.new_text == (
        "from tensorflow import keras\n"
        "from tensorflow.keras import backend as K\n"
        "parallel = keras.utils.multi_gpu_model(model, 2)\n"
        "sess = K.get_session()\n"
        "clf = keras.wrappers.scikit_learn.KerasClassifier(build)\n"
    )
    assert [f.line for f in result.findings] == [3, 4, 5]
    assert all(f.severity is Severity.WARNING for f in result.findings)
    assert "`keras.backend.get_session`" in result.findings[1].message


def test_a_chain_that_leaves_its_alias_module_is_reported():
    result = swap("import keras.callbacks as cb\nbar = cb.Progbar(10)\n")
    assert result.new_text == "from tensorflow.keras import callbacks as cb\nbar = cb.Progbar(10)\n"
    assert [f.line for f in result.findings] == [2]
    assert "tensorflow.keras.utils" in result.findings[0].suggestion


def test_names_outside_keras_2_2_4_are_moved_with_their_module_and_reported():
    result = swap(
        "import keras\n"
        "from keras.layers.core import Foo\n"
        "from keras.layers import Attention\n"
        "Foo.bar\n"
        "keras.layers.core.Baz\n"
    )
    assert result.new_text == (
        "from tensorflow import keras\n"
        "from tensorflow.keras.layers import Foo\n"
        "from tensorflow.keras.layers import Attention\n"
        "Foo.bar\n"
        "keras.layers.Baz\n"
    )
    assert [(f.line, f.severity) for f in result.findings] == [
        (2, Severity.WARNING),
        (3, Severity.INFO),
        (5, Severity.WARNING),
    ]


def test_already_migrated_and_unrelated_code_is_a_no_op():
    source = (
        "import tensorflow as tf\n"
        "from tensorflow import keras\n"
        "from tensorflow.keras.layers import Dense\n"
        "import kerasish\n"
        "from .keras import x\n"
        "from . import keras as local_keras\n"
        "y = keras.layers.Dense(2)\n"
        "z = tf.keras.layers.Dense(2)\n"
        "w = self.keras.layers.merge.concatenate\n"
        "v = kerasish.layers.core.Dense\n"
    )
    result = swap(source)
    assert result.status is Status.UNCHANGED and result.findings == ()


def test_calls_and_parentheses_end_a_chain():
    source = "import keras\nn = keras.models.Sequential().layers\nm = (keras.layers).core\n"
    assert swap(source).new_text == (
        "from tensorflow import keras\nn = keras.models.Sequential().layers\nm = (keras.layers).core\n"
    )


def test_relocation_table_lookup():
    assert relocate("").new == ""
    assert relocate("layers.normalization").new == "layers"
    assert relocate("layers.merge.concatenate").new == "layers.concatenate"
    assert relocate("engine.topology.Layer").new == "layers.Layer"
    assert relocate("optimizers.adam").new == "optimizers.Adam"
    assert relocate("layers.Dense.__call__").new == "layers.Dense.__call__"
    homeless = relocate("legacy.layers.Highway")
    assert homeless.new is None and homeless.known == "legacy.layers.Highway"
    unknown = relocate("layers.core.Foo")
    assert unknown.new == "layers.Foo" and unknown.unknown_rest and unknown.known == "layers.core"


LEGACY = Settings(keras_target=KerasTarget.LEGACY)


def test_legacy_target_imports_tf_keras_and_keeps_what_only_tf_keras_has():
    result = rewrite(
        """\
        import keras
        import keras.backend as K
        from keras.layers import Dense, LocallyConnected1D
        from keras.layers.core import Activation
        x = keras.layers.merge.concatenate
        """,
        KerasImportsToTfKeras,
        settings=LEGACY,
    )
    assert result.new_text == (
        "import tf_keras as keras\n"
        "from tf_keras import backend as K\n"
        "from tf_keras.layers import Dense, LocallyConnected1D\n"
        "from tf_keras.layers import Activation\n"
        "x = keras.layers.concatenate\n"
    )
    assert result.findings == ()


def test_legacy_target_still_reports_names_tf_keras_lacks_too():
    result = rewrite("from keras.utils import multi_gpu_model\n", KerasImportsToTfKeras, settings=LEGACY)
    assert result.status is Status.UNCHANGED
    [finding] = result.findings
    assert "multi_gpu_model" in finding.message


@requires_tf2
@pytest.mark.tf2
@pytest.mark.parametrize("old", sorted(tf_keras_extras()))
def test_every_legacy_extra_home_exists_in_tf_keras(old):
    pytest.importorskip("tf_keras", reason="tf-keras is not installed (pip install -e '.[test]')")
    obj = importlib.import_module("tf_keras")
    for part in tf_keras_extras()[old].split("."):
        obj = getattr(obj, part)


def test_keras1_only_layers_are_never_moved_into_a_broken_import():
    result = swap("from keras.layers import Merge, Dense\n")
    assert result.new_text == "from keras.layers import Merge\nfrom tensorflow.keras.layers import Dense\n"
    [finding] = result.findings
    assert finding.line == 1 and "`keras.layers.Merge` has no counterpart" in finding.message
    assert "Concatenate" in finding.suggestion


def test_names_keras_3_dropped_from_tf_keras_are_reported_in_tf1_code():
    result = swap(
        "import tensorflow as tf\n"
        "from tensorflow.keras.layers import CuDNNLSTM, Dense\n"
        "x = tf.keras.layers.CuDNNGRU(3)\n"
        "y = tf.keras.layers.Dense(2)\n"
        "z = tf.keras.backend.get_session()\n"  # the backend codemod's to report
    )
    assert result.status is Status.UNCHANGED
    assert [(f.line, f.message.split("`")[1]) for f in result.findings] == [
        (2, "tf.keras.layers.CuDNNLSTM"),
        (3, "tf.keras.layers.CuDNNGRU"),
    ]
    assert "use `LSTM`" in result.findings[0].suggestion
