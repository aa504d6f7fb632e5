"""A file that imports tensorflow.compat.v1 as tf: renamed names and changed arguments still migrate."""
import numpy as np
import tensorflow.compat.v1 as tf

tf.set_random_seed(0)

x = tf.constant([[1.0, 4.0], [9.0, 16.0]])
print("log", np.round(tf.math.log(x).numpy().astype("float64"), 4).tolist())
print("sum", tf.reduce_sum(x, axis=0, keepdims=True).numpy().tolist())
print("to_float", tf.cast(tf.constant([1, 2]), tf.float32).numpy().tolist())
print("argmax", tf.argmax(x, axis=1).numpy().tolist())
print("normal", tf.random.normal([2, 2]).shape.as_list())
