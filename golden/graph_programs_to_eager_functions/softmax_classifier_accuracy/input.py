# Covers: Softmax classifier: softmax_cross_entropy_with_logits_v2, accuracy fetched with the training op (computed before the update, as TF1 does).
import numpy as np
import tensorflow as tf

rng = np.random.RandomState(0)
xs = rng.randn(12, 3).astype(np.float32)
labels = np.eye(3, dtype=np.float32)[np.arange(12) % 3]

x = tf.placeholder(tf.float32, [None, 3])
y = tf.placeholder(tf.float32, [None, 3])
w = tf.Variable(rng.randn(3, 3).astype(np.float32) * 0.1)
b = tf.Variable(tf.zeros([3]))
logits = tf.matmul(x, w) + b
loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=y, logits=logits))
correct = tf.equal(tf.argmax(logits, 1), tf.argmax(y, 1))
accuracy = tf.reduce_mean(tf.cast(correct, tf.float32))
train_op = tf.train.GradientDescentOptimizer(0.5).minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(25):
        _, loss_value, accuracy_value = sess.run([train_op, loss, accuracy], feed_dict={x: xs, y: labels})
        if step % 5 == 0:
            print("step %d loss %.4f accuracy %.4f" % (step, loss_value, accuracy_value))
    print("final accuracy %.4f" % sess.run(accuracy, feed_dict={x: xs, y: labels}))
