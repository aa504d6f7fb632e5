"""Element-wise math with TF 1.x top-level names, run eagerly."""
import numpy as np
import tensorflow as tf

tf.enable_eager_execution()


def show(label, tensor):
    print(label, np.round(tensor.numpy().astype("float64"), 4).tolist())


x = tf.constant([1.0, 2.5, 4.0, 9.0])
y = tf.constant([0.5, 2.0, 3.0, 1.0])

show("log", tf.log(x))
show("log1p", tf.log1p(x))
show("squared_difference", tf.squared_difference(x, y))
show("ceil", tf.ceil(x / 2))
show("rsqrt", tf.rsqrt(x))
show("reciprocal", tf.reciprocal(y))
show("floormod", tf.floormod(x, y))
show("mod", tf.mod(x, 2.0))
print("is_nan", tf.is_nan(x / 0.0 - x / 0.0).numpy().tolist())
matrix = tf.constant([[2.0, 1.0], [1.0, 3.0]])
show("matrix_transpose", tf.matrix_transpose(tf.constant([[1.0, 2.0, 3.0]])))
show("matrix_inverse", tf.matrix_inverse(matrix))
show("matrix_determinant", tf.matrix_determinant(matrix))
show("diag", tf.diag(tf.constant([1, 2])))
show("segment_sum", tf.segment_sum(x, tf.constant([0, 0, 1, 1])))
show("unsorted_segment_max", tf.unsorted_segment_max(x, tf.constant([1, 0, 1, 0]), 2))
