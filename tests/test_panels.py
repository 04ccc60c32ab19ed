"""The panels from Python, as a user would drive them: every control changes
the figure and the model, the same value changes nothing, problems show as
words and keep the last good figure, and many changes leak nothing."""
import gc
import tracemalloc

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pytest

from hinge_sim.ui import Compare, Explorer, TempoPlayer

DPI = 30  # small renders keep the tests quick; pixels still change

# control -> a new value that keeps the start pose possible
EXPLORER_CHANGES = {
    "lifter": "tall lifter", "stature": 1.70, "mass": 90.0, "sex": "female", "thigh": 1.05,
    "shank": 1.05, "torso": 0.95, "arm": 1.05, "slr": 60.0, "posture": "squatty hinge",
    "knee": 30.0, "hip": 75.0, "lumbar": 15.0, "bar": 0.05, "load": 60.0, "units": "lb",
    "exercise": "dowel", "bracing": 0.5, "ghost": "standing", "weight_shift": 0.3,
    "strength": "trained",
}
LIMITS = {"dorsiflexion"}  # a mobility limit: changes the model only where the pose meets it
VIEW_ONLY = {"units", "ghost"}  # change the picture and words, not the model
GRIP_ONLY = {"arm"}  # moves the grip, not the still pose's loads (see the arm test)
STRENGTH_ONLY = {"strength"}  # the strength check's words, not the loads (see its test)


def signature(result):
    return (float(result.disc["compression"]), float(result.moments["hip"]),
            tuple(result.points["head"]))


def descendants(widget):
    """Every widget inside ``widget`` (depth first), ``widget`` included."""
    yield widget
    for child in getattr(widget, "children", ()):
        yield from descendants(child)


@pytest.fixture
def explorer():
    return Explorer(dpi=DPI)


def test_explorer_has_every_control_of_the_contract(explorer):
    expected = {"lifter", "stature", "mass", "sex", "thigh", "shank", "torso", "arm", "slr",
                "knee", "hip", "lumbar", "bar", "load", "units", "exercise", "bracing",
                "posture", "overlays", "reset", "freeze"}
    assert expected <= set(explorer.controls)
    assert (set(EXPLORER_CHANGES) | LIMITS | {"overlays", "reset", "freeze"}
            == set(explorer.controls))


@pytest.mark.parametrize("name", sorted(EXPLORER_CHANGES))
def test_explorer_control_changes_figure_and_model_and_same_value_nothing(explorer, name):
    png, sig, renders = explorer.png, signature(explorer.result), explorer.renders
    explorer.controls[name].value = EXPLORER_CHANGES[name]
    assert explorer.message == ""
    assert explorer.png != png
    if name not in VIEW_ONLY | GRIP_ONLY | STRENGTH_ONLY:
        assert signature(explorer.result) != sig
    png, sig, renders = explorer.png, signature(explorer.result), explorer.renders
    explorer.controls[name].value = EXPLORER_CHANGES[name]
    assert (explorer.png, signature(explorer.result), explorer.renders) == (png, sig, renders)


def test_explorer_strength_menu_measures_the_same_moments_against_trained_lifters():
    """Trained lifters hold more (model/strength.py): the same hip moment is held by a
    larger share of them, and the gauge words say so."""
    ex = Explorer(dpi=20)
    share = float(ex.result.metrics["capable_hip"])
    ex.set(strength="trained")
    assert ex.body.strength == "trained" and ex.message == ""
    trained = float(ex.result.metrics["capable_hip"])
    assert trained > share
    assert f"{min(trained * 100, 99):.0f}% of the reference lifters" in ex.readout \
        or ">99% of the reference lifters" in ex.readout


