"""TF 1.x's to_float / to_int32 / to_double / to_int64 casts."""
import tensorflow as tf

tf.enable_eager_execution()

counts = tf.constant([3, 1, 4, 1, 5])
ratios = tf.to_float(counts) / tf.to_float(tf.reduce_sum(counts))
print("to_float", ratios.dtype.name, [round(v, 4) for v in ratios.numpy().tolist()])

truncated = tf.to_int32(tf.constant([1.7, -2.2, 3.9]), name="truncate")
print("to_int32", truncated.dtype.name, truncated.numpy().tolist())

wide = tf.to_int64(counts)
print("to_int64", wide.dtype.name, wide.numpy().tolist())

precise = tf.to_double(x=tf.constant([0.1, 0.2]))
print("to_double", precise.dtype.name, [round(v, 6) for v in precise.numpy().tolist()])

same = tf.cast(counts, tf.float32)
print("cast", same.dtype.name, same.numpy().tolist())
