"""Widget views as static HTML, from the widget state an executed notebook keeps.

A static page cannot run the panels, and the widget state holds the answers
(a prediction opened for the build shows its verdict and explanation). So each
widget view becomes plain HTML and the state is dropped:

- a question (``hinge-question``): the question and its options, lettered, or the
  estimate's range; never the answer, the feedback (``hinge-feedback``) or the
  explanation (``hinge-explain``);
- what a prediction opens (``hinge-reveal``): its figures and tables inside a
  closed ``<details>`` fold, *After you predict*, so the page asks first;
- a panel: its figure (PNG, inline) and its words, with a line naming the
  controls that move it in JupyterLab;
- controls (sliders, buttons, menus) are not drawn: they do nothing on a page.

:func:`questions` reads the same state for the handout's worksheet.
"""
import ast
import base64
import copy
import html

import markdown_it

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
REF = "IPY_MODEL_"
HIDDEN_CLASSES = {"hinge-feedback", "hinge-explain"}
CONTROLS = {"FloatSliderModel", "IntSliderModel", "FloatRangeSliderModel", "IntRangeSliderModel",
            "DropdownModel", "ToggleButtonModel", "ToggleButtonsModel", "ButtonModel",
            "CheckboxModel", "TextModel", "TextareaModel", "PlayModel", "DatePickerModel",
            "BoundedIntTextModel", "BoundedFloatTextModel", "IntTextModel", "FloatTextModel",
            "FileUploadModel", "SelectionSliderModel", "SelectModel", "ColorPickerModel"}
LIVE_NOTE = ("A picture of a live panel. Open the lesson in JupyterLab (the buttons at the "
             "top of the page) to move it")
AFTER = "After you predict: what the model shows"
#: What stands for the source of a cell that builds a question (never shown)
QUESTION_SOURCE = "# This question's code is in the lesson notebook."
_MD = markdown_it.MarkdownIt("commonmark").enable("table")


def markdown_html(text):
    """Return Markdown (CommonMark with tables) as HTML."""
    return _MD.render(text)


def widget_state(notebook):
    """Return model id -> model of a notebook's stored widget state ({} when none)."""
    meta = notebook.get("metadata", {}).get("widgets", {})
    return meta.get(WIDGET_STATE, {}).get("state", {})


