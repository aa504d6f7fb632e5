# Covers: A tiny CNN: tf.nn.conv2d and max_pool over in-memory 6x6 images, a dense softmax head.
import numpy as np
import tensorflow as tf

rng = np.random.RandomState(2)
images = rng.rand(8, 6, 6, 1).astype(np.float32)
labels = np.eye(2, dtype=np.float32)[np.arange(8) % 2]

kernel = tf.Variable(rng.randn(3, 3, 1, 2).astype(np.float32) * 0.1)

@tf.function(input_signature=[tf.TensorSpec([None, 6, 6, 1], tf.float32)])
def conv(x):
    return tf.nn.relu(tf.nn.conv2d(x, kernel, strides=[1, 1, 1, 1], padding="SAME"))

@tf.function(input_signature=[tf.TensorSpec([None, 6, 6, 1], tf.float32)])
def pooled(x):
    return tf.nn.max_pool(conv(x), ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding="SAME")

@tf.function(input_signature=[tf.TensorSpec([None, 6, 6, 1], tf.float32)])
def flat(x):
    return tf.reshape(pooled(x), [-1, 3 * 3 * 2])

w = tf.Variable(rng.randn(18, 2).astype(np.float32) * 0.1)
b = tf.Variable(tf.zeros([2]))

@tf.function(input_signature=[tf.TensorSpec([None, 6, 6, 1], tf.float32)])
def logits(x):
    return tf.matmul(flat(x), w) + b

@tf.function(input_signature=[tf.TensorSpec([None, 6, 6, 1], tf.float32), tf.TensorSpec([None, 2], tf.float32)])
def loss(x, y):
    return tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=tf.stop_gradient(y), logits=logits(x)))

optimizer = tf.keras.optimizers.SGD(learning_rate=0.5)

@tf.function(input_signature=[tf.TensorSpec([None, 6, 6, 1], tf.float32), tf.TensorSpec([None, 2], tf.float32)])
def train_op(x, y):
    with tf.GradientTape() as tape:
        loss_value = loss(x, y)
    gradients = tape.gradient(loss_value, [kernel, w, b])
    optimizer.apply_gradients(zip(gradients, [kernel, w, b]))
    return loss_value

for step in range(30):
    loss_value = train_op(images, labels).numpy()
    if step % 10 == 9:
        print("step %d loss %.4f" % (step, loss_value))
