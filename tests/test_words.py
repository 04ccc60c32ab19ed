"""The words view and the pictures' alt text say what the model and the gauges say."""
import numpy as np
import pytest
from PIL import Image

import hinge_sim as hs
from hinge_sim.ui import Explorer
from hinge_sim.viz.export import posture_png, rep_gif
from hinge_sim.viz.gauges import gauge_rows
from hinge_sim.viz.words import describe, pose_words, rep_words

MAN = hs.presets.lifter("average man")


@pytest.mark.parametrize("fields, words", [
    (dict(knee=20, hip=85, lumbar=5, bar=0.03),
     "knees bent 20°, hips flexed 85°, lower back rounded 5°, bar 3 cm ahead of the midfoot"),
    (dict(knee=0, hip=-10, lumbar=-8, bar=-0.05),
     "knees bent 0°, hips extended 10°, lower back arched 8°, bar 5 cm behind the midfoot"),
    (dict(knee=10, hip=60, lumbar=0.2, bar=0.002),
     "knees bent 10°, hips flexed 60°, lower back neutral, bar over the midfoot"),
])
def test_pose_words_say_each_angle_and_the_bar(fields, words):
    assert pose_words(hs.Posture(**fields)) == words


def test_description_carries_the_gauges_numbers_and_zones():
    pose = hs.presets.posture("rounded back")
    res = hs.analyze(MAN, pose, hs.presets.load("RDL", 40))
    text = describe(pose, res, MAN.mass)
    comp, shear = (abs(float(res.disc[k])) for k in ("compression", "shear"))
    assert f"compression {comp:.0f} N" in text and f"shear {shear:.0f} N" in text
    rows = {r["label"]: r for r in gauge_rows(res, MAN.mass)}
    for label in ("L5/S1 compression", "L5/S1 shear"):
        assert rows[label]["text"] in text
    assert "caution" in text  # 35° of rounding: the shear gauge's zone


def test_explorer_words_follow_every_change():
    ex = Explorer(dpi=20)
    start = ex.words.text
    ex.set(knee=40)
    assert "knees bent 40°" in ex.words.text and ex.words.text != start
    assert f"{abs(float(ex.result.disc['compression'])):.0f} N" in ex.words.text


def test_posture_png_alt_text_is_the_description_of_the_same_call(tmp_path):
    path = posture_png(tmp_path / "p.png", posture="bar drifting forward", load=60, dpi=30)
    alt = Image.open(path).text["Description"]
    body, pose = MAN, hs.presets.posture("bar drifting forward")
    res = hs.analyze(body, pose, hs.presets.load("RDL", 60))
    assert alt == describe(pose, res, body.mass)


@pytest.mark.slow  # draws and quantises every frame of a GIF (about 4 s)
def test_rep_gif_comment_names_the_peak_loads(tmp_path):
    path = rep_gif(tmp_path / "r.gif", tempo="2-0-1-0", fps=10, progress=False)
    comment = Image.open(path).info["comment"].decode()
    rep = hs.simulate(MAN, hs.presets.posture("standing"), hs.presets.posture("textbook hinge"),
                      "2-0-1-0", hs.presets.load("RDL", 40), fps=10)
    assert comment == rep_words(rep, "2-0-1-0", "RDL")
    peak = np.max(np.abs(rep.disc["compression"]))
    assert f"compression at {peak:.0f} N" in comment
