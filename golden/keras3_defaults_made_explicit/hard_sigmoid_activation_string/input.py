# Covers: the string "hard_sigmoid" as a layer activation and in Activation(...) (Keras 3's is another function).
import numpy as np
import keras

gate = keras.models.Sequential()
gate.add(keras.layers.Dense(3, input_shape=(2,), activation="hard_sigmoid", kernel_initializer="ones"))
gate.add(keras.layers.Dense(2, kernel_initializer=keras.initializers.Constant(0.7)))
gate.add(keras.layers.Activation('hard_sigmoid'))

x = np.array([[0.2, 0.4], [-1.0, 0.5], [3.0, -3.5], [0.0, 0.0]], dtype="float32")
for row in gate.predict(x, verbose=0):
    print(" ".join("%.4f" % v for v in row))
