"""The matplotlib views: zones, words, in-place updates, fixed scale, palette."""
import io
import itertools

import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

import hinge_sim as hs
from hinge_sim import viz
from hinge_sim.model.constants import COMPRESSION_LIMITS, SHEAR_LIMITS
from hinge_sim.viz.styles import ZONES


def result(posture="textbook hinge", lifter="average man", exercise="RDL", mass=40.0):
    return hs.analyze(hs.presets.lifter(lifter), hs.presets.posture(posture),
                      hs.presets.load(exercise, mass))


def pixels(png):
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=float)


@pytest.mark.parametrize("limits", [COMPRESSION_LIMITS, SHEAR_LIMITS])
def test_zone_edges_follow_the_limits(limits):
    action, top = limits
    assert viz.zone(action * 0.99, action, top)[0] == "safe"
    assert viz.zone(action, action, top)[0] == "caution"
    assert viz.zone(top * 0.99, action, top)[0] == "caution"
    assert viz.zone(top, action, top)[0] == "over"
    assert viz.zone(-top * 1.1, action, top)[0] == "over"  # magnitude counts
    assert f"{action:.0f}" in viz.zone(action * 0.5, action, top)[1]


def test_gauge_text_says_zone_in_words_and_body_weights():
    r = result()
    text = viz.gauge_text(r, 78.0)
    comp = float(r.disc["compression"])
    z, words = viz.zone(comp, *COMPRESSION_LIMITS)
    assert f"{comp:.0f} N" in text and words in text and ZONES[z]["word"] in text
    assert f"{hs.units.body_weights(comp, 78.0):.1f} × body weight" in text
    assert "40 kg" in text and "88 lb" in viz.gauge_text(r, 78.0, units="lb")
    with pytest.raises(ValueError, match="units"):
        viz.gauge_text(r, 78.0, units="stone")


def test_every_gauge_row_has_a_zone_word_or_no_zone():
    rows = viz.gauge_rows(result("rounded back"), 78.0)
    for row in rows:
        if row.get("zone"):
            assert row["short"] and row["text"]  # words beside the colour
            assert ZONES[row["zone"]]["hatch"] or row["zone"] == "safe"


def test_posture_figure_makes_no_pyplot_figure_and_a_png():
    before = plt.get_fignums()
    png = viz.to_png(viz.posture_figure(result(), overlays=viz.OVERLAYS), dpi=40)
    assert plt.get_fignums() == before
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def test_rounded_spine_is_drawn_differently_from_neutral():
    fig, stick, gauges = viz.posture_layout()
    r = result()
    stick.update(r)
    neutral = stick.spine.get_xydata().copy()
    r2 = hs.analyze(hs.presets.lifter("average man"), hs.Posture(knee=20, hip=85, lumbar=40),
                    hs.presets.load("RDL", 40))
    stick.update(r2)
    rounded = stick.spine.get_xydata()
    # the rounded curve bows further from its chord
    def bow(p):
        a, b = p[0], p[-1]
        d = b - a
        q = p - a
        return np.max(np.abs(d[0] * q[:, 1] - d[1] * q[:, 0]) / np.hypot(*d))
    assert bow(rounded) > bow(neutral) + 0.02


def test_update_in_place_keeps_the_artist_count_and_same_input_same_pixels():
    fig, stick, gauges = viz.posture_layout()
    r, g = result(), result("rounded back")
    renderer = viz.Renderer(fig)
    stick.update(r, overlays=viz.OVERLAYS)
    gauges.update(r, 78)
    first = renderer.png(40)
    n = len(fig.findobj())
    stick.update(g, ghost=r, overlays=viz.OVERLAYS)
    gauges.update(g, 78)
    other = renderer.png(40)
    stick.update(r, overlays=viz.OVERLAYS)
    gauges.update(r, 78)
    assert renderer.png(40) == first != other
    assert len(fig.findobj()) == n


