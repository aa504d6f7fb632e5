# Covers: to_categorical's float32 result (Keras 3: float64) and its dtype= argument (Keras 3 has none).
import numpy as np
from keras.utils import to_categorical
from keras.utils.np_utils import to_categorical as one_hot

labels = np.array([2, 0, 1, 2])
targets = to_categorical(labels)
print(targets.dtype, targets.tolist())
counts = one_hot(labels, num_classes=4, dtype="int32")
print(counts.dtype, counts.sum(axis=0).tolist())
print(to_categorical([1, 1], 3).astype("int64").dtype)
