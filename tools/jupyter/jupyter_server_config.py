"""JupyterLab for the learner's copy of the course (``make course`` -> ``tools/learner.py``).

Opens on the contents page, trusts the lessons (``tools/jupyter/trust.py``),
checks no news and no updates (so it starts the same offline), saves lessons
without widget views (``tools/jupyter/saving.py``), keeps at most three kernels
(``tools/jupyter/kernels.py``) and stops kernels left idle with no page connected.
"""
c = get_config()  # noqa: F821 (given by Jupyter when it loads this file)

c.LabApp.default_url = "/lab/tree/contents.ipynb"
c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"
c.FileContentsManager.pre_save_hook = "tools.jupyter.saving.pre_save_hook"
# The course needs no language servers, terminals, classic-notebook shims or Voila
# preview (each costs start-up time); the extension manager stays off PyPI
# (nothing to install from a lesson, nothing online).
c.ServerApp.jpserver_extensions = {"tools.jupyter.trust": True, "jupyter_lsp": False,
                                   "voila.server_extension": False, "notebook_shim": False,
                                   "jupyter_server_terminals": False}
c.ServerApp.terminals_enabled = False
c.LabApp.extension_manager = "readonly"
c.ServerApp.session_manager_class = "tools.jupyter.kernels.CourseSessionManager"
# A kernel with no page connected for 20 minutes is stopped (checked every minute);
# a lesson open in a tab keeps its kernel however long the learner reads.
c.MappingKernelManager.cull_idle_timeout = 20 * 60
c.MappingKernelManager.cull_interval = 60
c.MappingKernelManager.cull_connected = False
