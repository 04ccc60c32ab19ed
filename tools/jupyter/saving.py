"""What a saved lesson holds: no widget views, one line that says how to pick up.

A widget is only alive while its kernel runs. Saved into the notebook, each
widget view comes back after the kernel stopped as "Error displaying widget:
model not found". This pre-save hook (``FileContentsManager.pre_save_hook``)
drops every widget view from the saved file and the widget state from its
metadata, and when it dropped any, puts one plain line into the output of the
notebook's first code cell instead (:data:`RESUME`); it stays there until that
cell runs again. Printed text, tables and
figures that are not widgets stay. Running the lesson again replaces the line
with the live panels, and :mod:`hinge_sim.progress` brings the answers back.
"""
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
RESUME = ("This lesson's panels and questions stopped with its kernel. To pick up where you "
          "left off: Run → Run All Cells. Your answers are kept.")
MARK = "hinge-sim-resume"


def without_widgets(notebook):
    """Drop widget views and widget state from ``notebook`` (in place); return True if any.

    The line saying how to pick up goes into the first code cell, once.

    Parameters
    ----------
    notebook : dict
        An nbformat 4 notebook (``cells``, ``metadata``).
    """
    notebook.get("metadata", {}).pop("widgets", None)
    dropped = had_line = False
    code = [c for c in notebook.get("cells", []) if c.get("cell_type") == "code"]
    for cell in code:
        kept = []
        for out in cell.get("outputs", []):
            if out.get("metadata", {}).get(MARK):
                had_line = True
                continue
            if WIDGET_VIEW in out.get("data", {}):
                dropped = True
                continue
            kept.append(out)
        cell["outputs"] = kept
    if (dropped or had_line) and code:  # a lesson reopened and saved unrun keeps its line
        code[0]["outputs"].insert(0, {"output_type": "display_data", "data": {"text/plain": RESUME},
                                      "metadata": {MARK: True}})
    return dropped


def pre_save_hook(model, path, contents_manager=None, **kwargs):
    """Jupyter server pre-save hook: save notebooks without widget views."""
    if model.get("type") == "notebook" and isinstance(model.get("content"), dict):
        without_widgets(model["content"])
