"""Unit slips, impossible times and limits are refused with the line, the column and the rule."""
import io

import numpy as np
import pytest

from hinge_sim.video import synthetic as Y
from hinge_sim.video.tracking import MAX_DURATION_S, MAX_ROWS, read_track


def _csv(header, t, cols, digits=4):
    return header + "\n" + "".join(
        f"{a:.{digits}f}," + ",".join(f"{v:.{digits}f}" for v in row) + "\n"
        for a, row in zip(t, np.column_stack(cols)))


def _rep(fps=30, seconds=6.0):
    t = np.arange(int(seconds * fps)) / fps
    y, _ = Y.bar_height(t, "trapezoid", (2, 0.5, 1, 1), 1, 0.30, lead=1.0, top=0.80)
    return t, 0.1 + 0 * y, y


def test_millimetres_under_a_cm_header_are_refused():
    t, x, y = _rep()
    text = _csv("time_s,bar_x_cm,bar_y_cm", t, [x * 1000, y * 1000])  # values are mm
    with pytest.raises(ValueError, match=r"column 'bar_y_cm' rises and falls 3 m .*10x too large: "
                                         "mm under a cm header"):
        read_track(io.StringIO(text))
    assert read_track(io.StringIO(_csv("time_s,bar_x_cm,bar_y_cm", t, [x * 100, y * 100])))


def test_a_small_rep_in_wrong_units_is_caught_by_the_thigh():
    t, x, y = _rep()
    shallow = 0.8 - (0.8 - y) / 3  # 10 cm of travel: 1 m when mm are read as cm
    cols = [x * 1000, shallow * 1000, x * 1000 - 200, np.full(t.size, 900.0),
            x * 1000 - 150, np.full(t.size, 500.0)]
    text = _csv("time_s,bar_x_cm,bar_y_cm,hip_x_cm,hip_y_cm,knee_x_cm,knee_y_cm", t, cols)
    with pytest.raises(ValueError, match=r"hip to knee measures 4.03 m .*expected 0.25 to 0.65 m"):
        read_track(io.StringIO(text))


def test_seconds_in_a_ms_column_are_refused():
    t, x, y = _rep()
    text = _csv("Time (ms),bar_x_m,bar_y_m", t, [x, y])
    with pytest.raises(ValueError, match=r"column 'Time \(ms\)': frames 0.0333 ms apart would be "
                                         r"3.003e\+04 frames/s; expected 5 to 1000.*look like s"):
        read_track(io.StringIO(text))


def test_a_one_hour_jump_names_its_line():
    t, x, y = _rep()
    t = t.copy()
    t[100:] += 3600
    text = _csv("time_s,bar_x_m,bar_y_m", t, [x, y])
    with pytest.raises(ValueError, match=r"line 102, column 'time_s': time jumps 3600 s"):
        read_track(io.StringIO(text))


def test_dropped_frames_up_to_max_gap_are_accepted():
    t, x, y = _rep(fps=60)
    keep = np.ones(t.size, bool)
    keep[200:204] = False  # 4 frames: a 0.083 s step
    track = read_track(io.StringIO(_csv("time_s,bar_x_m,bar_y_m", t[keep], [x[keep], y[keep]])))
    assert track.t.size == keep.sum()
    with pytest.raises(ValueError, match="time jumps 0.0833 s"):
        read_track(io.StringIO(_csv("time_s,bar_x_m,bar_y_m", t[keep], [x[keep], y[keep]])),
                   max_gap=0.05)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -1, "a lot"])
def test_max_gap_must_be_a_duration(value):
    t, x, y = _rep()
    with pytest.raises(TypeError if isinstance(value, str) else ValueError, match="max_gap"):
        read_track(io.StringIO(_csv("time_s,bar_x_m,bar_y_m", t, [x, y])), max_gap=value)


def test_lines_are_counted_with_blank_lines():
    t, x, y = _rep()
    lines = _csv("time_s,bar_x_m,bar_y_m", t, [x, y]).splitlines()
    lines[20] = lines[20].replace(",", ",x", 1)
    text = "\n".join(lines[:5] + ["", "   "] + lines[5:])  # two blank lines: file line 23
    with pytest.raises(ValueError, match=r"line 23, column 'bar_x_m': 'x.*' is not a number; "
                                         "expected a number"):
        read_track(io.StringIO(text))


def test_too_long_a_track_is_refused_with_the_limit():
    assert MAX_ROWS == 432000 and MAX_DURATION_S == 1800
    with pytest.raises(ValueError, match=r"at most 432000 frames \(30 minutes at 240 frames/s\)"):
        read_track(io.StringIO("time_s,bar_x_m,bar_y_m\n" + "0,0,0\n" * (MAX_ROWS + 200)))
    t = np.arange(0, 1900, 0.1)
    with pytest.raises(ValueError, match="lasts 1900 s; at most 1800 s"):
        read_track(io.StringIO(_csv("time_s,bar_x_m,bar_y_m", t, [0 * t + 0.1, 0 * t + 0.8])))


def test_an_impossible_bar_speed_is_refused():
    t, x, y = _rep()
    text = _csv("time_s,bar_x_m,bar_y_m", t / 20, [x, y], digits=6)  # 20x too fast
    with pytest.raises(ValueError, match=r"the bar moves at .* m/s after scaling; bars in a hinge "
                                         "stay under 4 m/s"):
        read_track(io.StringIO(text), fps=600)
