# Covers: settings taken from command-line flags (allow_growth = a flag, visible_device_list = str(flag)): values kept as expressions.
import argparse

import numpy as np
import tensorflow as tf
from keras.backend.tensorflow_backend import set_session
from keras.layers import Dense
from keras.models import Sequential

parser = argparse.ArgumentParser(description="Score a few points on one GPU.")
parser.add_argument("--gpu", type=int, default=0, help="which GPU to run on")
parser.add_argument("--no-growth", dest="allow_growth", action="store_false", help="take all GPU memory up front")
args = parser.parse_args([])

config = tf.ConfigProto()
config.gpu_options.allow_growth = args.allow_growth
config.gpu_options.visible_device_list = str(args.gpu)
sess = tf.Session(config=config)
set_session(sess)

model = Sequential()
model.add(Dense(2, input_dim=2, activation="softmax", kernel_initializer="ones", bias_initializer="zeros"))
model.layers[0].set_weights([np.array([[1.0, -1.0], [2.0, 0.0]], dtype="float32"), np.zeros(2, dtype="float32")])
x = np.array([[0.5, 0.5], [-1.0, 1.0]], dtype="float32")
print("gpu", args.gpu, "growth", args.allow_growth)
print([[round(float(v), 4) for v in row] for row in model.predict(x, verbose=0)])
