"""The package's lazy names: a submodule of the same name never shadows them."""

from __future__ import annotations

import subprocess
import sys


def test_rotation_metrics_is_the_function_even_after_its_module_is_imported() -> None:
    code = (
        "import importlib\n"
        "mod = importlib.import_module('labkit.planning.rotation_metrics')\n"
        "from labkit.planning import rotation_metrics\n"
        "assert callable(rotation_metrics) and rotation_metrics is mod.rotation_metrics, "
        "rotation_metrics\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
