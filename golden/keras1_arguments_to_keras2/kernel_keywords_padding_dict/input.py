# Covers: Keras 1 kernel sizes by keyword (nb_filter=/nb_row=/nb_col=, a positional row with nb_col=), SeparableConv2D(init=), a ZeroPadding2D padding dict, dim_ordering=K.image_dim_ordering() and dim_ordering="tf".
import numpy as np
from keras import backend as K
from keras.layers import AveragePooling2D, Conv2D, Flatten, Input, SeparableConv2D, ZeroPadding2D
from keras.models import Model

image = Input(shape=(5, 5, 1))
x = ZeroPadding2D(padding={"top_pad": 1, "right_pad": 2})(image)  # -> 6 x 7
x = Conv2D(nb_filter=2, nb_row=2, nb_col=3, init="one", dim_ordering=K.image_dim_ordering(), name="wide")(x)
x = Conv2D(2, 3, nb_col=1, border_mode="same", name="tall")(x)
x = SeparableConv2D(3, 2, 2, init="one", depth_multiplier=1, name="separable")(x)
x = AveragePooling2D(pool_size=(2, 2), border_mode="same", dim_ordering="tf")(x)
model = Model(inputs=image, outputs=Flatten()(x))

model.get_layer("tall").set_weights([np.linspace(-1.0, 1.0, 3 * 1 * 2 * 2).reshape(3, 1, 2, 2).astype("float32"),
                                     np.array([0.1, -0.1], dtype="float32")])
model.get_layer("separable").set_weights([
    np.linspace(0.5, -0.5, 2 * 2 * 2).reshape(2, 2, 2, 1).astype("float32"),
    np.linspace(-0.2, 0.2, 2 * 3).reshape(1, 1, 2, 3).astype("float32"),
    np.zeros((3,), dtype="float32"),
])
print([w.shape for w in model.get_layer("wide").get_weights()])

pixels = (np.arange(2 * 5 * 5) % 7 / 7.0).reshape(2, 5, 5, 1).astype("float32")
for row in model.predict(pixels, verbose=0):
    print(["%.4f" % v for v in row])
