"""The course's generated cells: navigation in every lesson, and the contents page.

The lessons and the article's strategies live in :mod:`hinge_sim.course` (the
contents page reads them at run time too).

Run ``python -m tools.course`` after adding or renaming a lesson: it rewrites
the navigation cells (tagged ``nav``) at the top and bottom of every lesson and
regenerates ``notebooks/contents.ipynb``. ``python -m tools.course --check``
exits non-zero when anything is out of date (the test suite runs it).
"""
import json
import pathlib
import sys

from hinge_sim.course import LESSONS, STEMS, STRATEGIES, TITLES, label

__all__ = ["LESSONS", "STEMS", "STRATEGIES", "TITLES", "nav_markdown", "contents_notebook",
           "with_navigation", "expected_files", "main"]

NOTEBOOKS = pathlib.Path(__file__).resolve().parents[1] / "notebooks"

def nav_markdown(stem):
    """Return the navigation line for a lesson: previous | contents | next."""
    if stem not in TITLES:
        raise ValueError(f"lesson {stem!r} is not in the course; choose from {STEMS}")
    i = STEMS.index(stem)
    parts = []
    if i > 0:
        parts.append(f"[← {label(STEMS[i - 1])}]({STEMS[i - 1]}.ipynb)")
    parts.append("[Contents](contents.ipynb)")
    if i + 1 < len(STEMS):
        parts.append(f"[{label(STEMS[i + 1])} →]({STEMS[i + 1]}.ipynb)")
    return " | ".join(parts)


def _markdown_cell(cell_id, text, tags=()):
    cell = {"cell_type": "markdown", "id": cell_id, "metadata": {}, "source": text}
    if tags:
        cell["metadata"]["tags"] = list(tags)
    return cell


def contents_notebook():
    """Return the contents page: the learner's progress, the lessons, the strategies.

    Every strategy of the article is mapped to the lesson and activity that
    teaches it. The progress cell (tagged ``progress``) shows what is done and
    what is next; the learner's copy stores its output (``tools/learner.py``).
    """
    lessons = "\n".join(f"- [{label(stem)}]({stem}.ipynb)" for stem in STEMS)
    rows = "\n".join(f"| {s} | [{label(stem)}]({stem}.ipynb) | {activity} |"
                     for s, stem, activity in STRATEGIES)
    intro = ("# Contents\n\nWork through the lessons in order; each takes 10 to 30 minutes. "
             "Run a lesson from the top (Run → Run All Cells) and lock in each prediction "
             "before you look at what answers it.\n\n## Your progress\n\n"
             "Your answers are saved in `hinge-progress.json` next to the lessons. Under the "
             "next cell: what you have done and what is next. Run the cell to bring it up to "
             "date and to download your progress or load it on another computer.")
    text = ("## Lessons\n\n" + lessons + "\n\n## Where each coaching strategy is taught\n\n"
            "| strategy | lesson | what you play with |\n|---|---|---|\n" + rows + "\n")
    return {"cells": [_markdown_cell("contents", intro), progress_cell(),
                      _markdown_cell("lessons", text)],
            "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                        "name": "python3"},
                         "language_info": {"name": "python"}},
            "nbformat": 4, "nbformat_minor": 5}


def progress_cell(outputs=()):
    """Return the contents page's progress cell (tagged ``progress``), with ``outputs``."""
    return {"cell_type": "code", "execution_count": None, "id": "progress",
            "metadata": {"tags": ["progress"]}, "outputs": list(outputs),
            "source": "from hinge_sim.ui.progress_view import CourseProgress\n\nCourseProgress()"}


def with_navigation(notebook, stem):
    """Return the notebook with its first and last cells (tagged ``nav``) set to navigation.

    The cells are added when missing.
    """
    line = nav_markdown(stem)
    cells = [c for c in notebook["cells"] if "nav" not in c.get("metadata", {}).get("tags", [])]
    notebook = dict(notebook)
    notebook["cells"] = ([_markdown_cell("nav-top", line, ["nav"])] + cells
                         + [_markdown_cell("nav-bottom", line, ["nav"])])
    return notebook


def _dump(notebook):
    return json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"


def expected_files(folder=NOTEBOOKS):
    """Path -> text every generated file should have, for lessons that exist."""
    out = {folder / "contents.ipynb": _dump(contents_notebook())}
    for stem in STEMS:
        path = folder / f"{stem}.ipynb"
        if path.exists():
            out[path] = _dump(with_navigation(json.loads(path.read_text()), stem))
    return out


def main(argv=None):
    """Rewrite navigation and contents, or with ``--check`` list stale files."""
    argv = sys.argv[1:] if argv is None else argv
    stale = [p for p, text in expected_files().items()
             if not p.exists() or p.read_text() != text]
    if "--check" in argv:
        for p in stale:
            print(f"out of date: {p.name} (run python -m tools.course)")
        return 1 if stale else 0
    for p in stale:
        p.write_text(expected_files()[p])
        print(f"updated {p.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
