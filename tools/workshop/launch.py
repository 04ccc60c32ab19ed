"""Start the workshop server and print the address to give the room, with a QR code.

Usage (``make workshop`` runs this)::

    python -m tools.workshop [--host 0.0.0.0] [--port 8866] [--token T] [--max-kernels 40]

1. A token is made with :func:`secrets.token_urlsafe` unless one is given.
2. The address with the token is printed, and a QR code of it drawn in the terminal
   (``segno``) to put on the projector: phones and laptops open it with their camera.
3. :class:`tools.workshop.app.WorkshopVoila` serves ``notebooks/workshop/dashboard.ipynb``
   with the settings of ``notebooks/workshop/workshop.json`` (kernel cull time, pool of
   pre-heated kernels, kernel cap); options given here win over the file.
"""
import argparse
import io
import ipaddress
import pathlib
import secrets
import socket
import sys

from traitlets.config.loader import JSONFileConfigLoader

ROOT = pathlib.Path(__file__).resolve().parents[2]
DASHBOARD = ROOT / "notebooks" / "workshop" / "dashboard.ipynb"
SETTINGS = DASHBOARD.with_name("workshop.json")
POOL_FILLED = "is filled with"  # Voila logs this once the pre-heated kernels have started


def command(port, token, *options):
    """The command line that starts this launcher (for tests and benchmarks).

    Parameters
    ----------
    port : int
        TCP port to listen on.
    token : str
        The room's token.
    *options : str
        More options, as on the command line (``--no-qr``, ``--VoilaConfiguration....``).

    Returns
    -------
    list of str
        ``python -m tools.workshop --port=... --token=... *options`` with this Python.
    """
    return [sys.executable, "-m", "tools.workshop", f"--port={port}", f"--token={token}",
            *options]


def lan_addresses():
    """List this machine's IPv4 addresses other than loopback (may be empty)."""
    found = set()
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.add(info[4][0])
    except OSError:
        pass
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:   # no packet is sent: connect() on UDP only picks the outgoing interface
            s.connect(("192.0.2.1", 9))
            found.add(s.getsockname()[0])
        except OSError:
            pass
    return sorted(a for a in found if not ipaddress.ip_address(a).is_loopback)


def student_address(host, port, token):
    """Return the address students open (this machine's first LAN address for 0.0.0.0)."""
    if host in ("0.0.0.0", ""):
        lan = lan_addresses()
        host = lan[0] if lan else "127.0.0.1"
    return f"http://{host}:{port}/?token={token}"


def qr_text(text):
    """Draw a QR code of ``text`` with block characters for the terminal (``segno``).

    ``segno`` picks the smallest QR version that holds the text, with medium error
    correction; two rows of modules share a line of text.
    """
    import segno
    out = io.StringIO()
    segno.make(text, error="m").terminal(out=out, compact=True)
    return out.getvalue().rstrip("\n")


def parse(argv):
    """Command-line options; ``--port`` 1-65535, ``--max-kernels`` 1 or more."""
    p = argparse.ArgumentParser(prog="python -m tools.workshop", description=__doc__.split("\n")[0])
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (0.0.0.0: every network of this machine)")
    p.add_argument("--port", type=int, default=8866)
    p.add_argument("--token", default="", help="the secret part of the address (default: new)")
    p.add_argument("--max-kernels", type=int, default=None,
                   help="most dashboard pages open at once (default: workshop.json)")
    p.add_argument("--no-qr", action="store_true", help="print the address only")
    args, extra = p.parse_known_args(argv)
    if not 1 <= args.port <= 65535:
        p.error(f"--port {args.port} is out of range (valid: 1 to 65535)")
    if args.max_kernels is not None and args.max_kernels < 1:
        p.error(f"--max-kernels {args.max_kernels} is out of range (valid: 1 or more)")
    return args, extra


def main(argv=None):
    """Print the address and QR code, then serve until Ctrl+C."""
    args, extra = parse(sys.argv[1:] if argv is None else argv)
    token = args.token or secrets.token_urlsafe(16)
    here = f"http://127.0.0.1:{args.port}/?token={token}"
    students = student_address(args.host, args.port, token)
    print(f"Workshop dashboard on this machine: {here}")
    if args.host != "127.0.0.1":
        print(f"Students open: {students}")
        others = lan_addresses()[1:]
        if others:
            print("  (this machine's other addresses: " + ", ".join(others) + ")")
    if not args.no_qr:
        print(qr_text(students))
    sys.stdout.flush()

    from .app import WorkshopVoila
    config = JSONFileConfigLoader(SETTINGS.name, str(SETTINGS.parent)).load_config()
    argv_voila = [str(DASHBOARD), "--no-browser", f"--Voila.ip={args.host}",
                  f"--port={args.port}", f"--token={token}", *extra]
    if args.max_kernels is not None:
        argv_voila.append(f"--WorkshopVoila.max_kernels={args.max_kernels}")
    WorkshopVoila.launch_instance(argv_voila, config=config)


if __name__ == "__main__":
    main()
