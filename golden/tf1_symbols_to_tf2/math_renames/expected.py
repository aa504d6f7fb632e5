"""Element-wise math with TF 1.x top-level names, run eagerly."""
import numpy as np
import tensorflow as tf


def show(label, tensor):
    print(label, np.round(tensor.numpy().astype("float64"), 4).tolist())


x = tf.constant([1.0, 2.5, 4.0, 9.0])
y = tf.constant([0.5, 2.0, 3.0, 1.0])

show("log", tf.math.log(x))
show("log1p", tf.math.log1p(x))
show("squared_difference", tf.math.squared_difference(x, y))
show("ceil", tf.math.ceil(x / 2))
show("rsqrt", tf.math.rsqrt(x))
show("reciprocal", tf.math.reciprocal(y))
show("floormod", tf.math.floormod(x, y))
show("mod", tf.math.floormod(x, 2.0))
print("is_nan", tf.math.is_nan(x / 0.0 - x / 0.0).numpy().tolist())
matrix = tf.constant([[2.0, 1.0], [1.0, 3.0]])
show("matrix_transpose", tf.linalg.matrix_transpose(tf.constant([[1.0, 2.0, 3.0]])))
show("matrix_inverse", tf.linalg.inv(matrix))
show("matrix_determinant", tf.linalg.det(matrix))
show("diag", tf.linalg.tensor_diag(tf.constant([1, 2])))
show("segment_sum", tf.math.segment_sum(x, tf.constant([0, 0, 1, 1])))
show("unsorted_segment_max", tf.math.unsorted_segment_max(x, tf.constant([1, 0, 1, 0]), 2))
