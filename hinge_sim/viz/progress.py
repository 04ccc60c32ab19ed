"""Progress over sessions from the debrief journal; a tracked bar path on the stick figure.

Usage
-----
1. ``fig = progress_figure(journal.records(athlete="Anna"), style="projector")``
2. ``fig = barpath_figure(reps[0], body, top, bottom, load)`` (``reps`` from
   :func:`hinge_sim.barpath.analyze_track`)
3. ``png = hinge_sim.viz.to_png(fig)``
"""
import numpy as np

from .figures import new_figure
from .stick import StickFigure
from .styles import PALETTE, get_style

# rating field -> (label, colour, marker, line style): never colour alone
RATING_LOOK = {
    "rib_cage": ("rib cage (self)", PALETTE["blue"], "o", "-"),
    "spine": ("spine (self)", PALETTE["orange"], "s", "--"),
    "hip_drive": ("hip drive (self)", PALETTE["bluish green"], "^", "-."),
    "coach_rating": ("coach", PALETTE["black"], "D", ":"),
}
MEASURE_LOOK = {
    "hip_to_bar_m": ("hip-to-bar", PALETTE["blue"], "o", "-", "target_hip_to_bar_m"),
    "bar_drift_m": ("bar drift", PALETTE["vermillion"], "s", "--", "target_bar_drift_m"),
}


def _series(records, name):
    return np.array([np.nan if r.fields.get(name) is None else float(r.fields[name])
                     for r in records])


def progress_figure(records, style="default", title=None):
    """Ratings and measures over sessions, with the targets set for each session.

    Parameters
    ----------
    records : list of hinge_sim.journal.Record
        In session order (``Journal.records`` sorts them by date).
    style : str or dict
        A name in :data:`hinge_sim.viz.styles.STYLES`.
    title : str, optional
        Figure title; ``$...$`` in it is mathtext (default: the athlete's
        name, shown exactly as typed).

    Returns
    -------
    matplotlib.figure.Figure
        Top: ratings 1-5 (self-ratings and the coach's), the target rating
        as open stars. Bottom: hip-to-bar and bar drift (cm) with their
        targets as open markers joined by thin dotted lines.
    """
    s = get_style(style)
    fig = new_figure(style)
    ax_r, ax_m = fig.subplots(2, 1, sharex=True)
    records = list(records)
    if not records:
        ax_r.text(0.5, 0.5, "No records yet: add one with the form.", ha="center", va="center",
                  fontsize=s["font"], transform=ax_r.transAxes)
        ax_r.set_axis_off()
        ax_m.set_axis_off()
        return fig
    x = np.arange(len(records))
    for name, (label, color, marker, ls) in RATING_LOOK.items():
        v = _series(records, name)
        if np.isfinite(v).any():
            ok = np.isfinite(v)
            ax_r.plot(x[ok], v[ok], ls=ls, marker=marker, color=color, lw=s["thin"] * 1.5,
                      ms=s["marker"], label=label)
    target = _series(records, "target_rating")
    if np.isfinite(target).any():
        ax_r.plot(x, target, ls="none", marker="*", mfc="none", mec=PALETTE["reddish purple"],
                  ms=s["marker"] * 1.6, mew=s["thin"], label="target rating")
    ax_r.set_ylim(0.5, 5.5)
    ax_r.set_yticks([1, 2, 3, 4, 5])
    ax_r.set_ylabel("rating (1-5)", fontsize=s["font"])
    for name, (label, color, marker, ls, tname) in MEASURE_LOOK.items():
        v, tv = 100 * _series(records, name), 100 * _series(records, tname)
        if np.isfinite(v).any():
            ok = np.isfinite(v)
            ax_m.plot(x[ok], v[ok], ls=ls, marker=marker, color=color, lw=s["thin"] * 1.5,
                      ms=s["marker"], label=label)
        if np.isfinite(tv).any():
            ok = np.isfinite(tv)
            ax_m.plot(x[ok], tv[ok], ls=":", marker=marker, mfc="none", color=color,
                      lw=s["thin"], ms=s["marker"] * 1.3, label=f"{label} target")
    ax_m.axhline(0, color=PALETTE["grey"], lw=s["thin"] * 0.6)
    ax_m.set_ylabel("cm", fontsize=s["font"])
    ax_m.set_xticks(x)
    ax_m.set_xticklabels([r.fields["date"][5:] for r in records], rotation=0 if len(x) < 9 else 45,
                         fontsize=s["small"])
    ax_m.set_xlabel("session (month-day)", fontsize=s["font"])
    for ax in (ax_r, ax_m):
        ax.tick_params(labelsize=s["small"])
        ax.grid(alpha=0.3)
        if ax.get_legend_handles_labels()[0]:
            ax.legend(fontsize=s["small"], loc="center left", bbox_to_anchor=(1.01, 0.5),
                      frameon=False)
    ax_m.set_xlim(-0.5, len(x) - 0.5)
    if title is None:  # a name is shown as typed: "$" in "Jo $^$" is not mathtext
        fig.suptitle(f"{records[-1].fields['athlete']}: progress", fontsize=s["title"],
                     parse_math=False)
    else:
        fig.suptitle(title, fontsize=s["title"])
    fig.subplots_adjust(left=0.08, right=0.72, top=0.9, bottom=0.14, hspace=0.12)
    return fig


