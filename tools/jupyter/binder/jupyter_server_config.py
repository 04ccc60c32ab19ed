"""JupyterLab on Binder, set up as ``make course`` sets it up on the learner's computer.

``start`` (repo2docker runs it when the session starts) puts this folder on
``JUPYTER_CONFIG_PATH``, the repository on ``PYTHONPATH`` and the course's
JupyterLab settings (written by ``postBuild`` through ``tools.learner --prepare``)
in ``JUPYTERLAB_SETTINGS_DIR``. This file loads the course's own server
configuration (``tools/jupyter/jupyter_server_config.py``: trusted lessons,
lessons saved without widget views, at most three kernels, idle kernels
stopped, no news) and changes only what differs on Binder:

- Binder serves the whole repository, so the learner's copy is the
  ``my-course/`` folder in it and the start page is its contents page;
- the workshop dashboard's Binder link (``voila/render/...``) needs Voila's
  server extension, which the course leaves off on a laptop to start faster.
"""
import pathlib

c = get_config()  # noqa: F821 (given by Jupyter when it loads this file)
load_subconfig(str(pathlib.Path(__file__).resolve().parents[1]  # noqa: F821
                   / "jupyter_server_config.py"))

COURSE_FOLDER = "my-course"   # tools.learner.FOLDER, relative to the repository
c.LabApp.default_url = f"/lab/tree/{COURSE_FOLDER}/contents.ipynb"
c.ServerApp.jpserver_extensions["voila.server_extension"] = True
