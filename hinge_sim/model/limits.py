"""Every user-facing parameter's valid range, written once, with its unit and reason.

The model's checks (:func:`check`) and the panels' sliders (their ``min`` and
``max``) both read :data:`LIMITS`, so a slider can never offer a value the
model refuses. Tags as in :mod:`hinge_sim.model.constants`: [V] checked,
[R] recalled, [A] an assumption of this model. ``docs/model.md`` lists them.

Examples
--------
>>> LIMITS["knee"]
Limit(low=0.0, high=140.0, unit='deg', reason='full knee flexion is about 140 deg [R]')
>>> float(check("knee", 20))
20.0
"""
from dataclasses import dataclass
from typing import Optional

import numpy as np
from numpy.typing import ArrayLike

from .checks import check_range


@dataclass(frozen=True)
class Limit:
    """An inclusive valid range.

    Attributes
    ----------
    low, high : float
        Inclusive bounds, in ``unit``.
    unit : str
        SI or coaching unit ("m", "kg", "deg", "s", "frames/s"); "" for a
        plain number.
    reason : str
        Why the range is what it is, with its source tag.
    """

    low: float
    high: float
    unit: str
    reason: str

    @property
    def suffix(self):
        """The unit as written after a number in a message (" m"), or ""."""
        return f" {self.unit}" if self.unit else ""


_FACTOR = Limit(0.8, 1.2, "", "a segment 20 % longer or shorter than the Dumas mean "
                              "covers most adults [A]")

LIMITS = {
    # the lifter (hs.Body)
    "stature": Limit(1.2, 2.2, "m", "a child starting to lift to the tallest athletes; "
                                    "Dumas proportions scaled with stature [A]"),
    "mass": Limit(30.0, 200.0, "kg", "body mass of a light teenager to a super-heavyweight [A]"),
    "thigh": _FACTOR,
    "shank": _FACTOR,
    "torso": _FACTOR,
    "arm": _FACTOR,
    "slr": Limit(30.0, 110.0, "deg", "straight-leg raise from very tight hamstrings to a "
                                     "dancer's; about 80 deg is usual [R]"),
    "dorsiflexion": Limit(10.0, 60.0, "deg", "weight-bearing ankle dorsiflexion, very stiff "
                                             "to very mobile [R]"),
    "max_lumbar": Limit(20.0, 60.0, "deg", "largest lumbar flexion from standing; 50-60 deg "
                                           "is typical [R]"),
    # the posture (hs.Posture)
    "knee": Limit(0.0, 140.0, "deg", "full knee flexion is about 140 deg [R]"),
    "hip": Limit(-20.0, 140.0, "deg", "hip extension of about 20 deg to full flexion [R]"),
    "lumbar": Limit(-20.0, 60.0, "deg", "lumbar extension to beyond full flexion; the lifter's "
                                        "own limit is max_lumbar [R]"),
    "bar": Limit(-0.15, 0.40, "m", "bar behind the midfoot (over the heels) to an arm's "
                                   "length in front [A]"),
    "weight_shift": Limit(-1.0, 1.0, "", "-1 on the heels, 0 over the midfoot, 1 on the toes"),
    # what is held (hs.Load)
    "load mass": Limit(0.0, 500.0, "kg", "up to the heaviest deadlift lifted, 501 kg in 2020 [R]"),
    "load hang": Limit(0.0, 0.40, "m", "load centre below the grip: 0 for a bar, 0.12 m for a "
                                       "kettlebell; 0.4 m allows any bell or handle [A]"),
    "load min_height": Limit(0.0, 1.0, "m", "lowest grip height: the floor up to blocks at "
                                            "about hip height [A]"),
    # depth_for_bar_height
    "height": Limit(0.0, 1.5, "m", "a grip height above the floor, floor to above the "
                                   "tallest lifter's standing grip [A]"),
    # analyze, simulate
    "bracing": Limit(0.0, 1.0, "", "0 relaxed to 1 a full brace (100 mmHg) [A]"),
    # the kettlebell swing (hinge_sim.model.swing)
    "swing bell": Limit(0.0, 48.0, "kg", "no bell (the arms alone) to the heaviest common "
                                         "kettlebell, 48 kg [R]"),
    "swing period": Limit(0.8, 2.0, "s", "one swing, top to top: about a second is usual; "
                                         "faster the bell cannot travel its arc, slower it "
                                         "is no longer a swing [A]"),
    "swing arm": Limit(30.0, 180.0, "deg", "shoulder flexion at the top: the bell at chest "
                                           "height to overhead (an American swing); 90 is "
                                           "shoulder height (a Russian swing) [A]"),
    "swing arm angle": Limit(-60.0, 180.0, "deg", "shoulder flexion at either end of a swing: "
                                                  "the arms behind the trunk (-60, shoulder "
                                                  "extension) to overhead [R]"),
    # tempo (parse_tempo): one row per phase, in seconds
    "lowering": Limit(0.2, 20.0, "s", "a loaded hinge is not lowered or lifted in under "
                                      "0.2 s (an explosive rise takes about 0.5 s) [A]; "
                                      "20 s is the slowest tempo a lesson uses, with room [A]"),
    "bottom pause": Limit(0.0, 20.0, "s", "a pause may be left out (0 s) [A]"),
    "rising": Limit(0.2, 20.0, "s", "as lowering [A]"),
    "top pause": Limit(0.0, 20.0, "s", "as the bottom pause [A]"),
    # frame rates
    "fps": Limit(10.0, 1000.0, "frames/s", "frames of a simulated rep: fewer than 10 per "
                                           "second miss the accelerations, more than 1000 add "
                                           "nothing but time [A]"),
    "playback fps": Limit(10.0, 60.0, "frames/s", "the browser draws at most one frame a "
                                                  "screen refresh, 60 a second on most "
                                                  "screens [A]"),
    "gif fps": Limit(10.0, 30.0, "frames/s", "an animated GIF above 30 frames/s grows large "
                                             "and browsers slow very short frame delays [A]"),
    # planning a set and a block (hinge_sim.coaching.training); whole numbers are
    # marked by WHOLE below
    "rep": Limit(1, 100, "", "a rep's number in its set; 100 is beyond any hinge set [A]"),
    "set reps": Limit(1, 30, "", "reps in one simulated set [A]"),
    "fatigue": Limit(0.0, 2.0, "", "0 no drift to twice the assumed fatigue drift [A]"),
    "rounding": Limit(0.0, 10.0, "deg per rep", "hip flexion turned into lumbar flexion "
                                                "per rep at fatigue 1 [A]"),
    "drift": Limit(0.0, 0.05, "m per rep", "forward bar drift per rep at fatigue 1 [A]"),
    "load fraction": Limit(0.0, 3.0, "x body mass", "three body weights is beyond the "
                                                    "heaviest deadlifts for body mass [R]"),
    "weeks": Limit(1, 16, "", "a training block of one week to four months [A]"),
    "sessions": Limit(1, 7, "", "hinge sessions per week, at most one a day [A]"),
    "sets": Limit(1, 10, "", "sets per session [A]"),
    "block reps": Limit(1, 20, "", "reps per set in a planned block [A]"),
    "step": Limit(0.0, 0.5, "x body mass", "load rise per week [A]"),
    # a debrief journal record (hinge_sim.journal.fields.LIMIT_OF): the load is
    # "load mass", the reps "rep"
    "rating": Limit(1, 5, "", "a coach's rating: 1 poor to 5 excellent"),
    "recorded phase": Limit(0.0, 20.0, "s", "a phase of a tempo as the journal records it; "
                                            "lowering and rising must take more than 0 s, "
                                            "not the 0.2 s a simulated rep needs, so records "
                                            "written before that floor still read [A]"),
    "hip to bar": Limit(-0.5, 1.0, "m", "horizontal hip-to-bar distance measured on a video; "
                                        "wider than any lifter's reach [A]"),
    "bar drift": Limit(-0.5, 0.5, "m", "how far the bar moves forward or back over a rep on "
                                       "a video [A]"),
    "bar to midfoot": Limit(-0.5, 0.5, "m", "bar ahead of (+) or behind (-) the midfoot on a "
                                            "video [A]"),
    "athlete name": Limit(1, 80, "characters", "a name on one line, long enough for any "
                                                "given name and family name [A]"),
    "targets": Limit(0, 2000, "characters", "targets for next time in words, a long "
                                            "paragraph [A]"),
    "notes": Limit(0, 5000, "characters", "anything else about the session, a page [A]"),
    # unit conversions (units.kg_to_lb, units.lb_to_kg)
    "kg": Limit(0.0, 1000.0, "kg", "any load or body mass the course shows, with room [A]"),
    "lb": Limit(0.0, 2205.0, "lb", "1000 kg in pounds [A]"),
    "force": Limit(-1e6, 1e6, "N", "any force on the body, far beyond a lifetime's "
                                   "heaviest lift [A]"),
}

