"""A panel that has lost its Python kernel says so (an anywidget).

After a kernel restart, or a kernel that died or was shut down, the panels of
the old kernel stay on the page looking live: sliders move and nothing
happens. This widget sits at the top of a panel (and of a quiz question). While
the panel shows and the page is in use (``REST_S``), its browser code sends
Python ``{"ping": n}`` every ``every`` seconds through the widget's comm, and
Python answers ``{"pong": n}``. When the answers stop, the widget shows a banner in
plain words (a polite ``role="status"`` live region, never taking the focus)
and marks the panel with the class ``hinge-kernel-lost``; while the panel is on
the screen but its top is not (a tall panel scrolled to its controls), a short
copy is pinned to the foot of the view (``hinge-kernel-pinned``, hidden from
screen readers, letting clicks through). The banner goes away when answers come
back. The widget's element carries ``data-kernel``:
``waiting`` (no answer yet), ``live`` or ``lost``, and ``data-pings``, the pings sent.

When is the kernel lost? (``lost()`` in the browser code, tested with Node.js
in ``tests/test_kernel_watch.py``.) Never before a first answer: a page saved
or exported with its widgets never had a kernel to lose. Then at once when the
widget manager marks the widget's comm closed (ipywidgets 8 sets ``comm_live``
false, shown as the class ``jupyter-widgets-disconnected`` on the widget, when
JupyterLab or Voila restarts the kernel), when the page's kernel reports
``restarting``, ``autorestarting``, ``terminating`` or ``dead``, when the widget
manager holds no kernel any more, or when a ping cannot be sent. Otherwise when a
ping has waited ``quiet`` seconds with no answer while the kernel was never
seen busy: a busy kernel (a long cell, Run All) answers only once it is free,
so a kernel seen busy is alive, however long its cell. Where the page does not
show the kernel's state, the wait is ``blind`` seconds.

The numbers (assumptions, chosen here, not measured from users):

- ``PING_S = 5`` s: a ping every 5 s (the 1 s check makes it 5 to 6 s) is at
  most 0.2 messages a second each way per panel (about 60 bytes each), nothing
  beside a slider drag's dozens; none while nobody watches (``REST_S``).
- ``QUIET_S = 15`` s: three pings unanswered by an idle kernel. An idle kernel
  answers in milliseconds; 15 s leaves room for a slow network and for the
  moments between the cells of a Run All, when the kernel reads idle.
- ``BLIND_S = 60`` s: with no kernel state to read, a cell running up to a
  minute (the course's longest runs a few seconds) must not raise the banner.
- ``REST_S = 600`` s: after the first answer, pings go out only while the panel
  shows (its notebook tab in front, the browser tab in view; JupyterLab also
  hides cells far out of view) and someone used the page in the last 10
  minutes. Each ping is kernel activity: a panel left open would otherwise look
  busy to the course's three-kernel cap (``tools/jupyter/kernels.py`` stops the
  kernel idle longest) and keep a JupyterHub server from its 30-minute idle cull.
  A closed comm or a dead kernel is still shown at once, pings or not; a kernel
  lost while nobody looked is found within ``QUIET_S`` of the next use.
"""
import anywidget
import traitlets

PING_S = 5.0
QUIET_S = 15.0
BLIND_S = 60.0
REST_S = 600.0

#: What the banner says, in this order: TITLE, WHY, the fix (FIX_NOTEBOOK in a
#: notebook, i.e. JupyterLab; FIX_PAGE elsewhere, i.e. a Voila dashboard), KEPT.
TITLE = "This panel has lost its Python kernel."
WHY = "The kernel was restarted or stopped, so the controls do nothing now."
# A new kernel knows nothing of the cells above (imports, the lesson's module), so the fix
# in a notebook is the whole notebook, not this one cell.
FIX_NOTEBOOK = ("To bring it back, run the notebook again from the top: "
                "Run menu, then Run All Cells.")
FIX_PAGE = "To bring it back, reload this page."
KEPT = "Your saved journal entries and progress are kept."

