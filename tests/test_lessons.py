"""Each claim a lesson makes, checked against the model.

One test per claim, named after the lesson and the sentence it checks (the
docstring quotes it). The tests call the same functions as the lesson's
reveal (``hinge_sim.lessons``), so the panel a learner sees, the numbers in
its words and the check are one code path. Claims are checked against
physics where they can be (a balance kept, a lever that grows, published
limits) and against the words' own sizes ("about half", "more than double").
"""
import numpy as np
import pytest

import hinge_sim as hs
from hinge_sim.model.constants import COMPRESSION_LIMITS, SHEAR_LIMITS

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

P = hs.presets
MAN = P.lifter("average man")


def f(x):
    return float(np.asarray(x))


# -- 1 · What not to do first ----------------------------------------------------------
from hinge_sim.lessons import what_not_to_do as l01  # noqa: E402


@pytest.fixture(scope="module")
def rounding():
    return l01.rounding_answer()


def test_01_presets_table_is_read_from_the_presets():
    """Lesson 1: "The model has all three as presets (the table is read from them)"."""
    table = l01.presets_table()
    for name in l01.HINGES:
        p = P.POSTURES[name]
        assert f"*{name}* | {p['knee']:.0f}° | {p['hip']:.0f}° | {p['lumbar']:.0f}°" in table


def test_01_rounded_back_and_textbook_hinge_reach_nearly_the_same_trunk_angle(rounding):
    """Lesson 1: "The rounded back and the textbook hinge reach nearly the same trunk angle"."""
    rb, tb = rounding.found["rounded"], rounding.found["textbook"]
    assert rb.balanced and tb.balanced and rounding.panel.message == ""
    assert abs(f(rb.metrics["trunk_angle"]) - f(tb.metrics["trunk_angle"])) < 10


def test_01_rounding_raises_shear_by_about_half_past_the_action_limit(rounding):
    """Lesson 1: "the rounded back raises the shear on L5/S1 ... past the 700 N action limit"."""
    rb, tb = rounding.found["rounded"], rounding.found["textbook"]
    assert 1.35 < f(rb.disc["shear"]) / f(tb.disc["shear"]) < 1.65
    assert f(rb.disc["shear"]) > SHEAR_LIMITS[0] > f(tb.disc["shear"])


def test_01_rounding_hardly_changes_compression(rounding):
    """Lesson 1: "Compression hardly changes"."""
    rb, tb = rounding.found["rounded"], rounding.found["textbook"]
    assert abs(f(rb.disc["compression"]) / f(tb.disc["compression"]) - 1) < 0.05


def test_01_squatty_hinge_has_lowest_shear_and_highest_compression_of_the_three(rounding):
    """Lesson 1: "The squatty hinge has the lowest shear of the three ... but the highest
    compression"."""
    res = [rounding.found[k] for k in ("rounded", "textbook", "squatty")]
    shear = [f(r.disc["shear"]) for r in res]
    comp = [f(r.disc["compression"]) for r in res]
    assert np.argmin(shear) == 2 and np.argmax(comp) == 2


def test_01_the_words_quote_the_panels_own_numbers(rounding):
    """Lesson 1: the explanation's shear and compression are the Compare panel's table."""
    table = {row[0]: row for row in rounding.panel.table}
    rb_shear, tb_shear = (table["L5/S1 shear"][i].split()[0] for i in (1, 2))
    assert f"from {tb_shear} N to {rb_shear} N" in rounding.text


@pytest.fixture(scope="module")
def arch():
    return l01.arch_to_round_answer()


def test_01_shear_rises_all_the_way_and_more_than_doubles(arch):
    """Lesson 1: "Shear more than doubles from arched to rounded" (it rises all the way)."""
    s = arch.found["sweep"]
    shear = s.disc["shear"]
    assert s.balanced.all() and np.all(np.diff(shear) > 0) and shear[-1] > 2 * shear[0]


def test_01_compression_stays_within_a_few_hundred_newtons_and_falls_at_the_end(arch):
    """Lesson 1: "compression stays within ... and even falls a little at the end as the
    ligaments take over"."""
    comp = arch.found["sweep"].disc["compression"]
    assert np.ptp(comp) < 0.2 * comp.mean() and comp[-1] < comp.max()


def test_01_dowel_upper_back_leaves_when_arched_sacrum_when_rounded(arch):
    """Lesson 1: "at −20 the upper back leaves the dowel, at +40 the sacrum does"."""
    gap = arch.found["sweep"].metrics["dowel_gap"]
    assert gap[0] < 0 < gap[-1]


def test_01_explorer_slider_gives_the_sweeps_numbers(arch):
    """Lesson 1: the table is what the back-rounding slider shows at each setting."""
    s = arch.found["sweep"]
    for i, lumbar in enumerate(l01.SWEEP):
        arch.panel.set(lumbar=lumbar)
        assert arch.panel.message == ""
        assert abs(f(arch.panel.result.disc["shear"]) - s.disc["shear"][i]) < 1e-6


