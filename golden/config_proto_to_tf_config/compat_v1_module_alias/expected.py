# Covers: `import tensorflow.compat.v1 as tf` (the alias is the compat module) + tf.keras's set_session; standalone keras model.
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense, Input
from tensorflow.keras.models import Model

for gpu in tf.config.list_physical_devices("GPU"):
    tf.config.experimental.set_memory_growth(gpu, True)
tf.config.threading.set_intra_op_parallelism_threads(1)

inputs = Input(shape=(2,))
outputs = Dense(2, activation="softplus", kernel_initializer="ones", bias_initializer="zeros")(inputs)
model = Model(inputs=inputs, outputs=outputs)
x = np.array([[0.0, 0.0], [1.0, 2.0], [-1.0, -3.0]], dtype="float32")
print([[round(float(v), 4) for v in row] for row in model.predict(x, verbose=0)])
