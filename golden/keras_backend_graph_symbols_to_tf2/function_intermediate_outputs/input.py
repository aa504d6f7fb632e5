# Covers: K.function reading intermediate layer outputs of a Sequential model (one output indexed, two unpacked).
import numpy as np
from keras import backend as K
from keras.layers import Dense
from keras.models import Sequential

model = Sequential()
model.add(Dense(3, input_dim=2, activation="tanh", name="hidden"))
model.add(Dense(2, activation="sigmoid", name="scores"))
model.layers[0].set_weights([np.array([[0.5, -1.0, 0.25], [1.5, 0.5, -0.75]], dtype="float32"),
                             np.array([0.1, 0.0, -0.1], dtype="float32")])
model.layers[1].set_weights([np.array([[1.0, -1.0], [0.5, 0.5], [-2.0, 1.0]], dtype="float32"),
                             np.array([0.0, 0.2], dtype="float32")])

x = np.array([[0.2, -0.4], [1.0, 0.5], [-0.3, 0.8]], dtype="float32")

get_hidden = K.function([model.input], [model.layers[0].output])
hidden = get_hidden([x])[0]
print("hidden", hidden.shape, [[round(float(v), 4) for v in row] for row in hidden])

get_both = K.function([model.input], [model.layers[0].output, model.layers[1].output])
first, second = get_both([x])
print("both", first.shape, second.shape)
print("scores", [[round(float(v), 4) for v in row] for row in second])
print("same as predict", bool(np.allclose(second, model.predict(x, verbose=0))))
