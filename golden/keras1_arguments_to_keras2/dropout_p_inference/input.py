# Covers: Keras 1 noise-layer keywords Dropout(p=), GaussianDropout(p=), GaussianNoise(sigma=), SpatialDropout1D(p=), imported from layer submodules; inference only.
import numpy as np
from keras.layers.core import Dense, Dropout, Reshape, SpatialDropout1D
from keras.layers.noise import GaussianDropout, GaussianNoise
from keras.models import Sequential

model = Sequential([
    Dense(6, input_shape=(4,), activation="relu", name="hidden"),
    Dropout(p=0.5),  # Keras 1 spelling of the drop rate
    GaussianNoise(sigma=0.3),
    GaussianDropout(p=0.2),
    Reshape((3, 2)),
    SpatialDropout1D(p=0.25),
    Reshape((6,)),
    Dense(2, name="out"),
])
model.get_layer("hidden").set_weights([np.linspace(-0.6, 0.6, 24).reshape(4, 6).astype("float32"),
                                       np.full((6,), 0.1, dtype="float32")])
model.get_layer("out").set_weights([np.linspace(1.0, -1.0, 12).reshape(6, 2).astype("float32"),
                                    np.zeros((2,), dtype="float32")])

print([round(float(layer.rate), 2) for layer in model.layers if hasattr(layer, "rate")])
print([round(float(layer.stddev), 2) for layer in model.layers if hasattr(layer, "stddev")])
x = np.array([[1.0, -2.0, 0.5, 3.0], [0.5, 0.5, 1.0, 2.0]], dtype="float32")
for row in model.predict(x, verbose=0):  # noise and dropout layers are off at inference
    print(["%.4f" % v for v in row])
