# Covers: A tiny CNN: tf.nn.conv2d and max_pool over in-memory 6x6 images, a dense softmax head.
import numpy as np
import tensorflow as tf

rng = np.random.RandomState(2)
images = rng.rand(8, 6, 6, 1).astype(np.float32)
labels = np.eye(2, dtype=np.float32)[np.arange(8) % 2]

x = tf.placeholder(tf.float32, [None, 6, 6, 1])
y = tf.placeholder(tf.float32, [None, 2])
kernel = tf.Variable(rng.randn(3, 3, 1, 2).astype(np.float32) * 0.1)
conv = tf.nn.relu(tf.nn.conv2d(x, kernel, strides=[1, 1, 1, 1], padding="SAME"))
pooled = tf.nn.max_pool(conv, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding="SAME")
flat = tf.reshape(pooled, [-1, 3 * 3 * 2])
w = tf.Variable(rng.randn(18, 2).astype(np.float32) * 0.1)
b = tf.Variable(tf.zeros([2]))
logits = tf.matmul(flat, w) + b
loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=y, logits=logits))
train_op = tf.train.GradientDescentOptimizer(0.5).minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(30):
        _, loss_value = sess.run([train_op, loss], feed_dict={x: images, y: labels})
        if step % 10 == 9:
            print("step %d loss %.4f" % (step, loss_value))
