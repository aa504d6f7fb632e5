"""RMSProp over a tf.layers.dense layer: the layer's variables exist only after its first call, so the Keras
RMSprop's mean squares cannot be started at one as TF 1's are; the program stays a graph program."""
import numpy as np
import tensorflow as tf

xs = np.linspace(-1.0, 1.0, 8).astype(np.float32).reshape(-1, 1)
ys = (3.0 * xs - 0.5).astype(np.float32)

x = tf.placeholder(tf.float32, shape=[None, 1])
y = tf.placeholder(tf.float32, shape=[None, 1])
prediction = tf.layers.dense(x, 1, kernel_initializer=tf.zeros_initializer())
loss = tf.reduce_mean(tf.square(prediction - y))
train_op = tf.train.RMSPropOptimizer(0.1).minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(5):
        _, loss_value = sess.run([train_op, loss], feed_dict={x: xs, y: ys})
        print("step %d loss %.4f" % (step, loss_value))
