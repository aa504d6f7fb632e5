# Covers: `tf.InteractiveSession()` with `.eval()` calls (its default-session uses) and close().
import tensorflow as tf

sess = tf.InteractiveSession()
grid = tf.reshape(tf.range(12), [3, 4])
column_sums = tf.reduce_sum(grid, axis=0)
scaled = tf.cast(grid, tf.float32) / 4.0

print(grid.eval())
print("column sums:", column_sums.eval().tolist())
print("scaled corner: %.2f" % scaled[2, 3].eval())
print("max:", tf.reduce_max(grid).eval())
sess.close()
