"""Every picture in ``media/``, remade by ``python -m tools.media``.

Each lesson's key figures and animations, and the README's panel pictures.

This sits above the views and the panels (it uses both), beside the command
line; nothing below imports it.
"""
import pathlib

from hinge_sim.viz.export import posture_png, rep_gif


def panel_png(path, panel, goto=None, **kwargs):
    """Write the figure of a panel from :mod:`hinge_sim.ui` as it first appears; return the path.

    ``goto`` is a time in s for the Tempo player.
    """
    from hinge_sim import ui
    if panel not in ("Explorer", "Compare", "TempoPlayer"):
        raise ValueError(f"panel = {panel!r} is not a panel; "
                         "choose Explorer, Compare or TempoPlayer")
    shown = getattr(ui, panel)(**kwargs)
    if goto is not None:
        shown.goto(goto)
    path = pathlib.Path(path)
    path.write_bytes(shown.png)
    return path


def bar_path_png(path, sample="rdl_drift_px.csv", style="default"):
    """Write the first rep of a shipped sample track over the model lifter."""
    from hinge_sim.model import presets
    from hinge_sim.video.barpath import analyze_track
    from hinge_sim.video.sample_tracks import SAMPLES, load_sample
    from hinge_sim.viz.progress import barpath_figure
    from hinge_sim.viz.render import to_png
    spec = SAMPLES[sample]
    rep = analyze_track(load_sample(sample))[0]
    fig = barpath_figure(rep, presets.lifter(spec["lifter"]), presets.posture("standing"),
                         presets.posture("textbook hinge"), exercise=spec["exercise"],
                         load_kg=spec["load"], style=style)
    path = pathlib.Path(path)
    path.write_bytes(to_png(fig))
    return path


#: (file name, function, keyword arguments), lesson pictures by lesson number.
MEDIA = [
    ("00_textbook_hinge.png", posture_png, dict(posture="textbook hinge", load=40)),
    ("01_rounded_vs_neutral.png", posture_png,
     dict(posture="rounded back", ghost="textbook hinge", load=40)),
    ("02_squatty_vs_hinge.png", posture_png,
     dict(posture="squatty hinge", ghost="textbook hinge", load=40, overlays=("com", "moments"))),
    ("03_tight_hamstrings.png", posture_png,
     dict(lifter="tight hamstrings", posture="textbook hinge", exercise="dowel",
          overlays=("dowel", "midfoot"))),
    ("04_bar_drifting.png", posture_png,
     dict(posture="bar drifting forward", ghost="textbook hinge", load=60,
          overlays=("com", "midfoot", "hip_to_bar"))),
    ("05_tempo_3110.gif", rep_gif, dict(tempo="3-1-1-0", load=60, progress=False)),
    ("06_full_brace.png", posture_png,
     dict(posture="textbook hinge", ghost="rounded back", load=60, bracing=1.0)),
    ("07_long_femurs.png", posture_png, dict(lifter="long femurs", posture="textbook hinge",
                                             load=40)),
    ("08_deadlift_from_floor.png", posture_png,
     dict(posture=None, exercise="deadlift", load=100, overlays=("com", "midfoot", "moments"))),
    ("09_explosive_rise.gif", rep_gif, dict(tempo="2-0-X-0", load=60, progress=False)),
    ("10_bar_path.png", bar_path_png, dict()),
    ("11_reset.png", posture_png,
     dict(posture=("textbook hinge", {"lumbar": 20, "bar": 0.08}), ghost="textbook hinge",
          load=60, overlays=("com", "midfoot", "hip_to_bar"))),
    ("projector_textbook_hinge.png", posture_png,
     dict(posture="textbook hinge", load=60, style="projector")),
    # the README's pictures: the panels themselves
    ("explorer.png", panel_png, dict(panel="Explorer", posture="rounded back",
                                     ghost="textbook hinge",
                                     overlays=("com", "midfoot", "hip_to_bar"))),
    ("explorer_projector.png", panel_png, dict(panel="Explorer", style="projector", load=60)),
    ("compare.png", panel_png, dict(panel="Compare",
                                    left=dict(lifter="long femurs", posture="textbook hinge"),
                                    right=dict(lifter="long torso", posture="rounded back"))),
    ("tempo_player.png", panel_png, dict(panel="TempoPlayer", goto=2.2)),
]


def render_media(folder="media", progress=True):
    """Render every picture in :data:`MEDIA` into ``folder``; returns the paths."""
    from tqdm.auto import tqdm

    folder = pathlib.Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return [make(folder / name, **kwargs)
            for name, make, kwargs in tqdm(MEDIA, desc="media", unit="file", disable=not progress)]


def main(argv=None):
    """``python -m tools.media [--folder media]``: remake every picture; exit status."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m tools.media", description=render_media.__doc__)
    parser.add_argument("--folder", default="media")
    args = parser.parse_args(argv)
    for path in render_media(args.folder):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
