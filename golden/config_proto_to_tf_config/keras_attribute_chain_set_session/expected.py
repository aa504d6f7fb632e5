# Covers: `import keras` with keras.backend.tensorflow_backend.set_session(tf.Session(config=config)) as an attribute chain.
import numpy as np
import tensorflow as tf
from tensorflow import keras

for gpu in tf.config.list_physical_devices("GPU"):
    tf.config.experimental.set_memory_growth(gpu, True)
tf.config.set_soft_device_placement(True)

model = keras.models.Sequential()
model.add(keras.layers.Dense(2, input_dim=3, activation="relu", kernel_initializer="ones", bias_initializer="zeros"))
model.add(keras.layers.Dense(1, kernel_initializer="ones"))
model.compile(loss="mse", optimizer="sgd")
x = np.array([[1.0, 0.5, -0.5], [0.0, 0.0, 1.0], [-1.0, -1.0, -1.0]], dtype="float32")
y = np.array([[2.0], [2.0], [0.0]], dtype="float32")
print([round(float(v), 4) for v in model.predict(x, verbose=0).ravel()])
print("mse %.4f" % model.evaluate(x, y, verbose=0))
