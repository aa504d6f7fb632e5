# Covers: K.set_learning_phase(0) at program start in an inference-only script (predict and K.function).
import numpy as np
from keras import backend as K
from keras.layers import BatchNormalization, Dense, Dropout
from keras.models import Sequential

K.set_learning_phase(0)

model = Sequential()
model.add(Dense(3, input_dim=2, kernel_initializer="ones", bias_initializer="zeros"))
model.add(BatchNormalization())
model.add(Dropout(0.5))
model.add(Dense(1, kernel_initializer="ones", bias_initializer="zeros"))
model.layers[1].set_weights([np.array([1.0, 2.0, 0.5], dtype="float32"), np.array([0.0, 0.1, -0.1], dtype="float32"),
                             np.array([0.5, 0.5, 0.5], dtype="float32"), np.array([4.0, 1.0, 0.25], dtype="float32")])

x = np.array([[1.0, 2.0], [0.5, -0.5], [0.0, 0.0]], dtype="float32")
print("predict", [round(float(v), 4) for v in model.predict(x, verbose=0)[:, 0]])
normalized = K.function([model.input], [model.layers[1].output])([x])[0]
print("normalized", [[round(float(v), 4) for v in row] for row in normalized])