class _View:
    """One widget view rendered from the state."""

    def __init__(self, state):
        self.state = state
        self.controls = []

    def model(self, ref):
        mid = ref[len(REF):] if isinstance(ref, str) and ref.startswith(REF) else ref
        return self.state.get(mid)

    def hidden(self, model):
        layout = self.model(model["state"].get("layout"))
        return bool(layout) and layout["state"].get("display") == "none"

    def classes(self, model):
        return set(model["state"].get("_dom_classes", []))

    def children(self, model):
        return [m for m in (self.model(r) for r in model["state"].get("children", [])) if m]

    def render(self, model, in_question=False):
        if model is None or self.hidden(model) or self.classes(model) & HIDDEN_CLASSES:
            return ""
        name, st = model["model_name"], model["state"]
        classes = self.classes(model)
        if "hinge-question" in classes and not in_question:
            return self.question(model)
        if "hinge-reveal" in classes:
            before = len(self.controls)
            inner = "".join(self.render(c) for c in self.children(model))
            inner += live_note(inner, self.controls[before:])
            del self.controls[before:]          # named inside the fold
            return (f'<details class="hinge-after"><summary>{AFTER}</summary>{inner}</details>'
                    if inner.strip() else "")
        if name in ("VBoxModel", "BoxModel", "GridBoxModel", "AccordionModel", "TabModel"):
            inner = "".join(self.render(c, in_question) for c in self.children(model))
            return f'<div class="hinge-box">{inner}</div>' if inner else ""
        if name == "HBoxModel":
            inner = "".join(self.render(c, in_question) for c in self.children(model))
            return f'<div class="hinge-row">{inner}</div>' if inner else ""
        if name in ("HTMLModel", "HTMLMathModel"):
            return f'<div class="hinge-html">{st.get("value", "")}</div>'
        if name == "LabelModel":
            return f"<p>{html.escape(st.get('value', ''))}</p>"
        if name == "ImageModel":
            return self.image(model)
        if name == "AnyModel":  # anywidget: the frame player's still, or the words view
            if any(b["path"] == ["poster"] for b in model.get("buffers", [])):
                return self.image(model, "poster", st.get("alt") or "The rep's first frame")
            if "hinge-words" in classes:
                return f"<p>{html.escape(st.get('text', ''))}</p>"
            return ""
        if name == "OutputModel":
            return "".join(self.output(o) for o in st.get("outputs", []))
        if name in CONTROLS:
            label = st.get("description") or st.get("tooltip") or ""
            if label and name != "ButtonModel":
                self.controls.append(label)
            return ""
        return ""

    def image(self, model, key="value", alt="The panel's figure"):
        data = next((b["data"] for b in model.get("buffers", []) if b["path"] == [key]), None)
        if data is None:
            return ""
        fmt = model["state"].get("format", "png")
        return (f'<img class="hinge-figure" alt="{html.escape(alt)}" '
                f'src="data:image/{fmt};base64,{data}">')

    def output(self, out):
        if out.get("output_type") == "stream":
            return f"<pre>{html.escape(''.join(out.get('text', '')))}</pre>"
        data = out.get("data", {})
        if WIDGET_VIEW in data:
            return self.render(self.model(data[WIDGET_VIEW]["model_id"]))
        if "image/png" in data:
            png = "".join(data["image/png"]).replace("\n", "")
            return f'<img class="hinge-figure" alt="Figure" src="data:image/png;base64,{png}">'
        if "text/html" in data:
            return "".join(data["text/html"])
        if "text/markdown" in data:
            return markdown_html("".join(data["text/markdown"]))
        if "text/plain" in data:
            return f"<pre>{html.escape(''.join(data['text/plain']))}</pre>"
        return ""

    def question(self, model):
        q = _question(model, self)
        if q is None:
            return ""
        parts = [f'<p class="hinge-ask"><b>{q["question"]}</b></p>']
        if q["options"]:
            items = "".join(f"<li>{html.escape(o)}</li>" for o in q["options"])
            parts.append(f'<ol class="hinge-options" type="A">{items}</ol>')
        if q["kind"] == "estimate":
            parts.append(f'<p class="hinge-range">Your estimate, between {q["low"]:g} and '
                         f'{q["high"]:g} {html.escape(q["unit"])}.</p>')
        how = {"quiz": "In JupyterLab, choosing an answer tells you at once why it is right "
                       "or not.",
               "prediction": "Decide first. In JupyterLab you lock in your choice and the "
                             "panel that answers it opens.",
               "estimate": "Decide first. In JupyterLab you lock in your estimate and the "
                           "model's number appears."}[q["kind"]]
        parts.append(f'<p class="hinge-how">{how}</p>')
        reveal = next((c for c in self.children(model) if "hinge-reveal" in self.classes(c)),
                      None)
        if reveal is not None:
            parts.append(self.render(reveal))
        return f'<div class="hinge-question hinge-{q["kind"]}">{"".join(parts)}</div>'


def _question(model, view):
    """Return the question a ``hinge-question`` box asks, without its answer, or None."""
    classes = view.classes(model)
    kind = ("prediction" if "hinge-prediction" in classes else
            "estimate" if "hinge-estimate" in classes else
            "quiz" if "hinge-quiz" in classes else None)
    if kind is None:
        return None
    texts, options, slider = [], [], None
    for child in view.children(model):
        name = child["model_name"]
        if name == "HTMLModel" and not view.hidden(child) \
                and not view.classes(child) & (HIDDEN_CLASSES | {"hinge-reveal"}):
            texts.append(child["state"].get("value", ""))
        elif name == "RadioButtonsModel":
            options = list(child["state"].get("_options_labels", []))
        elif name in ("FloatSliderModel", "IntSliderModel"):
            slider = child["state"]
    if not texts:
        return None
    out = {"kind": kind, "question": texts[0], "options": options}
    if kind == "estimate" and slider is not None:
        desc = slider.get("description", "")
        unit = desc[desc.find("(") + 1:desc.rfind(")")] if "(" in desc else ""
        out.update(low=float(slider["min"]), high=float(slider["max"]), unit=unit)
    return out


