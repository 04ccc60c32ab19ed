"""The contents page's progress: what is done, what is next, download and load.

Usage
-----
1. ``CourseProgress()`` at the end of a cell of the contents page shows a table of the
   lessons with the learner's progress in each, a link to the next lesson, a link that
   downloads ``hinge-progress.json`` and a button that loads one from another computer.
2. ``CourseProgress(folder).markdown`` -> the table as Markdown (the learner's copy stores
   it as the cell's output, so the contents page shows progress before any kernel runs).

The table and the download link are plain notebook output (links open lessons in
JupyterLab, nothing breaks when the kernel stops); only the load button is a widget.
"""
import base64
import html
import os

import ipywidgets as widgets

from .. import course, progress


class CourseProgress:
    """The learner's progress through the lessons in ``folder``.

    Parameters
    ----------
    folder : str or os.PathLike, optional
        The learner's course folder (the lessons); default the current folder,
        where the contents page's kernel runs.
    """

    def __init__(self, folder=None):
        self.folder = folder or os.getcwd()
        self.markdown = course.progress_markdown(self.folder)
        self.message = widgets.HTML()
        self.upload = widgets.FileUpload(accept=".json", multiple=False,
                                   description="Load progress from a file")
        self.upload.observe(lambda change: self._load(change["new"]), names="value")
        self.widget = widgets.VBox([self.upload, self.message])
        self.widget.add_class("hinge-progress-load")

    def download_html(self):
        """Return an HTML link that downloads the progress file as it is now."""
        data = base64.b64encode(progress.export()).decode()
        return (f'<a download="{progress.FILENAME}" href="data:application/json;base64,{data}">'
                f'⬇ Download my progress</a> ({html.escape(progress.FILENAME)}): keep it, or load '
                "it on another computer with the button below.")

    def load(self, data):
        """Merge an exported progress file (bytes) into this one and say how it went."""
        try:
            n = progress.load(data)
        except progress.ProgressError as exc:
            self.message.value = f"<b>Not loaded:</b> {html.escape(str(exc))}"
            return 0
        self.message.value = (f"Loaded {n} saved steps. Run this cell again to see them in "
                              "the table; lessons show them when you run them.")
        return n

    def _load(self, files):
        for f in files:
            self.load(bytes(f["content"]))

    def _ipython_display_(self):
        from IPython.display import HTML, Markdown, display
        display(Markdown(self.markdown))
        display(HTML(self.download_html()))
        display(self.widget)