def test_fast_render_matches_full_render():
    fig, stick, gauges = viz.posture_layout()
    renderer = viz.Renderer(fig)
    for posture in ("textbook hinge", "rounded back"):  # second one is a blit
        r = result(posture)
        stick.update(r, ghost=result("standing"), overlays=viz.OVERLAYS)
        gauges.update(r, 78)
        fast = pixels(renderer.png())
    full = pixels(viz.to_png(fig))
    assert fast.shape == full.shape
    assert np.mean(np.any(np.abs(fast - full) > 40, axis=-1)) < 0.002


def test_view_box_is_the_same_for_every_lifter():
    limits = []
    for lifter in ("short lifter", "tall lifter"):
        fig, stick, _ = viz.posture_layout()
        stick.update(result(lifter=lifter))
        limits.append((stick.ax.get_xlim(), stick.ax.get_ylim()))
    assert limits[0] == limits[1] == (viz.VIEW["x"], viz.VIEW["y"])


@pytest.mark.parametrize("exercise, artist", [("RDL", "plate"), ("trap bar", "plate"),
                                              ("kettlebell", "bell"), ("dowel", "dowel")])
def test_each_load_is_drawn(exercise, artist):
    fig, stick, _ = viz.posture_layout()
    stick.update(result(exercise=exercise), load_kind=exercise, overlays=())
    assert getattr(stick, artist).get_visible()
    hidden = {"plate", "bell"} - {artist}
    assert not any(getattr(stick, a).get_visible() for a in hidden)


def test_unknown_overlay_or_load_is_refused():
    fig, stick, _ = viz.posture_layout()
    with pytest.raises(ValueError, match="overlays"):
        stick.update(result(), overlays=("comm",))
    with pytest.raises(ValueError, match="load_kind"):
        stick.update(result(), load_kind="sandbag")


def test_moment_arc_grows_with_the_moment():
    fig, stick, _ = viz.posture_layout()
    lengths = []
    for mass in (0.0, 100.0):
        stick.update(result(mass=mass), overlays=("moments",))
        xy = stick.arcs["hip"].get_xydata()
        xy = xy[~np.isnan(xy).any(axis=1)][:40]
        lengths.append(np.sum(np.hypot(*np.diff(xy, axis=0).T)))
    assert lengths[1] > lengths[0] * 1.3


def test_rep_plot_phases_cues_and_cursor():
    body = hs.presets.lifter("average man")
    rep = hs.simulate(body, hs.presets.posture("standing"), hs.presets.posture("textbook hinge"),
                      "3-1-1-0", hs.presets.load("RDL", 40), fps=20)
    spans = viz.phase_spans(rep)
    assert [s[0] for s in spans] == ["lowering", "bottom pause", "rising"]  # no top pause
    assert spans[0][1] == 0 and spans[-1][2] == pytest.approx(rep.t[-1])
    fig = viz.new_figure()
    plot = viz.RepPlot(fig)
    plot.update(rep)
    assert plot.cues["rising"].get_text().endswith(viz.BREATHING["rising"])
    assert plot.cues["top pause"].get_text() == ""
    renderer = viz.Renderer(fig)
    plot.set_cursor(1.0)
    a = renderer.png(40)
    plot.set_cursor(3.0)
    assert renderer.png(40) != a
    plot.set_cursor(1.0)
    assert renderer.png(40) == a


def test_frame_picks_one_still_posture():
    body = hs.presets.lifter("average man")
    rep = hs.simulate(body, hs.presets.posture("standing"), hs.presets.posture("textbook hinge"),
                      "2-0-2-0", hs.presets.load("RDL", 40), fps=20)
    f = viz.frame(rep, 10)
    assert f.points["hip"].shape == (2,)
    assert f.points["spine"].shape == rep.points["spine"].shape[1:]
    assert float(f.moments["hip"]) == rep.moments["hip"][10]
    with pytest.raises(ValueError, match="frame"):
        viz.frame(rep, len(rep.t))


