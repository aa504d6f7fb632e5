# Covers: predict_classes on a softmax head (Dense(3) + Activation) and on a single-sigmoid head, with and without batch_size.
import numpy as np
from tensorflow.keras.layers import Activation, Dense
from tensorflow.keras.models import Sequential

x = np.array([[1.0, 0.0, 2.0], [-1.0, 1.0, 0.5], [0.2, -0.4, 0.1], [0.0, 0.0, 0.0], [3.0, 1.0, -2.0]], dtype="float32")

classifier = Sequential()
classifier.add(Dense(4, input_dim=3, activation="relu"))
classifier.add(Dense(3))
classifier.add(Activation("softmax"))
classifier.layers[0].set_weights([
    np.array([[0.5, -0.2, 0.1, 0.3], [0.4, 0.6, -0.5, 0.2], [-0.3, 0.1, 0.7, -0.4]], dtype="float32"),
    np.array([0.1, 0.0, -0.1, 0.2], dtype="float32"),
])
classifier.layers[1].set_weights([
    np.array([[1.0, -1.0, 0.5], [0.5, 1.5, -1.0], [-0.5, 0.2, 1.2], [0.3, -0.3, 0.3]], dtype="float32"),
    np.zeros(3, dtype="float32"),
])
labels = classifier.predict(x, verbose=0).argmax(axis=-1)
print("softmax classes", labels.tolist(), labels.dtype, labels.shape)
print("first two", classifier.predict(x[:2], batch_size=1, verbose=0).argmax(axis=-1).tolist())

detector = Sequential([Dense(1, input_dim=3, activation="sigmoid")])
detector.set_weights([np.array([[1.5], [-2.0], [0.5]], dtype="float32"), np.array([-0.25], dtype="float32")])
flags = (detector.predict(x, verbose=0) > 0.5).astype("int32")
print("sigmoid classes", flags.tolist(), flags.dtype, flags.shape)
print("probabilities", [round(float(p), 4) for p in detector.predict(x, verbose=0).ravel()])
