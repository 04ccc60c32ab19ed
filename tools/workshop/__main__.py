"""``python -m tools.workshop``: see :mod:`tools.workshop.launch`."""
from .launch import main

main()
