# Covers: the one-line nested form (session built inline from an inline proto with nested GPU options).
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential

for gpu in tf.config.list_physical_devices("GPU"):
    tf.config.experimental.set_memory_growth(gpu, True)
tf.config.set_soft_device_placement(True)

model = Sequential()
model.add(Dense(1, input_dim=3, kernel_initializer="ones", bias_initializer="ones"))
model.compile(loss="mean_absolute_error", optimizer="sgd")

x = np.arange(9, dtype="float32").reshape(3, 3) / 4.0
y = np.array([[2.0], [4.0], [6.0]], dtype="float32")
print([round(float(v), 4) for v in model.predict(x, verbose=0).ravel()])
print("mae %.4f" % model.evaluate(x, y, verbose=0))
