"""The physics of the hinge, numpy only: body, posture, loads on the body.

Layers inside (imports point down)::

    swing         a kettlebell swing cycle, through analyze_angles
    analysis      analyze, simulate: one call from body, posture and load to loads;
                  analyze_angles: loads from segment angles (a tracked motion)
    presets       named lifters, postures, loads, exercises
    pose  motion  balanced posture; tempo -> trajectories
    mechanics  spine  metrics      inverse dynamics; disc loads; coach's measures
    chain  hamstrings  body  loads kinematics; flexibility; anthropometry; what is held
    constants  limits  checks  units  every number and valid range with its source;
                                  input checks; kg/lb

``hinge_sim`` re-exports the public names (``hs.Body``, ``hs.analyze``, ...).
"""
from . import limits, presets, units
from .analysis import Rep, Result, analyze, analyze_angles, simulate
from .body import Body
from .loads import Barbell, Dowel, Kettlebell, Load, TrapBar
from .motion import parse_tempo
from .pose import Posture, depth_for_bar_height

__all__ = ["limits", "presets", "units", "Body", "Posture", "Barbell", "TrapBar", "Kettlebell",
           "Dowel", "Load", "depth_for_bar_height", "Result", "Rep", "analyze", "analyze_angles",
           "simulate", "parse_tempo"]