def _deuteranopia(hex_colour):
    """Machado, Oliveira & Fernandes 2009, severity 1, on linear RGB."""
    c = np.array([int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]) / 255
    lin = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    m = np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                  [-0.011820, 0.042940, 0.968881]])
    return np.clip(m @ lin, 0, 1)


def test_zone_colours_stay_apart_for_deuteranopes_and_hatching_differs():
    for a, b in itertools.combinations(ZONES, 2):
        apart = _deuteranopia(ZONES[a]["color"]) - _deuteranopia(ZONES[b]["color"])
        assert np.linalg.norm(apart) > 0.15
        assert ZONES[a]["hatch"] != ZONES[b]["hatch"]


def test_projector_style_is_big():
    s = viz.STYLES["projector"]
    assert min(s["font"], s["small"], s["title"]) >= 16
    assert s["line"] > viz.STYLES["default"]["line"]


@pytest.mark.parametrize("shape", [(1, 1), (3, 7), (448, 800)])
def test_png_encoder_gives_back_the_same_pixels(shape):
    rgba = np.random.default_rng(1).integers(0, 256, shape + (4,), dtype=np.uint8)
    image = Image.open(io.BytesIO(viz.render.encode_png(rgba)))
    assert image.mode == "RGBA" and image.size == shape[::-1]
    assert np.array_equal(np.asarray(image), rgba)


def test_fast_png_decodes_to_the_figure_buffer():
    fig, stick, gauges = viz.posture_layout("projector")
    renderer = viz.Renderer(fig)
    for posture in ("textbook hinge", "rounded back"):  # a full draw, then a blit
        stick.update(result(posture), overlays=viz.OVERLAYS)
        gauges.update(result(posture), 78)
        decoded = np.asarray(Image.open(io.BytesIO(renderer.png())))
        assert np.array_equal(decoded, np.asarray(renderer.canvas.buffer_rgba()))


@pytest.mark.parametrize("bad", [np.zeros((4, 4, 3), np.uint8), np.zeros((4, 4, 4)),
                                 np.zeros((0, 4, 4), np.uint8), np.zeros((4, 4), np.uint8)])
def test_png_encoder_names_a_wrong_array(bad):
    with pytest.raises(ValueError, match=r"rgba: .*shape \(height >= 1, width >= 1, 4\)"):
        viz.render.encode_png(bad)


LABELS = ["3095 N · 4.0 × BW · safe", "hip to bar 21 cm", "knee 91 N·m", "-17.5°",
          "fifty 0123456789", "L5/S1 167 N·m", "100% of hip + knee", "7/1"]


def _font_sizes():
    return sorted({v for s in viz.STYLES.values() for k, v in s.items()
                   if k in ("font", "small", "title")})


@pytest.mark.parametrize("weight", ["normal", "bold"])
def test_digits_share_one_width_so_a_layout_serves_every_number(weight):
    """The "glyphs" way lays out and measures '0000 N' once for every four-digit number."""
    from matplotlib import ft2font
    from matplotlib.backends.backend_agg import FigureCanvasAgg, get_hinting_flag
    from matplotlib.font_manager import FontProperties

    if not hasattr(ft2font.FT2Font, "_layout"):
        pytest.skip("only the glyphs way shares layouts, and this matplotlib cannot take it")
    renderer = FigureCanvasAgg(viz.new_figure()).get_renderer()  # plain Agg
    for size in _font_sizes():
        prop = FontProperties(size=size, weight=weight)
        font = renderer._prepare_font(prop)
        for label in LABELS:
            template = viz.textcache.DIGITS.sub("0", label)
            assert (renderer.get_text_width_height_descent(label, prop, False)
                    == renderer.get_text_width_height_descent(template, prop, False)), label
            real = [i.x for i in font._layout(label, flags=get_hinting_flag())]
            assert real == [i.x for i in font._layout(template, flags=get_hinting_flag())]


