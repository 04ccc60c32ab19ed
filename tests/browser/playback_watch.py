"""Count the frames a player shows in a real browser, and when.

A MutationObserver on the player's canvas records each frame drawn (its
``data-frame``, set as the frame is drawn) and the time; :func:`play_and_count`
presses play and compares the frames shown and the time taken with the rep's.
"""
import dataclasses

from playwright.sync_api import TimeoutError as PlaywrightTimeout

WATCH = """(root) => {
    const canvas = document.querySelector(root + ' canvas.hinge-player-frame');
    window.hingeShown = [];
    // every record counts: the value each one set is the next one's old value
    new MutationObserver((records) => {
        const now = performance.now();
        const values = records.slice(1).map(r => r.oldValue).concat([canvas.dataset.frame]);
        for (const v of values) window.hingeShown.push([v, now]);
    }).observe(canvas, {attributes: true, attributeOldValue: true,
                        attributeFilter: ['data-frame']});
    return canvas.dataset.frame;
}"""
MIN_SHOWN = 0.95  # of the frames, at real speed
TIME_TOLERANCE = 0.05  # the rep's time, within 5 %


@dataclasses.dataclass
class Count:
    """Frames shown of those expected, and the time they took (s) against the rep's."""
    shown: int
    expected: int
    elapsed: float
    duration: float

    @property
    def per_s(self):
        return (self.shown - 1) / self.elapsed

    def ok(self):
        return (self.shown >= MIN_SHOWN * self.expected
                and abs(self.elapsed / self.duration - 1) <= TIME_TOLERANCE)

    def __str__(self):
        return (f"frames shown {self.shown} of {self.expected}, {self.elapsed:.2f} s for "
                f"{self.duration:.2f} s, {self.per_s:.1f} frames/s")


def wait_ready(page, root, timeout=60_000):
    """Wait until the player under ``root`` holds its frames, decoded."""
    page.locator(f"{root} .hinge-frame-player[data-ready='true']").first.wait_for(timeout=timeout)


def play_and_count(page, root, times, timeout=60_000):
    """Press play on the player under ``root`` (paused at frame 0) and count to the end.

    ``times`` are the frames' times (s). Frame 0 is on screen before play, so the
    frames counted are 1 to the last, and the time from the first to the last.
    """
    assert page.evaluate(WATCH, root) == "0"
    page.locator(f"{root} .hinge-player-play").first.click()
    n = len(times)
    try:
        page.wait_for_function("(n) => window.hingeShown.some(s => s[0] === String(n - 1))",
                               arg=n, timeout=timeout)
    except PlaywrightTimeout:
        seen = page.evaluate("() => window.hingeShown.slice(-3)")
        words = page.locator(f"{root} .hinge-player-bar").first.inner_text()
        views = page.evaluate("(root) => [...document.querySelectorAll(root + ' canvas')]"
                              ".map(c => c.isConnected && c.offsetParent !== null)", root)
        raise AssertionError(f"the last frame {n - 1} was never shown: the last shown {seen}, "
                             f"the player says {words!r}; its views shown {views}") from None
    shown = [(int(k), t) for k, t in page.evaluate("() => window.hingeShown") if k != "poster"]
    first = next(t for k, t in shown if k == 1)
    last = next(t for k, t in shown if k == n - 1)
    distinct = {k for k, _ in shown} - {0}
    return Count(len(distinct), n - 1, (last - first) / 1000.0, times[-1] - times[1])
