# Covers: RMSPropOptimizer with momentum and its own decay, held in a variable: the optimizer is built once.
import numpy as np
import tensorflow as tf

rng = np.random.RandomState(3)
features = rng.uniform(-1.0, 1.0, size=(32, 3)).astype(np.float32)
labels = (features @ np.array([[1.5], [-2.0], [0.5]], np.float32) + 0.25).astype(np.float32)

inputs = tf.placeholder(tf.float32, [None, 3], name="inputs")
targets = tf.placeholder(tf.float32, [None, 1], name="targets")
weights = tf.Variable(np.full((3, 1), 0.1, np.float32))
bias = tf.Variable(0.0)
outputs = tf.matmul(inputs, weights) + bias
mse = tf.reduce_mean(tf.squared_difference(outputs, targets))
optimizer = tf.train.RMSPropOptimizer(learning_rate=0.01, decay=0.8, momentum=0.5, epsilon=1e-6)
train = optimizer.minimize(mse)

sess = tf.Session()
sess.run(tf.global_variables_initializer())
for epoch in range(30):
    for start in range(0, 32, 8):
        batch = slice(start, start + 8)
        sess.run(train, feed_dict={inputs: features[batch], targets: labels[batch]})
    if epoch % 6 == 5:
        print("epoch %d mse %.4f" % (epoch, sess.run(mse, feed_dict={inputs: features, targets: labels})))
print(np.round(sess.run(weights).ravel(), 4), round(float(sess.run(bias)), 4))
sess.close()
