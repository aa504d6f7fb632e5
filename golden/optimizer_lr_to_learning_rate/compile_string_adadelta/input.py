# Covers: compile(optimizer="adadelta"): Keras 2's Adadelta learned at rate 1.0, Keras 3's string means 0.001.
import numpy as np
from keras.layers import Dense
from keras.models import Sequential

x = np.array([[1.0, 2.0, -1.0], [0.5, -1.5, 2.0], [-1.0, 0.3, 0.7], [2.0, 1.0, 0.0]], dtype="float32")
y = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [-1.0, 0.5]], dtype="float32")

model = Sequential()
model.add(Dense(2, input_dim=3, kernel_initializer="ones", bias_initializer="zeros"))
model.compile(loss="mse", optimizer="adadelta")
history = model.fit(x, y, batch_size=2, epochs=3, shuffle=False, verbose=0)
print("losses:", [round(float(v), 4) for v in history.history["loss"]])
print("kernel:", [round(float(v), 4) for v in model.get_weights()[0].ravel()])