_ESM = """
const GONE = ["restarting", "autorestarting", "terminating", "dead"];

// Whether the panel has lost its kernel. Times in ms (performance.now()).
//   heard: last answer (null: never); waiting: first ping not answered since (null: none);
//   gone: last time the comm was closed or the kernel restarted or died (null: never);
//   busy: last time the kernel was seen busy (null: never); status: the kernel's
//   state (null: unknown); quiet, blind: the waits (ms) with and without a state.
export function lost({ now, heard, waiting, gone, busy, status, quiet, blind }) {
  if (heard === null) return false;
  if (gone !== null && gone > heard) return true;
  if (waiting === null) return false;
  if (status === null) return now - waiting >= blind;
  return now - Math.max(waiting, busy === null ? -Infinity : busy) >= quiet;
}

// Whether to ping now: every `every` ms until the first answer (which arms the watch,
// wherever the panel is), then while the panel shows on a page in view that someone
// used (pointer, keys, wheel, scroll) in the last `rest` ms. An unwatched panel sends
// nothing: it neither looks busy to the course's kernel cap (which stops the kernel
// idle longest) nor keeps a JupyterHub server from its idle cull.
export function due({ now, lastPing, every, heard, shows, lastUse, rest }) {
  if (now - lastPing < every) return false;
  return heard === null || (shows && now - lastUse < rest);
}

// The page's kernel state: null where the widget manager shows no kernel at all (a
// saved or exported page); "dead" where it had one and holds none now, or a disposed one.
function kernelStatus(model) {
  try {
    const manager = model.widget_manager;
    if (!manager || !("kernel" in manager)) return null;
    const kernel = manager.kernel;
    if (!kernel || kernel.isDisposed) return "dead";
    return typeof kernel.status === "string" ? kernel.status : null;
  } catch (e) {
    return null;
  }
}

// Whether any of element e shows: inside the window and every box around it that clips.
function inView(e) {
  const r = e.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return false;
  let top = 0, bottom = window.innerHeight;
  for (let a = e.parentElement; a; a = a.parentElement) {
    if (getComputedStyle(a).overflowY === "visible") continue;
    const b = a.getBoundingClientRect();
    top = Math.max(top, b.top);
    bottom = Math.min(bottom, b.bottom);
  }
  return r.bottom > top && r.top < bottom;
}

function render({ model, el }) {
  const banner = document.createElement("div");
  banner.className = "hinge-kernel-banner";
  banner.setAttribute("role", "status");
  banner.setAttribute("aria-live", "polite");
  banner.setAttribute("aria-atomic", "true");
  // The same words pinned to the foot of the view while the panel shows but its top
  // does not (a tall panel scrolled to its controls); hidden from screen readers,
  // which hear the banner once.
  const pinned = document.createElement("div");
  pinned.className = "hinge-kernel-pinned";
  pinned.setAttribute("aria-hidden", "true");
  pinned.hidden = true;
  el.classList.add("hinge-kernel-watch");
  el.append(banner, pinned);
  const s = { heard: null, waiting: null, gone: null, busy: null, status: null };
  let n = 0, lastPing = -Infinity, wasGone = false, shown = false;
  let panel = null, frame = 0;
  const now = () => performance.now();
  let lastUse = now();
  const used = () => { lastUse = now(); };
  const USES = ["pointermove", "pointerdown", "keydown", "wheel", "scroll"];
  for (const u of USES) document.addEventListener(u, used, { capture: true, passive: true });
  const shows = () => document.visibilityState === "visible" && el.isConnected
                      && (typeof el.checkVisibility !== "function" || el.checkVisibility());
  function place() {  // the pinned copy: while the panel is in view and its banner is not
    frame = 0;
    pinned.hidden = !(shown && panel && inView(panel) && !inView(banner));
  }
  const onScroll = () => { if (shown && !frame) frame = requestAnimationFrame(place); };
  document.addEventListener("scroll", onScroll, { capture: true, passive: true });
  function findPanel() {  // once the view is placed in the panel's box
    if (!panel) panel = el.closest(".hinge-panel, .hinge-question");
  }

  function words(isLost) {
    const notebook = el.closest(".jp-NotebookPanel") !== null;
    const fix = model.get(notebook ? "fix_notebook" : "fix_page");
    for (const [box, text] of [[banner, [model.get("why"), fix, model.get("kept")]],
                               [pinned, [fix]]]) {
      box.textContent = "";
      if (!isLost) continue;
      const title = document.createElement("strong");
      title.textContent = model.get("title") + " ";
      box.append(title, text.join(" "));
    }
  }
  function say(isLost) {
    el.dataset.kernel = s.heard === null ? "waiting" : isLost ? "lost" : "live";
    if (isLost === shown) return;
    shown = isLost;
    if (panel) panel.classList.toggle("hinge-kernel-lost", isLost);
    el.classList.toggle("hinge-kernel-lost", isLost);
    words(isLost);
    place();
  }
  function ping() {
    if (s.waiting === null) s.waiting = now();
    lastPing = now();
    el.dataset.pings = ++n;
    try {
      model.send({ ping: n });
    } catch (e) {  // no kernel to send to: as good as a closed comm
      s.gone = now();
    }
  }
  function tick() {
    findPanel();
    const t = now();
    s.status = kernelStatus(model);
    if (s.status === "busy") s.busy = t;
    const isGone = el.classList.contains("jupyter-widgets-disconnected")
                   || GONE.includes(s.status);
    if (isGone && !wasGone) s.gone = t;
    wasGone = isGone;
    if (due({ now: t, lastPing, every: model.get("every") * 1000, heard: s.heard,
              shows: shows(), lastUse, rest: model.get("rest") * 1000 })) ping();
    say(lost({ now: t, ...s, quiet: model.get("quiet") * 1000,
               blind: model.get("blind") * 1000 }));
    if (shown) place();
  }
  function onMessage(msg) {
    if (!msg || msg.pong === undefined) return;
    s.heard = now();
    s.waiting = null;
    tick();
  }
  model.on("msg:custom", onMessage);
  model.on("comm_live_update", tick);
  const timer = setInterval(tick, 1000);
  tick();
  return () => {
    clearInterval(timer);
    document.removeEventListener("scroll", onScroll, { capture: true });
    for (const u of USES) document.removeEventListener(u, used, { capture: true });
  };
}
export default { render };
"""
# Dark text on a pale orange ground (contrast about 16:1) with a bar of Okabe-Ito
# vermillion, at least 16 px (the projector style's 22 px panels give 23 px); a lost
# panel gets a dashed vermillion outline, inside its edge (the output area clips
# outside it). Nothing shows while the kernel answers. The pinned copy lets clicks
# through (pointer-events: none): it covers no control.
_CSS = """
.hinge-kernel-watch { width: 100%; flex: 0 0 100%; }
.hinge-kernel-watch.hinge-kernel-lost .hinge-kernel-banner {
  margin: 0.3em 0 0.5em; padding: 0.5em 0.8em; border-left: 8px solid #D55E00;
  background: #FFF1E0; color: #1A1A1A; font-size: max(16px, 1.05em); line-height: 1.45;
  max-width: 60em;
}
.hinge-panel.hinge-kernel-lost, .hinge-question.hinge-kernel-lost {
  outline: 3px dashed #D55E00; outline-offset: -3px; }
.hinge-kernel-pinned { position: fixed; left: 50%; transform: translateX(-50%); bottom: 12px;
  z-index: 100; width: max-content; max-width: min(44em, 90%); pointer-events: none;
  padding: 0.45em 0.8em; border-left: 8px solid #D55E00; background: #FFF1E0; color: #1A1A1A;
  font-size: max(16px, 1.05em); line-height: 1.4; box-shadow: 0 2px 10px rgba(0, 0, 0, 0.35); }
.hinge-kernel-pinned[hidden] { display: none; }
"""


