"""ipywidgets panels: Explorer, TempoPlayer, Compare, VideoPanel, DebriefPanel, the quizzes.

Usage
-----
1. ``from hinge_sim.ui import Explorer``
2. End a notebook cell with ``Explorer()`` to show it.
"""
from .compare import Compare
from .debrief_panel import DebriefPanel
from .explorer import Explorer
from .quiz import Estimate, Prediction, Quiz
from .steps import Steps
from .tempo_player import TempoPlayer
from .video_panel import VideoPanel

__all__ = ["Explorer", "TempoPlayer", "Compare", "Steps", "VideoPanel", "DebriefPanel",
           "Prediction", "Estimate", "Quiz"]
