"""The lifter's body shapes, the forces drawn on it, and labels that never collide."""
import itertools

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text
from matplotlib.transforms import Bbox

import hinge_sim as hs
from hinge_sim import viz
from hinge_sim.model.constants import GRAVITY
from hinge_sim.viz import anatomy
from hinge_sim.viz.forces import FORCE_SCALE, force_vectors, moment_arms
from hinge_sim.viz.labels import place_labels
from hinge_sim.viz.styles import ZONES

LESSON_PANEL_PX = 880  # px of notebook width at 1280 x 800, file browser open [A]


def result(posture="textbook hinge", lifter="average man", exercise="RDL", mass=40.0):
    return hs.analyze(hs.presets.lifter(lifter), hs.presets.posture(posture),
                      hs.presets.load(exercise, mass))


def _visible_texts(fig):
    fig.draw_without_rendering()
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


@pytest.mark.parametrize("style", ["default", "projector", "high contrast"])
@pytest.mark.parametrize("posture, lifter, exercise", [
    ("squatty hinge", "average woman", "RDL"), ("squatty hinge", "tall lifter", "RDL"),
    ("textbook hinge", "average man", "RDL"), ("rounded back", "short lifter", "kettlebell"),
    ("bar drifting forward", "long femurs", "RDL"), ("stiff-legged reach", "average man", "RDL"),
    ("standing", "tall lifter", "dowel")])
def test_no_two_labels_overlap(style, posture, lifter, exercise):
    fig = viz.posture_figure(result(posture, lifter, exercise), style=style,
                             overlays=viz.OVERLAYS, ghost=result("standing", lifter),
                             ghost_label="standing", load_kind=exercise, caption=posture)
    renderer = fig._get_renderer()
    stick_ax = fig.axes[0]
    texts = [t for t in _visible_texts(fig) if t.axes is stick_ax]
    assert len(texts) >= 15  # key, caption, COM, moments, forces, arms, disc
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts]
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        assert not box_a.overlaps(box_b), (a, b, posture, lifter)
    frame = fig.bbox
    for name, box in boxes:
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1, name
        assert frame.y0 <= box.y0 and box.y1 <= frame.y1, name


def _label_boxes(stick, renderer):
    """(words, pixel box) of each label shown on a stick figure's axes, backing box included."""
    boxes = []
    for t in stick.ax.findobj(Text):
        if t.get_visible() and t.get_text().strip():
            box = t.get_window_extent(renderer)
            patch = t.get_bbox_patch()
            if patch is not None:  # placed when drawn; animated labels are not drawn by draw()
                t.update_bbox_position_size(renderer)
                box = Bbox.union([box, patch.get_window_extent(renderer)])
            boxes.append((t.get_text(), box))
    return boxes


def _scale_bar_box(stick, renderer):
    """The 50 cm scale bar's pixel box, as thick as its line is drawn."""
    bar = stick.scale_bar
    half = bar.get_linewidth() * stick.ax.figure.dpi / 72 / 2
    return bar.get_window_extent(renderer).expanded(1.0, 1.0).padded(half)


def _collisions(stick):
    """Pairs of a stick figure's labels (or a label and the scale bar) that overlap,
    in a figure drawn with Agg (label backing boxes are placed when drawn)."""
    fig = stick.ax.figure
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    boxes = _label_boxes(stick, renderer)
    pairs = [(a, b) for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2)
             if box_a.overlaps(box_b)]
    bar = _scale_bar_box(stick, renderer)
    return pairs + [(a, "scale bar") for a, box in boxes if box.overlaps(bar)]


@pytest.mark.parametrize("style", ["default", "projector"])
@pytest.mark.parametrize("posture, lifter, exercise", [
    ("standing", "average man", "RDL"), ("textbook hinge", "average man", "RDL"),
    ("rounded back", "short lifter", "kettlebell"), ("squatty hinge", "tall lifter", "RDL"),
    ("stiff-legged reach", "average woman", "RDL")])
def test_posture_labels_keep_off_each_other_and_the_scale_bar(style, posture, lifter, exercise):
    _, stick, gauges = viz.posture_layout(style)  # as viz.posture_figure makes it
    r = result(posture, lifter, exercise)
    stick.update(r, overlays=viz.OVERLAYS, load_kind=exercise, caption=posture)
    gauges.update(r, 78.0)
    assert _collisions(stick) == [], (posture, lifter, style)


