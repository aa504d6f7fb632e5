# Covers: a session that runs `tf.assign_add` in a loop is KEPT whole (the fallback runs it in graph mode).
import tensorflow as tf

counter = tf.Variable(0, name="counter")
step = tf.assign_add(counter, 3)
doubled = counter * 2

sess = tf.Session()
sess.run(tf.global_variables_initializer())
for i in range(3):
    sess.run(step)
    print(i, sess.run(counter), sess.run(doubled))
sess.close()