def test_explorer_arm_length_moves_the_grip_and_leaves_the_still_loads():
    """A longer arm lowers the grip and changes no load of a still pose.

    The bar stays where the posture puts it (over the midfoot) and the trunk
    keeps its angles, so the straight arm reaches from the same shoulder to the
    same horizontal bar position: only the grip's height changes, to keep the
    arm's new length. The arm's centre of mass sits at a fixed fraction of the
    shoulder-grip line, so its horizontal position is unchanged too, and in
    statics every joint moment depends on horizontal positions only: the
    moments and the disc loads must stay the same to round-off.
    """
    explorer = Explorer(dpi=DPI)
    before, png = explorer.result, explorer.png
    explorer.controls["arm"].value = EXPLORER_CHANGES["arm"]
    after = explorer.result
    assert explorer.message == "" and explorer.png != png
    reach = after.points["hand"] - after.points["shoulder"]
    assert np.hypot(*reach) == pytest.approx(explorer.body.segments["arm"].length, rel=1e-9)
    assert after.points["hand"][0] == pytest.approx(before.points["hand"][0], abs=1e-12)
    assert after.points["hand"][1] < before.points["hand"][1] - 0.01
    for joint in ("hip", "knee", "l5s1"):
        assert float(after.moments[joint]) == pytest.approx(float(before.moments[joint]), rel=1e-9)
    for load in ("compression", "shear"):
        assert float(after.disc[load]) == pytest.approx(float(before.disc[load]), rel=1e-9)


@pytest.mark.parametrize("index", range(5))
def test_explorer_each_overlay_toggle_changes_the_figure(explorer, index):
    button = explorer.controls["overlays"].children[index]
    png = explorer.png
    button.value = not button.value
    assert explorer.png != png and explorer.message == ""
    assert (button.description in explorer.overlays) == button.value


def test_explorer_freeze_and_reset(explorer):
    start = explorer.png
    explorer.set(hip=60, knee=25)
    moved = explorer.png
    explorer.controls["freeze"].click()
    assert explorer.png != moved and "frozen" in explorer.controls["ghost"].value
    explorer.controls["reset"].click()
    assert explorer.png == start and explorer.controls["hip"].value == 85


def test_explorer_units_change_slider_and_readout(explorer):
    explorer.set(units="lb")
    slider = explorer.controls["load"]
    assert "lb" in slider.description and slider.value == pytest.approx(88.0, abs=1.3)
    assert " lb " in explorer.readout and explorer.load_kg == pytest.approx(40, abs=0.6)


def test_explorer_deadlift_puts_plates_on_floor(explorer):
    from hinge_sim.model.constants import PLATE_RADIUS
    explorer.set(exercise="deadlift")
    assert explorer.message == ""
    assert explorer.result.points["bar"][1] == pytest.approx(PLATE_RADIUS, abs=1e-3)
    assert "floor" in explorer.readout and explorer.controls["hip"].disabled


def test_explorer_deadlift_starts_from_the_calibrated_floor_setup(explorer):
    import hinge_sim as hs
    from hinge_sim.model.constants import PLATE_RADIUS
    explorer.set(exercise="deadlift")
    setup = hs.presets.deadlift_setup(explorer.body, hs.presets.load("deadlift", 40.0))
    for name, value in hs.presets.DEADLIFT_SETUP.items():
        assert explorer.controls[name].value == pytest.approx(value)
    assert explorer.controls["hip"].value == pytest.approx(float(setup.hip), abs=0.5)
    # the set-up's own rounding, not extra rounding forced by tight hamstrings
    assert float(explorer.result.metrics["lumbar_flexion"]) == pytest.approx(
        hs.presets.DEADLIFT_SETUP["lumbar"], abs=1.0)
    hip = explorer.controls["hip"].value
    explorer.set(knee=85)  # the learner straightens the knees: the plates stay on the floor
    assert explorer.message == "" and explorer.controls["knee"].value == 85
    assert explorer.result.points["bar"][1] == pytest.approx(PLATE_RADIUS, abs=1e-3)
    assert explorer.controls["hip"].value != hip
    # values given with the exercise win over the set-up
    other = Explorer(dpi=DPI).set(knee=90, exercise="deadlift")
    assert other.controls["knee"].value == 90 and other.message == ""
    # a panel that starts as a deadlift starts (and resets) from the same set-up
    start = Explorer(exercise="deadlift", dpi=DPI)
    assert start.controls["knee"].value == hs.presets.DEADLIFT_SETUP["knee"]
    start.set(knee=110)
    start.reset()
    assert start.controls["knee"].value == hs.presets.DEADLIFT_SETUP["knee"]


@pytest.mark.parametrize("bad", [dict(hip=140, knee=0), dict(stature=1.2, hip=140)])
def test_explorer_impossible_pose_shows_message_and_keeps_figure(explorer, bad):
    png, sig = explorer.png, signature(explorer.result)
    explorer.set(**bad)
    assert explorer.message.startswith("This pose is not possible")
    assert "Not possible" in explorer.message_html.value
    assert explorer.png == png and signature(explorer.result) == sig
    explorer.set(hip=85, knee=20, stature=1.77)
    assert explorer.message == "" and explorer.message_html.value == ""


