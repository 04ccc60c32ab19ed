"""``python -m hinge_sim``: see :mod:`hinge_sim.cli`."""
import sys

from .cli import main

sys.exit(main())
