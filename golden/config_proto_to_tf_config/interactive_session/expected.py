# Covers: tf.InteractiveSession(config=config) handed to K.set_session and closed at the end: all of it goes.
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential

for gpu in tf.config.list_physical_devices("GPU"):
    tf.config.experimental.set_memory_growth(gpu, True)

model = Sequential()
model.add(Dense(3, input_dim=2, activation="relu", kernel_initializer="ones", bias_initializer="zeros"))
model.add(Dense(1, kernel_initializer="ones", bias_initializer="zeros"))
model.compile(loss="mse", optimizer="sgd")
x = np.array([[1.0, 2.0], [-1.0, 0.5], [0.0, 0.0]], dtype="float32")
y = np.array([[9.0], [0.0], [1.0]], dtype="float32")
print([round(float(v), 4) for v in model.predict(x, verbose=0).ravel()])
print("mse %.4f" % model.evaluate(x, y, verbose=0))
