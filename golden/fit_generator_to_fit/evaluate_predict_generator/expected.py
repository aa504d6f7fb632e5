# Covers: evaluate_generator and predict_generator (silent by default in Keras 2), steps passed by position, bare input batches.
import numpy as np
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential

x = np.array([[1.0, 2.0, -1.0], [0.5, -1.5, 2.0], [-1.0, 0.3, 0.7], [2.0, 1.0, 0.0], [0.2, 0.2, 0.2], [1.5, -0.5, 0.3]],
             dtype="float32")
y = np.array([[1.0], [0.0], [1.0], [-1.0], [0.5], [0.25]], dtype="float32")


def labelled_batches(batch_size):
    for start in range(0, len(x), batch_size):
        yield x[start:start + batch_size], y[start:start + batch_size]


def input_batches(batch_size):
    for start in range(0, len(x), batch_size):
        yield x[start:start + batch_size]


model = Sequential()
model.add(Dense(1, input_dim=3))
model.set_weights([np.array([[0.5], [-0.25], [1.0]], dtype="float32"), np.array([0.1], dtype="float32")])
model.compile(loss="mse", optimizer="sgd", metrics=["mean_absolute_error"])
loss, mae = model.evaluate(labelled_batches(2), steps=3, verbose=0)
print("loss %.4f mae %.4f" % (loss, mae))
predictions = model.predict((batch if isinstance(batch, tuple) else (batch,) for batch in input_batches(4)), steps=2, verbose=0)
print("predictions:", [round(float(v), 4) for v in predictions.ravel()])
