# Covers: `import keras.backend as K` (backend math helpers) next to a plain from-import model.
import numpy as np
from tensorflow.keras import backend as K
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential

v = K.constant(np.array([[1.0, 2.0], [3.0, 4.0]], dtype="float32"))
print("sum", K.eval(K.sum(v, axis=0)).tolist())
print("mean %.4f" % K.eval(K.mean(v)))
print("epsilon", K.epsilon())

model = Sequential()
model.add(Dense(2, input_dim=2, activation="tanh", kernel_initializer="ones", bias_initializer="zeros"))
x = np.array([[0.1, 0.2], [-0.3, 0.1]], dtype="float32")
print([[round(float(p), 4) for p in row] for row in model.predict(x, verbose=0)])
print("floatx", K.floatx(), "ndim", K.ndim(v))
