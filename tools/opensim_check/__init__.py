"""Independent check of the disc loads against a muscle-driven OpenSim model.

Repository tooling (needs ``opensim``, a ``dev`` extra, not a dependency of the
package). The model file is not shipped: it comes from the wheel of pose2sim
(BSD-3-Clause; the model is adapted from Beaucage-Gauvreau et al. 2019) on the
package registry, ``Pose2Sim/OpenSim_Setup/Model_Pose2Sim_muscles_flex.osim``
(:mod:`tools.opensim_check.fetch`; ``make test`` fetches it into ``.venv/``).
``docs/model.md`` section 9.1 gives the figures and what differs.

Usage
-----
1. ``python -m tools.opensim_check.fetch model.osim`` (or ``make test``)
2. ``HINGE_SIM_OSIM_MODEL=model.osim python -m tools.opensim_check`` prints the
   tables of ``docs/model.md``; ``compare.compare(path)`` returns their rows.
"""
import hashlib
import os
from pathlib import Path

MODEL_ENV = "HINGE_SIM_OSIM_MODEL"
"""Environment variable holding the path of the OpenSim model file."""

POSE2SIM_VERSION = "0.10.49"
"""The pose2sim release whose wheel holds the model the figures come from."""

MODEL_SHA256 = "bf4d2698da596e8c2bfa9210bfe0bc2cc02b9bf49f2614cf196dbe9b0daa63b3"
"""SHA-256 of the file the figures in docs/model.md come from (pose2sim 0.10.49's
wheel, 2 190 082 bytes)."""


def model_path():
    """The model file named by :data:`MODEL_ENV`, or None when unset.

    Raises
    ------
    FileNotFoundError
        When the variable names a file that does not exist.
    """
    value = os.environ.get(MODEL_ENV)
    if not value:
        return None
    path = Path(value)
    if not path.is_file():
        raise FileNotFoundError(f"{MODEL_ENV} = {value!r} is not a file; give the path of "
                                "Model_Pose2Sim_muscles_flex.osim (python -m "
                                "tools.opensim_check.fetch makes it)")
    return path


def same_model(path):
    """Tell whether ``path`` is the file the documented figures come from."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest() == MODEL_SHA256