class KernelWatch(anywidget.AnyWidget):
    """The liveness check and banner of a panel (see the module's docstring).

    Attributes
    ----------
    every : float
        Seconds between pings (s).
    quiet : float
        Seconds a ping may wait unanswered while the kernel is not busy (s).
    blind : float
        Seconds a ping may wait when the kernel's state cannot be read (s).
    rest : float
        Seconds after the last use of the page (pointer, keys, wheel, scroll) that
        pings go on (s).
    pongs : int
        Pings answered by this widget (Python side only).
    """

    _esm = _ESM
    _css = _CSS
    every = traitlets.Float(PING_S).tag(sync=True)
    quiet = traitlets.Float(QUIET_S).tag(sync=True)
    blind = traitlets.Float(BLIND_S).tag(sync=True)
    rest = traitlets.Float(REST_S).tag(sync=True)
    title = traitlets.Unicode(TITLE).tag(sync=True)
    why = traitlets.Unicode(WHY).tag(sync=True)
    fix_notebook = traitlets.Unicode(FIX_NOTEBOOK).tag(sync=True)
    fix_page = traitlets.Unicode(FIX_PAGE).tag(sync=True)
    kept = traitlets.Unicode(KEPT).tag(sync=True)

    def __init__(self, every=PING_S, quiet=QUIET_S, blind=BLIND_S, rest=REST_S, **kwargs):
        for name, value in (("every", every), ("quiet", quiet), ("blind", blind),
                            ("rest", rest)):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise TypeError(f"{name} = {value!r} must be a number of seconds")
            if not value > 0:
                raise ValueError(f"{name} = {value!r} s must be above 0 s")
        for name, value in (("quiet", quiet), ("blind", blind)):
            if value < 2 * every:
                raise ValueError(f"{name} = {value!r} s must be at least twice every = "
                                 f"{every!r} s: one late answer must not raise the banner")
        super().__init__(every=float(every), quiet=float(quiet), blind=float(blind),
                         rest=float(rest), **kwargs)
        self.pongs = 0
        self.on_msg(self._answer)

    def _answer(self, _widget, content, _buffers):
        """Answer a ping ``{"ping": n}`` with ``{"pong": n}``; ignore anything else."""
        if isinstance(content, dict) and "ping" in content:
            self.pongs += 1
            self.send({"pong": content["ping"]})