def live_note(body, controls):
    """Return the line naming the controls that move a pictured panel ("" when none)."""
    controls = list(dict.fromkeys(controls))
    if "hinge-figure" not in body or not controls:
        return ""
    names = ", ".join(f"<i>{html.escape(c)}</i>" for c in controls[:8])
    more = " and more" if len(controls) > 8 else ""
    return f'<p class="hinge-live">{LIVE_NOTE}: {names}{more}.</p>'


def widget_html(model_id, state):
    """Return (HTML, names of the controls) for one widget view of ``state``."""
    view = _View(state)
    body = view.render(view.model(model_id))
    return body, list(dict.fromkeys(view.controls))


def output_html(model_id, state):
    """Return the HTML that replaces one widget view on a static page ("" for nothing to show)."""
    body, controls = widget_html(model_id, state)
    if not body.strip():
        return ""
    return f'<div class="hinge-static">{body}{live_note(body, controls)}</div>'


def questions(notebook):
    """Return the questions a notebook's widgets ask, in page order, without answers.

    Each is a dict: ``kind`` (``"prediction"``, ``"estimate"``, ``"quiz"``),
    ``question`` (HTML), ``options`` (text), and for an estimate ``low``, ``high``,
    ``unit``.
    """
    state = widget_state(notebook)
    view = _View(state)
    found = []
    for cell in notebook.get("cells", []):
        for out in cell.get("outputs", []):
            ref = out.get("data", {}).get(WIDGET_VIEW, {}).get("model_id")
            model = view.model(ref) if ref else None
            if model and "hinge-question" in view.classes(model):
                q = _question(model, view)
                if q:
                    found.append(q)
    return found


def _builds_question(source):
    """True when a code cell's source calls Prediction, Estimate or Quiz (it names the answer)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return True        # cannot tell: keep the source off the page
    return any(isinstance(n, ast.Call) and getattr(n.func, "id", getattr(n.func, "attr", ""))
               in ("Prediction", "Estimate", "Quiz") for n in ast.walk(tree))


def static_notebook(notebook, drop_tags=("progress",)):
    """Return a copy of an executed notebook fit for a static page.

    Widget views become ``text/html`` outputs (:func:`output_html`); the widget
    state is removed; the source of every cell that builds a question (and of
    every cell hidden in JupyterLab) is emptied and kept off the page (tag
    ``remove-input``);
    cells tagged with one of ``drop_tags`` (the learner's progress) are dropped.
    """
    nb = copy.deepcopy(notebook)
    state = widget_state(nb)
    cells = []
    for cell in nb.get("cells", []):
        meta = cell.setdefault("metadata", {})
        tags = meta.get("tags", [])
        if set(tags) & set(drop_tags):
            continue
        if cell.get("cell_type") == "code":
            hidden = meta.get("jupyter", {}).get("source_hidden", False)
            if hidden or _builds_question("".join(cell.get("source", ""))):
                meta["tags"] = [*tags, "remove-input"]
                # its options' explanations stay out of the book too (a cell with no
                # source at all would be skipped, outputs and all)
                cell["source"] = QUESTION_SOURCE
            outputs = []
            for out in cell.get("outputs", []):
                ref = out.get("data", {}).get(WIDGET_VIEW, {}).get("model_id")
                if ref is None:
                    outputs.append(out)
                    continue
                body = output_html(ref, state)
                if body:
                    outputs.append({"output_type": "display_data", "metadata": {},
                                    "data": {"text/html": body}})
            cell["outputs"] = outputs
        cells.append(cell)
    nb["cells"] = cells
    nb.get("metadata", {}).pop("widgets", None)
    return nb


def png_bytes(data_uri):
    """Decode a ``data:image/png;base64,...`` address (for tests and handouts)."""
    return base64.b64decode(data_uri.split(",", 1)[1])
