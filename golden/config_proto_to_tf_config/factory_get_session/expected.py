# Covers: the classic get_session(gpu_fraction) factory handed to KTF.set_session: its body becomes the tf.config block.
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential


def get_session(gpu_fraction=0.333):
    for gpu in tf.config.list_physical_devices("GPU"):
        tf.config.experimental.set_memory_growth(gpu, True)


get_session()

model = Sequential()
model.add(Dense(2, input_dim=2, activation="relu", kernel_initializer="ones", bias_initializer="zeros"))
model.add(Dense(1, activation="sigmoid", kernel_initializer="ones"))
x = np.array([[0.5, 0.5], [-1.0, 2.0], [-1.0, -1.0]], dtype="float32")
print([round(float(v), 4) for v in model.predict(x, verbose=0).ravel()])