def test_explorer_callback_never_raises(explorer, monkeypatch):
    png = explorer.png

    def boom():
        raise RuntimeError("model broke")
    monkeypatch.setattr(explorer, "_compute", boom)
    explorer.controls["knee"].value = 25  # must not raise
    assert "model broke" in explorer.message.lower() and explorer.png == png


def test_explorer_show_hides_controls_but_they_still_work():
    ex = Explorer(show=["hip"], dpi=DPI)
    shown = list(descendants(ex.widget))
    assert ex.controls["hip"] in shown and ex.controls["knee"] not in shown
    png = ex.png
    ex.controls["knee"].value = 30
    assert ex.png != png
    with pytest.raises(ValueError, match="show"):
        Explorer(show=["elbow"])


def test_explorer_weight_shift_and_ankle_mobility_sliders():
    """Lessons 3 and 4 move the weight to heels or toes and stiffen the ankles from
    the panel; the full panel keeps both hidden unless ``show`` names them."""
    import hinge_sim as hs
    full = Explorer(dpi=DPI)
    shown = set(descendants(full.widget))
    assert not {full.controls["weight_shift"], full.controls["dorsiflexion"]} & shown
    ex = Explorer(show=["weight_shift", "dorsiflexion"], dpi=DPI)
    shown = set(descendants(ex.widget))
    assert {ex.controls["weight_shift"], ex.controls["dorsiflexion"]} <= shown
    body, load = hs.presets.lifter("average man"), hs.presets.load("RDL", 40.0)
    cop = float(ex.result.cop_x)
    ex.set(weight_shift=0.4)
    expect = hs.analyze(body, hs.Posture(knee=20, hip=85, lumbar=5, weight_shift=0.4), load)
    assert ex.message == "" and float(ex.result.cop_x) == pytest.approx(float(expect.cop_x))
    assert float(ex.result.cop_x) > cop  # toward the toes
    ex.set(posture="squatty hinge")
    assert ex.message == "" and ex.controls["weight_shift"].value == 0.0  # a preset: midfoot
    ex.set(dorsiflexion=15)  # stiff ankles: the squatty hinge is out of reach
    stiff = hs.analyze(hs.Body(stature=1.77, mass=78, sex="male", dorsiflexion=15),
                       hs.presets.posture("squatty hinge"), load)
    assert not stiff.balanced and ex.message.startswith("This pose is not possible")
    ex.set(dorsiflexion=40)
    assert ex.message == "" and ex.body.dorsiflexion == 40


def test_explorer_bad_arguments_name_the_parameter():
    with pytest.raises(ValueError, match="lifter"):
        Explorer(lifter="giant")
    with pytest.raises(ValueError, match="posture"):
        Explorer(presets=["textbook hinge", "handstand"])
    with pytest.raises(ValueError, match="style"):
        Explorer(style="poster")


def test_panels_display_and_css_classes():
    for panel in (Explorer(dpi=DPI), TempoPlayer(dpi=DPI), Compare(dpi=DPI)):
        bundle = panel._repr_mimebundle_()
        assert "application/vnd.jupyter.widget-view+json" in bundle
        assert "hinge-figure" in panel.image._dom_classes
        assert "hinge-readout" in panel.readout_html._dom_classes
        assert "hinge-message" in panel.message_html._dom_classes
        assert panel.readout and panel.png


@pytest.mark.parametrize("style", ["default", "projector"])
@pytest.mark.parametrize("show", [None, ["bar"]])
def test_explorer_figure_spans_the_width_with_the_controls_under_it(style, show):
    """Beside a column of controls the figure was shrunk to ~2/3 (7 px text on a
    laptop); it now comes first, at its natural width, controls below."""
    ex = Explorer(style=style, show=show, dpi=DPI)
    order = [w for w in descendants(ex.widget)
             if w is ex.image or isinstance(w, widgets.FloatSlider)]
    assert order[0] is ex.image and len(order) > 1
    assert all(a is not ex.image for a in order[1:])
    assert ex.image.layout.width in (None, "") and ex.image.layout.max_width == "100%"
    assert ex.image.layout.align_self == "flex-start"  # not stretched (blurred) by its box
    row = [box for box in descendants(ex.widget) if ex.image in getattr(box, "children", ())]
    assert all(isinstance(box, widgets.VBox) for box in row)


