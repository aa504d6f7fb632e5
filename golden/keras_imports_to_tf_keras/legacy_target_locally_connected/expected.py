# Covers: --keras legacy (settings.json): a layer Keras 3 dropped (LocallyConnected1D) keeps working through tf_keras.
import numpy as np
from tf_keras.layers import Dense, Flatten, LocallyConnected1D
from tf_keras.models import Sequential

model = Sequential()
model.add(LocallyConnected1D(2, 2, input_shape=(4, 1), kernel_initializer="ones", bias_initializer="zeros"))
model.add(Flatten())
model.add(Dense(1, kernel_initializer="ones", bias_initializer="zeros"))

x = np.arange(8, dtype="float32").reshape(2, 4, 1) / 4.0
print([round(float(v), 4) for v in model.predict(x, verbose=0).ravel()])
print("weights:", [w.shape for w in model.layers[0].get_weights()])
