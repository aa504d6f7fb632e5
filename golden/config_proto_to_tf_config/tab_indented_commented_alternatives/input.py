# Covers: TAB-indented main guard with commented-out alternative settings and a non-ASCII comment; model in the same block.
import numpy as np
import tensorflow as tf
from keras.backend.tensorflow_backend import set_session
from keras.layers import Dense
from keras.models import Sequential

if __name__ == "__main__":
	# Réglages GPU — mémoire à la demande
	config = tf.ConfigProto()
	config.gpu_options.allow_growth = True
	# config.gpu_options.per_process_gpu_memory_fraction = 0.5
	# config.gpu_options.visible_device_list = "1"
	sess = tf.Session(config=config)
	set_session(sess)

	model = Sequential()
	model.add(Dense(2, input_dim=2, activation="tanh", kernel_initializer="ones", bias_initializer="zeros"))
	x = np.array([[0.25, 0.25], [-1.0, 0.5], [2.0, 2.0]], dtype="float32")
	for row in model.predict(x, verbose=0):
		print("%.4f %.4f" % (row[0], row[1]))
