# Covers: a variable never assigned: `sess.run(tf.global_variables_initializer())` goes, `sess.run(v)` -> v.numpy().
import tensorflow as tf

weights = tf.Variable(tf.ones([2, 3]) * 0.5, name="weights")
bias = tf.Variable(tf.zeros([3]), name="bias")
inputs = tf.constant([[1.0, 2.0], [3.0, 4.0]])
outputs = tf.matmul(inputs, weights) + bias

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print("weights:", sess.run(weights).tolist())
    print("outputs:", sess.run(outputs).tolist())
    print("bias + 1:", sess.run(bias + 1.0).tolist())
