"""What each TF 1.x API name is on TensorFlow 2.21, read from data/tf1_symbols.json.

The table is generated from TF 2.21's export metadata and signatures by scripts/generate_tf1_symbols.py; names
are relative to ``tf.``. See the file's ``_comment`` for the meaning of each key.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, Optional

DATA = Path(__file__).parent / "data" / "tf1_symbols.json"

# Modules other codemods own; the fallback owns sessions, placeholders and optimizers (all v1-only, no home).
OWNED_ELSEWHERE = ("summary.", "logging.", "flags.", "app.", "layers.", "contrib.", "keras.")


@dataclass(frozen=True)
class Tf1Symbols:
    renames: Dict[str, str]  # v1 name -> TF2 name of the same object
    v1_only: Dict[str, Optional[str]]  # v1 name -> same-spelled TF2 name (a different object), or None
    arguments: Dict[str, dict]  # v1_only name -> how its calls map onto the TF2 namesake
    counterparts: Dict[str, dict]  # v1-only name -> {"target": TF2 name, ...call description}


@lru_cache(maxsize=None)
def tf1_symbols() -> Tf1Symbols:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    return Tf1Symbols(raw["renames"], raw["v1_only"], raw["arguments"], raw["counterparts"])
