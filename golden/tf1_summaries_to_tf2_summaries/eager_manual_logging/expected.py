# Covers: a numpy training loop logging by hand: FileWriter + tf.Summary protos + add_summary + flush/close
# become a TF2 writer and tf.summary.scalar calls in its as_default() context.
import glob
import os
import tempfile

import numpy as np
import tensorflow as tf

logdir = tempfile.mkdtemp()
writer = tf.summary.create_file_writer(logdir, flush_millis=30000)

x = np.linspace(-1.0, 1.0, 8)
y = 3.0 * x + 0.5
w, b = 0.0, 0.0
for step in range(5):
    error = w * x + b - y
    loss = float(np.mean(error ** 2))
    w -= 0.2 * float(np.mean(2 * error * x))
    b -= 0.2 * float(np.mean(2 * error))
    # one summary per step, with two values
    with writer.as_default():
        tf.summary.scalar("train/loss", loss, step=step)
        tf.summary.scalar("train/w", w, step=step)
    print("step", step, "loss", round(loss, 4), "w", round(w, 4), "b", round(b, 4))

with writer.as_default():
    tf.summary.scalar("final/b", b, step=5)
writer.flush()
writer.close()
print("event files:", len(glob.glob(os.path.join(logdir, "events.*"))))
