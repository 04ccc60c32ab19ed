"""JupyterHub for a course on one server: every student their own JupyterLab and kernels.

Run on the server, from a checkout of hinge-sim with the course installed
(``pip install jupyterhub jupyterhub-idle-culler nbgitpuller ".[workshop]"`` and
``npm install -g configurable-http-proxy``)::

    jupyterhub -f notebooks/workshop/jupyterhub/jupyterhub_config.py

Students log in with their accounts on the server (PAM, JupyterHub's default) and get
a JupyterLab of their own, as their own operating-system user: their files, their
kernels, their memory limit. The course arrives in each account with the nbgitpuller
link in docs/workshop.md; the workshop dashboard is at ``/user/<name>/voila/render/
hinge-sim/notebooks/workshop/dashboard.ipynb``.
"""
import sys

c = get_config()  # noqa: F821 -- JupyterHub's config loader provides it

# Where the hub listens: every network of the server, port 8000. Put it behind HTTPS
# (a reverse proxy or c.JupyterHub.ssl_cert / ssl_key) before students log in.
c.JupyterHub.bind_url = "http://:8000"

# Accounts: the server's own users (PAM). Only members of the group "hinge-course" may
# log in [A: the course admin creates the group]; the instructor administers the hub.
c.PAMAuthenticator.allowed_groups = {"hinge-course"}
c.Authenticator.admin_users = {"instructor"}

# Each student's server: JupyterLab, opening the course's contents page.
c.Spawner.default_url = "/lab/tree/hinge-sim/notebooks/contents.ipynb"
c.Spawner.mem_limit = "1G"        # [A] JupyterLab + 3 lesson kernels at ~0.13 GB each
c.Spawner.cpu_limit = 1.0         # honoured by container spawners; a hint for local ones

# The hub's idle culler: a student's server stops after 30 idle minutes, and every
# server after 8 hours [A: one course day]; their files stay.
c.JupyterHub.services = [{
    "name": "idle-culler",
    "command": [sys.executable, "-m", "jupyterhub_idle_culler",
                "--timeout=1800", "--max-age=28800"],
}]
c.JupyterHub.load_roles = [{
    "name": "idle-culler",
    "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    "services": ["idle-culler"],
}]
