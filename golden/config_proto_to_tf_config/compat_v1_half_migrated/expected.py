# Covers: half-migrated tf.compat.v1 session/proto/GPU options, nested inline, handed to Keras through K = tensorflow_backend.
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential

for gpu in tf.config.list_physical_devices("GPU"):
    tf.config.experimental.set_memory_growth(gpu, True)

x = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.5, -0.5]], dtype="float32")
y = np.array([[1.0], [1.0], [2.0], [0.0]], dtype="float32")

model = Sequential()
model.add(Dense(1, input_dim=2, kernel_initializer="zeros", bias_initializer="zeros"))
model.compile(loss="mse", optimizer="sgd")
history = model.fit(x, y, batch_size=4, epochs=4, shuffle=False, verbose=0)
print("losses", [round(float(v), 4) for v in history.history["loss"]])
print("weights", [round(float(v), 4) for v in model.get_weights()[0].ravel()])
