"""Graph-mode TF 1.15: a two-layer regressor from tf.layers, fed through placeholders and trained one step."""
import numpy as np
import tensorflow as tf
tf.compat.v1.disable_eager_execution()

features = tf.compat.v1.placeholder(tf.float32, [None, 3])
targets = tf.compat.v1.placeholder(tf.float32, [None, 1])
hidden = tf.keras.layers.Dense(4, activation=tf.nn.relu, kernel_initializer=tf.constant_initializer(0.2))(features)
hidden = tf.keras.layers.Dropout(rate=0.5)(hidden, training=False)
prediction = tf.keras.layers.Dense(1, kernel_initializer=tf.constant_initializer(0.3))(hidden)
loss = tf.reduce_mean(tf.square(prediction - targets))
train_op = tf.compat.v1.train.GradientDescentOptimizer(0.05).minimize(loss)

batch = {features: np.array([[1.0, 2.0, 3.0], [0.5, -1.0, 2.0]], np.float32),
         targets: np.array([[1.0], [0.0]], np.float32)}
with tf.compat.v1.Session() as sess:
    sess.run(tf.compat.v1.global_variables_initializer())
    print("variables", len(tf.compat.v1.trainable_variables()))
    print("loss before", round(float(sess.run(loss, feed_dict=batch)), 5))
    sess.run(train_op, feed_dict=batch)
    print("loss after", round(float(sess.run(loss, feed_dict=batch)), 5))
    print("prediction", np.round(sess.run(prediction, feed_dict=batch), 4).ravel().tolist())
