# Covers: Keras 2 layer submodules (core, merge, normalization, advanced_activations) and keras.utils.np_utils.
import numpy as np
from keras.layers import Input
from keras.layers.advanced_activations import LeakyReLU
from keras.layers.core import Activation, Dense, Dropout
from keras.layers.merge import Concatenate
from keras.layers.normalization import BatchNormalization
from keras.models import Model
from keras.utils.np_utils import to_categorical

features = Input(shape=(3,))
left = Dense(2, kernel_initializer="ones", bias_initializer="zeros")(features)
left = LeakyReLU()(left)
right = BatchNormalization()(features)
right = Dropout(0.5)(right)
merged = Concatenate()([left, right])
logits = Dense(3, kernel_initializer="ones")(merged)
probs = Activation("softmax")(logits)
model = Model(inputs=features, outputs=[merged, probs])

x = np.array([[1.0, -2.0, 0.5], [-1.0, -1.0, -1.0], [0.2, 0.4, 0.6]], dtype="float32")
merged_out, probs_out = model.predict(x, verbose=0)
for row in merged_out:
    print(["%.4f" % v for v in row])
print(["%.4f" % v for v in probs_out[0]])
print(to_categorical(np.array([2, 0, 1]), 3).astype(int).tolist())
