"""The course: its lessons in order, the article's strategies each one teaches,
and the navigation cells that link them.

Run ``python -m tools.course`` after adding or renaming a lesson: it
rewrites the navigation cells (tagged ``nav``) at the top and bottom of every
lesson and regenerates ``notebooks/contents.ipynb``. ``python -m
tools.course --check`` exits non-zero when anything is out of date (the
test suite runs it).
"""
import json
import pathlib
import sys

NOTEBOOKS = pathlib.Path(__file__).resolve().parents[1] / "notebooks"

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
    ("Progress from pelvic tilt awareness to hip flexion with little knee bend, then the posterior chain",
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


def _label(stem):
    number = stem.split("_", 1)[0]
    return f"{int(number)} · {TITLES[stem]}" if number.isdigit() else TITLES[stem]


def nav_markdown(stem):
    """The navigation line for a lesson: previous | contents | next."""
    if stem not in TITLES:
        raise ValueError(f"lesson {stem!r} is not in the course; choose from {STEMS}")
    i = STEMS.index(stem)
    parts = []
    if i > 0:
        parts.append(f"[← {_label(STEMS[i - 1])}]({STEMS[i - 1]}.ipynb)")
    parts.append("[Contents](contents.ipynb)")
    if i + 1 < len(STEMS):
        parts.append(f"[{_label(STEMS[i + 1])} →]({STEMS[i + 1]}.ipynb)")
    return " | ".join(parts)


def _markdown_cell(cell_id, text, tags=()):
    cell = {"cell_type": "markdown", "id": cell_id, "metadata": {}, "source": text}
    if tags:
        cell["metadata"]["tags"] = list(tags)
    return cell


def contents_notebook():
    """The contents page: lessons, then every strategy of the article mapped
    to the lesson and activity that teaches it.
    """
    lessons = "\n".join(f"- [{_label(stem)}]({stem}.ipynb)" for stem in STEMS)
    rows = "\n".join(f"| {s} | [{_label(stem)}]({stem}.ipynb) | {activity} |"
                     for s, stem, activity in STRATEGIES)
    text = ("# Contents\n\nWork through the lessons in order; each takes 10 to 20 minutes. "
            "Run a lesson from the top (Run → Run All Cells) and answer each prediction "
            "before you use the panel under it.\n\n" + lessons +
            "\n\n## Where each coaching strategy is taught\n\n"
            "| strategy | lesson | what you play with |\n|---|---|---|\n" + rows + "\n")
    return {"cells": [_markdown_cell("contents", text)],
            "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                        "name": "python3"},
                         "language_info": {"name": "python"}},
            "nbformat": 4, "nbformat_minor": 5}


def with_navigation(notebook, stem):
    """The notebook with its first and last cells tagged ``nav`` set to the
    navigation line (cells are added when missing).
    """
    line = nav_markdown(stem)
    cells = [c for c in notebook["cells"] if "nav" not in c.get("metadata", {}).get("tags", [])]
    notebook = dict(notebook)
    notebook["cells"] = ([_markdown_cell("nav-top", line, ["nav"])] + cells
                         + [_markdown_cell("nav-bottom", line, ["nav"])])
    return notebook


def _dump(notebook):
    return json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"


def expected_files(folder=NOTEBOOKS):
    """Path -> text every generated file should have, for lessons that exist."""
    out = {folder / "contents.ipynb": _dump(contents_notebook())}
    for stem in STEMS:
        path = folder / f"{stem}.ipynb"
        if path.exists():
            out[path] = _dump(with_navigation(json.loads(path.read_text()), stem))
    return out


def main(argv=None):
    """Rewrite navigation and contents, or with ``--check`` list stale files."""
    argv = sys.argv[1:] if argv is None else argv
    stale = [p for p, text in expected_files().items()
             if not p.exists() or p.read_text() != text]
    if "--check" in argv:
        for p in stale:
            print(f"out of date: {p.name} (run python -m tools.course)")
        return 1 if stale else 0
    for p in stale:
        p.write_text(expected_files()[p])
        print(f"updated {p.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
