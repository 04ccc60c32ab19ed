"""The course: its lessons, the article's strategies, each lesson's steps, progress.

The lessons come in order, each coaching strategy of the article maps to the
lesson that teaches it, and each lesson's steps tell how far the learner is.

Usage
-----
1. ``course.LESSONS`` -> (file stem, title) in course order; ``course.label(stem)``.
2. ``course.lesson_steps(folder)`` -> lesson stem -> the keys of its predictions,
   estimates and quizzes, read from the notebooks in ``folder``.
3. ``course.progress_markdown(folder)`` -> the contents page's progress table.

Standard library only (and :mod:`hinge_sim.progress`): the contents page and the
repository's tools (``tools/course.py``) both read the lesson list from here.
"""
import json
import pathlib
import re

from . import progress

#: (file stem, title) in course order.
LESSONS = [
    ("00_start_here", "Start here: a model of the hip hinge"),
    ("01_what_not_to_do", "What not to do first: spine, pelvis and ribs"),
    ("02_knee_bend", "Knee bend: a hinge is not a squat"),
    ("03_mobility_and_dowel", "Mobility and the dowel drill"),
    ("04_ground_and_bar", "The ground and the bar"),
    ("05_tempo", "Tempo: lower slowly, pause, drive with the hips"),
    ("06_breathing_and_bracing", "Breathing and bracing"),
    ("07_every_body", "Every body hinges differently"),
    ("08_dowel_to_barbell", "From dowel to barbell"),
    ("09_hinge_to_sport", "From hinge to sport"),
    ("10_debrief", "Debrief and progress"),
    ("11_keeping_it", "Keeping it: resets, mobility, mindset"),
    ("instructor_guide", "Instructor guide"),
]

#: The coaching article's strategies, in its order: (strategy, lesson stem, activity).
STRATEGIES = [
    ("Start from pelvic position, rib cage and a neutral spine",
     "01_what_not_to_do", "Explorer: round the lower back and watch shear and the spine curve"),
    ("Show what not to do first, then the good hinge from the side",
     "01_what_not_to_do", "Compare: rounded back against textbook hinge"),
    ("Cue 'hips back, chest tall, ribs quiet' against too much knee bend and a round back",
     "02_knee_bend", "Prediction and Explorer: knee bend moves the work from hips to knees"),
    ("Progress from pelvic tilt awareness to hip flexion with little knee bend, "
     "then the posterior chain",
     "08_dowel_to_barbell", "Progression ladder with the model's loads at each step"),
    ("Mobilise ankles and hips first (dorsiflexion, hamstring length)",
     "03_mobility_and_dowel", "Tight-hamstring lifter: rounding appears on its own"),
    ("Pair mobility with core bracing patterns",
     "06_breathing_and_bracing", "Bracing slider against disc compression"),
    ("Practise with a dowel for spine alignment",
     "03_mobility_and_dowel", "Dowel overlay: three points of contact and the gap at the low back"),
    ("Go from bodyweight to light loads, keeping a neutral spine",
     "08_dowel_to_barbell", "Load ladder in body weights"),
    ("Weight even through the midfoot; a deliberate hip-driven descent",
     "04_ground_and_bar", "Centre of pressure over the foot; weight-shift slider"),
    ("Verbal and video feedback make faults visible",
     "10_debrief", "Bar path from a tracked video, drawn over the stick figure"),
    ("Tempo: slow lowering, a pause at the bottom, a hip-driven rise",
     "05_tempo", "Tempo player with coaching notation"),
    ("Watch bar path, knees and trunk angle under fatigue",
     "05_tempo", "A set where fatigue rounds the back rep by rep"),
    ("Inhale at setup, brace, exhale through the rise",
     "06_breathing_and_bracing", "Breathing cues on the rep plot"),
    ("Adapt cues to limb lengths and mobility; short and tall lifters",
     "07_every_body", "Compare: short and tall, long femurs and long torso"),
    ("Neutral rib cage and tall chest; feel for lumbar arch and pelvic tilt",
     "01_what_not_to_do", "Lumbar extension (arch) and flexion (round) on one slider"),
    ("Progressive loading and single-leg drills to find asymmetries",
     "07_every_body", "Left and right as two lifters with different mobility"),
    ("When form breaks, stop, reset, and rebuild the line before loading again",
     "11_keeping_it", "Reset: from a drifted pose back to the set-up"),
    ("Plan frequency, volume and load; light and frequent early in a cycle",
     "08_dowel_to_barbell", "A training block: load and weekly volume"),
    ("Accessory work (bridges, RDLs, trap-bar hinges) and mobility days",
     "08_dowel_to_barbell", "Hinge variations side by side: RDL, trap bar, kettlebell"),
    ("Carry the hinge into jumps, sprints and Olympic lifts",
     "09_hinge_to_sport", "Hip power over a fast rep"),
    ("Sport-specific cues: sprinting, weightlifting, and each athlete's learning style",
     "09_hinge_to_sport", "A bar that stays close: pulling position against a drifting bar"),
    ("Feel the ground through the midfoot; a level hip line",
     "04_ground_and_bar", "Centre of pressure and balance margin"),
    ("Bar over the midfoot or slightly behind, checked in a mirror or on video",
     "04_ground_and_bar", "Bar distance slider and hip-to-bar distance"),
    ("A narrower stance or other toe angle when hip mobility limits stability",
     "03_mobility_and_dowel", "What a side view can and cannot show (stance is out of plane)"),
    ("Controlled descent and explosive return, not brute force",
     "05_tempo", "Explosive rise (X) against a slow rise: peaks and power"),
    ("Debrief: self-ratings, objective measures, a simple rating, targets",
     "10_debrief", "Journal form and progress plot"),
    ("Respect the spine as the base of performance; patience; celebrate form",
     "11_keeping_it", "Recap self-check"),
    ("Resets between sets and weekly mobility maintenance",
     "11_keeping_it", "Mobility kept against mobility lost: what the hinge needs"),
]

