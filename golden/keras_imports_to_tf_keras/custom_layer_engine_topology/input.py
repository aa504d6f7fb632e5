# Covers: a custom Layer subclass imported from keras.engine.topology (build / add_weight / call with backend ops).
import numpy as np
from keras import backend as K
from keras.engine.topology import Layer
from keras.layers import Dense, Input
from keras.models import Model


class ScaledTanh(Layer):
    """tanh(x . W + b) * scale, with one trainable kernel and a fixed scale."""

    def __init__(self, units, scale=2.0, **kwargs):
        super(ScaledTanh, self).__init__(**kwargs)
        self.units = units
        self.scale = scale

    def build(self, input_shape):
        self.kernel = self.add_weight(name="kernel", shape=(int(input_shape[-1]), self.units),
                                      initializer="ones", trainable=True)
        self.bias = self.add_weight(name="bias", shape=(self.units,), initializer="zeros", trainable=True)
        super(ScaledTanh, self).build(input_shape)

    def call(self, inputs):
        return K.tanh(K.bias_add(K.dot(inputs, self.kernel), self.bias)) * self.scale

    def compute_output_shape(self, input_shape):
        return (input_shape[0], self.units)


inputs = Input(shape=(3,))
hidden = ScaledTanh(2, scale=0.5, name="scaled")(inputs)
outputs = Dense(1, kernel_initializer="ones", bias_initializer="zeros")(hidden)
model = Model(inputs=inputs, outputs=outputs)
scaled = model.get_layer("scaled")
scaled.set_weights([np.array([[0.5, -0.5], [0.25, 0.0], [-1.0, 1.0]], dtype="float32"),
                    np.array([0.1, -0.1], dtype="float32")])

x = np.array([[1.0, 2.0, 3.0], [0.0, -1.0, 0.5], [0.3, 0.3, 0.3]], dtype="float32")
print("weights", [w.shape for w in scaled.get_weights()], "trainable", len(scaled.trainable_weights))
print("hidden", [[round(float(v), 4) for v in row] for row in Model(inputs, hidden).predict(x, verbose=0)])
print("output", [round(float(v), 4) for v in model.predict(x, verbose=0).ravel()])
