"""``python -m tools.site``: build the course website (see tools/site/build.py)."""
import sys

from .build import main

sys.exit(main())
