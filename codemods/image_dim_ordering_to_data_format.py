from __future__ import annotations

from codemods._names import TracksImports
from tf2migrate.codemod import Codemod, FixSafety


class ImageDimOrderingToDataFormat(TracksImports, Codemod):
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

    NAME = "image-dim-ordering-to-data-format"
    FIX_SAFETY = FixSafety.SAFE
    TRIGGERS = ('image_dim_ordering',)
