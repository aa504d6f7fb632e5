# Covers: Mini-batches: the training op run alone on numpy slices, the loss on the full data after each epoch.
import numpy as np
import tensorflow as tf

rng = np.random.RandomState(3)
data = rng.randn(32, 2).astype(np.float32)
target = (data @ np.array([[1.5], [-2.0]], dtype=np.float32) + 0.3).astype(np.float32)
batch_size = 8

x = tf.placeholder(tf.float32, [None, 2])
y = tf.placeholder(tf.float32, [None, 1])
w = tf.Variable(tf.zeros([2, 1]))
b = tf.Variable(tf.zeros([1]))
loss = tf.reduce_mean(tf.square(tf.matmul(x, w) + b - y))
train_op = tf.train.MomentumOptimizer(0.05, 0.5).minimize(loss)

sess = tf.Session()
sess.run(tf.global_variables_initializer())
for epoch in range(6):
    for start in range(0, len(data), batch_size):
        sess.run(train_op, feed_dict={x: data[start:start + batch_size], y: target[start:start + batch_size]})
    print("epoch %d loss %.4f" % (epoch, sess.run(loss, feed_dict={x: data, y: target})))
sess.close()