# -- 2 · Knee bend -----------------------------------------------------------------------
from hinge_sim.lessons import knee_bend as l02  # noqa: E402


@pytest.fixture(scope="module")
def knee_job():
    return l02.knee_job_answer()


def test_02_knee_moment_shrinks_crosses_zero_and_turns_extensor(knee_job):
    """Lesson 2: "It shrinks, crosses zero and turns extensor" (knees 10° to 45°)."""
    s = knee_job.found["sweep"]
    knee = s.moments["knee"]
    assert s.balanced.all() and knee[0] < knee[1] < 0 < knee[2]


def test_02_knee_moment_changes_sign_where_the_words_say(knee_job):
    """Lesson 2: "The knee moment changes sign at about ... of knee bend"."""
    at = l02.knee_moment_switch()
    assert 38 < at < 47
    below, above = l02.knee_sweep([at - 0.5, at + 0.5]).moments["knee"]
    assert below < 0 < above
    assert f"at about {at:.0f}° of knee bend" in knee_job.text


def test_02_bending_the_knees_slackens_the_hamstrings_and_leans_the_shins(knee_job):
    """Lesson 2: "The hamstrings also slacken: bending the knee shortens their path"."""
    m = knee_job.found["sweep"].metrics
    assert np.all(np.diff(m["hamstring_stretch"]) < 0) and np.all(np.diff(m["shin_angle"]) > 0)


def test_02_with_the_bar_over_the_midfoot_the_back_gets_nothing_worse(knee_job):
    """Lesson 2: "The back ... gets nothing worse while the bar stays over the midfoot: the
    chest rises, and the shear even falls a little"."""
    s = knee_job.found["sweep"]
    assert np.all(np.diff(s.disc["shear"]) < 0) and np.all(np.diff(s.metrics["trunk_angle"]) < 0)
    assert np.ptp(s.disc["compression"]) < 0.05 * s.disc["compression"].mean()


def test_02_at_50_degrees_the_bar_would_pass_through_the_legs(knee_job):
    """Lesson 2: "At 50° the model refuses the pose ... through the legs"."""
    too_far = knee_job.found["too_far"]
    assert not too_far.balanced and too_far.problems["legs"]
    knee_job.panel.set(knee=l02.TOO_FAR)
    assert "through the legs" in knee_job.panel.message


def test_02_squatty_hip_share_is_about_halfway_to_a_squat():
    """Lesson 2: "the quadriceps take a real part of the work: the movement is halfway to a
    squat" (the estimate's answer)."""
    assert 60 <= l02.squatty_hip_share() <= 90


@pytest.fixture(scope="module")
def squatty():
    return l02.squatty_answer()


def test_02_squatty_hinge_hands_work_to_the_knees(squatty):
    """Lesson 2: "The knees take over part of the work"."""
    T, Q = squatty.found["textbook"], squatty.found["squatty"]
    assert T.balanced and Q.balanced
    assert f(T.metrics["hip_share"]) == 1 and f(Q.metrics["hip_share"]) < 0.85
    assert f(T.moments["knee"]) < 0 < f(Q.moments["knee"])
    assert f(Q.metrics["hip_share"]) * 100 == pytest.approx(l02.squatty_hip_share(), abs=0.5)


def test_02_squatty_hinge_raises_compression_by_about_a_quarter(squatty):
    """Lesson 2: "the bar hangs further from the spine: the compression rises by ..." and the
    quiz's "raised compression by about a quarter"."""
    T, Q = squatty.found["textbook"], squatty.found["squatty"]
    assert f(Q.metrics["hip_to_bar"]) > f(T.metrics["hip_to_bar"]) + 0.05
    assert f(Q.moments["l5s1"]) > f(T.moments["l5s1"])
    assert 1.15 < f(Q.disc["compression"]) / f(T.disc["compression"]) < 1.35


def test_02_squatty_hinge_lowers_only_the_shear_and_the_hamstring_stretch(squatty):
    """Lesson 2: "Only the shear is lower ... the hamstrings lose most of their stretch"."""
    T, Q = squatty.found["textbook"], squatty.found["squatty"]
    assert f(Q.disc["shear"]) < f(T.disc["shear"])
    assert f(Q.metrics["hamstring_stretch"]) < 0.7 < f(T.metrics["hamstring_stretch"])


def test_02_the_fix_is_the_knees_not_the_bar(squatty):
    """Lesson 2: "Moving the bar back to the midfoot with the knees at 70° is impossible ...
    Bring them back to about 40° and the bar can return over the midfoot"."""
    back = squatty.found["knees_back"]
    assert back.problems["legs"][0] and back.balanced[1]
    squatty.panel.set(bar=0.0)
    assert "through the legs" in squatty.panel.message
