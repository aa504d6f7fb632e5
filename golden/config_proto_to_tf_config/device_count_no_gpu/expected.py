# Covers: device_count={"GPU": 0} inline in set_session(tf.Session(config=...)): the GPUs are hidden, nothing indexed.
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential

# Force CPU: this benchmark must not touch the shared GPU.
tf.config.set_visible_devices([], "GPU")

model = Sequential()
model.add(Dense(2, input_dim=3, activation="tanh", kernel_initializer="ones", bias_initializer="zeros"))
model.compile(loss="mse", optimizer="sgd")
x = np.array([[0.1, 0.2, 0.3], [-0.5, 0.0, 0.25]], dtype="float32")
y = np.array([[0.5, 0.5], [0.0, 0.0]], dtype="float32")
print([[round(float(v), 4) for v in row] for row in model.predict(x, verbose=0)])
print("mse %.4f" % model.evaluate(x, y, verbose=0))
