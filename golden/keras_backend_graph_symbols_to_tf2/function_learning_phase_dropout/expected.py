# Covers: K.function with K.learning_phase() among its inputs, fed 0 (inference), on a model with Dropout.
import numpy as np
from tensorflow.keras.layers import Dense, Dropout
from tensorflow.keras.models import Model, Sequential

model = Sequential()
model.add(Dense(4, input_dim=3, activation="relu", kernel_initializer="ones", bias_initializer="zeros"))
model.add(Dropout(0.5))
model.add(Dense(1, kernel_initializer="ones", bias_initializer="zeros"))

x = np.array([[0.1, 0.2, 0.3], [1.0, -1.0, 0.5], [0.0, 0.0, 2.0]], dtype="float32")
dropped = Model(model.inputs, [model.layers[1].output, model.layers[2].output])
for _ in range(2):
    outputs = [out.numpy() for out in dropped([x], training=False)]
    print(len(outputs), [[round(float(v), 4) for v in row] for row in outputs[0]])
    print([round(float(v), 4) for v in outputs[1][:, 0]])
print("no dropout at inference", bool(np.allclose(dropped([x], training=False)[1].numpy(), model.predict(x, verbose=0))))
