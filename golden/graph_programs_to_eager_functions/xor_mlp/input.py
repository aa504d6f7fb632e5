# Covers: XOR with a two-layer perceptron of tf.Variables, relu and sigmoid.
import numpy as np
import tensorflow as tf

xs = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
ys = np.array([[0], [1], [1], [0]], dtype=np.float32)
rng = np.random.RandomState(1)

x = tf.placeholder(tf.float32, [None, 2])
y = tf.placeholder(tf.float32, [None, 1])
w1 = tf.Variable(rng.uniform(-1, 1, (2, 4)).astype(np.float32))
b1 = tf.Variable(tf.zeros([4]))
w2 = tf.Variable(rng.uniform(-1, 1, (4, 1)).astype(np.float32))
b2 = tf.Variable(tf.zeros([1]))
hidden = tf.nn.relu(tf.matmul(x, w1) + b1)
output = tf.sigmoid(tf.matmul(hidden, w2) + b2)
loss = tf.reduce_mean(tf.square(output - y))
train_op = tf.train.GradientDescentOptimizer(1.0).minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(60):
        _, loss_value = sess.run([train_op, loss], feed_dict={x: xs, y: ys})
        if step % 20 == 19:
            print("step %d loss %.4f" % (step, loss_value))
    print([round(float(v), 4) for v in sess.run(output, feed_dict={x: xs}).ravel()])
