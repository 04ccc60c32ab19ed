"""Key presses on a panel's figure image, sent to Python (an anywidget).

``ipyevents`` sends key events only while the mouse is over the image, so a
learner who reaches the figure with Tab could not use it. This widget sits
beside the figure's ``ipywidgets.Image`` (class ``hinge-figure``) in the same
box, finds it there, puts it in the Tab order, names it for screen readers (``label``, a
``role="application"`` element described by ``status``) and, while it has
focus, sends the keys listed in ``handled`` to Python: ``{"key": ..., "shift": ...}``
(letters lower case), and ``{"focus": bool}`` when it gains focus from the
keyboard or loses it. Which key does what is decided in Python
(:mod:`hinge_sim.ui.keys`). Its own element is ``status``: one line, a polite
live region, shown while the figure has focus.
"""
import anywidget
import traitlets

_ESM = """
function render({ model, el }) {
  const status = document.createElement("div");
  status.className = "hinge-keys-status";
  status.id = "hinge-keys-" + Math.random().toString(36).slice(2);
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  el.append(status);
  let figure = null, tries = 0, gone = false;
  const said = () => { status.textContent = model.get("status"); };
  const named = () => figure && figure.setAttribute("aria-label", model.get("label"));
  const keyOf = (e) => (e.key.length === 1 ? e.key.toLowerCase() : e.key);
  function onKey(e) {
    if (e.ctrlKey || e.altKey || e.metaKey || !model.get("handled").includes(keyOf(e))) return;
    e.preventDefault();
    e.stopPropagation();  // not JupyterLab's command-mode keys (B, K, L, arrows)
    el.classList.add("hinge-keys-on");
    model.send({ key: keyOf(e), shift: e.shiftKey });
  }
  function onFocus() {
    const keyboard = figure.matches(":focus-visible");
    el.classList.toggle("hinge-keys-on", keyboard);
    if (keyboard) model.send({ focus: true });
  }
  function onBlur() {
    el.classList.remove("hinge-keys-on");
    model.send({ focus: false });
  }
  function find() {  // the figure image is a sibling in the same box, once both are placed
    if (gone) return;
    const box = el.parentElement;
    figure = box && box.querySelector(":scope > img.hinge-figure");
    if (!figure) { if (++tries < 600) requestAnimationFrame(find); return; }
    figure.tabIndex = 0;  // in the Tab order, where it sits in the panel
    figure.setAttribute("role", "application");
    figure.setAttribute("aria-roledescription", "posable figure");
    figure.setAttribute("aria-describedby", status.id);
    named();
    figure.addEventListener("keydown", onKey);
    figure.addEventListener("focus", onFocus);
    figure.addEventListener("blur", onBlur);
  }
  model.on("change:status", said);
  model.on("change:label", named);
  said();
  find();
  return () => {
    gone = true;
    if (!figure) return;
    figure.removeEventListener("keydown", onKey);
    figure.removeEventListener("focus", onFocus);
    figure.removeEventListener("blur", onBlur);
  };
}
export default { render };
"""
# The status line: hidden (but read by screen readers) until the figure has focus
# from the keyboard, then one line under it with a bar of the focus-ring blue.
_CSS = """
.hinge-keys-status { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); }
.hinge-keys-on .hinge-keys-status { position: static; width: auto; height: auto;
  clip: auto; margin: 0.2em 0; padding-left: 0.5em; border-left: 4px solid #0072B2;
  line-height: 1.4; }
"""


class FigureKeys(anywidget.AnyWidget):
    """The keyboard on a figure image placed in the same box.

    Attributes
    ----------
    handled : list of str
        Keys sent to Python (``KeyboardEvent.key``, letters lower case); the
        others (Tab among them) do what they always do.
    label : str
        The figure's name for screen readers (``aria-label``).
    status : str
        The line said after each key and shown while the figure has focus.
    """

    _esm = _ESM
    _css = _CSS
    handled = traitlets.List(traitlets.Unicode()).tag(sync=True)
    label = traitlets.Unicode("").tag(sync=True)
    status = traitlets.Unicode("").tag(sync=True)
