# Covers: fit_generator over a Python generator with steps_per_epoch and a validation generator with validation_steps.
import numpy as np
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential
from tensorflow.keras.optimizers import SGD

x = np.array([[1.0, 2.0, -1.0], [0.5, -1.5, 2.0], [-1.0, 0.3, 0.7], [2.0, 1.0, 0.0], [0.2, 0.2, 0.2], [1.5, -0.5, 0.3]],
             dtype="float32")
y = np.array([[1.0], [0.0], [1.0], [-1.0], [0.5], [0.25]], dtype="float32")


def batches(features, targets, batch_size):
    """Endless batches, always in the same order."""
    start = 0
    while True:
        yield features[start:start + batch_size], targets[start:start + batch_size]
        start = (start + batch_size) % len(features)


model = Sequential()
model.add(Dense(1, input_dim=3, kernel_initializer="zeros", bias_initializer="zeros"))
model.compile(loss="mse", optimizer=SGD(0.1))
history = model.fit(batches(x, y, 2), steps_per_epoch=3, epochs=3,
                    validation_data=batches(x[:4], y[:4], 2), validation_steps=2, verbose=0)
print("loss:", [round(float(v), 4) for v in history.history["loss"]])
print("val_loss:", [round(float(v), 4) for v in history.history["val_loss"]])
print("kernel:", [round(float(v), 4) for v in model.get_weights()[0].ravel()])
