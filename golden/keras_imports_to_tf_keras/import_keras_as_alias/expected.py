# Covers: `import keras as k` with a functional two-branch model built from k.layers / k.models.
import numpy as np
from tensorflow import keras as k

inp = k.layers.Input(shape=(3,))
a = k.layers.Dense(2, kernel_initializer="ones", bias_initializer="zeros")(inp)
b = k.layers.Dense(2, activation="relu", kernel_initializer=k.initializers.Constant(-0.5))(inp)
out = k.layers.Add()([a, b])
model = k.models.Model(inputs=inp, outputs=out)

x = np.array([[1.0, 2.0, 3.0], [-1.0, -2.0, -3.0], [0.0, 0.5, -0.5]], dtype="float32")
for row in model.predict(x, verbose=0):
    print(" ".join("%.4f" % v for v in row))
