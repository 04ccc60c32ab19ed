"""A widget that holds a rep's frames and plays them in the browser, at real speed.

The frames (PNG bytes) are sent to the browser once, as binary buffers. The
browser decodes them all, then plays them with ``requestAnimationFrame``: each
frame is drawn when the clock reaches its own time, so a rep lasts as long in
the browser as in life, whatever the kernel is doing (busy, or far away in
Voila). Only a pause, the end of the rep or a scrub tells the kernel which
frame is shown (``index``); playing sends nothing per frame.

Frames can also come later, from a ``source`` function, when the browser asks
for them: a panel whose rep changes calls :meth:`FramePlayer.invalidate` with a
still of the frame shown (the *poster*), and the frames are rendered once the
controls have rested for :data:`REST_MS` or when play is pressed.

Keys (on the picture, the buttons or the slider): space plays or pauses, the
left and right arrows step one frame, Home and End go to the ends.

Usage
-----
1. ``player = FramePlayer(frames=pngs, times=t, labels=words)``; show ``player``.
2. ``player.index`` (the frame shown when paused), ``player.playing``, ``player.loop``.
3. Lazily: ``FramePlayer(source=make)`` with ``make()`` returning the PNG list;
   ``player.invalidate(poster_png, times, labels)`` after each change.
"""
import anywidget
import traitlets

from ..model.motion import PHASES

REST_MS = 400  # ms the controls rest before the browser asks for new frames
CATCH_UP_S = 0.25  # s behind the clock a late frame may still be shown rather than skipped
PLAY_WORDS = ("▶ play", "❚❚ pause")  # words with the symbol: no icon font needed
FONT_PX = 16  # px, the player's text in a lesson panel (22 in projector style)

