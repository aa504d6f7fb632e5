# Covers: KTF (keras.backend.tensorflow_backend) scaffolding goes; KTF.clear_session() becomes tf.keras's.
import numpy as np
import tensorflow as tf
import keras.backend.tensorflow_backend as KTF
from keras.layers import Dense
from keras.models import Sequential

sess = tf.Session()
KTF.set_session(sess)

x = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], dtype="float32")
for bias in (0.0, 0.5, -0.5):
    model = Sequential()
    model.add(Dense(1, input_dim=2, activation="sigmoid", kernel_initializer="ones",
                    bias_initializer=tf.constant_initializer(bias)))
    print("bias %+.1f:" % bias, " ".join("%.4f" % v for v in model.predict(x, verbose=0).ravel()))
    KTF.clear_session()
