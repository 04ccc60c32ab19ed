"""The figure styles: the high-contrast one draws every role at 4.5 : 1 or more on white,
and every panel and picture takes it."""
import numpy as np
import pytest

import hinge_sim as hs
from hinge_sim.ui import Compare, Explorer, TempoPlayer
from hinge_sim.viz import posture_figure
from hinge_sim.viz.styles import HIGH_CONTRAST_MIN, ROLES, STYLES, get_style


def luminance(colour):
    """WCAG 2.1 relative luminance of a #rrggbb colour."""
    rgb = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)]) / 255
    rgb = np.where(rgb <= 0.03928, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    return float(rgb @ [0.2126, 0.7152, 0.0722])


def contrast(colour, background="#ffffff"):
    hi, lo = sorted((luminance(colour), luminance(background)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_the_wcag_formula_gives_its_known_values():
    assert contrast("#000000") == pytest.approx(21.0)
    assert contrast("#767676") == pytest.approx(4.54, abs=0.01)  # the lightest AA grey


def test_high_contrast_draws_every_role_at_aa_contrast():
    roles = get_style("high contrast")["roles"]
    assert set(roles) == set(ROLES)
    low = {name: round(contrast(c), 2) for name, c in roles.items()
           if contrast(c) < HIGH_CONTRAST_MIN}
    assert low == {}, low
    assert any(contrast(c) < HIGH_CONTRAST_MIN for c in ROLES.values())  # the default is not


def test_high_contrast_text_is_larger_and_lines_thicker():
    hc, default = STYLES["high contrast"], STYLES["default"]
    for key in ("font", "small", "title", "line", "thin", "marker"):
        assert hc[key] > default[key], key


@pytest.mark.parametrize("make", [Explorer, Compare, TempoPlayer])
def test_every_panel_takes_the_high_contrast_style(make):
    panel = make(style="high contrast", dpi=20)
    assert panel.message == "" and panel.png


def test_a_high_contrast_picture_uses_only_its_own_role_colours():
    res = hs.analyze(hs.presets.lifter("average man"), hs.presets.posture("textbook hinge"),
                     hs.presets.load("RDL", 40))
    fig = posture_figure(res, style="high contrast", overlays=("com", "midfoot", "moments"))
    from matplotlib.colors import to_hex
    lines = {to_hex(line.get_color()) for ax in fig.axes for line in ax.get_lines()
             if line.get_visible() and len(line.get_xdata())}
    light = {c for c in lines if contrast(c) < HIGH_CONTRAST_MIN and c != "#ffffff"}
    assert light == set(), light
