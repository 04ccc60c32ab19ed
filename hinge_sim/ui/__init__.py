"""ipywidgets panels: Explorer, TempoPlayer, Compare, and the quiz widgets.

Usage
-----
1. ``from hinge_sim.ui import Explorer``
2. End a notebook cell with ``Explorer()`` to show it.
"""
from .compare import Compare
from .explorer import Explorer
from .quiz import Estimate, Prediction, Quiz
from .steps import Steps
from .tempo_player import TempoPlayer

__all__ = ["Explorer", "TempoPlayer", "Compare", "Steps", "Prediction", "Estimate", "Quiz"]
