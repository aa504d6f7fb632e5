# Covers: global_jit_level = tf.OptimizerOptions.ON_1 (XLA auto-clustering) next to allow_growth.
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential

# Turn on XLA JIT compilation for the whole graph.
for gpu in tf.config.list_physical_devices("GPU"):
    tf.config.experimental.set_memory_growth(gpu, True)
tf.config.optimizer.set_jit("autoclustering")

model = Sequential()
model.add(Dense(4, input_dim=2, activation="relu", kernel_initializer="ones", bias_initializer="zeros"))
model.add(Dense(1, activation="sigmoid", kernel_initializer="ones", bias_initializer="zeros"))
x = np.array([[0.1, 0.2], [-1.0, 0.5], [0.0, -0.3]], dtype="float32")
print([round(float(v), 4) for v in model.predict(x, verbose=0).ravel()])
