"""Local server processes for the tests and benchmarks: a free port, a server's kernels.

Shared by ``tests/browser`` (JupyterLab, Voila, JupyterHub fixtures) and
``benchmarks/workshop_load.py``, which start servers on 127.0.0.1 and count the
kernels they leave behind.
"""
import socket


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now.

    Returns
    -------
    int
        The port number (another process may take it before it is used).
    """
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def kernel_processes(pid):
    """The kernel processes (``ipykernel_launcher``) a server process started.

    Parameters
    ----------
    pid : int
        The server's process id.

    Returns
    -------
    list of psutil.Process
        Its descendants running ``ipykernel_launcher``, at this moment.
    """
    import psutil  # dev extra: only tests and benchmarks count kernels

    found = []
    for child in psutil.Process(pid).children(recursive=True):
        try:
            if "ipykernel_launcher" in " ".join(child.cmdline()):
                found.append(child)
        except psutil.Error:   # it ended while we looked
            pass
    return found
