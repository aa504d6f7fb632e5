"""Softmax and cross-entropy with TF 1.x's dim argument; TF 1.x's loss did not backpropagate into labels."""
import numpy as np
import tensorflow as tf

tf.enable_eager_execution()

logits = tf.constant([[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]])
labels = tf.constant([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])

print("softmax", np.round(tf.nn.softmax(logits, dim=-1).numpy().astype("float64"), 4).tolist())
print("log_softmax", np.round(tf.nn.log_softmax(logits, dim=1).numpy().astype("float64"), 4).tolist())
loss = tf.nn.softmax_cross_entropy_with_logits(labels=labels, logits=logits, dim=-1)
print("loss", np.round(loss.numpy().astype("float64"), 4).tolist())
axis0 = tf.nn.softmax_cross_entropy_with_logits(labels=tf.transpose(labels), logits=tf.transpose(logits), dim=0)
print("loss over axis 0", np.round(axis0.numpy().astype("float64"), 4).tolist())
mean_loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=logits, labels=labels))
print("mean loss", round(float(mean_loss.numpy()), 4))

with tf.GradientTape() as tape:
    tape.watch(labels)
    blocked = tf.reduce_sum(tf.nn.softmax_cross_entropy_with_logits(labels=labels, logits=logits))
print("gradient into labels", tape.gradient(blocked, labels))

kept = tf.nn.dropout(logits, keep_prob=1.0)
print("dropout keep_prob=1", np.round(kept.numpy().astype("float64"), 4).tolist())
