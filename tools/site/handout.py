"""A printable worksheet per lesson: its goals and its questions, printed to PDF by chromium.

The worksheet asks what the lesson asks (predictions, estimates, self-checks),
with boxes to tick and lines to write on, and never the answers. It is a
self-contained HTML page (no fonts, scripts or pictures from elsewhere), printed
with Debian's chromium (``--headless --print-to-pdf``).
"""
import html
import os
import pathlib
import subprocess
import tempfile

from .pages import Launch, binder_url, title
from .static import markdown_html, questions

CHROMIUM = pathlib.Path(os.environ.get("HINGE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-pdf-header-footer"]
KIND_WORDS = {"prediction": "Predict", "estimate": "Estimate", "quiz": "Check yourself"}
CSS = """
@page { size: A4; margin: 16mm 16mm 18mm 16mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.4;
       color: #111; }
h1 { font-size: 18pt; margin: 0 0 4pt 0; }
h2 { font-size: 13pt; margin: 14pt 0 4pt 0; }
.who { border-bottom: 1px solid #111; padding-bottom: 6pt; margin-bottom: 10pt; }
.goals { font-size: 10.5pt; }
.goals h1 { display: none; }
.q { break-inside: avoid; margin: 10pt 0 8pt 0; }
.kind { font-weight: bold; color: #0072B2; text-transform: uppercase; font-size: 9pt;
        letter-spacing: 0.05em; }
ol.opts { list-style: none; padding-left: 0.4em; margin: 4pt 0; }
ol.opts li { margin: 3pt 0; padding-left: 1.8em; text-indent: -1.8em; }
.box { display: inline-block; width: 0.9em; height: 0.9em; border: 1.2px solid #111;
       margin-right: 0.5em; vertical-align: -0.1em; }
.line { border-bottom: 1px solid #777; height: 1.6em; }
.foot { margin-top: 14pt; font-size: 9pt; color: #333; word-break: break-all; }
"""


def title_cell(notebook):
    """Return the Markdown of a lesson's first heading cell ("" when it has none)."""
    for cell in notebook.get("cells", []):
        text = "".join(cell.get("source", ""))
        if cell.get("cell_type") == "markdown" and text.lstrip().startswith("# "):
            return text
    return ""


def worksheet_html(stem, notebook, launch=Launch()):
    """Return the worksheet of one executed lesson as a self-contained HTML page.

    Parameters
    ----------
    stem : str
        The lesson's file stem.
    notebook : dict
        The lesson, executed with its widget state (:mod:`tools.site.execute`).
    launch : tools.site.pages.Launch
        Where the footer's link opens the lesson live.
    """
    asked = questions(notebook)
    parts = [f"<h1>{html.escape(title(stem))}</h1>",
             '<div class="who">Name ______________________________ '
             'Date ______________</div>',
             f'<div class="goals">{markdown_html(title_cell(notebook))}</div>']
    if asked:
        parts.append("<h2>Worksheet</h2><p>Answer each question before the lesson shows "
                     "what answers it; then write one line on why.</p>")
    for n, q in enumerate(asked, 1):
        block = [f'<div class="q"><div class="kind">{n}. {KIND_WORDS[q["kind"]]}</div>',
                 f"<div>{q['question']}</div>"]
        if q["options"]:
            block.append('<ol class="opts">' + "".join(
                f'<li><span class="box"></span>{html.escape(o)}</li>' for o in q["options"])
                + "</ol>")
        if q["kind"] == "estimate":
            block.append(f"<p>My estimate: __________ {html.escape(q.get('unit', ''))} "
                         f"(between {q['low']:g} and {q['high']:g})</p>")
        block.append('<div>Why:</div><div class="line"></div><div class="line"></div></div>')
        parts.append("".join(block))
    parts.append('<h2>One cue I will use</h2><div class="line"></div><div class="line"></div>')
    parts.append(f'<div class="foot">Open the lesson live: {html.escape(binder_url(stem, launch))}'
                 "</div>")
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>{html.escape(title(stem))}: worksheet</title><style>{CSS}</style></head>"
            f"<body>{''.join(parts)}</body></html>")


def print_pdf(page_html, pdf, chromium=CHROMIUM, timeout=120):
    """Print an HTML page to ``pdf`` with chromium; return the PDF's path.

    Raises
    ------
    FileNotFoundError
        When there is no chromium at ``chromium``.
    RuntimeError
        When chromium wrote no PDF (its output is in the message).
    """
    chromium, pdf = pathlib.Path(chromium), pathlib.Path(pdf)
    if not chromium.exists():
        raise FileNotFoundError(f"chromium = {chromium} does not exist: handouts are printed "
                                "with Debian's chromium (apt-get install chromium)")
    pdf.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        source = pathlib.Path(tmp) / "page.html"
        source.write_text(page_html, encoding="utf-8")
        run = subprocess.run([str(chromium), *CHROMIUM_ARGS, f"--user-data-dir={tmp}/profile",
                              f"--print-to-pdf={pdf}", source.as_uri()],
                             capture_output=True, text=True, timeout=timeout)
    if not pdf.exists() or pdf.stat().st_size == 0:
        raise RuntimeError(f"chromium printed no PDF to {pdf} (exit {run.returncode}):\n"
                           f"{run.stderr[-2000:]}")
    return pdf
