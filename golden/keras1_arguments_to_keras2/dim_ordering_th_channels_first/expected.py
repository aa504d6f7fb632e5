# Covers: dim_ordering="th" on Convolution2D, ZeroPadding2D, MaxPooling2D, UpSampling2D, Cropping2D and GlobalAveragePooling2D with channels-first images.
import numpy as np
from tensorflow.keras.layers import (Convolution2D, Cropping2D, GlobalAveragePooling2D, MaxPooling2D, UpSampling2D,
                          ZeroPadding2D)
from tensorflow.keras.models import Sequential

model = Sequential()
model.add(ZeroPadding2D(padding=(1, 1), data_format="channels_first", input_shape=(2, 4, 4)))  # (channels, rows, cols)
model.add(Convolution2D(3, (3, 3), activation="relu", data_format="channels_first", name="conv"))
model.add(MaxPooling2D(pool_size=(2, 2), data_format="channels_first"))
model.add(UpSampling2D(size=(2, 2), data_format="channels_first"))
model.add(Cropping2D(cropping=((1, 0), (0, 1)), data_format="channels_first"))
model.add(GlobalAveragePooling2D(data_format="channels_first"))

kernel = np.linspace(-1.0, 1.0, 3 * 3 * 2 * 3).reshape(3, 3, 2, 3).astype("float32")
model.get_layer("conv").set_weights([kernel, np.array([0.5, 0.0, -0.5], dtype="float32")])
print([layer.data_format for layer in model.layers])

images = np.zeros((2, 2, 4, 4), dtype="float32")
images[0, 0] = np.arange(16).reshape(4, 4) / 8.0  # channel 0: a ramp
images[0, 1, :, 1] = 1.0                          # channel 1: a vertical line
images[1, 0] = np.eye(4)
images[1, 1] = -np.eye(4)[::-1]
for row in model.predict(images, verbose=0):
    print(["%.4f" % v for v in row])
