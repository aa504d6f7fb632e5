# Covers: backend helpers Keras 3 dropped (logsumexp, identity, slice, get_variable_shape, K.np) and renamed keywords.
import numpy as np
from tensorflow.keras import backend as K
import tensorflow as tf

x = K.constant(np.array([[1.0, 2.0, 3.0], [0.5, -0.5, 0.0]]))
print("logsumexp", [round(float(v), 4) for v in K.eval(tf.reduce_logsumexp(x, axis=1))])
print("logsumexp keepdims", K.eval(tf.reduce_logsumexp(x, axis=0, keepdims=True)).shape)
print("identity", K.eval(tf.identity(x)).tolist())
print("slice", K.eval(tf.slice(x, (0, 1), (2, 2))).tolist())

weights = K.variable(np.arange(6, dtype="float32").reshape(2, 3))
print("shape", K.int_shape(weights), K.int_shape(weights))
print("values", K.batch_get_value(tensors=[weights])[0].tolist())
K.set_epsilon(value=1e-5)
print("epsilon", K.epsilon())
