"""Summary statistics of a small table with TF1 ops, evaluated in sessions.

Nothing here needs graph semantics: every tensor is computed once from constants, so the migrated
program computes the same values eagerly.
"""
import numpy as np
import tensorflow as tf

tf.logging.set_verbosity(tf.logging.WARN)

table = np.array([[3.0, 1.0, 4.0], [1.0, 5.0, 9.0], [2.0, 6.0, 5.0], [3.0, 5.0, 8.0]], dtype="float32")
counts = tf.constant([[1, 0, 2], [0, 3, 1], [2, 2, 0], [1, 1, 1]])

values = tf.constant(table)
column_sums = tf.reduce_sum(values, reduction_indices=0)
row_means = tf.reduce_mean(values, axis=1, keep_dims=True)
log_values = tf.log(values)
weighted = values * tf.to_float(counts)
best_column = tf.argmax(values, dimension=1)
centered = tf.squared_difference(values, row_means)

sess = tf.Session()
sums, means = sess.run([column_sums, row_means])
print("column sums", sums)
print("row means", np.round(means.ravel(), 3))
print("log total %.4f" % sess.run(tf.reduce_sum(log_values)))
print("weighted", sess.run(weighted).sum())
print("best column per row", sess.run(best_column))
sess.close()

interactive = tf.InteractiveSession()
print("spread %.3f" % tf.reduce_sum(centered).eval())
print("dtype", tf.to_int32(values).dtype.name)
interactive.close()
