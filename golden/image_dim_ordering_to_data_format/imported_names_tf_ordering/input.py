# Covers: set_image_dim_ordering / image_dim_ordering imported by name from keras.backend; the "tf" ordering with a channels-last Conv2D.
import numpy as np
from keras.backend import image_dim_ordering, set_image_dim_ordering
from keras.layers import Conv2D
from keras.models import Sequential

set_image_dim_ordering("tf")
print("ordering", image_dim_ordering())

input_shape = (3, 4, 1) if image_dim_ordering() == "tf" else (1, 3, 4)
model = Sequential([Conv2D(2, (2, 2), input_shape=input_shape, kernel_initializer="ones", bias_initializer="zeros")])
x = np.arange(24, dtype="float32").reshape((2,) + input_shape) / 4.0
out = model.predict(x, verbose=0)
print("shape", out.shape)
print("first map", [[round(float(v), 4) for v in row] for row in out[0, :, :, 0]])