def barpath_figure(measures, body, top, bottom, exercise="RDL", load_kg=40.0, style="default",
                   title=None):
    """Draw a tracked rep's bar path over the model lifter at the bottom.

    The tracked path is placed so that it starts where the model's bar
    starts (same x and height); when the foot was tracked, x is instead
    measured from the tracked midfoot, so the path also shows where the bar
    was over the foot. The model's own bar path is drawn dashed.

    Parameters
    ----------
    measures : hinge_sim.barpath.RepMeasures
    body : Body
    top, bottom : Posture
        The model's postures (the figure shows the bottom one).
    exercise : str
        A name in :data:`hinge_sim.presets.EXERCISES`.
    load_kg : float
        Load (kg), ignored for the dowel.
    style : str or dict
    title : str, optional

    Returns
    -------
    matplotlib.figure.Figure
    """
    from ..model.analysis import analyze, simulate
    from ..model.presets import load as make_load
    load = make_load(exercise, load_kg)
    s = get_style(style)
    fig = new_figure(style, size=(s["figsize"][1] * 0.9, s["figsize"][1] * 1.1))
    ax = fig.add_axes((0.0, 0.13, 1.0, 0.8))
    stick = StickFigure(ax, style)
    stick.update(analyze(body, bottom, load), overlays=("midfoot",), load_kind=exercise)
    model = simulate(body, top, bottom, tempo=(1, 0, 1, 0), load=load, fps=50).points["bar"]
    path = np.array(measures.bar, dtype=float)
    if measures.bar_to_midfoot is not None:
        offset_x = body.midfoot_x + measures.bar_to_midfoot["start"] - path[0, 0]
    else:
        offset_x = model[0, 0] - path[0, 0]
    path = path + [offset_x, model[0, 1] - path[0, 1]]
    ax.plot(model[:, 0], model[:, 1], ls="--", color=PALETTE["black"], lw=s["thin"] * 2,
            zorder=9, label="model bar path")  # black: the plate behind it is grey
    ax.plot(path[:, 0], path[:, 1], ls="-", color=PALETTE["vermillion"], lw=s["thin"] * 2,
            zorder=10, label="tracked bar path")
    ax.plot(*path[0], marker="o", color=PALETTE["vermillion"], ms=s["marker"], zorder=11)
    ax.legend(loc="upper right", fontsize=s["small"], frameon=True)
    fig.text(0.03, 0.01, f"bar drift {100 * measures.drift:+.1f} cm (+ forward)\n"
             f"largest distance from the vertical line {100 * measures.max_deviation:.1f} cm\n"
             f"tempo {measures.tempo_text} s", fontsize=s["small"], va="bottom", ha="left")
    fig.suptitle(title or f"Rep {measures.number}: tracked bar path over the model",
                 fontsize=s["title"])
    return fig
