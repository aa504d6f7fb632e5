# Covers: tf.layers.dense MLP: the layers become layer objects created once, called inside the functions.
import numpy as np
import tensorflow as tf

xs = np.linspace(-1.0, 1.0, 10).astype(np.float32).reshape(-1, 1)
ys = (xs ** 2).astype(np.float32)

x = tf.placeholder(tf.float32, [None, 1])
y = tf.placeholder(tf.float32, [None, 1])
hidden = tf.layers.dense(x, 4, activation=tf.nn.tanh, kernel_initializer=tf.constant_initializer(0.3),
                         bias_initializer=tf.constant_initializer(0.1))
output = tf.layers.dense(hidden, 1, kernel_initializer=tf.constant_initializer(-0.2))
loss = tf.reduce_mean(tf.square(output - y))
train_op = tf.train.GradientDescentOptimizer(0.2).minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(40):
        _, loss_value = sess.run([train_op, loss], feed_dict={x: xs, y: ys})
        if step % 10 == 9:
            print("step %d loss %.4f" % (step, loss_value))
    print([round(float(v), 4) for v in sess.run(output, feed_dict={x: xs[:3]}).ravel()])
