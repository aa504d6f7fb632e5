# Covers: the classic get_session(gpu_fraction) factory handed to KTF.set_session: its body becomes the tf.config block.
import numpy as np
import tensorflow as tf
import keras.backend.tensorflow_backend as KTF
from keras.layers import Dense
from keras.models import Sequential


def get_session(gpu_fraction=0.333):
    gpu_options = tf.GPUOptions(per_process_gpu_memory_fraction=gpu_fraction,
                                allow_growth=True)
    return tf.Session(config=tf.ConfigProto(gpu_options=gpu_options))


KTF.set_session(get_session())

model = Sequential()
model.add(Dense(2, input_dim=2, activation="relu", kernel_initializer="ones", bias_initializer="zeros"))
model.add(Dense(1, activation="sigmoid", kernel_initializer="ones"))
x = np.array([[0.5, 0.5], [-1.0, 2.0], [-1.0, -1.0]], dtype="float32")
print([round(float(v), 4) for v in model.predict(x, verbose=0).ravel()])
