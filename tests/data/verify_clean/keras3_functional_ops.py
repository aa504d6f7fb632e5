"""Keras 3 through the standalone keras package: functional model, keras.ops, a custom layer, Adam."""
import keras
import numpy as np
from keras import layers, ops


class Scale(layers.Layer):
    def __init__(self, factor=2.0, **kwargs):
        super().__init__(**kwargs)
        self.factor = factor

    def call(self, inputs):
        return ops.multiply(inputs, self.factor)


inputs = keras.Input(shape=(6,), name="features")
hidden = layers.Dense(4, activation="tanh")(inputs)
hidden = Scale(factor=0.5, name="scale")(hidden)
joined = layers.Concatenate(axis=-1)([hidden, inputs])
outputs = layers.Dense(1)(joined)
model = keras.Model(inputs=inputs, outputs=outputs, name="regressor")
model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-3, beta_1=0.9, clipnorm=1.0), loss="mse")

x = np.ones((8, 6), dtype="float32")
model.fit(x, ops.convert_to_numpy(ops.sum(x, axis=1, keepdims=True)), epochs=1, verbose=0)
print(float(ops.mean(ops.square(model(x)))) >= 0.0, keras.backend.epsilon(), keras.backend.floatx())
