# Covers: K.get_value / K.set_value on a backend variable and on a layer's weights; K.dtype of both.
import numpy as np
from tensorflow.keras import backend as K
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential
import tensorflow as tf

scale = K.variable(np.array([[1.0, 2.0], [3.0, 4.0]]), name="scale")
print("initial", K.get_value(scale).tolist(), tf.as_dtype(scale.dtype).name)
scale.assign(np.array([[0.5, 0.25], [2.0, -1.0]]))
print("after set_value", K.get_value(scale).tolist())
print("eval", K.eval(scale * 2).tolist())

model = Sequential()
model.add(Dense(2, input_dim=2, kernel_initializer="ones", bias_initializer="zeros"))
layer = model.layers[0]
layer.bias.assign([0.5, -0.5])
layer.kernel.assign(K.get_value(scale))
print("bias", K.get_value(layer.bias).tolist(), tf.as_dtype(layer.kernel.dtype).name)
x = np.array([[1.0, 1.0], [2.0, 0.0]], dtype="float32")
print("predict", [[round(float(v), 4) for v in row] for row in model.predict(x, verbose=0)])
