# Covers: visible_device_list = "0" (a literal) + allow_growth in a setup function: the GPUs are listed once and indexed.
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense, Input
from tensorflow.keras.models import Model


def setup_gpu():
    gpus = tf.config.list_physical_devices("GPU")
    if gpus:
        tf.config.set_visible_devices([gpus[0]], "GPU")
    for gpu in tf.config.get_visible_devices("GPU"):
        tf.config.experimental.set_memory_growth(gpu, True)


setup_gpu()
inputs = Input(shape=(3,))
outputs = Dense(2, activation="relu", kernel_initializer="ones", bias_initializer="zeros")(inputs)
model = Model(inputs=inputs, outputs=outputs)
x = np.array([[1.0, 2.0, -0.5], [-1.0, -1.0, 0.5], [0.25, 0.25, 0.25]], dtype="float32")
for row in model.predict(x, verbose=0):
    print(" ".join("%.4f" % v for v in row))
