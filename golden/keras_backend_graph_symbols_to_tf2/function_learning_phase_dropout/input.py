# Covers: K.function with K.learning_phase() among its inputs, fed 0 (inference), on a model with Dropout.
import numpy as np
from keras import backend as K
from keras.layers import Dense, Dropout
from keras.models import Sequential

model = Sequential()
model.add(Dense(4, input_dim=3, activation="relu", kernel_initializer="ones", bias_initializer="zeros"))
model.add(Dropout(0.5))
model.add(Dense(1, kernel_initializer="ones", bias_initializer="zeros"))

x = np.array([[0.1, 0.2, 0.3], [1.0, -1.0, 0.5], [0.0, 0.0, 2.0]], dtype="float32")
dropped = K.function([model.input, K.learning_phase()], [model.layers[1].output, model.layers[2].output])
for _ in range(2):
    outputs = dropped([x, 0])
    print(len(outputs), [[round(float(v), 4) for v in row] for row in outputs[0]])
    print([round(float(v), 4) for v in outputs[1][:, 0]])
print("no dropout at inference", bool(np.allclose(dropped([x, 0])[1], model.predict(x, verbose=0))))
