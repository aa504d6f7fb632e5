# Covers: Softmax classifier: softmax_cross_entropy_with_logits_v2, accuracy fetched with the training op (computed before the update, as TF1 does).
import numpy as np
import tensorflow as tf

rng = np.random.RandomState(0)
xs = rng.randn(12, 3).astype(np.float32)
labels = np.eye(3, dtype=np.float32)[np.arange(12) % 3]

w = tf.Variable(rng.randn(3, 3).astype(np.float32) * 0.1)
b = tf.Variable(tf.zeros([3]))

@tf.function(input_signature=[tf.TensorSpec([None, 3], tf.float32)])
def logits(x):
    return tf.matmul(x, w) + b

@tf.function(input_signature=[tf.TensorSpec([None, 3], tf.float32), tf.TensorSpec([None, 3], tf.float32)])
def loss(x, y):
    return tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=tf.stop_gradient(y), logits=logits(x)))

@tf.function(input_signature=[tf.TensorSpec([None, 3], tf.float32), tf.TensorSpec([None, 3], tf.float32)])
def correct(x, y):
    return tf.equal(tf.argmax(logits(x), 1), tf.argmax(y, 1))

@tf.function(input_signature=[tf.TensorSpec([None, 3], tf.float32), tf.TensorSpec([None, 3], tf.float32)])
def accuracy(x, y):
    return tf.reduce_mean(tf.cast(correct(x, y), tf.float32))

optimizer = tf.keras.optimizers.SGD(learning_rate=0.5)

@tf.function(input_signature=[tf.TensorSpec([None, 3], tf.float32), tf.TensorSpec([None, 3], tf.float32)])
def train_op(x, y):
    with tf.GradientTape() as tape:
        loss_value = loss(x, y)
    accuracy_value = accuracy(x, y)
    gradients = tape.gradient(loss_value, [w, b])
    optimizer.apply_gradients(zip(gradients, [w, b]))
    return loss_value, accuracy_value

for step in range(25):
    loss_value, accuracy_value = [value.numpy() for value in train_op(xs, labels)]
    if step % 5 == 0:
        print("step %d loss %.4f accuracy %.4f" % (step, loss_value, accuracy_value))
print("final accuracy %.4f" % accuracy(xs, labels).numpy())
