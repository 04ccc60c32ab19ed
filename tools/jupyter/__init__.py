"""JupyterLab set-up for the learner's copy of the course (``tools/learner.py``).

``jupyter_server_config.py`` is the server configuration; ``saving`` and
``kernels`` are the two pieces of server code it names.
"""
