# Covers: K.get_value / K.set_value on a backend variable and on a layer's weights; K.dtype of both.
import numpy as np
from keras import backend as K
from keras.layers import Dense
from keras.models import Sequential

scale = K.variable(np.array([[1.0, 2.0], [3.0, 4.0]]), name="scale")
print("initial", K.get_value(scale).tolist(), K.dtype(scale))
K.set_value(scale, np.array([[0.5, 0.25], [2.0, -1.0]]))
print("after set_value", K.get_value(scale).tolist())
print("eval", K.eval(scale * 2).tolist())

model = Sequential()
model.add(Dense(2, input_dim=2, kernel_initializer="ones", bias_initializer="zeros"))
layer = model.layers[0]
K.set_value(layer.bias, [0.5, -0.5])
K.set_value(layer.kernel, K.get_value(scale))
print("bias", K.get_value(layer.bias).tolist(), K.dtype(layer.kernel))
x = np.array([[1.0, 1.0], [2.0, 0.0]], dtype="float32")
print("predict", [[round(float(v), 4) for v in row] for row in model.predict(x, verbose=0)])
