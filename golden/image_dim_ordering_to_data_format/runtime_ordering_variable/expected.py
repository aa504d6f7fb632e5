# Covers: K.set_image_dim_ordering(<variable>) in a loop, `K.image_dim_ordering() != "tf"`, the ordering used as a value, a rejected ordering.
import numpy as np
from tensorflow.keras import backend as K
from tensorflow.keras.layers import Conv2D, GlobalAveragePooling2D
from tensorflow.keras.models import Sequential

for ordering in ["tf", "th"]:
    K.set_image_data_format({"th": "channels_first", "tf": "channels_last"}.get(ordering))
    channels_first = K.image_data_format() != "channels_last"
    shape = (2, 3, 4) if channels_first else (3, 4, 2)
    model = Sequential([Conv2D(1, (2, 2), input_shape=shape), GlobalAveragePooling2D()])
    model.layers[0].set_weights([np.arange(8, dtype="float32").reshape((2, 2, 2, 1)) / 4.0, np.zeros(1, dtype="float32")])
    x = np.arange(24, dtype="float32").reshape((1,) + shape) / 10.0
    layout = {"th": "NCHW", "tf": "NHWC"}["th" if K.image_data_format() == "channels_first" else "tf"]
    print("th" if K.image_data_format() == "channels_first" else "tf", layout, channels_first, [round(float(v), 4) for v in model.predict(x, verbose=0).ravel()])

requested = "channels_first"
try:
    K.set_image_data_format({"th": "channels_first", "tf": "channels_last"}.get(requested))
except ValueError:
    print("rejected", requested, "kept", K.image_data_format())
