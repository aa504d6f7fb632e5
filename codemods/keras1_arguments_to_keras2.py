from __future__ import annotations

from codemods._names import TracksImports
from tf2migrate.codemod import Codemod, FixSafety


class Keras1ArgumentsToKeras2(TracksImports, Codemod):
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

    NAME = "keras1-arguments-to-keras2"
    FIX_SAFETY = FixSafety.SAFE
    TRIGGERS = ('nb_filter', 'border_mode', 'subsample', 'init=', 'W_regularizer', 'b_regularizer', 'dim_ordering', 'output_dim', 'input=', 'output=', 'merge(')
