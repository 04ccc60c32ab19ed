"""Pictures for slides and handouts: PNG of a posture, GIF of a rep, the CLI."""
import numpy as np
import pytest
from PIL import Image

import hinge_sim as hs
from hinge_sim.cli import main
from hinge_sim.viz import export


def test_posture_png_changes_with_the_posture(tmp_path):
    a = export.posture_png(tmp_path / "a.png", posture="textbook hinge")
    b = export.posture_png(tmp_path / "b.png", posture=("textbook hinge", {"lumbar": 30}))
    pixels = [np.asarray(Image.open(p).convert("RGB")) for p in (a, b)]
    assert pixels[0].shape == pixels[1].shape and pixels[0].shape[1] > 400
    assert np.any(pixels[0] != pixels[1])


@pytest.mark.slow
def test_rep_gif_has_one_frame_per_time_step(tmp_path):
    path = export.rep_gif(tmp_path / "rep.gif", tempo="1-0-1-0", fps=10, progress=False)
    rep = hs.simulate(hs.presets.lifter("average man"), hs.presets.posture("standing"),
                      hs.presets.posture("textbook hinge"), "1-0-1-0", hs.Barbell(40), fps=10)
    with Image.open(path) as gif:
        assert gif.n_frames == len(rep.t)
        assert gif.info["duration"] == 100


def test_deadlift_defaults_to_plates_on_the_floor():
    body, load = hs.presets.lifter("average man"), hs.Barbell(100)
    posture = export.make_posture(body, None, load, "deadlift")
    assert hs.analyze(body, posture, load).points["bar"][..., 1] == pytest.approx(0.225)


def test_cli_writes_a_png_and_reports_bad_input(tmp_path, capsys):
    out = tmp_path / "floor.png"
    argv = ["render", "posture", "--exercise", "deadlift", "--load", "100", "-o", str(out)]
    assert main(argv) == 0
    assert out.stat().st_size > 10_000
    assert main(["render", "posture", "--knee", "500", "-o", str(tmp_path / "x.png")]) == 2
    assert "knee = 500" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


@pytest.mark.checkout
def test_every_media_entry_is_made_by_one_of_the_export_functions():
    from tools import media
    from tools.course import STEMS
    numbers = {s.split("_")[0] for s in STEMS}
    for name, make, kwargs in media.MEDIA:
        assert make in (export.posture_png, export.rep_gif, media.panel_png, media.bar_path_png)
        assert make is media.panel_png or name.split("_")[0] in numbers | {"projector"}, name


@pytest.mark.checkout
def test_readme_pictures_are_remade_by_the_media_command():
    import pathlib
    import re

    from tools import media
    readme = (pathlib.Path(__file__).resolve().parents[1] / "README.md").read_text()
    shown = set(re.findall(r"\(media/([\w.]+)\)", readme))
    assert shown and shown <= {name for name, _, _ in media.MEDIA}


@pytest.mark.checkout
def test_panel_png_writes_the_panels_figure(tmp_path):
    from tools import media
    path = media.panel_png(tmp_path / "e.png", "Explorer", posture="rounded back")
    assert path.read_bytes()[:4] == b"\x89PNG"


@pytest.mark.checkout
def test_every_lesson_has_a_picture_in_media():
    from tools import media
    from tools.course import STEMS
    lessons = {s.split("_")[0] for s in STEMS if s[0].isdigit()}
    pictured = {name.split("_")[0] for name, _, _ in media.MEDIA}
    assert lessons <= pictured, f"lessons without a picture: {sorted(lessons - pictured)}"


@pytest.mark.checkout
def test_panel_png_names_a_wrong_panel(tmp_path):
    from tools import media
    with pytest.raises(ValueError, match="panel = 'Explorr'"):
        media.panel_png(tmp_path / "x.png", "Explorr")
    assert not (tmp_path / "x.png").exists()
