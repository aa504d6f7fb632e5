"""argmax with dimension=, arg_max / arg_min, expand_dims with dim=, squeeze with squeeze_dims=."""
import numpy as np
import tensorflow as tf

tf.enable_eager_execution()

scores = tf.constant([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2], [0.0, 0.1, 0.9]])

print("argmax", tf.argmax(scores, dimension=1).numpy().tolist())
print("argmin", tf.argmin(scores, dimension=0).numpy().tolist())
print("arg_max", tf.arg_max(scores, 1).numpy().tolist())
print("arg_min", tf.arg_min(scores, dimension=1, output_type=tf.int32).numpy().tolist())
print("math.argmax", tf.math.argmax(scores, dimension=0).numpy().tolist())

column = tf.expand_dims(tf.constant([1, 2, 3]), dim=1)
print("expand_dims", column.shape.as_list())
row = tf.expand_dims(tf.constant([1, 2, 3]), 0)
print("expand_dims positional", row.shape.as_list())
flat = tf.squeeze(tf.zeros([1, 3, 1]), squeeze_dims=[2])
print("squeeze", flat.shape.as_list())
print("transpose", tf.transpose(tf.constant(np.arange(6).reshape(2, 3)), [1, 0], "flip").numpy().tolist())