@pytest.mark.parametrize("style", ["default", "projector"])
@pytest.mark.parametrize("top, bottom", [("standing", "textbook hinge"),
                                         ("standing", "rounded back"),
                                         ("standing", "squatty hinge")])
def test_rep_frame_labels_keep_off_each_other_and_the_scale_bar(style, top, bottom):
    """The Tempo step's lifter (a narrower axes than the Explorer's), at frames
    from the top, on the way down and at the bottom of the rep."""
    from hinge_sim.ui import TempoPlayer
    player = TempoPlayer(top=top, bottom=bottom, tempo="2-1-1-0", style=style, layout="side")
    n = len(player.rep.t)
    for i in (0, n // 6, n // 3, n // 2, 2 * n // 3, n - 1):
        player._draw_frame(i)
        assert _collisions(player.stick) == [], (i, top, bottom, style)


def test_lesson_panel_text_is_at_least_12_px_on_a_laptop():
    """The Explorer's PNG at its displayed width: natural size when it fits the
    notebook (1280 x 800 screen), else scaled down with the page.
    """
    fig = viz.posture_figure(result(), overlays=viz.OVERLAYS, ghost=result("standing"),
                             ghost_label="standing", caption="RDL")
    px, words = viz.smallest_text(fig, min(fig.get_figwidth() * fig.dpi, LESSON_PANEL_PX))
    assert px >= viz.MIN_TEXT_PX, words


def test_arrows_follow_the_forces_of_a_still_posture():
    """A still posture is in equilibrium: the ground pushes up the whole weight;
    the load hangs straight down; every arrow is drawn to one scale.
    """
    r = result()
    f = force_vectors(r)
    total = sum(float(s["mass"]) for s in r.segments.values()) * GRAVITY
    point, ground = f["ground"]
    assert ground[1] == pytest.approx(total, rel=1e-6) and abs(ground[0]) < 1e-6 * total
    assert point[1] == 0.0 and r.points["heel"][0] <= point[0] <= r.points["toe"][0]
    assert f["load"][1] == pytest.approx([0.0, -40.0 * GRAVITY])
    fig, stick, _ = viz.posture_layout()
    stick.update(r, overlays=("forces",))
    for name, (_, force) in f.items():
        tail, head = (np.asarray(p) for p in stick.forces.arrows[name]._posA_posB)
        assert np.allclose(head - tail, force * FORCE_SCALE / 1000.0), name
    # the disc's compression acts down the trunk onto L5/S1; the extensors pull
    # along the trunk 6 cm behind it (Chaffin's single-muscle model)
    tail, head = (np.asarray(p) for p in stick.forces.arrows["compression"]._posA_posB)
    assert np.allclose(head, r.points["l5s1"])
    trunk = r.points["c7t1"] - r.points["l5s1"]
    assert np.dot(tail - head, trunk) > 0


def test_moment_arms_are_horizontal_distances_to_the_load_line():
    r = result("bar drifting forward")
    arms = moment_arms(r)
    assert arms["hip"] == pytest.approx(float(r.metrics["hip_to_bar"]))
    assert arms["l5s1"] == pytest.approx(float(r.points["bar"][0] - r.points["l5s1"][0]))
    fig, stick, _ = viz.posture_layout()
    stick.update(r, overlays=("forces",))
    xy = stick.forces.arms["hip"].get_xydata()
    assert np.nanmax(xy[:, 0]) - np.nanmin(xy[:, 0]) == pytest.approx(abs(arms["hip"]))
    assert f"hip arm {abs(arms['hip']) * 100:.0f} cm" == stick.forces.arm_texts["hip"].get_text()


@pytest.mark.parametrize("posture", ["textbook hinge", "rounded back"])
def test_disc_is_filled_by_its_zone_in_colour_hatch_and_word(posture):
    from matplotlib.colors import to_hex
    r = result(posture)
    z = viz.stick.disc_zone(r)
    fig, stick, _ = viz.posture_layout()
    stick.update(r)
    assert to_hex(stick.disc.get_facecolor()) == to_hex(ZONES[z]["color"])
    assert (stick.disc.get_hatch() or "") == ZONES[z]["hatch"]
    assert ZONES[z]["word"] in stick.disc_text.get_text()
    if posture == "rounded back":  # shear 744 N is past the 700 N action limit
        assert z == "caution"


def test_rounded_back_bends_the_lumbar_blocks_more():
    """L1's block turns forward of L5's (flexion, + clockwise from vertical) in a rounded back,
    backward (lordosis) in the textbook hinge: the curve shows which way the back bends."""
    def turn(posture):
        blocks, _ = anatomy.lumbar_blocks(result(posture).points["spine"])
        ups = [b[3] - b[0] for b in (blocks[0], blocks[-1])]  # left edge, bottom to top
        a = [np.arctan2(u[0], u[1]) for u in ups]
        return np.rad2deg(a[1] - a[0])
    assert turn("textbook hinge") < 0 < turn("rounded back")
    assert turn("rounded back") > turn("textbook hinge") + 5.0


def test_tapered_segment_is_wider_at_the_wider_end():
    outline = anatomy.tapered_segment([0, 0], [0, -0.4], 0.08, 0.05)
    near_a = outline[np.abs(outline[:, 1]) < 0.001]
    near_b = outline[np.abs(outline[:, 1] + 0.4) < 0.001]
    assert np.ptp(near_a[:, 0]) == pytest.approx(0.16)
    assert np.ptp(near_b[:, 0]) == pytest.approx(0.10)


def test_place_labels_separates_two_labels_and_reports_no_room():
    from matplotlib.figure import Figure
    fig = Figure(figsize=(4, 4), dpi=72)
    ax = fig.add_axes((0, 0, 1, 1), xlim=(0, 1), ylim=(0, 1), aspect="equal")
    a = ax.text(0.5, 0.5, "first label", fontsize=12)
    b = ax.text(0.5, 0.5, "second label", fontsize=12)
    assert place_labels(ax, [b], [a], np.empty((0, 2)), 288.0) == []
    r = fig._get_renderer()
    assert not a.get_window_extent(r).overlaps(b.get_window_extent(r))
    crowd = [ax.text(0.5, 0.5, "x" * 30, fontsize=40) for _ in range(40)]
    assert place_labels(ax, crowd, [], np.empty((0, 2)), 288.0)  # too many to fit


@pytest.mark.parametrize("style", ["default", "projector", "high contrast"])
def test_gauge_names_and_values_never_overlap(style):
    fig = viz.posture_figure(result("squatty hinge", "tall lifter", mass=100.0), style=style)
    renderer = fig._get_renderer()
    gauges_ax = fig.axes[1]
    texts = [t for t in _visible_texts(fig) if t.axes is gauges_ax]
    assert any("over the limit" in t.get_text() for t in texts)
    for a, b in itertools.combinations(texts, 2):
        assert not a.get_window_extent(renderer).overlaps(b.get_window_extent(renderer)), (
            a.get_text(), b.get_text())


def _rep(fps):
    body = hs.presets.lifter("average man")
    return hs.simulate(body, hs.presets.posture("standing"), hs.presets.posture("textbook hinge"),
                       "1-0-1-0", hs.presets.load("RDL", 40), fps=fps)


def test_rep_movie_plays_at_real_speed_from_frames_the_browser_holds():
    from hinge_sim.ui.playback import RepMovie
    from hinge_sim.ui.player import FramePlayer
    rep = _rep(60)
    movie = RepMovie(rep)
    # 60 frames/s thinned to every second frame: 30 frames/s, each shown 1/30 s
    assert movie.interval_ms == 33
    assert 1000.0 / movie.interval_ms >= 30.0
    assert movie.frames == len(movie.player.frames) == (len(rep.t) + 1) // 2
    assert np.allclose(np.diff(movie.frame_times), movie.interval_ms / 1000.0, atol=0.001)
    duration = movie.frames * movie.interval_ms / 1000.0
    assert duration == pytest.approx(rep.t[-1] + 1 / 30, rel=0.02)  # real speed, 1 % from whole ms
    # the browser plays the frames at their own times, with a label each
    assert isinstance(movie.widget, FramePlayer) and movie.player.frames == movie.pngs
    assert movie.player.times == pytest.approx(movie.frame_times.tolist())
    assert movie.player.labels[0] == "0.00 s · lowering"
    assert len(movie.player.labels) == movie.frames
    assert not movie.player.stale
    assert len(set(movie.pngs)) > movie.frames // 2  # frames differ as the lifter moves


@pytest.mark.parametrize("fps, kwargs, match", [
    (20, {}, "rep fps = 20"), (60, {"fps": 20}, "fps = 20"), (60, {"fps": 90}, "fps = 90")])
def test_rep_movie_refuses_a_slow_rep_or_a_wrong_rate(fps, kwargs, match):
    from hinge_sim.ui.playback import RepMovie
    with pytest.raises(ValueError, match=match):
        RepMovie(_rep(fps), **kwargs)
