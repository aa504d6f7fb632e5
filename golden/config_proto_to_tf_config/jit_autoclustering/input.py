# Covers: global_jit_level = tf.OptimizerOptions.ON_1 (XLA auto-clustering) next to allow_growth.
import numpy as np
import tensorflow as tf
from keras.backend.tensorflow_backend import set_session
from keras.layers import Dense
from keras.models import Sequential

config = tf.ConfigProto()
config.gpu_options.allow_growth = True
# Turn on XLA JIT compilation for the whole graph.
config.graph_options.optimizer_options.global_jit_level = tf.OptimizerOptions.ON_1
sess = tf.Session(config=config)
set_session(sess)

model = Sequential()
model.add(Dense(4, input_dim=2, activation="relu", kernel_initializer="ones", bias_initializer="zeros"))
model.add(Dense(1, activation="sigmoid", kernel_initializer="ones", bias_initializer="zeros"))
x = np.array([[0.1, 0.2], [-1.0, 0.5], [0.0, -0.3]], dtype="float32")
print([round(float(v), 4) for v in model.predict(x, verbose=0).ravel()])
