# Covers: Keras 1 generator arguments Keras 2.2.4 still took: samples_per_epoch (a number of batches for a plain generator), nb_epoch, nb_val_samples.
import numpy as np
from keras.layers import Dense
from keras.models import Sequential
from keras.optimizers import SGD

x = np.array([[1.0, 2.0, -1.0], [0.5, -1.5, 2.0], [-1.0, 0.3, 0.7], [2.0, 1.0, 0.0], [0.2, 0.2, 0.2], [1.5, -0.5, 0.3]],
             dtype="float32")
y = np.array([[1.0], [0.0], [1.0], [-1.0], [0.5], [0.25]], dtype="float32")


def batches(batch_size):
    while True:
        for start in range(0, len(x), batch_size):
            yield x[start:start + batch_size], y[start:start + batch_size]


model = Sequential()
model.add(Dense(1, input_dim=3, kernel_initializer="zeros", bias_initializer="zeros"))
model.compile(loss="mse", optimizer=SGD(0.1))
history = model.fit_generator(batches(2), samples_per_epoch=3, nb_epoch=2,
                              validation_data=batches(3), nb_val_samples=2, verbose=0)
print("loss:", [round(float(v), 4) for v in history.history["loss"]])
print("val_loss:", [round(float(v), 4) for v in history.history["val_loss"]])
print("epochs run:", len(history.epoch))