_ESM = """
const WORDS = %(words)s, REST_MS = %(rest)d, CATCH_UP_S = %(catch_up)g;

function render({ model, el }) {
  const root = document.createElement("div");
  root.className = "hinge-frame-player";
  const canvas = document.createElement("canvas");
  canvas.className = "hinge-figure hinge-player-frame";
  canvas.tabIndex = 0;
  canvas.setAttribute("role", "img");
  const bar = document.createElement("div");
  bar.className = "hinge-player-bar";
  const play = document.createElement("button");
  play.className = "hinge-player-play";
  const loop = document.createElement("button");
  loop.className = "hinge-player-loop";
  loop.textContent = "↺ loop";
  const slider = document.createElement("input");
  slider.type = "range";
  slider.min = 0;
  slider.step = 1;
  slider.className = "hinge-player-slider";
  slider.setAttribute("aria-label", "time in the rep");
  const label = document.createElement("span");
  label.className = "hinge-player-label";
  bar.append(play, loop, slider, label);
  root.append(canvas, bar);
  el.append(root);
  const ctx = canvas.getContext("2d");

  let images = [], urls = [], poster = null, shown = -1;
  let playing = false, raf = 0, t0 = null, pending = false, timer = 0, loading = 0;

  const times = () => model.get("times");
  const fresh = () => !model.get("stale") && images.length === times().length
    && images.length > 0;

  function draw(image, k) {
    if (canvas.width !== image.naturalWidth || canvas.height !== image.naturalHeight) {
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
    }
    ctx.drawImage(image, 0, 0);
    canvas.dataset.frame = k;
  }
  function words(k) {
    const text = model.get("labels")[k] || "";
    label.textContent = text;
    slider.setAttribute("aria-valuetext", text);
    if (!playing) canvas.setAttribute("aria-label", model.get("alt") + (text ? ", " + text : ""));
  }
  function show(k) {
    const n = times().length;
    k = Math.max(0, Math.min(k, n - 1));
    shown = k;
    slider.value = k;
    words(k);
    if (fresh()) draw(images[k], k);
    else if (poster && poster.complete) draw(poster, "poster");
  }
  function buttons() {
    play.textContent = WORDS[playing ? 1 : 0];
    play.setAttribute("aria-label", playing ? "pause the rep" : "play the rep at real speed");
    loop.setAttribute("aria-pressed", String(model.get("loop")));
    root.dataset.ready = String(fresh());
  }
  function tell(fields) {  // the kernel hears of pauses, ends and scrubs only
    for (const [k, v] of Object.entries(fields)) model.set(k, v);
    model.save_changes();
  }
  function want(now) {
    clearTimeout(timer);
    if (!model.get("stale")) return;
    timer = setTimeout(() => model.send({ want: "frames" }), now ? 0 : REST_MS);
  }
  function start() {
    if (!fresh()) {
      pending = true;
      label.textContent = "making the frames…";
      want(true);
      return;
    }
    pending = false;
    if (shown < 0 || shown >= times().length - 1) show(0);  // at the end: from the start
    playing = true;
    t0 = null;
    buttons();
    tell({ playing: true });
    raf = requestAnimationFrame(tick);
  }
  function stop(ended) {
    cancelAnimationFrame(raf);
    pending = false;
    if (!playing) return;
    playing = false;
    buttons();
    words(shown);
    tell({ playing: false, index: shown });
  }
  function tick(now) {
    const t = times(), n = t.length;
    const step = n > 1 ? t[n - 1] - t[n - 2] : 0;
    const end = t[n - 1] + step - t[0];  // s, the last frame is shown for one step too
    if (t0 === null) t0 = now - (t[shown] - t[0]) * 1000;
    let clock = (now - t0) / 1000;
    if (clock >= end && shown === n - 1) {  // a late last frame is still shown first
      if (!model.get("loop")) { stop(true); return; }
      const laps = Math.floor(clock / end);
      t0 += laps * end * 1000;
      clock -= laps * end;
    }
    let k = clock < t[shown] - t[0] ? 0 : shown;
    while (k + 1 < n && t[k + 1] - t[0] <= clock) k++;
    // a late paint (a busy browser) shows the next frame, not the one after it, and
    // catches up a frame a paint; only when far behind does it jump to the clock
    if (k > shown + 1 && clock - (t[shown + 1] - t[0]) < CATCH_UP_S) k = shown + 1;
    if (k !== shown) show(k);
    raf = requestAnimationFrame(tick);
  }
  function step(by) {
    stop(false);
    show(shown + by);
    tell({ index: shown });
  }

  function loadFrames() {
    const ticket = ++loading;
    urls.forEach(URL.revokeObjectURL);
    urls = model.get("frames").map(
      (buffer) => URL.createObjectURL(new Blob([buffer], { type: "image/png" })));
    const next = urls.map((url) => { const im = new Image(); im.src = url; return im; });
    images = [];
    buttons();
    Promise.all(next.map((im) => im.decode())).then(() => {
      if (ticket !== loading) return;
      images = next;
      buttons();
      if (!playing) show(shown < 0 ? model.get("index") : shown);
      if (pending) start();
    }).catch(() => { if (ticket === loading) label.textContent = "the frames did not load"; });
  }
  function loadPoster() {
    const bytes = model.get("poster");
    if (!bytes || !bytes.byteLength) { poster = null; return; }
    const im = new Image();
    im.src = URL.createObjectURL(new Blob([bytes], { type: "image/png" }));
    im.decode().then(() => {
      if (poster) URL.revokeObjectURL(poster.src);
      poster = im;
      if (!fresh()) show(shown);
    }).catch(() => {});
  }
  function resize() {
    slider.max = Math.max(0, times().length - 1);
    if (playing && !fresh()) stop(false);
    if (!playing) show(Math.min(shown < 0 ? model.get("index") : shown, times().length - 1));
    buttons();
  }

  play.addEventListener("click", () => (playing ? stop(false) : start()));
  loop.addEventListener("click", () => { tell({ loop: !model.get("loop") }); buttons(); });
  slider.addEventListener("input", () => {
    stop(false);
    show(Number(slider.value));
    tell({ index: shown });
  });
  root.addEventListener("keydown", (e) => {
    const onButton = e.target.tagName === "BUTTON";
    if (e.key === " " && !onButton) { e.preventDefault(); playing ? stop(false) : start(); }
    else if (e.target === slider) return;  // the slider's own arrows, Home and End
    else if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
      e.preventDefault();
      step(e.key === "ArrowRight" ? 1 : -1);
    } else if (e.key === "Home" || e.key === "End") {
      e.preventDefault();
      step(e.key === "Home" ? -shown : times().length);
    }
  });
  model.on("change:frames", loadFrames);
  model.on("change:poster", loadPoster);
  model.on("change:times change:labels change:stale", resize);
  model.on("change:version", () => want(false));
  model.on("change:loop", buttons);
  model.on("change:index", () => {
    if (!playing && model.get("index") !== shown) show(model.get("index"));
  });
  model.on("change:playing", () => {
    if (model.get("playing") !== playing) (model.get("playing") ? start() : stop(false));
  });
  model.on("change:font_px", () => root.style.setProperty("--hinge-player-font",
                                                          model.get("font_px") + "px"));
  root.style.setProperty("--hinge-player-font", model.get("font_px") + "px");
  slider.max = Math.max(0, times().length - 1);
  buttons();
  loadPoster();
  loadFrames();
  show(model.get("index"));
  want(true);
  return () => {
    cancelAnimationFrame(raf);
    clearTimeout(timer);
    urls.forEach(URL.revokeObjectURL);
    if (poster) URL.revokeObjectURL(poster.src);
  };
}
export default { render };
""" % {"words": list(PLAY_WORDS).__repr__().replace("'", '"'), "rest": REST_MS,
       "catch_up": CATCH_UP_S}

