"""Bad input raises a ValueError naming the parameter, its value and the range."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hinge_sim as hs


@pytest.mark.parametrize("call, word", [
    (lambda: hs.Body(stature=0.5), "stature = 0.5"),
    (lambda: hs.Body(mass=-3), "mass = -3"),
    (lambda: hs.Body(mass=float("nan")), "mass = nan"),
    (lambda: hs.Body(sex="x"), "sex"),
    (lambda: hs.Posture(knee=170), "knee = 170"),
    (lambda: hs.Posture(hip=[10, 200]), "hip = 200"),
    (lambda: hs.Posture(lumbar="a lot"), "lumbar"),
    (lambda: hs.Posture(bar=1.0), "bar = 1"),
    (lambda: hs.Barbell(-5), "load mass = -5"),
    (lambda: hs.analyze(hs.Body(), hs.Posture(), hs.Dowel(), bracing=2), "bracing = 2"),
])
def test_error_names_parameter_and_range(call, word):
    with pytest.raises(ValueError, match="range|valid|number") as info:
        call()
    assert word in str(info.value)


postures = st.builds(
    hs.Posture, knee=st.floats(0, 140), hip=st.floats(-20, 140), lumbar=st.floats(-20, 60),
    bar=st.floats(-0.15, 0.4), weight_shift=st.floats(-1, 1))
bodies = st.builds(hs.Body, stature=st.floats(1.2, 2.2), mass=st.floats(30, 200),
                   sex=st.sampled_from(["male", "female"]))
loads = st.one_of(st.builds(hs.Barbell, st.floats(0, 500)), st.builds(hs.TrapBar, st.floats(0, 500)),
                  st.builds(hs.Kettlebell, st.floats(0, 500)), st.just(hs.Dowel()))


@settings(max_examples=300, deadline=None)
@given(bodies, postures, loads, st.floats(0, 1))
def test_whole_parameter_space_gives_finite_results(body, posture, load, bracing):
    res = hs.analyze(body, posture, load, bracing)
    values = [*res.moments.values(), *res.disc.values(), res.cop_x, *res.points.values()]
    assert all(np.all(np.isfinite(v)) for v in values)
    if res.balanced:
        assert not res.messages()
    else:
        assert res.messages() or res.metrics["balance_margin"] < 0
