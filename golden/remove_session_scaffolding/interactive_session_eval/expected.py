# Covers: `tf.InteractiveSession()` with `.eval()` calls (its default-session uses) and close().
import tensorflow as tf

grid = tf.reshape(tf.range(12), [3, 4])
column_sums = tf.reduce_sum(grid, axis=0)
scaled = tf.cast(grid, tf.float32) / 4.0

print(grid.numpy())
print("column sums:", column_sums.numpy().tolist())
print("scaled corner: %.2f" % scaled[2, 3].numpy())
print("max:", tf.reduce_max(grid).numpy())