# Okabe-Ito blue for the pressed button and the focus ring (5:1 on white); text and
# buttons take JupyterLab's theme colours (a dark theme too), light ones elsewhere
_CSS = """
.hinge-frame-player { font-size: var(--hinge-player-font, 16px); display: flex;
  flex-direction: column; gap: 0.4em; max-width: 100%;
  color: var(--jp-ui-font-color1, #111); }
.hinge-frame-player .hinge-player-frame { max-width: 100%; height: auto;
  align-self: flex-start; }
.hinge-player-bar { display: flex; align-items: center; gap: 0.6em; flex-wrap: wrap; }
.hinge-player-bar button { font: inherit; padding: 0.2em 0.8em; min-height: 2em;
  border: 1px solid var(--jp-border-color1, #444); border-radius: 4px;
  background: var(--jp-layout-color2, #f2f2f2); color: var(--jp-ui-font-color1, #111);
  cursor: pointer; }
.hinge-player-bar button[aria-pressed="true"] { background: #0072b2; color: #fff;
  border-color: #0072b2; }
.hinge-player-bar .hinge-player-slider { flex: 1 1 12em; min-width: 10em; height: 1.5em;
  accent-color: #0072b2; }
.hinge-player-label { min-width: 12em; font-variant-numeric: tabular-nums; }
.hinge-frame-player :focus-visible { outline: 3px solid #0072b2; outline-offset: 2px; }
"""


def frame_label(t, phase, names=PHASES):
    """The words under a frame: its time (s) and phase, e.g. "1.20 s · lowering".

    Parameters
    ----------
    t : float
        Time from the start of the rep (s).
    phase : int
        Index into ``names``.
    names : sequence of str
        The phases' words: :data:`hinge_sim.model.motion.PHASES`, or a rep's own
        (:func:`hinge_sim.model.motion.phase_names`).
    """
    return f"{t:.2f} s · {names[int(phase)]}"


