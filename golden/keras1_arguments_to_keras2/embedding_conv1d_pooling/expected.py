# Covers: Embedding(init=, W_regularizer=, dropout=) with Convolution1D(nb_filter=, filter_length=, border_mode=, subsample_length=), MaxPooling1D(pool_length=, stride=), AveragePooling1D(pool_length=, border_mode=); inference with fixed weights.
import numpy as np
from tensorflow.keras.layers import AveragePooling1D, Convolution1D, Embedding, Flatten, Input, MaxPooling1D
from tensorflow.keras.models import Model
from tensorflow.keras.regularizers import l2

tokens = Input(shape=(8,), dtype="int32")
embedded = Embedding(10, 3, embeddings_initializer="uniform", embeddings_regularizer=l2(1e-4),
                     name="embed")(tokens)
features = Convolution1D(filters=4, kernel_size=3, padding="same", strides=1,
                         activation="relu", name="conv")(embedded)
features = MaxPooling1D(pool_size=2, strides=2)(features)
features = AveragePooling1D(pool_size=2, padding="valid")(features)
model = Model(inputs=tokens, outputs=Flatten()(features))

table = np.stack([np.arange(10) / 2.0, np.cos(np.arange(10)), 1.0 - np.arange(10) / 5.0], axis=1)
model.get_layer("embed").set_weights([table.astype("float32")])
model.get_layer("conv").set_weights([np.linspace(-0.3, 0.9, 3 * 3 * 4).reshape(3, 3, 4).astype("float32"),
                                     np.array([0.0, 0.1, -0.1, 0.05], dtype="float32")])

sequences = np.array([[1, 2, 3, 4, 5, 6, 7, 8], [9, 0, 9, 0, 2, 2, 4, 4]], dtype="int32")
for row in model.predict(sequences, verbose=0):
    print(["%.4f" % v for v in row])
