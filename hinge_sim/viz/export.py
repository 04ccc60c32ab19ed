"""Pictures for slides, handouts and ``media/``.

A PNG of a posture, an animated GIF of a rep, and every lesson's key figures
in one call.

Usage
-----
1. ``posture_png("hinge.png", posture="textbook hinge", ghost="rounded back")``
2. ``rep_gif("rep.gif", bottom="textbook hinge", tempo="3-1-1-0")``
3. every lesson's key pictures at once: :mod:`hinge_sim.media`
"""
import io
import pathlib

from PIL import Image

from ..model import analyze, presets, simulate
from ..model.limits import check
from .figures import new_figure, posture_figure
from .frames import frame
from .render import to_png
from .repplot import RepPlot
from .stick import StickFigure
from .words import describe, rep_words


def make_posture(body, spec, load, exercise):
    """Return the Posture for ``spec`` in ``exercise``: :func:`hinge_sim.presets.posture_for`.

    ``spec`` is a preset name, a dict of angles, a preset name with some
    angles changed (``("textbook hinge", {"knee": 40})``), a Posture, or None
    for the exercise's own start (plates on the floor for a deadlift).
    """
    return presets.posture_for(exercise, body, load, spec)


def _case(lifter, posture, exercise, load):
    body = presets.lifter(lifter) if isinstance(lifter, str) else lifter
    held = presets.load(exercise, load)
    return body, make_posture(body, posture, held, exercise), held


def posture_png(path, lifter="average man", posture=None, exercise="RDL", load=40.0,
                ghost=None, style="default", overlays=("com", "midfoot"), units="kg",
                bracing=0.0, dpi=None):
    """Write a PNG of one posture with its gauges; returns the path.

    The PNG's ``Description`` text says the pose and its loads in words
    (:func:`hinge_sim.viz.words.describe`): its alt text.

    Parameters
    ----------
    path : str or Path
        Where to write (the folder must exist).
    lifter : str or Body
        A name in :data:`hinge_sim.presets.LIFTERS`, or a Body.
    posture : str, dict, tuple or Posture, optional
        See :func:`make_posture`; default the exercise's own start (the
        textbook hinge, or plates on the floor for a deadlift).
    exercise : str
        A name in :data:`hinge_sim.presets.EXERCISES`.
    load : float
        Load (kg).
    ghost : str, dict or tuple, optional
        A reference posture drawn faint and dashed.
    style : {"default", "projector", "high contrast"}
    overlays : sequence of str
        See :data:`hinge_sim.viz.stick.OVERLAYS`.
    units : {"kg", "lb"}
    bracing : float
        0 relaxed to 1 full brace.
    dpi : float, optional
        Resolution; default the style's.
    """
    body, pose, held = _case(lifter, posture, exercise, load)
    result = analyze(body, pose, held, bracing)
    reference = None
    if ghost is not None:
        reference = analyze(body, presets.as_posture(ghost), held, bracing)
    label = ghost if isinstance(ghost, str) else ("reference" if ghost is not None else None)
    fig = posture_figure(result, style=style, overlays=overlays, ghost=reference,
                         body_mass=body.mass, units=units, load_kind=exercise,
                         ghost_label=label,
                         caption=_caption(lifter, posture, exercise, load, units))
    alt = describe(pose, result, body.mass, units, exercise)
    if reference is not None:
        alt += f" A faint figure behind shows {label}."
    path = pathlib.Path(path)
    path.write_bytes(to_png(fig, dpi, description=alt))
    return path


def _caption(lifter, posture, exercise, load, units):
    from .gauges import mass_text
    who = lifter if isinstance(lifter, str) else "lifter"
    if posture is None:
        floor = presets.from_the_floor(exercise)
        what = "plates on the floor" if floor else presets.DEFAULT_POSTURE
    else:
        what = posture if isinstance(posture, str) else (
            f"{posture[0]}, " + ", ".join(f"{k} {v:g}" for k, v in posture[1].items())
            if isinstance(posture, tuple) else "own angles")
    held = "" if exercise == "dowel" else f", {mass_text(load, units)}"
    return f"{who} · {what} · {exercise}{held}"


def rep_gif(path, lifter="average man", top="standing", bottom=None,
            tempo="3-1-1-0", exercise="RDL", load=40.0, fps=10, style="default",
            overlays=("com", "midfoot"), bracing=0.0, progress=True):
    """Write an animated GIF of one rep at real speed; returns the path.

    The GIF's comment says the rep and its peak disc loads in words
    (:func:`hinge_sim.viz.words.rep_words`): its alt text.

    Parameters
    ----------
    path : str or Path
        Where to write (the folder must exist).
    lifter, exercise, load, style, overlays, bracing
        As in :func:`posture_png`.
    top, bottom : str, dict, tuple or Posture
        The rep's top and bottom postures (see :func:`make_posture`); the
        exercise's rule applies to the bottom (plates on the floor for a
        deadlift), whose default is the exercise's own start.
    tempo : str
        Coaching notation, e.g. "3-1-1-0" or "31X0".
    fps : float
        Frames per second of the animation (10 to 30).
    progress : bool
        Show a progress bar while frames are drawn.
    """
    from tqdm.auto import tqdm

    fps = float(check("gif fps", fps, label="fps"))
    body, low, held = _case(lifter, bottom, exercise, load)
    high = presets.as_posture(top)
    rep = simulate(body, high, low, tempo, held, fps=fps, bracing=bracing)
    if rep.messages():  # poses out of reach; a centre of pressure off the foot is drawn
        raise ValueError("the rep is not possible: " + "; ".join(rep.messages()))
    fig = new_figure(style, size=_rep_size(style))
    grid = fig.add_gridspec(1, 2, width_ratios=(1.0, 1.35), left=0.02, right=0.98,
                            bottom=0.12, top=0.95, wspace=0.12)
    stick = StickFigure(fig.add_subplot(grid[0]), style)
    plot = RepPlot(grid[1], style)
    plot.update(rep)
    images = []
    for i in tqdm(range(len(rep.t)), desc=f"{pathlib.Path(path).name}", disable=not progress,
                  unit="frame"):
        stick.update(frame(rep, i), overlays=overlays, load_kind=exercise,
                     caption=f"{tempo} · t = {rep.t[i]:.1f} s")
        plot.set_cursor(rep.t[i])
        images.append(Image.open(io.BytesIO(to_png(fig))).convert("P", palette=Image.ADAPTIVE))
    path = pathlib.Path(path)
    images[0].save(path, save_all=True, append_images=images[1:], duration=round(1000 / fps),
                   loop=0, optimize=True, comment=rep_words(rep, tempo, exercise).encode())
    return path


def _rep_size(style):
    from .styles import get_style
    width, height = get_style(style)["figsize"]
    return (width * 1.25, height)
