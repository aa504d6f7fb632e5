# Covers: from-imports of keras.models / keras.layers / keras.optimizers and `from keras import backend as K`.
import numpy as np
from tensorflow.keras import metrics, backend as K
from tensorflow.keras.layers import Activation, Dense
from tensorflow.keras.models import Sequential
from tensorflow.keras.optimizers import SGD

K.clear_session()
print("floatx", K.floatx(), "format", K.image_data_format())

x = np.array([[0.0, 0.5], [1.0, 1.0], [2.0, -1.0], [-1.0, 0.5], [0.5, 0.5], [1.5, 0.0]], dtype="float32")
y = np.array([[0.0], [1.0], [1.0], [0.0], [0.0], [1.0]], dtype="float32")

model = Sequential()
model.add(Dense(1, input_shape=(2,), kernel_initializer="zeros"))
model.add(Activation("sigmoid"))
model.compile(loss="binary_crossentropy", optimizer=SGD(0.5), metrics=[metrics.BinaryAccuracy(name="acc")])
history = model.fit(x, y, batch_size=6, epochs=4, shuffle=False, verbose=0)
print("loss", [round(float(v), 4) for v in history.history["loss"]])
print("pred", [round(float(v), 4) for v in model.predict(x, verbose=0).ravel()])
K.clear_session()
