# Covers: a Keras 1 CNN: Convolution2D(nb_filter, nb_row, nb_col) with border_mode/subsample/init/W_regularizer/bias, MaxPooling2D(border_mode=), Dense(output_dim=).
import numpy as np
from tensorflow.keras.layers import Activation, Convolution2D, Dense, Flatten, MaxPooling2D
from tensorflow.keras.models import Sequential
from tensorflow.keras.regularizers import l2

model = Sequential()
model.add(Convolution2D(2, (3, 3), padding="same", kernel_initializer="he_normal", kernel_regularizer=l2(0.01),
                        input_shape=(6, 6, 1)))
model.add(Activation("relu"))
model.add(MaxPooling2D(pool_size=(2, 2), padding="valid"))
model.add(Convolution2D(3, (2, 2), strides=(2, 2), use_bias=False))  # Keras 1: no bias vector
model.add(Flatten())
model.add(Dense(units=2, kernel_initializer="zero"))

# Fixed "trained" weights, so both runtimes compute the same numbers.
conv1 = np.zeros((3, 3, 1, 2), dtype="float32")
conv1[:, :, 0, 0] = [[1, 0, -1], [2, 0, -2], [1, 0, -1]]  # vertical edges
conv1[:, :, 0, 1] = [[1, 2, 1], [0, 0, 0], [-1, -2, -1]]  # horizontal edges
model.layers[0].set_weights([conv1, np.array([0.1, -0.1], dtype="float32")])
model.layers[3].set_weights([np.linspace(-1.0, 1.0, 2 * 2 * 2 * 3).reshape(2, 2, 2, 3).astype("float32")])
model.layers[5].set_weights([np.linspace(0.5, -0.5, 3 * 2).reshape(3, 2).astype("float32"),
                             np.array([0.05, -0.05], dtype="float32")])

image = np.zeros((2, 6, 6, 1), dtype="float32")
image[0, 1:5, 2:4, 0] = 1.0  # a vertical bar
image[1, 2:4, 1:5, 0] = 1.0  # a horizontal bar
scores = model.predict(image, verbose=0)
print(scores.shape)
for row in scores:
    print(["%.4f" % v for v in row])
