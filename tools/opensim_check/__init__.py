"""Independent check of the disc loads against a muscle-driven OpenSim model.

Repository tooling (needs ``opensim``, not a dependency of the package). The
model file is not shipped: point ``HINGE_SIM_OSIM_MODEL`` at
``Pose2Sim/OpenSim_Setup/Model_Pose2Sim_muscles_flex.osim`` of the pose2sim
repository (BSD-3-Clause; the model is adapted from Beaucage-Gauvreau et al.
2019). ``docs/model.md`` section 9 gives the figures and what differs.

Usage
-----
1. ``HINGE_SIM_OSIM_MODEL=/path/to/Model_Pose2Sim_muscles_flex.osim``
2. ``python -m tools.opensim_check`` prints the table of ``docs/model.md``;
   ``compare.compare(path)`` returns its rows.
"""
import hashlib
import os
from pathlib import Path

MODEL_ENV = "HINGE_SIM_OSIM_MODEL"
"""Environment variable holding the path of the OpenSim model file."""

MODEL_SHA256 = "53f84b9552b1c5eceee3768fa820b75bd675daeea473f918cffeb5c6337f0c13"
"""SHA-256 of the file the figures in docs/model.md come from (pose2sim commit
f7b39c747b361ce2cef2304bd7d42dddd15b3d36, 2 190 046 bytes)."""


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
                                "Model_Pose2Sim_muscles_flex.osim from the pose2sim repository")
    return path


def same_model(path):
    """Tell whether ``path`` is the file the documented figures come from."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest() == MODEL_SHA256
