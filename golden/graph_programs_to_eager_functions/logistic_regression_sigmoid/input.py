# Covers: Logistic regression: sigmoid cross-entropy, a named optimizer, accuracy evaluated after training.
import numpy as np
import tensorflow as tf

xs = np.array([[0.0, 0.5], [1.0, 1.5], [2.0, 0.1], [3.0, 2.5], [0.5, 3.0], [2.5, 2.0]], dtype=np.float32)
ys = np.array([[0.0], [0.0], [1.0], [1.0], [0.0], [1.0]], dtype=np.float32)

x = tf.placeholder(tf.float32, [None, 2])
y = tf.placeholder(tf.float32, [None, 1])
w = tf.Variable(np.array([[0.1], [-0.1]], dtype=np.float32))
b = tf.Variable(0.0)
logits = tf.matmul(x, w) + b
loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=y, logits=logits))
predicted = tf.cast(tf.sigmoid(logits) > 0.5, tf.float32)
accuracy = tf.reduce_mean(tf.cast(tf.equal(predicted, y), tf.float32))
optimizer = tf.train.GradientDescentOptimizer(0.5)
train_op = optimizer.minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(30):
        _, loss_value = sess.run([train_op, loss], feed_dict={x: xs, y: ys})
        if step % 10 == 9:
            print("step %d loss %.4f" % (step, loss_value))
    print("accuracy %.4f" % sess.run(accuracy, feed_dict={x: xs, y: ys}))
    print("w", [round(float(v), 4) for v in sess.run(w).ravel()])