@pytest.mark.parametrize("way", viz.textcache.WAYS)
def test_cached_text_sizes_are_agg_sizes(way):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.font_manager import FontProperties

    plain = FigureCanvasAgg(viz.new_figure()).get_renderer()
    cached = viz.textcache.install(FigureCanvasAgg(viz.new_figure()).get_renderer(), (way,))
    if viz.textcache.status(cached) != way:
        pytest.skip(f"this matplotlib cannot take the {way!r} way")
    viz.textcache.clear(everything=True)
    for size in _font_sizes():
        for weight in ("normal", "bold"):
            prop = FontProperties(size=size, weight=weight)
            for label in LABELS + [label.replace("0", "7") for label in LABELS]:
                assert (cached.get_text_width_height_descent(label, prop, False)
                        == plain.get_text_width_height_descent(label, prop, False)), label


def _label_canvas():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    fig = viz.new_figure("projector")
    ax = fig.add_axes((0, 0, 1, 1))
    for i, label in enumerate(LABELS):
        ax.text(0.05 + 0.013 * i, 0.95 - 0.11 * i, label, fontsize=16 + i % 3,
                fontweight="bold" if i % 2 else "normal", va="top")
    return FigureCanvasAgg(fig)


def _red(canvas):
    return np.asarray(canvas.buffer_rgba())[..., 0].astype(float)


def _draw_labels(ways=None):
    """Red channel of LABELS drawn by Agg, through the text cache if ``ways``;
    and the canvas's renderer."""
    canvas = _label_canvas()
    if ways is not None:
        viz.textcache.install(canvas.get_renderer(), ways)
    canvas.draw()
    return _red(canvas), canvas.get_renderer()


def _agg_draws_whole_strings():
    """True where Agg rasterises a string in one piece (matplotlib before 3.11)."""
    import matplotlib
    return tuple(int(p) for p in matplotlib.__version__.split(".")[:2]) < (3, 11)


@pytest.mark.parametrize("way", viz.textcache.WAYS)
def test_cached_text_looks_like_plain_agg_text(way):
    """Tolerance: the same ink within 2 %, its centre within half a pixel, fewer
    than 0.4 % of pixels off by more than 100 of 255; where Agg rasterises whole
    strings the "strings" way gives exactly Agg's pixels."""
    viz.textcache.clear(everything=True)
    plain, _ = _draw_labels()
    cached, renderer = _draw_labels((way,))
    if viz.textcache.status(renderer) != way:
        pytest.skip(f"this matplotlib cannot take the {way!r} way: "
                    f"{viz.textcache.status(renderer)}")
    again, _ = _draw_labels((way,))  # now every string comes from the cache
    assert np.array_equal(cached, again)
    ink = 255 - plain
    assert ink.sum() > 0
    assert abs((255 - cached).sum() / ink.sum() - 1) < 0.02
    def centre(img, axis):
        w = np.arange(img.shape[axis])
        return (w * (255 - img).sum(axis=1 - axis)).sum() / (255 - img).sum()

    for axis in (0, 1):
        assert abs(centre(cached, axis) - centre(plain, axis)) < 0.5
    assert np.mean(np.abs(cached - plain) > 100) < 0.004
    if way == "strings" and _agg_draws_whole_strings():
        assert np.array_equal(cached, plain)


def test_some_way_of_caching_text_works_on_this_matplotlib():
    _, renderer = _draw_labels(viz.textcache.WAYS)
    assert viz.textcache.status(renderer) in viz.textcache.WAYS


def test_a_missing_private_name_moves_to_the_next_way_then_to_plain_agg(monkeypatch):
    from matplotlib import ft2font
    monkeypatch.delattr(ft2font, "RenderMode", raising=False)  # absent before 3.10 anyway
    _, renderer = _draw_labels(viz.textcache.WAYS)
    assert viz.textcache.status(renderer) == "strings"
    plain, _ = _draw_labels()
    drawn, renderer = _draw_labels(("glyphs",))
    assert viz.textcache.status(renderer).startswith("plain (glyphs: matplotlib")
    assert "RenderMode" in viz.textcache.status(renderer)
    assert "draw_text" not in vars(renderer)  # Agg's own method, untouched
    assert np.array_equal(drawn, plain)


