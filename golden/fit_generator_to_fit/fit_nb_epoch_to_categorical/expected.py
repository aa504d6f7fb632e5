# Covers: fit with the Keras 1 nb_epoch argument on one-hot labels from np_utils.to_categorical.
import numpy as np
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential
from tensorflow.keras.optimizers import SGD
from tensorflow.keras import utils as np_utils

x = np.array([[1.0, 0.2], [0.9, -0.1], [-1.0, 0.3], [-0.8, -0.4], [0.1, 1.2], [-0.2, 0.9]], dtype="float32")
y = np_utils.to_categorical(np.array([0, 0, 1, 1, 2, 2]), 3).astype("float32")

model = Sequential()
model.add(Dense(3, input_dim=2, activation="softmax", kernel_initializer="zeros", bias_initializer="zeros"))
model.compile(loss="categorical_crossentropy", optimizer=SGD(0.5))
history = model.fit(x, y, batch_size=3, epochs=4, shuffle=False, verbose=0)
print("losses:", [round(float(v), 4) for v in history.history["loss"]])
print("epochs run:", len(history.epoch))
print("first row:", [round(float(p), 4) for p in model.predict(x, verbose=0)[0]])
