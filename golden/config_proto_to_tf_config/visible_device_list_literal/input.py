# Covers: visible_device_list = "0" (a literal) + allow_growth in a setup function: the GPUs are listed once and indexed.
import numpy as np
import tensorflow as tf
from keras.backend.tensorflow_backend import set_session
from keras.layers import Dense, Input
from keras.models import Model


def setup_gpu():
    config = tf.ConfigProto()
    config.gpu_options.visible_device_list = "0"
    config.gpu_options.allow_growth = True
    sess = tf.Session(config=config)
    set_session(sess)


setup_gpu()
inputs = Input(shape=(3,))
outputs = Dense(2, activation="relu", kernel_initializer="ones", bias_initializer="zeros")(inputs)
model = Model(inputs=inputs, outputs=outputs)
x = np.array([[1.0, 2.0, -0.5], [-1.0, -1.0, 0.5], [0.25, 0.25, 0.25]], dtype="float32")
for row in model.predict(x, verbose=0):
    print(" ".join("%.4f" % v for v in row))
