"""A bulk `--write` killed with SIGKILL at varied moments: every file is either the original or the complete
migrated version, never truncated or mixed, and what a kill can leave behind (a temporary file) is named so
that discovery never takes it for a source."""

import os
import signal
import subprocess
import time

from tests.conftest import console_script
from tf2migrate.discover import discover

LEGACY = "import tensorflow as tf\nfrom keras.models import Sequential\nx = 1\n"
MIGRATED = "import tensorflow as tf\nfrom tensorflow.keras.models import Sequential\nx = 1\n"
FILES = 300
# Padding makes each write 16 KB, so that a kill can land inside one (one comment line: cheap to parse).
PADDING = "# " + "padding that a rewrite must carry over whole " * 360 + "\n"


def populate(root):
    root.mkdir()
    for i in range(FILES):
        (root / f"m{i:03d}.py").write_text(LEGACY + PADDING)


def start(root):
    env = dict(os.environ, NO_COLOR="1")
    return subprocess.Popen(
        # One codemod keeps the reading phase short; the writing phase is the same for any chain.
        [console_script(), "--write", "--select", "keras-imports-to-tf-keras", str(root)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True,
    )


def kill_once_writing_started(process, root, delay):
    """Writes go in discovery order, so m000.py changes first; kill ``delay`` seconds after it did."""
    first, migrated = root / "m000.py", (MIGRATED + PADDING).encode()
    while process.poll() is None and first.read_bytes() != migrated:
        time.sleep(0.0005)
    time.sleep(delay)
    try:
        os.killpg(process.pid, signal.SIGKILL)  # the CLI and any worker processes
    except ProcessLookupError:
        pass
    process.wait()


def states(root):
    original, migrated = (LEGACY + PADDING).encode(), (MIGRATED + PADDING).encode()
    counts = {"original": 0, "migrated": 0, "other": []}
    for i in range(FILES):
        data = (root / f"m{i:03d}.py").read_bytes()
        if data == original:
            counts["original"] += 1
        elif data == migrated:
            counts["migrated"] += 1
        else:
            counts["other"].append((i, len(data)))
    return counts


def test_sigkill_during_bulk_write_leaves_each_file_whole(tmp_path):
    observed = []
    for round_number, delay in enumerate((0.0, 0.003, 0.01, 0.03, 0.1)):
        root = tmp_path / f"round{round_number}"
        populate(root)
        kill_once_writing_started(start(root), root, delay)
        counts = states(root)
        assert counts["other"] == [], f"round {round_number}: truncated or mixed files {counts['other'][:5]}"
        leftovers = sorted(p.name for p in root.iterdir() if not p.name.endswith(".py"))
        assert all(name.startswith(".m") and name.endswith(".tf2migrate-tmp") for name in leftovers), leftovers
        assert len(discover([str(root)]).files) == FILES  # a leftover temp file is never taken for a source
        observed.append((delay, counts["migrated"], len(leftovers)))
    print(f"\n(kill delay after the first write in s, files migrated of {FILES}, temp files left): {observed}")
    assert any(0 < migrated < FILES for _, migrated, _ in observed), "no kill landed inside the writing phase"
