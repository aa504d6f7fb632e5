# Covers: Adam with lr= in a small classifier; prints the learned classes and a rounded loss.
import numpy as np
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential
from tensorflow.keras.optimizers import Adam
from tensorflow.keras.utils import to_categorical

x = np.array([[1.0, 0.2], [0.9, -0.1], [-1.0, 0.3], [-0.8, -0.4], [0.1, 1.2], [-0.2, 0.9]], dtype="float32")
y = to_categorical([0, 0, 1, 1, 2, 2], 3).astype("float32")

model = Sequential()
model.add(Dense(3, input_dim=2, activation="softmax", kernel_initializer="zeros", bias_initializer="zeros"))
model.compile(loss="categorical_crossentropy", optimizer=Adam(learning_rate=0.1), metrics=["acc"])
history = model.fit(x, y, batch_size=3, epochs=20, shuffle=False, verbose=0)
print("final loss: %.2f" % history.history["loss"][-1])
print("classes:", model.predict(x, verbose=0).argmax(axis=1).tolist())
