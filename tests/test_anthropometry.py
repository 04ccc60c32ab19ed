"""The segment table against Dumas, Cheze & Verriest 2007 (tests/data/dumas_2007.csv)."""
import csv
from pathlib import Path

import numpy as np
import pytest

import hinge_sim as hs
from hinge_sim.model import constants as C

TABLE = Path(__file__).parent / "data" / "dumas_2007.csv"
CSV_COLUMNS = ("Length", "RelMass", "RelComX", "RelComY", "RelComZ", "rXX", "rYY", "rZZ")
SEX = {"M": "male", "F": "female"}
# the one deliberate departure (tests/data/dumas_2007.md): male shank mass
DEPARTURES = {("male", "shank", "mass"): (0.045, 0.048)}


def rows():
    with TABLE.open() as f:
        return list(csv.DictReader(f))


def test_the_table_has_every_segment_of_both_sexes():
    seen = {(SEX[r["Gender"]], C.DUMAS_NAMES[r["Segment"]]) for r in rows()}
    assert seen == {(sex, seg) for sex in C.DUMAS for seg in C.DUMAS[sex]}


@pytest.mark.parametrize("column", range(len(CSV_COLUMNS)), ids=C.DUMAS_COLUMNS)
def test_package_table_equals_the_published_table_column_by_column(column):
    name = C.DUMAS_COLUMNS[column]
    for r in rows():
        sex, seg = SEX[r["Gender"]], C.DUMAS_NAMES[r["Segment"]]
        published = float(r[CSV_COLUMNS[column]])
        ours = C.DUMAS[sex][seg][column]
        if (sex, seg, name) in DEPARTURES:
            assert (published, ours) == DEPARTURES[(sex, seg, name)]
        else:
            assert ours == published, (sex, seg, name)


@pytest.mark.parametrize("sex", ["male", "female"])
def test_body_uses_the_sagittal_radius_of_gyration(sex):
    """The thigh's inertia about its COM is m (r_zz L)^2, with r_zz, not r_xx."""
    body = hs.Body(stature=C.REFERENCE_STATURE[sex], mass=70.0, sex=sex)
    thigh = body.segments["thigh"]
    r_zz = C.DUMAS[sex]["thigh"][7]
    assert thigh.inertia == pytest.approx(thigh.mass * (r_zz * thigh.length) ** 2, rel=1e-12)
    assert thigh.length == pytest.approx(C.DUMAS[sex]["thigh"][0], rel=1e-12)


def test_mass_above_l5s1_is_near_half_the_body():
    """Trunk, head and arms: 49 % (male) and 45 % (female) of body mass
    (reference notes, computed from the same table), within 2 points."""
    for sex, share in (("male", 0.49), ("female", 0.45)):
        s = hs.Body(sex=sex, mass=70.0).segments
        above = sum(s[k].mass for k in ("trunk", "head", "arm")) / 70.0
        assert above == pytest.approx(share, abs=0.02)
        assert np.isclose(sum(x.mass for x in s.values()), 70.0)
