# Covers: a custom Layer whose call() uses backend ops (K.dot, K.sum) and TensorFlow reached through K.tf.
import numpy as np
from keras import backend as K
from keras.layers import Layer
from keras.models import Sequential


class NormalizedRelu(Layer):
    """A dense projection, rectified, each row divided by its sum plus its peak plus one."""

    def __init__(self, units, **kwargs):
        self.units = units
        super(NormalizedRelu, self).__init__(**kwargs)

    def build(self, input_shape):
        self.kernel = self.add_weight(name="kernel", shape=(int(input_shape[-1]), self.units),
                                      initializer="zeros", trainable=True)
        super(NormalizedRelu, self).build(input_shape)

    def call(self, inputs):
        h = K.tf.nn.relu(K.dot(inputs, self.kernel))
        peak = K.tf.reduce_max(h, axis=-1, keepdims=True)
        return h / (K.sum(h, axis=-1, keepdims=True) + peak + 1.0)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], self.units)


model = Sequential()
model.add(NormalizedRelu(3, input_shape=(2,)))
model.layers[0].set_weights([np.array([[1.0, -1.0, 0.5], [0.5, 2.0, -1.0]], dtype="float32")])
x = np.array([[1.0, 2.0], [-1.0, 0.5], [0.0, 0.0], [3.0, -2.0]], dtype="float32")
for row in model.predict(x, verbose=0):
    print([round(float(v), 4) for v in row])
