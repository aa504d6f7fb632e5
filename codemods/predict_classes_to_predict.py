from __future__ import annotations

from codemods._names import TracksImports
from tf2migrate.codemod import Codemod, FixSafety


class PredictClassesToPredict(TracksImports, Codemod):
    """TODO (skeleton: being written).

    What it does:
    TODO

    Why:
    TODO

    Example:
    ```python
    import keras
    ```

    Use instead:
    ```python
    import keras
    ```

    Fix safety:
    TODO

    Limitations:
    TODO
    """

    NAME = "predict-classes-to-predict"
    FIX_SAFETY = FixSafety.SAFE
    TRIGGERS = ('predict_classes', 'predict_proba')
