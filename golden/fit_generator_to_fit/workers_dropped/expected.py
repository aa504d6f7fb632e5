# Covers: workers, use_multiprocessing and max_queue_size on fit_generator and evaluate_generator, which Keras 3 does not take.
import numpy as np
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential
from tensorflow.keras.optimizers import SGD

x = np.array([[1.0, 2.0, -1.0], [0.5, -1.5, 2.0], [-1.0, 0.3, 0.7], [2.0, 1.0, 0.0]], dtype="float32")
y = np.array([[1.0], [0.0], [1.0], [-1.0]], dtype="float32")


def batches(batch_size):
    while True:
        for start in range(0, len(x), batch_size):
            yield x[start:start + batch_size], y[start:start + batch_size]


model = Sequential()
model.add(Dense(1, input_dim=3, kernel_initializer="zeros", bias_initializer="zeros"))
model.compile(loss="mse", optimizer=SGD(0.05))
model.fit(batches(2), steps_per_epoch=2, epochs=3, verbose=0)
loss = model.evaluate(batches(4), steps=1, verbose=0)
print("loss %.4f" % loss)
print("kernel:", [round(float(v), 4) for v in model.get_weights()[0].ravel()])
