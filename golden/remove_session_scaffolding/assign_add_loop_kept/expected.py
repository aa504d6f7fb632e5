# Covers: a session that runs `tf.assign_add` in a loop is KEPT whole (the fallback runs it in graph mode).
import tensorflow as tf
tf.compat.v1.disable_eager_execution()

counter = tf.Variable(0, name="counter")
step = tf.compat.v1.assign_add(counter, 3)
doubled = counter * 2

sess = tf.compat.v1.Session()
sess.run(tf.compat.v1.global_variables_initializer())
for i in range(3):
    sess.run(step)
    print(i, sess.run(counter), sess.run(doubled))
sess.close()