def test_control_labels_fit_their_description_width():
    """No label cut to "bar from midfo…": each description's width in DejaVu Sans
    (a wide font) plus the label's 8 px padding fits the description width (em)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextPath

    font = FontProperties(family="DejaVu Sans", size=100)
    panels = (Explorer(dpi=DPI), TempoPlayer(dpi=DPI), Compare(dpi=DPI))
    checked = 0
    for w in (w for p in panels for w in descendants(p.widget)):
        width = getattr(getattr(w, "style", None), "description_width", "")
        if not width or not getattr(w, "description", ""):
            continue
        assert width.endswith("em"), (w.description, width)
        need = TextPath((0, 0), w.description, prop=font).get_extents().width / 100 + 8 / 13
        assert need <= float(width[:-2]), (w.description, need, width)
        checked += 1
    assert checked >= 20


@pytest.mark.parametrize("make", [Explorer, TempoPlayer, Compare])
def test_projector_style_enlarges_the_widgets_too(make):
    import re

    def css(panel):
        return [w.value for w in panel.widget.children
                if isinstance(w, widgets.HTML) and "<style>" in w.value]

    big, small = make(style="projector", dpi=DPI), make(dpi=DPI)
    assert "hinge-projector" in big.widget._dom_classes
    assert "hinge-projector" not in small.widget._dom_classes
    assert not any(".hinge-projector" in sheet for sheet in css(small))
    (style,) = css(big)
    sizes = [int(px) for px in re.findall(r"font-size:\s*(\d+)px", style)]
    assert sizes and min(sizes) >= 20
    assert ".hinge-projector .widget-label" in style


@pytest.mark.parametrize("make", [Explorer, TempoPlayer, Compare])
def test_no_icon_only_buttons(make):
    """Voila offline has no icon font: every shown button says what it does in
    words; the Play widget (icon buttons only) is hidden behind text buttons."""
    panel = make(dpi=DPI)
    for w in descendants(panel.widget):
        if isinstance(w, (widgets.Button, widgets.ToggleButton)):
            assert w.description.strip() and not w.icon, w
        if isinstance(w, widgets.Play):
            assert w.layout.display == "none"


def test_tempo_player_plays_from_frames_the_browser_holds():
    """The figure is a FramePlayer: after a change it shows the kernel's still (poster)
    and makes the rep's frames once when the browser asks; each is the kernel's picture."""
    tp = TempoPlayer(dpi=DPI)
    player = tp.player
    assert player in list(descendants(tp.widget))
    assert not any(isinstance(w, (widgets.Play, widgets.IntSlider)) for w in descendants(tp.widget))
    assert player.stale and player.frames == [] and player.poster == tp.png
    version = player.version
    player._on_msg(player, {"want": "frames"}, [])  # what the browser sends
    assert not player.stale and len(player.frames) == len(tp.rep.t)
    assert player.frames[0] == tp.png
    at = round(2.0 * tp.fps)  # the frame shown at 2 s
    tp.goto(2.0)  # the readout follows; the picture is the browser's frame
    assert player.index == at and tp.readout.startswith("2.00 s")
    assert tp.png == player.frames[at] and player.poster == player.frames[0]
    tp.controls["tempo"].value = "3-1-3-0"  # a new rep: a new poster, frames to make again
    assert player.stale and player.version == version + 1 and len(player.times) == len(tp.rep.t)
    assert player.poster == tp.png and player.index == at
    player.fill()
    assert player.frames[at] == tp.png and len(set(player.frames)) > len(player.frames) // 2


TEMPO_CHANGES = {"tempo": "2-0-2-1", "bracing": 0.8, "load": 70.0, "units": "lb"}


@pytest.mark.parametrize("name", sorted(TEMPO_CHANGES))
def test_tempo_player_controls(name):
    tp = TempoPlayer(dpi=DPI)
    png, rep, renders = tp.png, tp.rep, tp.renders
    tp.controls[name].value = TEMPO_CHANGES[name]
    assert tp.message == "" and tp.png != png
    if name in ("tempo", "bracing", "load"):
        assert tp.rep is not rep
    png, rep, renders = tp.png, tp.rep, tp.renders
    tp.controls[name].value = TEMPO_CHANGES[name]
    assert (tp.png, tp.rep, tp.renders) == (png, rep, renders)


def test_tempo_player_plays_at_real_speed_and_scrubs():
    tp = TempoPlayer(fps=20, tempo="3-1-1-0", dpi=DPI)
    times = np.asarray(tp.player.times)
    assert np.allclose(times, tp.rep.t) and np.allclose(np.diff(times), 0.05)
    assert tp.player.labels[40] == "2.00 s · lowering"
    png = tp.png
    tp.player.index = 40  # a pause or a scrub in the browser
    assert tp.readout.startswith("2.00 s") and tp.png != png
    tp.goto(4.5)
    assert "rising" in tp.readout and "exhale" in tp.readout
    s = tp.summary
    assert s["time under tension"] == pytest.approx(5.0)
    assert f"{s['peak compression']:.0f} N" in tp.summary_html.value


def test_tempo_player_bad_tempo_message_keeps_figure():
    tp = TempoPlayer(dpi=DPI)
    png, rep = tp.png, tp.rep
    tp.controls["tempo"].value = "fast"
    assert "tempo" in tp.message.lower() and tp.png == png and tp.rep is rep
    with pytest.raises(ValueError, match="t ="):
        tp.goto(99.0)


COMPARE_CHANGES = {"left_lifter": "long femurs", "left_posture": "squatty hinge",
                   "right_lifter": "short lifter", "right_posture": "textbook hinge",
                   "exercise": "dowel", "load": 80.0, "units": "lb"}


@pytest.mark.parametrize("name", sorted(COMPARE_CHANGES))
def test_compare_controls(name):
    cmp = Compare(dpi=DPI)
    png, table, renders = cmp.png, cmp.table, cmp.renders
    cmp.controls[name].value = COMPARE_CHANGES[name]
    assert cmp.message == "" and cmp.png != png
    if name != "units":
        assert cmp.table != table
    png, table, renders = cmp.png, cmp.table, cmp.renders
    cmp.controls[name].value = COMPARE_CHANGES[name]
    assert (cmp.png, cmp.table, cmp.renders) == (png, table, renders)


def test_compare_table_has_units_and_differences():
    cmp = Compare(left=dict(lifter="long femurs"), right=dict(lifter="long torso"), dpi=DPI)
    rows = {r[0] + r[1].split(" ", 1)[1]: r for r in cmp.table}
    hip = [r for r in cmp.table if r[0] == "hip to bar"][0]
    left, right = (float(cmp.results[s].metrics["hip_to_bar"]) * 100 for s in ("left", "right"))
    from hinge_sim.viz import number
    assert hip[1] == f"{left:.0f} cm" and hip[3] == f"{number(right - left, sign=True)} cm"
    assert any("N·m" in r[1] for r in cmp.table) and any(r[1].endswith(" N") for r in cmp.table)
    assert "hinge-table" in cmp.table_html.value and rows


def test_compare_table_has_lumbar_flexion_and_dowel_gap():
    cmp = Compare(left=dict(lifter="average man"), right=dict(lifter="tight hamstrings"),
                  dpi=DPI)
    rows = {r[0]: r for r in cmp.table}
    left, right = (cmp.results[s] for s in ("left", "right"))
    lum = [float(r.metrics["lumbar_flexion"]) for r in (left, right)]
    gap = [float(r.metrics["dowel_gap"]) * 100 for r in (left, right)]
    assert rows["lumbar flexion"][1:3] == (f"{lum[0]:.0f} °", f"{lum[1]:.0f} °")
    assert rows["dowel gap"][1:3] == (f"{gap[0]:.1f} cm", f"{gap[1]:.1f} cm")
    assert rows["dowel gap"][3] == f"{gap[1] - gap[0]:+.1f} cm" and gap[1] > gap[0] + 1


def test_compare_same_pair_shows_no_signed_zero():
    cmp = Compare(left=dict(posture="textbook hinge"), right=dict(posture="textbook hinge"),
                  dpi=DPI)
    assert all(row[3].split()[0].strip("0.") == "" and not row[3].startswith(("+", "-"))
               for row in cmp.table), cmp.table


def test_explorer_dowel_readout_gives_the_gap():
    ex = Explorer(lifter="tight hamstrings", exercise="dowel", dpi=DPI).set(hip=90, lumbar=0)
    gap = float(ex.result.metrics["dowel_gap"]) * 100
    assert f"dowel gap {gap:.1f} cm" in ex.readout and gap > 1
    assert "from midfoot" not in ex.readout and " kg" not in ex.readout


def test_compare_problem_keeps_figure(monkeypatch):
    cmp = Compare(dpi=DPI)
    png = cmp.png

    def refuse(side):
        raise ValueError("with the knees bent 5° the plates cannot reach the floor")
    monkeypatch.setattr(cmp, "_side", refuse)
    cmp.controls["load"].value = 50
    assert cmp.message.startswith("Left: with the knees") and cmp.png == png


@pytest.mark.slow
def test_1000_explorer_slider_changes_every_50th_rendered_leak_nothing():
    """1000 slider changes through the widget callbacks (model and artists
    updated each time; every 50th change rendered to PNG, to keep this test
    short) leave the open figure count constant and memory growth small."""
    ex = Explorer(dpi=20)
    render, count = ex._render, [0]

    def every_50th():
        count[0] += 1
        if count[0] % 50 == 0:
            render()
    ex._render = every_50th
    for i in range(20):  # warm-up: caches fill
        ex.controls["hip"].value = 60 + i
    gc.collect()
    figures = plt.get_fignums()
    tracemalloc.start()
    start = tracemalloc.get_traced_memory()[0]
    for i in range(1000):
        ex.controls["hip"].value = 60 + (i % 40)
    gc.collect()
    grown = tracemalloc.get_traced_memory()[0] - start
    tracemalloc.stop()
    assert count[0] >= 1000 and ex.message == ""
    assert plt.get_fignums() == figures
    assert grown < 10e6, f"memory grew by {grown / 1e6:.1f} MB"


def test_explorer_sliders_span_the_model_valid_ranges(explorer):
    """One table of ranges: every posture, body and bracing slider offers
    exactly the range the model accepts, so no slider value is refused."""
    from hinge_sim.model import limits
    for name in ("stature", "mass", "thigh", "shank", "torso", "arm", "slr", "dorsiflexion",
                 "knee", "hip", "lumbar", "bar", "weight_shift", "bracing"):
        slider = explorer.controls[name]
        valid = limits.LIMITS[name]
        assert (slider.min, slider.max) == (valid.low, valid.high), name
    assert explorer.controls["load"].max <= limits.LIMITS["load mass"].high


# -- Reset on every panel, presets out of reach, the side-by-side layout --------------

def test_compare_reset_returns_every_control_to_the_start():
    cmp = Compare(dpi=DPI)
    start = {k: w.value for k, w in cmp.controls.items() if hasattr(w, "value")}
    png = cmp.png
    cmp.controls["units"].value = "lb"
    cmp.controls["load"].value = 110.0
    cmp.controls["left_lifter"].value = "long torso"
    cmp.controls["right_posture"].value = "squatty hinge"
    cmp.controls["exercise"].value = "deadlift"
    assert cmp.message == "" and cmp.png != png
    cmp.controls["reset"].click()
    assert {k: w.value for k, w in cmp.controls.items() if hasattr(w, "value")} == start
    assert cmp.controls["load"].description == "load (kg)"
    assert cmp.message == "" and cmp.png == png


def test_tempo_player_reset_returns_every_control_to_the_start():
    tp = TempoPlayer(dpi=DPI)
    names = ("tempo", "bracing", "load", "units")
    start = {k: tp.controls[k].value for k in names}
    png, summary = tp.png, dict(tp.summary)
    tp.controls["tempo"].value = "2-0-X-1"
    tp.controls["units"].value = "lb"
    tp.controls["bracing"].value = 0.5
    tp.player.loop, tp.player.playing = True, True
    tp.goto(1.0)
    assert tp.message == "" and tp.png != png and tp.summary != summary
    tp.controls["reset"].click()
    assert {k: tp.controls[k].value for k in names} == start
    assert tp.player.index == 0 and not tp.player.playing and not tp.player.loop
    assert tp.summary == summary and tp.png == png


def test_reset_is_one_shared_method():
    """One Reset for every panel (ui/panel.py), not a copy in each."""
    from hinge_sim.ui.panel import Panel
    for make in (Compare, TempoPlayer):
        assert make.reset is Panel.reset
    for panel in (Explorer(dpi=DPI), Compare(dpi=DPI), TempoPlayer(dpi=DPI)):
        button = panel.controls["reset"]
        assert button.description == "Reset" and button in set(descendants(panel.widget))


def test_a_preset_the_lifter_cannot_take_leaves_menu_and_figure_agreeing():
    """Issue 14: the tall lifter cannot take the squatty hinge (the bar would pass
    through his legs); the menu kept the new name while the figure kept the old pose."""
    ex = Explorer(lifter="tall lifter", dpi=DPI)
    png, sig = ex.png, signature(ex.result)
    sliders = {k: ex.controls[k].value for k in ("knee", "hip", "lumbar", "bar")}
    ex.controls["posture"].value = "squatty hinge"
    assert ex.controls["posture"].value == "textbook hinge"  # back at the pose shown
    assert {k: ex.controls[k].value for k in sliders} == sliders
    assert ex.png == png and signature(ex.result) == sig
    message = ex.message
    assert message.startswith("The tall lifter cannot take the squatty hinge")
    assert "bar would pass through the legs" in message and "textbook hinge" in message
    assert "Traceback" not in message and "ValueError" not in message
    # the same from the other menu: the lifter who cannot take the pose shown
    ok = Explorer(posture="squatty hinge", dpi=DPI)
    png = ok.png
    ok.controls["lifter"].value = "tall lifter"
    assert ok.controls["lifter"].value == "average man" and ok.png == png
    assert ok.controls["stature"].value == pytest.approx(1.77)
    assert ok.message.startswith("The tall lifter cannot take the squatty hinge")
    # a pose the lifter can take clears the message
    ex.controls["posture"].value = "rounded back"
    assert ex.message == "" and ex.controls["posture"].value == "rounded back"


def test_compare_menu_out_of_reach_goes_back():
    cmp = Compare(right=dict(lifter="tall lifter", posture="textbook hinge"), dpi=DPI)
    png = cmp.png
    cmp.controls["right_posture"].value = "squatty hinge"
    assert cmp.controls["right_posture"].value == "textbook hinge" and cmp.png == png
    assert "right pose is not possible" in cmp.message and "textbook hinge" in cmp.message


@pytest.mark.parametrize("make", [Explorer, Compare, TempoPlayer])
def test_side_layout_puts_the_controls_beside_the_figure(make):
    """``layout="side"``: one flex row that wraps, figure's column first, the
    controls' column second, and the key controls at the top of it."""
    panel = make(style="projector", layout="side", dpi=DPI)
    view, column = panel.widget.children[-2:]
    assert panel.widget.layout.flex_flow == "row wrap"
    assert "hinge-view" in view._dom_classes and "hinge-controls" in column._dom_classes
    assert view.children[0] is getattr(panel, "player", panel.image)  # the rep's player
    assert panel.controls["reset"] in set(descendants(column))
    key = {Explorer: "posture", Compare: "left_lifter", TempoPlayer: "tempo"}[make]
    first = [w for w in descendants(column) if isinstance(w, (widgets.Dropdown, widgets.Text))]
    assert first[0] is panel.controls[key]
    with pytest.raises(ValueError, match="layout"):
        make(layout="grid", dpi=DPI)


def test_steps_show_panels_as_tabs_with_their_css():
    from hinge_sim.ui import Steps
    from hinge_sim.ui.steps import STEPS_CSS
    ex, tp = Explorer(layout="side", dpi=DPI), TempoPlayer(layout="side", dpi=DPI)
    steps = Steps([("Explore", ex), ("Tempo", tp)])
    assert steps.tabs.children == (ex.widget, tp.widget)
    assert steps.tabs.titles == ("1. Explore", "2. Tempo") and steps.tabs.selected_index == 0
    assert "hinge-steps" in steps.widget._dom_classes
    assert any(getattr(w, "value", "") == STEPS_CSS for w in steps.widget.children)
    assert "application/vnd.jupyter.widget-view+json" in steps._repr_mimebundle_()
    with pytest.raises(TypeError, match="steps"):
        Steps([("Explore", ex.widget)])
    with pytest.raises(ValueError, match="steps"):
        Steps([])
