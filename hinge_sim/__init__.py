"""hinge_sim: a 2-D model of the hip hinge for teaching.

Usage
-----
1. ``import hinge_sim as hs``
2. ``body = hs.Body(stature=1.75, mass=75, sex="male")``
3. ``res = hs.analyze(body, hs.Posture(knee=20, hip=85, lumbar=5), hs.Barbell(40))``
4. ``res.moments["l5s1"]``, ``res.disc["compression"]``, ``res.balanced``

Folders are layers; imports point down only (``tests/test_layers.py``)::

    ui/        ipywidgets panels            (Explorer, Compare, TempoPlayer, quiz, journal form)
    viz/       matplotlib views             (stick figure, gauges, rep plot, export)
    coaching/  video/  journal              (plans and cues; tracked video; debrief records)
    model/     the physics, numpy only      (re-exported here)
"""
from .model import (
                    Barbell,
                    Body,
                    Dowel,
                    Kettlebell,
                    Load,
                    Posture,
                    Rep,
                    Result,
                    TrapBar,
                    analyze,
                    depth_for_bar_height,
                    limits,
                    parse_tempo,
                    presets,
                    simulate,
                    units,
)

__version__ = "0.2.0"

__all__ = ["limits", "presets", "units", "Body", "Posture", "Barbell", "TrapBar", "Kettlebell",
           "Dowel", "Load", "depth_for_bar_height", "Result", "Rep", "analyze", "simulate",
           "parse_tempo", "__version__"]
