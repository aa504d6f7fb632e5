# Covers: Model(model.input, model.layers[i].output) feature extraction from a Sequential model (no .input in Keras 3).
import numpy as np
from keras.layers import Dense
from keras.models import Model, Sequential

model = Sequential()
model.add(Dense(3, input_dim=2, activation="relu", kernel_initializer="ones", bias_initializer="zeros"))
model.add(Dense(1, activation="sigmoid", kernel_initializer="ones", bias_initializer="zeros"))

features = Model(inputs=model.input, outputs=model.layers[0].output)
whole = Model(model.input, model.output)
x = np.array([[0.5, -1.0], [1.0, 2.0]], dtype="float32")
print([[round(float(v), 4) for v in row] for row in features.predict(x, verbose=0)])
print([round(float(v), 4) for v in whole.predict(x, verbose=0).ravel()])