@pytest.mark.parametrize("when", ["install", "draw"])
@pytest.mark.parametrize("way", viz.textcache.WAYS)
def test_an_error_in_the_cache_means_plain_agg_text(monkeypatch, way, when):
    viz.textcache.clear(everything=True)
    plain, _ = _draw_labels()
    _, renderer = _draw_labels((way,))
    if viz.textcache.status(renderer) != way:
        pytest.skip(f"this matplotlib cannot take the {way!r} way")

    def broken(*args, **kwargs):
        raise TypeError("a private signature changed")

    canvas = _label_canvas()
    if when == "install":
        monkeypatch.setattr(type(viz.textcache._WAYS[way]), "bitmap", broken)
    viz.textcache.install(canvas.get_renderer(), (way,))
    monkeypatch.setattr(type(viz.textcache._WAYS[way]), "bitmap", broken)
    canvas.draw()
    status = viz.textcache.status(canvas.get_renderer())
    assert status.startswith("plain (") and "a private signature changed" in status
    assert np.array_equal(_red(canvas), plain)
    monkeypatch.undo()
    viz.textcache.install(canvas.get_renderer())  # stays off for good
    assert viz.textcache.status(canvas.get_renderer()) == status


def test_text_cache_refuses_an_unknown_way():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    renderer = FigureCanvasAgg(viz.new_figure()).get_renderer()
    for ways in (("fast",), "glyphs"):
        with pytest.raises(ValueError, match="ways="):
            viz.textcache.install(renderer, ways)


def test_arms_are_drawn_lighter_and_thinner_than_legs_and_trunk():
    fig, stick, _ = viz.posture_layout()
    stick.update(result())
    assert stick.arm.get_linewidth() < 0.7 * min(stick.legs.get_linewidth(),
                                                 stick.spine.get_linewidth())
    from matplotlib.colors import to_rgb
    assert np.mean(to_rgb(stick.arm.get_color())) > np.mean(to_rgb(stick.legs.get_color())) + 0.3


def _body_points(stick, n=20):
    """Display coordinates along the drawn body lines and around the head."""
    pts = []
    for line in (stick.legs, stick.spine, stick.arm, stick.neck, stick.foot):
        xy = line.get_xydata()
        for a, b in zip(xy[:-1], xy[1:]):
            pts.append(a + np.linspace(0, 1, n)[:, None] * (b - a))
    c, r = np.array(stick.head.center), stick.head.radius
    a = np.linspace(0, 2 * np.pi, 40)
    pts.append(c + r * np.stack([np.cos(a), np.sin(a)], -1))
    return stick.ax.transData.transform(np.concatenate(pts))


@pytest.mark.parametrize("style", ["default", "projector", "high contrast"])
@pytest.mark.parametrize("lifter, posture, exercise", [
    ("tall lifter", "standing", "dowel"), ("average man", "textbook hinge", "RDL"),
    ("short lifter", "rounded back", "kettlebell"), ("average woman", "squatty hinge", "RDL")])
def test_key_and_labels_keep_off_the_body(style, lifter, posture, exercise):
    fig, stick, _ = viz.posture_layout(style)
    stick.update(result(posture, lifter, exercise), ghost=result("standing", lifter),
                 ghost_label="standing", overlays=viz.OVERLAYS, load_kind=exercise)
    renderer = fig._get_renderer()
    points = _body_points(stick)
    for text in (stick.ghost_text, stick.dim_text, stick.dowel_text, stick.midfoot_text):
        assert text.get_text()
        box = text.get_window_extent(renderer)
        inside = ((points[:, 0] > box.x0) & (points[:, 0] < box.x1)
                  & (points[:, 1] > box.y0) & (points[:, 1] < box.y1))
        assert not inside.any(), (text.get_text(), lifter, posture)


