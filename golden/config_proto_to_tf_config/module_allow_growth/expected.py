# Covers: module-level GPU boilerplate (proto config with allow_growth, a session created only to hand to Keras).
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential

for gpu in tf.config.list_physical_devices("GPU"):
    tf.config.experimental.set_memory_growth(gpu, True)

model = Sequential()
model.add(Dense(4, input_dim=3, activation="relu", kernel_initializer="ones"))
model.add(Dense(2, kernel_initializer="ones", bias_initializer="zeros"))
model.compile(loss="mse", optimizer="sgd")

x = np.array([[0.1, 0.2, 0.3], [1.0, -1.0, 0.5], [-0.5, -0.5, -0.5]], dtype="float32")
for row in model.predict(x, verbose=0):
    print([round(float(v), 4) for v in row])
print("mse %.4f" % model.evaluate(x, np.ones((3, 2), dtype="float32"), verbose=0))
