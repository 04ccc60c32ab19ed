"""Build the course website: run the lessons, make static pages and handouts, run Jupyter Book.

``python -m tools.site [--out=build/site] [--repo=OWNER/hinge-sim] [--branch=main]
[--hub=https://hub.example.org] [--lessons=00_start_here,01_what_not_to_do]``
(or ``make site``). The site is ``OUT/index.html``; see docs/site.md.
"""
import argparse
import html
import json
import os
import pathlib
import shutil
import subprocess
import sys
import time

import yaml

from . import handout, pages, static
from .execute import execute

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
OUT = ROOT / "build" / "site"
STATIC = pathlib.Path(__file__).with_name("static_files")
PROGRESS_HEADING = "## Your progress"
LIVE = ("The panels on this page are pictures of the lesson as it opens. In JupyterLab "
        "they are live: you predict, then move the sliders and see the loads change.")


def launch_cell(stem, launch, handout=True):
    """Return the Markdown cell (raw HTML) with a page's launch links and, if any, handout."""
    links = "".join(
        f'<li><a class="hinge-launch-link" data-launch="{html.escape(name)}" '
        f'href="{html.escape(url)}">{html.escape(name)}</a>: {html.escape(what)}</li>'
        for name, url, what in pages.launch_links(stem, launch))
    handout_link = ("" if stem == pages.ROOT_PAGE or not handout else
                    f'<p><a class="hinge-handout" href="{pages.handout_name(stem)}">'
                    "Worksheet to print (PDF)</a>: this lesson's questions, with room for "
                    "your answers.</p>")
    what = "course" if stem == pages.ROOT_PAGE else "lesson"
    body = (f'<div class="hinge-launch"><p><b>Open this {what} live.</b> {LIVE}</p>'
            f"<ul>{links}</ul>{handout_link}</div>")
    return {"cell_type": "markdown", "id": "site-launch", "metadata": {}, "source": body}


def handouts_cell(stems):
    """Return the contents page's list of handouts (Markdown cell, raw HTML)."""
    items = "".join(f'<li><a class="hinge-handout" href="{pages.handout_name(s)}">'
                    f"{html.escape(pages.title(s))}</a></li>" for s in stems)
    return {"cell_type": "markdown", "id": "site-handouts", "metadata": {},
            "source": f"<h2>Worksheets to print</h2><ul>{items}</ul>"}


def page_notebook(stem, executed, launch, handouts=()):
    """Return the static page of one executed notebook, its launch links under its heading.

    ``handouts`` lists the lessons that have a worksheet (those that ask questions).
    """
    nb = static.static_notebook(executed)
    cells = nb["cells"]
    at = 1 if cells and "nav" in cells[0].get("metadata", {}).get("tags", []) else 0
    if stem == pages.ROOT_PAGE:    # the learner's progress lives in JupyterLab, not here
        intro = "".join(cells[0]["source"])
        cells[0]["source"] = intro.split(PROGRESS_HEADING, 1)[0].rstrip() + "\n"
        at = 1
    cells.insert(at if stem == pages.ROOT_PAGE else at + 1,
                 launch_cell(stem, launch, stem in handouts))
    if stem == pages.ROOT_PAGE and handouts:
        cells.append(handouts_cell(handouts))
    return nb


def jupyter_book():
    """Return the command that runs Jupyter Book from this Python's environment."""
    script = pathlib.Path(sys.executable).with_name("jupyter-book")
    if not script.exists():
        raise FileNotFoundError(f"no jupyter-book next to {sys.executable}: "
                                "pip install 'jupyter-book>=1.0.4,<2'")
    return [str(script)]


def build(out=OUT, launch=pages.Launch(), lessons=None, workers=2, log=print):
    """Build the site into ``out``; return the path of its ``index.html``.

    Parameters
    ----------
    out : str or os.PathLike
        The site's folder (replaced). Its ``.work/`` subfolder keeps the executed
        notebooks and the book's sources for a look.
    launch : tools.site.pages.Launch
        Where the launch links point.
    lessons : list of str, optional
        Lesson stems to include (default: every lesson of the course).
    workers : int
        Lessons run at once.
    log : callable
        Receives one line per step.
    """
    out = pathlib.Path(out)
    stems = pages.pages() if lessons is None else [pages.ROOT_PAGE, *lessons]
    for stem in stems:
        pages.title(stem)   # ValueError for a page that is not in the course
    work = out.parent / (out.name + ".work")
    shutil.rmtree(work, ignore_errors=True)
    book, executed_dir = work / "book", work / "executed"
    start = time.monotonic()
    executed = execute([NOTEBOOKS / f"{s}.ipynb" for s in stems], executed_dir, workers)
    log(f"ran {len(executed)} notebooks in {time.monotonic() - start:.0f} s")
    book.mkdir(parents=True)
    notebooks = {s: json.loads(executed[s].read_text(encoding="utf-8")) for s in stems}
    # a worksheet for every lesson that asks something (not the instructor guide)
    handouts = [s for s in stems if s != pages.ROOT_PAGE and static.questions(notebooks[s])]
    for stem, nb in notebooks.items():
        page = page_notebook(stem, nb, launch, handouts)
        (book / f"{stem}.ipynb").write_text(json.dumps(page), encoding="utf-8")
        if stem in handouts:
            handout.print_pdf(handout.worksheet_html(stem, nb, launch),
                              book / "extra" / pages.handout_name(stem))
    log(f"printed {len(handouts)} handouts")
    shutil.copytree(STATIC, book / "_static")
    (book / "_toc.yml").write_text(yaml.safe_dump(pages.toc(stems), sort_keys=False))
    config = pages.book_config(launch)
    config["sphinx"]["config"].update(html_static_path=["_static"],
                                      html_css_files=["hinge-site.css"])
    (book / "_config.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    run = subprocess.run([*jupyter_book(), "build", "--all", str(book)], capture_output=True,
                         text=True, env=env, cwd=work)
    html_dir = book / "_build" / "html"
    if run.returncode != 0 or not (html_dir / "index.html").exists():
        raise RuntimeError(f"jupyter-book build failed ({run.returncode}):\n"
                           f"{run.stdout[-3000:]}\n{run.stderr[-3000:]}")
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(html_dir, out)
    log(f"built {len(stems)} pages into {out} in {time.monotonic() - start:.0f} s")
    return out / "index.html"


def main(argv=None):
    """Command line: build the site (see the module docstring)."""
    parser = argparse.ArgumentParser(prog="python -m tools.site", description=__doc__)
    parser.add_argument("--out", default=str(OUT), help="the site's folder (default %(default)s)")
    parser.add_argument("--repo", default=os.environ.get("HINGE_SITE_REPO",
                                                         pages.PLACEHOLDER_REPO),
                        help="GitHub owner/name Binder and the hub pull (default %(default)s)")
    parser.add_argument("--branch", default=os.environ.get("HINGE_SITE_BRANCH", "main"))
    parser.add_argument("--hub", default=os.environ.get("HINGE_SITE_HUB") or None,
                        help="a JupyterHub's address for nbgitpuller links (default: none)")
    parser.add_argument("--lessons", default=None,
                        help="comma-separated lesson stems (default: every lesson)")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    launch = pages.Launch(repo=args.repo, branch=args.branch, hub=args.hub)
    lessons = args.lessons.split(",") if args.lessons else None
    index = build(args.out, launch, lessons, args.workers)
    print(f"open {index}")
    return 0
