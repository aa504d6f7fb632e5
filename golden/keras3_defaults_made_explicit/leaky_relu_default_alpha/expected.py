# Covers: LeakyReLU() default slope 0.3 and LeakyReLU(alpha=...) (Keras 3 calls it negative_slope; nothing to change).
import numpy as np
from tensorflow.keras.layers import Dense, Input, LeakyReLU
from tensorflow.keras.layers import LeakyReLU as AdvancedLeakyReLU
from tensorflow.keras.models import Model

inputs = Input(shape=(3,))
hidden = Dense(3, kernel_initializer="identity", bias_initializer="zeros")(inputs)
default_slope = LeakyReLU()(hidden)
small_slope = AdvancedLeakyReLU(alpha=0.05)(hidden)
model = Model(inputs, [default_slope, small_slope])

x = np.array([[-2.0, 0.5, -0.1], [1.0, -1.0, 3.0]], dtype="float32")
for name, output in zip(["default", "alpha=0.05"], model.predict(x, verbose=0)):
    print(name, [[round(float(v), 4) for v in row] for row in output])
