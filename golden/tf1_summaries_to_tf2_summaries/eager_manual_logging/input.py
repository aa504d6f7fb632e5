# Covers: a numpy training loop logging by hand: FileWriter + tf.Summary protos + add_summary + flush/close
# become a TF2 writer and tf.summary.scalar calls in its as_default() context.
import glob
import os
import tempfile

import numpy as np
import tensorflow as tf

logdir = tempfile.mkdtemp()
writer = tf.summary.FileWriter(logdir, flush_secs=30)

x = np.linspace(-1.0, 1.0, 8)
y = 3.0 * x + 0.5
w, b = 0.0, 0.0
for step in range(5):
    error = w * x + b - y
    loss = float(np.mean(error ** 2))
    w -= 0.2 * float(np.mean(2 * error * x))
    b -= 0.2 * float(np.mean(2 * error))
    # one summary per step, with two values
    summary = tf.Summary(value=[
        tf.Summary.Value(tag="train/loss", simple_value=loss),
        tf.Summary.Value(tag="train/w", simple_value=w),
    ])
    writer.add_summary(summary, step)
    print("step", step, "loss", round(loss, 4), "w", round(w, 4), "b", round(b, 4))

writer.add_summary(tf.Summary(value=[tf.Summary.Value(tag="final/b", simple_value=b)]), global_step=5)
writer.flush()
writer.close()
print("event files:", len(glob.glob(os.path.join(logdir, "events.*"))))