class FramePlayer(anywidget.AnyWidget):
    """A rep's frames, held and played by the browser at their own times.

    Parameters
    ----------
    frames : list of bytes, optional
        PNG files, one a frame (all the same size).
    times : sequence of float
        Time of each frame from the start of the rep (s), increasing.
    labels : sequence of str, optional
        Words shown with each frame (default its time, "1.20 s").
    source : callable, optional
        ``source()`` returns the PNG list for the current ``times``; called
        when the browser asks for frames after :meth:`invalidate`.
    alt : str
        What the picture shows, for a screen reader.
    font_px : int
        Text size of the buttons and the time (px).
    loop : bool
        Play again from the start at the end.

    Raises
    ------
    ValueError
        When frames, times and labels differ in length, or times do not
        increase.
    """

    _esm = _ESM
    _css = _CSS
    frames = traitlets.List(traitlets.Bytes()).tag(sync=True)
    times = traitlets.List(traitlets.Float()).tag(sync=True)
    labels = traitlets.List(traitlets.Unicode()).tag(sync=True)
    poster = traitlets.Bytes(b"").tag(sync=True)
    stale = traitlets.Bool(False).tag(sync=True)
    version = traitlets.Int(0).tag(sync=True)
    index = traitlets.Int(0).tag(sync=True)
    playing = traitlets.Bool(False).tag(sync=True)
    loop = traitlets.Bool(False).tag(sync=True)
    alt = traitlets.Unicode("").tag(sync=True)
    font_px = traitlets.Int(FONT_PX).tag(sync=True)

    def __init__(self, frames=None, times=(), labels=None, source=None, alt="", font_px=FONT_PX,
                 loop=False):
        times = self._check_times(times)
        labels = [f"{t:.2f} s" for t in times] if labels is None else [str(s) for s in labels]
        if len(labels) != len(times):
            raise ValueError(f"labels: {len(labels)} given for {len(times)} times; "
                             "give one a frame")
        if frames is not None and len(frames) != len(times):
            raise ValueError(f"frames: {len(frames)} given for {len(times)} times; "
                             "give one a frame")
        if frames is None and source is None:
            raise TypeError("FramePlayer needs frames or a source function to make them")
        if not 8 <= int(font_px) <= 64:
            raise ValueError(f"font_px = {font_px!r} is outside the valid range 8 to 64 px")
        super().__init__(times=times, labels=labels, frames=list(frames or []),
                         stale=frames is None, alt=str(alt), font_px=int(font_px),
                         loop=bool(loop))
        self.source = source
        self.on_msg(self._on_msg)

    @staticmethod
    def _check_times(times):
        times = [float(t) for t in times]
        if not times:
            raise ValueError("times: at least one frame time (s) is needed")
        if any(b <= a for a, b in zip(times, times[1:])):
            raise ValueError("times: frame times (s) must increase from frame to frame")
        return times

    def invalidate(self, poster, times, labels):
        """The rep changed: show ``poster`` (PNG) until the frames are made again.

        Parameters
        ----------
        poster : bytes
            PNG of the frame at ``index`` of the new rep.
        times, labels : sequence
            The new rep's frame times (s) and words; ``source`` makes its frames.
        """
        if self.source is None:
            raise TypeError("invalidate needs a FramePlayer made with a source function")
        times = self._check_times(times)
        with self.hold_sync():
            self.playing = False
            self.stale = True
            self.poster = poster
            self.labels = [str(s) for s in labels]
            self.times = times
            self.index = min(self.index, len(times) - 1)
            self.version += 1

    def fill(self):
        """Make the frames from ``source`` now (the browser asks by itself)."""
        if self.source is None or not self.stale:
            return
        frames = list(self.source())
        if len(frames) != len(self.times):
            raise ValueError(f"source made {len(frames)} frames for {len(self.times)} times")
        with self.hold_sync():
            self.frames = frames
            self.stale = False

    def _on_msg(self, widget, content, buffers):
        if isinstance(content, dict) and content.get("want") == "frames":
            self.fill()

    @traitlets.validate("index")
    def _valid_index(self, proposal):
        k = proposal["value"]
        if not 0 <= k < max(1, len(self.times)):
            raise ValueError(f"index = {k!r} is outside the valid range 0 to "
                             f"{len(self.times) - 1} (the frames)")
        return k
