# Covers: metrics=["accuracy"] with loss="binary_crossentropy" on three sigmoid outputs (Keras 2: binary accuracy).
import numpy as np
from keras.layers import Dense
from keras.models import Sequential

tags = Sequential()
tags.add(Dense(3, input_shape=(2,), activation="sigmoid",
               kernel_initializer="ones", bias_initializer="zeros"))
tags.compile(loss="binary_crossentropy", optimizer="sgd", metrics=["accuracy"])

x = np.array([[0.0, 0.5], [1.0, 1.0], [2.0, -1.0], [-1.0, 0.5]], dtype="float32")
y = np.array([[0, 1, 1], [1, 0, 1], [1, 1, 0], [0, 0, 1]], dtype="float32")
history = tags.fit(x, y, batch_size=2, epochs=2, shuffle=False, verbose=0)
print("acc", [round(float(v), 4) for v in history.history["acc"]])
print("loss", [round(float(v), 4) for v in history.history["loss"]])
print("evaluate", [round(float(v), 4) for v in tags.evaluate(x, y, verbose=0)])
