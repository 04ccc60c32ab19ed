"""Training aids: a set under fatigue, tempos, the ladder, variations, a block."""
import numpy as np
import pytest

import hinge_sim as hs
from hinge_sim.coaching import training as tr

MAN = hs.presets.lifter("average man")
TOP = hs.Posture(knee=5, hip=0, lumbar=0, bar=0.02)
BOTTOM = hs.presets.posture("textbook hinge")
BAR = hs.Barbell(60)


def test_first_rep_is_fresh_and_drift_keeps_trunk_lean():
    first = tr.fatigued_bottom(BOTTOM, 1, fatigue=1.0)
    assert float(first.hip) == float(BOTTOM.hip) and float(first.bar) == float(BOTTOM.bar)
    fifth = tr.fatigued_bottom(BOTTOM, 5, fatigue=0.5)
    moved = 4 * 0.5 * tr.FATIGUE_LUMBAR_DEG_PER_REP
    assert float(fifth.lumbar) == pytest.approx(float(BOTTOM.lumbar) + moved)
    assert float(fifth.hip) + float(fifth.lumbar) == pytest.approx(
        float(BOTTOM.hip) + float(BOTTOM.lumbar))
    assert float(fifth.bar) == pytest.approx(4 * 0.5 * tr.FATIGUE_BAR_M_PER_REP)


def test_no_fatigue_repeats_the_same_rep():
    s = tr.simulate_set(MAN, TOP, BOTTOM, reps=4, load=BAR, fatigue=0.0)
    assert np.allclose(s["compression"], s["compression"][0])
    assert list(s["rep"]) == [1, 2, 3, 4]


def test_fatigue_rounds_the_back_and_raises_the_load_rep_by_rep():
    s = tr.simulate_set(MAN, TOP, BOTTOM, reps=6, load=BAR, fatigue=1.0)
    assert np.all(np.diff(s["lumbar_flexion"]) > 0)
    assert np.all(np.diff(s["bar_to_midfoot"]) > 0)
    assert np.all(np.diff(s["compression"]) > 0)
    assert np.all(np.diff(s["hip_work_share"]) < 0)  # the spine does more of the rise
    assert s["balanced"].all()


def test_rounding_alone_raises_shear_and_drift_alone_raises_the_moment():
    rounding = tr.simulate_set(MAN, TOP, BOTTOM, reps=5, load=BAR, drift=0.0)
    drifting = tr.simulate_set(MAN, TOP, BOTTOM, reps=5, load=BAR, rounding=0.0)
    assert rounding["shear"][-1] > rounding["shear"][0]
    assert drifting["l5s1_moment"][-1] > drifting["l5s1_moment"][0] + 20  # N m
    assert abs(rounding["l5s1_moment"][-1] - rounding["l5s1_moment"][0]) < 10


@pytest.mark.parametrize("kwargs, word", [(dict(fatigue=3), "fatigue"), (dict(reps=0), "reps"),
                                          (dict(reps=30, fatigue=2), "drifts out of range"),
                                          (dict(drift=0.1), "drift")])
def test_bad_set_input_names_the_parameter(kwargs, word):
    with pytest.raises(ValueError, match=word):
        tr.simulate_set(MAN, TOP, BOTTOM, load=BAR, **{"reps": 3, **kwargs})


def test_faster_rise_raises_peaks_and_power_not_work():
    slow, fast = tr.compare_tempos(MAN, TOP, BOTTOM, BAR, ("3-1-3-0", "21X0"))
    assert fast["rise"] < slow["rise"]
    for key in ("peak compression", "peak l5s1 moment", "peak hip power"):
        assert fast[key] > 1.5 * slow[key], key
    # the same lift from the same depth: about the same work, done faster
    assert fast["hip work"] == pytest.approx(slow["hip work"], rel=0.15)
    assert slow["time under tension"] > fast["time under tension"]
    assert fast["hip power per kg"] == pytest.approx(fast["peak hip power"] / MAN.mass)


def test_ladder_loads_rise_with_each_step_at_the_same_knee_bend():
    rows = tr.progression_ladder(MAN)
    assert [r["variation"] for r in rows] == [s[0] for s in tr.LADDER]
    assert rows[0]["load kg"] == 0
    same_knee = [r for r in rows if r["knee"] == tr.LADDER[0][3]]
    moments = [r["l5s1 moment"] for r in same_knee]
    assert len(moments) >= 3 and all(np.diff(moments) > 0)
    for r, (_, _, fraction, _) in zip(rows, tr.LADDER):
        assert r["load BW"] == pytest.approx(fraction)
        assert r["compression BW"] == pytest.approx(r["compression"] / (MAN.mass * 9.81))


def test_trap_bar_moves_work_from_hips_and_back_to_knees():
    rows = {r["variation"]: r for r in tr.hinge_variations(MAN, 60)}
    assert {r["load kg"] for r in rows.values()} == {60}
    rdl, trap = rows["RDL"], rows["trap bar"]
    assert rdl["knee moment"] < 0 < trap["knee moment"]
    assert trap["hip share"] < rdl["hip share"]
    assert trap["l5s1 moment"] < rdl["l5s1 moment"]
    assert trap["trunk angle"] < rdl["trunk angle"]
    with pytest.raises(ValueError, match="mass"):
        tr.hinge_variations(MAN, -5)


def test_block_volume_and_load_that_waits_for_technique():
    rows = tr.training_block(80, weeks=4, sessions=(4, 4, 3, 2), sets=3, reps=8,
                             start=0.3, step=0.1, technique_ok=(True, False, True, True))
    loads = [r["load BW"] for r in rows]
    assert loads == pytest.approx([0.3, 0.4, 0.4, 0.5])
    for r in rows:
        assert r["volume kg"] == pytest.approx(r["sessions"] * r["sets"] * r["reps"] * r["load kg"])
        assert r["volume BW"] == pytest.approx(r["volume kg"] / 80)
    with pytest.raises(ValueError, match="sessions"):
        tr.training_block(80, weeks=3, sessions=(4, 4))
    with pytest.raises(ValueError, match="sessions"):
        tr.training_block(80, weeks=2, sessions=9)
    with pytest.raises(ValueError, match="technique_ok"):
        tr.training_block(80, weeks=3, sessions=3, reps=8, technique_ok=(True,))


def test_table_is_markdown_and_refuses_unknown_columns_and_nan():
    text = tr.table([{"a": 1, "b": 2.345, "c": True}, {"a": 2, "b": 123.4, "c": False}])
    lines = text.splitlines()
    assert lines[0] == "| a | b | c |" and len(lines) == 4
    assert "| 1 | 2.35 | yes |" in lines and "| 2 | 123 | no |" in lines
    assert tr.table({"x": np.array([1.5, -0.001])}).splitlines()[-1] == "| 0.00 |"
    with pytest.raises(ValueError, match="'z'"):
        tr.table([{"a": 1}], columns=["z"])
    with pytest.raises(ValueError, match="finite"):
        tr.table([{"a": float("nan")}])


def test_long_femurs_hinge_deeper_to_reach_the_same_bar_height():
    bodies = {n: hs.presets.lifter(n) for n in ("long femurs", "long torso")}
    rows = {r["lifter"]: r for r in tr.compare_lifters(bodies, 40, height=0.55)}
    assert rows["long femurs"]["hip"] > rows["long torso"]["hip"]
    assert rows["long femurs"]["trunk angle"] > rows["long torso"]["trunk angle"]
    with pytest.raises(ValueError, match="bodies"):
        tr.compare_lifters({}, 40)
