"""``python -m tools.opensim_check.fetch DEST [VERSION]``: the model file from pose2sim's wheel.

pose2sim's wheel on the package registry holds the model
(``Pose2Sim/OpenSim_Setup/Model_Pose2Sim_muscles_flex.osim``); pip downloads that
one wheel, without pose2sim's own dependencies, and the file is taken out of it.
``make test`` runs this once and points :data:`tools.opensim_check.MODEL_ENV` at it.
"""
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from . import POSE2SIM_VERSION

MEMBER = "Pose2Sim/OpenSim_Setup/Model_Pose2Sim_muscles_flex.osim"


def fetch(dest, version=POSE2SIM_VERSION):
    """Write the model of pose2sim ``version`` to ``dest``; return its path."""
    dest = Path(dest)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
                        "--only-binary=:all:", f"pose2sim=={version}", "-d", tmp], check=True)
        (wheel,) = Path(tmp).glob("pose2sim-*.whl")
        with zipfile.ZipFile(wheel) as z:
            data = z.read(MEMBER)
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_suffix(".part")
    part.write_bytes(data)
    part.replace(dest)
    return dest


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: python -m tools.opensim_check.fetch DEST [VERSION]")
    print(fetch(*sys.argv[1:]))
