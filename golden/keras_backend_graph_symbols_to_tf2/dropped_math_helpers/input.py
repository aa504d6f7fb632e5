# Covers: backend helpers Keras 3 dropped (logsumexp, identity, slice, get_variable_shape, K.np) and renamed keywords.
import numpy as np
import keras.backend as K

x = K.constant(np.array([[1.0, 2.0, 3.0], [0.5, -0.5, 0.0]]))
print("logsumexp", [round(float(v), 4) for v in K.eval(K.logsumexp(x, axis=1))])
print("logsumexp keepdims", K.eval(K.logsumexp(x, axis=0, keepdims=True)).shape)
print("identity", K.eval(K.identity(x)).tolist())
print("slice", K.eval(K.slice(x, (0, 1), (2, 2))).tolist())

weights = K.variable(K.np.arange(6, dtype="float32").reshape(2, 3))
print("shape", K.get_variable_shape(weights), K.int_shape(weights))
print("values", K.batch_get_value(ops=[weights])[0].tolist())
K.set_epsilon(e=1e-5)
print("epsilon", K.epsilon())
