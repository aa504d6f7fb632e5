"""A fixed linear model evaluated on batches fed through placeholders."""
from __future__ import print_function

import numpy as np
import tensorflow as tf

weights = tf.constant([[1.0, -2.0], [0.5, 3.0], [2.0, 0.0]])
bias = tf.constant([0.25, -1.0])

x = tf.placeholder(tf.float32, shape=[None, 3], name="x")
scale = tf.placeholder_with_default(1.0, shape=[], name="scale")
logits = (tf.matmul(x, weights) + bias) * scale
total = tf.reduce_sum(tf.square(logits))

batches = [
    np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]], dtype=np.float32),
    np.array([[1.0, 2.0, 3.0]], dtype=np.float32),
]

with tf.Session() as sess:
    for i, batch in enumerate(batches):
        out, sq = sess.run([logits, total], feed_dict={x: batch})
        print("batch %d shape %s" % (i, out.shape))
        print("  logits", [[round(float(v), 3) for v in row] for row in out])
        print("  sum of squares %.3f" % sq)
    doubled = sess.run(total, feed_dict={x: batches[1], scale: 2.0})
    print("scaled by 2: %.3f" % doubled)
