# Covers: model.predict(x) without verbose (Keras 2 printed no progress bar), next to predict_on_batch and evaluate.
import numpy as np
from keras.layers import Dense, Input
from keras.models import Model, Sequential

x = np.array([[0.5, -1.0], [2.0, 0.25], [-0.75, 1.5]], dtype="float32")


def report(name, values):
    print(name, [[round(float(v), 4) for v in row] for row in values])


regressor = Sequential()
regressor.add(Dense(2, input_shape=(2,), activation="tanh", kernel_initializer="ones", bias_initializer="zeros"))
regressor.compile(loss="mse", optimizer="sgd")
report("predict", regressor.predict(x))
report("predict_batch_size", regressor.predict(x, batch_size=2))
report("predict_on_batch", regressor.predict_on_batch(x))
print("evaluate %.4f" % regressor.evaluate(x, np.zeros((3, 2)), verbose=0))

inputs = Input(shape=(2,))
scorer = Model(inputs, Dense(1, kernel_initializer="ones")(inputs))
report("functional", scorer.predict(x))