#: Parameters that count or rate things: whole numbers only.
WHOLE = frozenset({"rep", "set reps", "weeks", "sessions", "sets", "block reps", "rating"})

#: A moving or pausing phase of a rep must last at least this many frames at
#: the chosen frame rate [A]: fewer frames cannot follow the minimum-jerk
#: acceleration (one frame gave peak loads of hundreds of kN). Measured on
#: the textbook hinge with 40 kg: a 0.5 s rise at 5 frames gives peak L5/S1
#: and hip moments about 23 % below 1000 frames/s, at 10 frames about 8 %
#: below (docs/model.md, section 6).
MIN_PHASE_FRAMES = 5


def check(name: str, value: ArrayLike, scalar: bool = True,
          label: Optional[str] = None) -> np.ndarray:
    """``value`` checked against :data:`LIMITS` ``[name]``, as a float array.

    Parameters
    ----------
    name : str
        A key of :data:`LIMITS`.
    value : array_like
        The value to check.
    scalar : bool
        True (default) when only one number is allowed.
    label : str, optional
        The parameter name shown in a message, when it differs from ``name``.

    Returns
    -------
    ndarray
        Float array (0-d for one number).

    Raises
    ------
    TypeError
        For a value that is not a real number (or, with ``scalar=False``, an
        array of them).
    ValueError
        For a value outside the range, NaN or infinity.

    Examples
    --------
    >>> float(check("bracing", 0.5))
    0.5
    >>> check("load mass", -5)
    Traceback (most recent call last):
    ...
    ValueError: load mass = -5 kg is outside the valid range 0 to 500 kg
    """
    limit = LIMITS[name]
    return check_range(label or name, value, limit.low, limit.high, limit.suffix, scalar,
                       whole=name in WHOLE)
