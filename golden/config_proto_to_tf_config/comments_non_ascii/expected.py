# Covers: comments on removed config lines (full-line, end-of-line, non-ASCII) move to the next remaining statement.
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential

# Mémoire GPU à la demande — the lab machines share one card.
# don't grab all 16 GB
for gpu in tf.config.list_physical_devices("GPU"):
    tf.config.experimental.set_memory_growth(gpu, True)
# Keras uses this session

model = Sequential()
model.add(Dense(2, input_dim=2, activation="softplus", kernel_initializer="ones"))
x = np.array([[0.0, 0.0], [1.0, -2.0], [0.25, 0.75]], dtype="float32")
for row in model.predict(x, verbose=0):
    print("%.4f %.4f" % (row[0], row[1]))
