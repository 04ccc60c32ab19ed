"""Start the workshop server (``python -m tools.workshop``) for a test, and watch its kernels."""
import os
import pathlib
import secrets
import socket

from conftest import Server

from tools.processes import free_port, kernel_processes
from tools.workshop.launch import POOL_FILLED, command

ROOT = pathlib.Path(__file__).resolve().parents[2]


def start_workshop(tmp_path_factory, env, *options):
    """The launcher on 127.0.0.1, a free port and a random token; ``options`` go to it."""
    root = tmp_path_factory.mktemp("workshop")
    port, token = free_port(), secrets.token_urlsafe(16)
    argv = command(port, token, *options)
    env = dict(env, PYTHONPATH=os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]))
    server = Server(argv, port, token, env, ROOT, root / "workshop.log")

    def pool_ready():   # the port answers and the pool logged itself full
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return POOL_FILLED in server.log_tail(200_000)
    server.wait_ready(pool_ready)
    return server


def workshop(tmp_path_factory, env, pool):
    """A module fixture's body: the launcher with a pool of ``pool`` kernels, stopped after."""
    server = start_workshop(tmp_path_factory, env, f"--VoilaConfiguration.default_pool_size={pool}")
    try:
        yield server
    finally:
        server.stop()


def kernels(server):
    """The server's kernel processes (``ipykernel_launcher`` children)."""
    return kernel_processes(server.proc.pid)