STEMS = [stem for stem, _ in LESSONS]
TITLES = dict(LESSONS)


def label(stem):
    """Return a lesson's name as the navigation shows it ("5 · Tempo: ...")."""
    if stem not in TITLES:
        raise ValueError(f"lesson {stem!r} is not in the course; choose from {STEMS}")
    number = stem.split("_", 1)[0]
    return f"{int(number)} · {TITLES[stem]}" if number.isdigit() else TITLES[stem]


#: ``key="<stem>/<name>"`` as a lesson step's code names it
_KEY = re.compile(r"""\bkey\s*=\s*(?:f?)["']([^"']+)["']""")


def notebook_keys(path):
    """Return the step keys named in the code cells of one notebook, in order.

    Parameters
    ----------
    path : str or os.PathLike
        An ``.ipynb`` file.
    """
    try:
        cells = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))["cells"]
    except (ValueError, KeyError, TypeError) as e:
        raise ValueError(f"{path} is not a readable notebook ({e!r})") from None
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    return _KEY.findall(text)


def lesson_steps(folder):
    """Return lesson stem -> keys of its steps, for the lessons in ``folder``.

    Parameters
    ----------
    folder : str or os.PathLike
        Where the lesson notebooks are (the learner's course folder).
    """
    folder = pathlib.Path(folder)
    return {stem: notebook_keys(folder / f"{stem}.ipynb") for stem in STEMS
            if (folder / f"{stem}.ipynb").exists()}


def _readable_steps(folder):
    """Like :func:`lesson_steps`, with ``None`` for a lesson file that cannot be read."""
    out = {}
    for stem in STEMS:
        path = pathlib.Path(folder) / f"{stem}.ipynb"
        if path.exists():
            try:
                out[stem] = notebook_keys(path)
            except ValueError:
                out[stem] = None
    return out


def progress_rows(folder):
    """Return (stem, status) for every numbered lesson in ``folder``, in course order.

    ``status`` is :func:`hinge_sim.progress.lesson_status` of the lesson's steps
    (state ``"unreadable"`` for a lesson file that is not a notebook).
    """
    steps = _readable_steps(folder)
    return [(stem, progress.lesson_status(keys) if keys is not None else
             {"done": 0, "total": 0, "skipped": 0, "state": "unreadable"})
            for stem, keys in steps.items() if stem[0].isdigit()]


def progress_markdown(folder):
    """Return the contents page's progress: a table of lessons and what is next (Markdown).

    Parameters
    ----------
    folder : str or os.PathLike
        The learner's course folder (lessons and progress file).
    """
    rows = progress_rows(folder)
    if not rows:
        return "No lessons found in this folder."
    lines = ["| lesson | your progress |", "|---|---|"]
    for stem, s in rows:
        words = {"done": "✔ done", "started": f"started: {s['done']} of {s['total']} steps",
                 "not started": "not started",
                 "unreadable": "the lesson file could not be read"}[s["state"]]
        if s["skipped"]:
            words += f" ({s['skipped']} shown without a prediction)"
        lines.append(f"| [{label(stem)}]({stem}.ipynb) | {words} |")
    todo = [stem for stem, s in rows if s["state"] not in ("done", "unreadable")]
    if todo:
        nxt = f"**Next:** [{label(todo[0])}]({todo[0]}.ipynb)"
    else:
        nxt = "**You have worked through every lesson.** Come back to any of them at any time."
    return nxt + "\n\n" + "\n".join(lines)
