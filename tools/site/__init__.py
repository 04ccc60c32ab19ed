"""The course website: the lessons as static pages, launch links, printable handouts.

``python -m tools.site`` (``make site``) builds it offline into ``build/site/``:

1. :mod:`tools.site.execute` runs a copy of every lesson with nbclient, every
   prediction opened as if the learner had pressed *Show me*, so each panel draws
   its figure; the widget state is kept with the outputs.
2. :mod:`tools.site.static` turns each widget view into plain HTML: questions with
   their options (never the answer, the feedback or the explanation), the panels'
   figures as PNG (a prediction's behind a *"after you predict"* fold), and a line
   saying the panel is live in JupyterLab. The widget state is then dropped.
3. :mod:`tools.site.pages` (pure functions) lists the pages, writes the table of
   contents and the Jupyter Book configuration, and makes each lesson's launch links
   (Binder, a JupyterHub through nbgitpuller, the learner's own computer).
4. :mod:`tools.site.handout` prints a worksheet per lesson to PDF with Debian's chromium.
5. Jupyter Book (Sphinx) renders the pages; nothing is fetched from a CDN.

See docs/site.md.
"""
