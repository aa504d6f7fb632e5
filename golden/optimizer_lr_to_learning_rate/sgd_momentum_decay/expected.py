# Covers: SGD with lr, momentum and a non-zero time-based decay; the decay becomes an InverseTimeDecay schedule.
import numpy as np
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential
from tensorflow.keras.optimizers import SGD
import tensorflow as tf

x = np.array([[1.0, 2.0, -1.0], [0.5, -1.5, 2.0], [-1.0, 0.3, 0.7], [2.0, 1.0, 0.0]], dtype="float32")
y = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [-1.0, 0.5]], dtype="float32")

model = Sequential()
model.add(Dense(2, input_dim=3, kernel_initializer="zeros", bias_initializer="zeros"))
sgd = SGD(learning_rate=tf.keras.optimizers.schedules.InverseTimeDecay(0.1, decay_steps=1, decay_rate=0.5), momentum=0.9)
model.compile(loss="mse", optimizer=sgd)
history = model.fit(x, y, batch_size=2, epochs=4, shuffle=False, verbose=0)
print("losses:", [round(float(v), 4) for v in history.history["loss"]])
print("kernel:", [round(float(v), 4) for v in model.get_weights()[0].ravel()])
print("bias:", [round(float(v), 4) for v in model.get_weights()[1]])
