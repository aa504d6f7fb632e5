"""Graph-mode TF 1.15: a two-layer regressor from tf.layers, fed through placeholders and trained one step."""
import numpy as np
import tensorflow as tf

features = tf.placeholder(tf.float32, [None, 3])
targets = tf.placeholder(tf.float32, [None, 1])
hidden = tf.layers.dense(features, 4, activation=tf.nn.relu,
                         kernel_initializer=tf.constant_initializer(0.2))
hidden = tf.layers.dropout(hidden, rate=0.5, training=False)
prediction = tf.layers.dense(hidden, 1, kernel_initializer=tf.constant_initializer(0.3))
loss = tf.reduce_mean(tf.square(prediction - targets))
train_op = tf.train.GradientDescentOptimizer(0.05).minimize(loss)

batch = {features: np.array([[1.0, 2.0, 3.0], [0.5, -1.0, 2.0]], np.float32),
         targets: np.array([[1.0], [0.0]], np.float32)}
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print("variables", len(tf.trainable_variables()))
    print("loss before", round(float(sess.run(loss, feed_dict=batch)), 5))
    sess.run(train_op, feed_dict=batch)
    print("loss after", round(float(sess.run(loss, feed_dict=batch)), 5))
    print("prediction", np.round(sess.run(prediction, feed_dict=batch), 4).ravel().tolist())
