# Covers: a Keras-style script that hands tf.get_default_graph() to its FileWriter: the graph argument is
# dropped (TF2 writers take none) and the per-epoch proto logging becomes tf.summary.scalar.
import glob
import os
import tempfile

import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([
    tf.keras.layers.Dense(1, input_shape=(2,), kernel_initializer="ones", bias_initializer="zeros"),
])
model.compile(optimizer=tf.keras.optimizers.SGD(learning_rate=0.05), loss="mse")

logdir = tempfile.mkdtemp()
writer = tf.summary.FileWriter(logdir, tf.get_default_graph())

features = np.array([[1.0, 2.0], [2.0, 0.5], [0.0, 1.0], [1.5, 1.5]], dtype=np.float32)
targets = np.array([[2.0], [1.0], [0.5], [2.5]], dtype=np.float32)
for epoch in range(3):
    loss = model.train_on_batch(features, targets)
    writer.add_summary(tf.Summary(value=[tf.Summary.Value(tag="epoch_loss", simple_value=float(loss))]), epoch)
    writer.flush()
    print("epoch", epoch, "loss", round(float(loss), 4))
writer.close()

print("event files:", len(glob.glob(os.path.join(logdir, "events.*"))))
