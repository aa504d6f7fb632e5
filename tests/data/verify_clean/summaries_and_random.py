"""tf.summary writers, tf.random.Generator, math and linear algebra helpers, tf.debugging checks."""
import tempfile

import tensorflow as tf

generator = tf.random.Generator.from_seed(42)
values = generator.normal(shape=[4, 3])
uniform = tf.random.uniform([3], minval=0, maxval=10, dtype=tf.int32, seed=1)

writer = tf.summary.create_file_writer(tempfile.mkdtemp())
with writer.as_default(step=0):
    tf.summary.scalar("mean", tf.reduce_mean(values), step=0)
    tf.summary.histogram("values", values, step=0)
    tf.summary.text("note", tf.constant("hello"), step=0)
writer.flush()

norms = tf.norm(values, axis=1, keepdims=True)
counts = tf.math.count_nonzero(values > 0, axis=0)
top = tf.math.top_k(tf.reshape(values, [-1]), k=2)
product = tf.linalg.matmul(values, values, transpose_b=True)
tf.debugging.assert_equal(tf.shape(product), tf.constant([4, 4]))
print(norms.shape, counts.dtype.name, top.indices.shape, uniform.dtype.name, tf.nn.softmax(values, axis=-1).shape)
