# Covers: a graph program (placeholders, feed_dict, a kept session) whose summary ops are fetched through
# sess.run: every TF1 summary name gets its explicit tf.compat.v1 spelling.
import glob
import os
import tempfile

import numpy as np
import tensorflow as tf

x = tf.placeholder(tf.float32, shape=[None], name="x")
y = tf.placeholder(tf.float32, shape=[None], name="y")
w = tf.Variable(0.5, name="w")
loss = tf.reduce_mean(tf.square(w * x - y))
tf.summary.scalar("loss", loss)
tf.summary.histogram("residuals", w * x - y)
merged = tf.summary.merge_all()

logdir = tempfile.mkdtemp()
data_x = np.array([1.0, 2.0, 3.0], dtype=np.float32)
data_y = np.array([2.0, 4.0, 6.0], dtype=np.float32)
with tf.Session() as sess:
    writer = tf.summary.FileWriter(logdir, sess.graph)
    sess.run(tf.global_variables_initializer())
    for step, scale in enumerate([1.0, 1.5, 2.0]):
        sess.run(w.assign(scale))
        summary, value = sess.run([merged, loss], feed_dict={x: data_x, y: data_y})
        writer.add_summary(summary, step)
        print("step", step, "loss", round(float(value), 4), "summary bytes > 0:", len(summary) > 0)
    writer.close()
print("event files:", len(glob.glob(os.path.join(logdir, "events.*"))))
