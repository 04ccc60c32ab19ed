"""Text that screen readers announce when it changes (an ARIA live region).

An ``ipywidgets.HTML`` replaces its whole element on every change, which screen
readers do not reliably announce; this widget keeps one ``role="status"``
element in the page and changes only its text (anywidget: a few lines of
browser code, no build step).
"""
import anywidget
import traitlets

_ESM = """
function render({ model, el }) {
  const box = document.createElement("div");
  box.className = "hinge-live-text";
  box.setAttribute("role", "status");
  box.setAttribute("aria-live", "polite");
  box.setAttribute("aria-atomic", "true");
  const show = () => { box.textContent = model.get("text"); };
  model.on("change:text", show);
  show();
  el.appendChild(box);
}
export default { render };
"""
_CSS = """
.hinge-live-text { font-size: 1em; line-height: 1.45; margin: 0.3em 0; max-width: 60em; }
"""


class LiveText(anywidget.AnyWidget):
    """One paragraph of plain text, announced politely by screen readers when it changes.

    Attributes
    ----------
    text : str
        The words shown and announced.
    """

    _esm = _ESM
    _css = _CSS
    text = traitlets.Unicode("").tag(sync=True)
