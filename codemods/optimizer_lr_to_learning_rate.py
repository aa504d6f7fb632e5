from __future__ import annotations

from codemods._names import TracksImports
from tf2migrate.codemod import Codemod, FixSafety


class OptimizerLrToLearningRate(TracksImports, Codemod):
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

    NAME = "optimizer-lr-to-learning-rate"
    FIX_SAFETY = FixSafety.SAFE
    TRIGGERS = ('lr=', 'decay=', 'optimizers')
