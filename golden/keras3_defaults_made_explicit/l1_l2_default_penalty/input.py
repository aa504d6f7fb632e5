# Covers: regularizers.l1_l2() with its Keras 2 defaults (l1=0.01, l2=0.01) next to l2(0.05), in the evaluated loss.
import numpy as np
from keras import regularizers
from keras.layers import Dense
from keras.models import Sequential

model = Sequential()
model.add(Dense(2, input_shape=(2,), kernel_initializer="ones", kernel_regularizer=regularizers.l1_l2()))
model.add(Dense(1, kernel_initializer="ones", bias_regularizer=regularizers.l2(0.05), bias_initializer="ones"))
model.compile(loss="mse", optimizer="sgd")

x = np.array([[1.0, -1.0], [0.5, 0.5]], dtype="float32")
y = np.array([[1.0], [3.0]], dtype="float32")
print("loss %.4f" % model.evaluate(x, y, verbose=0))
# Against its own predictions the squared error is 0: what is left is the weight penalty.
print("penalty %.4f" % model.evaluate(x, model.predict(x, verbose=0), verbose=0))
