# Covers: tf.compat.v1.keras.backend.set_session(sess) with constructor keywords (log_device_placement=False asks for nothing).
import numpy as np
import tensorflow as tf
from keras.layers import Dense
from keras.models import Sequential

config = tf.ConfigProto(log_device_placement=False, allow_soft_placement=True)
sess = tf.Session(config=config)
tf.compat.v1.keras.backend.set_session(sess)

model = Sequential()
model.add(Dense(1, input_dim=2, kernel_initializer="zeros", bias_initializer="zeros"))
model.compile(loss="mse", optimizer="sgd")
x = np.array([[1.0, 2.0], [2.0, 1.0], [0.0, -1.0]], dtype="float32")
y = np.array([[3.0], [3.0], [-1.0]], dtype="float32")
history = model.fit(x, y, batch_size=3, epochs=3, shuffle=False, verbose=0)
print("losses", [round(float(v), 4) for v in history.history["loss"]])
print("pred", [round(float(v), 4) for v in model.predict(x, verbose=0).ravel()])
