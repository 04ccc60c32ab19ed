"""ipywidgets panels: Explorer, TempoPlayer, Compare, and the quiz widgets.

Usage
-----
1. ``from hinge_sim.ui import Explorer``
2. End a notebook cell with ``Explorer()`` to show it.
"""
from .explorer import Explorer
from .quiz import Prediction, Quiz

__all__ = ["Explorer", "Prediction", "Quiz"]
