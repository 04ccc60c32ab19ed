"""Start the workshop server (``python -m tools.workshop``) for a test, and watch its kernels."""
import os
import pathlib
import secrets
import socket
import sys

import psutil
from conftest import Server, free_port

ROOT = pathlib.Path(__file__).resolve().parents[2]


def start_workshop(tmp_path_factory, env, *options):
    """The launcher on 127.0.0.1, a free port and a random token; ``options`` go to it."""
    root = tmp_path_factory.mktemp("workshop")
    port, token = free_port(), secrets.token_urlsafe(16)
    argv = [sys.executable, "-m", "tools.workshop", f"--port={port}", f"--token={token}",
            *options]
    env = dict(env, PYTHONPATH=os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]))
    server = Server(argv, port, token, env, ROOT, root / "workshop.log")

    def pool_ready():   # the port answers and the pool logged itself full
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return "is filled with" in server.log_tail(200_000)
    server.wait_ready(pool_ready)
    return server


def kernels(server):
    """The server's kernel processes (``ipykernel_launcher`` children)."""
    found = []
    for child in psutil.Process(server.proc.pid).children(recursive=True):
        try:
            if "ipykernel_launcher" in " ".join(child.cmdline()):
                found.append(child)
        except psutil.Error:
            pass
    return found
