# Covers: compile(metrics=["accuracy", "mae"]) and the history keys Keras 2 logged ("acc", "mean_absolute_error").
import numpy as np
from keras.layers import Dense
from keras.models import Sequential

x = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.5, -0.5], [-1.0, 0.5], [2.0, 1.0]], dtype="float32")
y = np.eye(3, dtype="float32")[[0, 1, 2, 1, 0, 2]]

model = Sequential()
model.add(Dense(3, input_shape=(2,), activation="softmax",
                kernel_initializer="ones", bias_initializer="zeros"))
model.compile(loss="categorical_crossentropy", optimizer="sgd", metrics=["accuracy", "mae"])
history = model.fit(x, y, batch_size=3, epochs=3, shuffle=False, verbose=0, validation_data=(x, y))

print("keys", sorted(history.history.keys()))
print("acc", [round(float(v), 4) for v in history.history["acc"]])
print("val_acc", [round(float(v), 4) for v in history.history["val_acc"]])
print("mae", [round(float(v), 4) for v in history.history["mean_absolute_error"]])
loss, acc, mae = model.evaluate(x, y, verbose=0)
print("evaluate %.4f %.4f %.4f" % (loss, acc, mae))
