"""TF 1.x's to_float / to_int32 / to_double / to_int64 casts."""
import tensorflow as tf

counts = tf.constant([3, 1, 4, 1, 5])
ratios = tf.cast(counts, tf.float32) / tf.cast(tf.reduce_sum(counts), tf.float32)
print("to_float", ratios.dtype.name, [round(v, 4) for v in ratios.numpy().tolist()])

truncated = tf.cast(tf.constant([1.7, -2.2, 3.9]), tf.int32, name="truncate")
print("to_int32", truncated.dtype.name, truncated.numpy().tolist())

wide = tf.cast(counts, tf.int64)
print("to_int64", wide.dtype.name, wide.numpy().tolist())

precise = tf.cast(x=tf.constant([0.1, 0.2]), dtype=tf.float64)
print("to_double", precise.dtype.name, [round(v, 6) for v in precise.numpy().tolist()])

same = tf.cast(counts, tf.float32)
print("cast", same.dtype.name, same.numpy().tolist())
