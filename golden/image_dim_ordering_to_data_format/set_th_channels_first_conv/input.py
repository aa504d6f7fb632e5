# Covers: K.set_image_dim_ordering("th"), K.image_dim_ordering() == "th" and printed, with a channels-first Conv2D model.
import numpy as np
from keras import backend as K
from keras.layers import Conv2D, Dense, Flatten, MaxPooling2D
from keras.models import Sequential

K.set_image_dim_ordering("th")
print("ordering", K.image_dim_ordering(), "format", K.image_data_format())

if K.image_dim_ordering() == "th":
    input_shape = (1, 5, 4)
else:
    input_shape = (5, 4, 1)

model = Sequential()
model.add(Conv2D(2, (3, 3), input_shape=input_shape))
model.add(MaxPooling2D((2, 2)))
model.add(Flatten())
model.add(Dense(1))
kernel = np.arange(18, dtype="float32").reshape((3, 3, 1, 2)) / 10.0 - 0.8
model.layers[0].set_weights([kernel, np.array([0.1, -0.2], dtype="float32")])
model.layers[3].set_weights([np.array([[1.0], [-0.5]], dtype="float32"), np.zeros(1, dtype="float32")])

print("output shapes", [K.int_shape(layer.output) for layer in model.layers])
x = np.arange(40, dtype="float32").reshape((2,) + input_shape) / 10.0
print("predictions", [round(float(v), 4) for v in model.predict(x, verbose=0).ravel()])
