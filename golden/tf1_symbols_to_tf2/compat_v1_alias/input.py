"""A file that imports tensorflow.compat.v1 as tf: renamed names and changed arguments still migrate."""
import numpy as np
import tensorflow.compat.v1 as tf

tf.enable_eager_execution()
tf.set_random_seed(0)

x = tf.constant([[1.0, 4.0], [9.0, 16.0]])
print("log", np.round(tf.log(x).numpy().astype("float64"), 4).tolist())
print("sum", tf.reduce_sum(x, reduction_indices=0, keep_dims=True).numpy().tolist())
print("to_float", tf.to_float(tf.constant([1, 2])).numpy().tolist())
print("argmax", tf.argmax(x, dimension=1).numpy().tolist())
print("normal", tf.random_normal([2, 2]).shape.as_list())
