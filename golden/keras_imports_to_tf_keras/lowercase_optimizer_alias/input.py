# Covers: lowercase Keras 2 optimizer aliases imported by name (`adam`, `sgd`), used without `lr=`.
import numpy as np
from keras.layers import Dense
from keras.models import Sequential
from keras.optimizers import adam, sgd

x = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.5, -0.5]], dtype="float32")
y = np.array([[1.0], [0.0], [1.0], [0.0]], dtype="float32")


def build(optimizer):
    model = Sequential()
    model.add(Dense(1, input_dim=2, activation="sigmoid", kernel_initializer="zeros", bias_initializer="zeros"))
    model.compile(loss="binary_crossentropy", optimizer=optimizer)
    return model


# Adam is only compiled here: its bias correction reads the step counter while TF 1.x may already have
# advanced it, so its training steps are not reproducible on the legacy runtime.
print("adam", type(adam()).__name__, "loss %.4f" % build(adam()).evaluate(x, y, verbose=0))

for name, optimizer in (("sgd", sgd(0.5)), ("sgd+momentum", sgd(0.5, momentum=0.9))):
    model = build(optimizer)
    history = model.fit(x, y, batch_size=4, epochs=3, shuffle=False, verbose=0)
    kernel, bias = model.get_weights()
    print(name, type(optimizer).__name__, [round(float(v), 4) for v in history.history["loss"]],
          [round(float(v), 4) for v in kernel.ravel()], round(float(bias[0]), 4))
