"""hinge_sim: a 2-D model of the hip hinge for teaching.

Usage
-----
1. ``import hinge_sim as hs``
2. ``body = hs.Body(stature=1.75, mass=75, sex="male")``
3. ``res = hs.analyze(body, hs.Posture(knee=20, hip=85, lumbar=5), hs.Barbell(40))``
4. ``res.moments["l5s1"]``, ``res.disc["compression"]``, ``res.balanced``
"""
from . import presets, units
from .body import Body
from .loads import Barbell, Dowel, Kettlebell, Load, TrapBar
from .model import Rep, Result, analyze, simulate
from .motion import parse_tempo
from .pose import Posture, depth_for_bar_height

__all__ = ["presets", "units", "Body", "Posture", "Barbell", "TrapBar", "Kettlebell", "Dowel", "Load",
           "depth_for_bar_height", "Result", "Rep", "analyze", "simulate", "parse_tempo"]
