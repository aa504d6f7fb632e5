# Covers: Linear regression with RMSPropOptimizer: Keras RMSprop with epsilon=1e-10 and its mean squares started at one.
import numpy as np
import tensorflow as tf

xs = np.linspace(-1.0, 1.0, 8).astype(np.float32).reshape(-1, 1)
ys = (3.0 * xs - 0.5).astype(np.float32)

x = tf.placeholder(tf.float32, shape=[None, 1])
y = tf.placeholder(tf.float32, shape=[None, 1])
w = tf.Variable(tf.zeros([1, 1]), name="w")
b = tf.Variable(tf.zeros([1]), name="b")
prediction = tf.matmul(x, w) + b
loss = tf.reduce_mean(tf.square(prediction - y))
train_op = tf.train.RMSPropOptimizer(0.05).minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(40):
        _, loss_value = sess.run([train_op, loss], feed_dict={x: xs, y: ys})
        if step % 5 == 0:
            print("step %d loss %.4f" % (step, loss_value))
    w_value, b_value = sess.run([w, b])
    print("w %.4f b %.4f" % (w_value[0, 0], b_value[0]))