def test_action_limit_label_keeps_off_the_compression_curve():
    body = hs.presets.lifter("average man")
    for bottom in ("textbook hinge", "rounded back"):
        rep = hs.simulate(body, hs.presets.posture("standing"), hs.presets.posture(bottom),
                          "3-1-1-0", hs.presets.load("RDL", 60), fps=20)
        fig = viz.new_figure("projector")
        plot = viz.RepPlot(fig, "projector")
        plot.update(rep)
        label = next(t for t in plot.ax_disc.texts if "action limit" in t.get_text())
        box = label.get_window_extent(fig._get_renderer())
        curve = plot.ax_disc.transData.transform(plot.lines["compression"].get_xydata())
        inside = ((curve[:, 0] > box.x0) & (curve[:, 0] < box.x1)
                  & (curve[:, 1] > box.y0) & (curve[:, 1] < box.y1))
        assert not inside.any()


@pytest.mark.parametrize("style, px", [("default", 11), ("projector", 20)])
def test_every_figure_text_is_readable_at_natural_size(style, px):
    """Panels show the PNG at its natural size: a text of ``size`` pt is
    ``size * dpi / 72`` px on screen (default: 11 px on a laptop; projector: 20 px)."""
    fig = viz.posture_figure(result(), style=style, overlays=viz.OVERLAYS,
                             ghost=result("standing"), ghost_label="standing", caption="RDL")
    rep = hs.simulate(hs.presets.lifter("average man"), hs.presets.posture("standing"),
                      hs.presets.posture("textbook hinge"), "3-1-1-0", hs.presets.load("RDL", 40))
    rep_fig = viz.new_figure(style)
    viz.RepPlot(rep_fig, style).update(rep)
    for f in (fig, rep_fig):
        size, words = viz.smallest_text(f)
        assert size >= px - 0.05, words


@pytest.mark.parametrize("value, digits, sign, text", [
    (-0.3, 0, False, "0"), (-0.04, 1, True, "0.0"), (0.0, 0, True, "0"), (3.2, 0, True, "+3"),
    (-2.46, 1, False, "-2.5"), (-0.6, 0, True, "-1"), (12.0, 0, False, "12")])
def test_number_never_shows_a_negative_zero(value, digits, sign, text):
    assert viz.number(value, digits, sign) == text
    with pytest.raises(ValueError, match="digits"):
        viz.number(1.0, -1)


def test_readout_has_no_signed_zero_for_a_bar_just_behind_the_midfoot():
    body, load = hs.presets.lifter("average man"), hs.presets.load("RDL", 40)
    r = hs.analyze(body, hs.Posture(knee=20, hip=85, lumbar=5, bar=-0.004), load)
    assert float(r.metrics["bar_to_midfoot"]) < 0
    text = viz.gauge_text(r, body.mass)
    assert "bar 0 cm from midfoot" in text and "-0 " not in text and "+0 " not in text


def test_dowel_readout_gives_the_gap_not_the_bar_or_a_load():
    body = hs.presets.lifter("tight hamstrings")
    for hip in (50, 90):
        r = hs.analyze(body, hs.Posture(knee=20, hip=hip, lumbar=0), hs.presets.load("dowel"))
        text = viz.gauge_text(r, body.mass, exercise="dowel")
        gap = float(r.metrics["dowel_gap"]) * 100
        assert f"dowel gap {viz.number(gap, 1)} cm" in text
        assert "from midfoot" not in text and "load 0" not in text and "kg" not in text
        assert ("sacrum has come off" in text) == (gap >= 1.0)
    assert "from midfoot" in viz.gauge_text(r, body.mass)  # a barbell keeps the bar line


@pytest.mark.parametrize("value, words", [(-174.2, "174 N·m flexor"), (237.0, "237 N·m extensor"),
                                          (-0.3, "0 N·m"), (0.4, "0 N·m"), (0.6, "1 N·m extensor")])
def test_a_moment_is_said_by_its_size_and_its_direction(value, words):
    from hinge_sim.viz.numbers import moment
    assert moment(value) == words
