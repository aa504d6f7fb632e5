from __future__ import annotations

from codemods._names import TracksImports
from tf2migrate.codemod import Codemod, FixSafety


class SaveWeightsToWeightsH5(TracksImports, Codemod):
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

    NAME = "save-weights-to-weights-h5"
    FIX_SAFETY = FixSafety.SAFE
    TRIGGERS = ('save_weights', 'load_weights', '.save(')
