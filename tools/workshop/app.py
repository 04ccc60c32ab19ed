"""The workshop server: Voila with seats, a kernel cap, working close, scrubbed logs, no CDN.

:class:`WorkshopVoila` is Voila 0.5's application with these changes, each for a fault
seen on a class-sized run (docs/workshop.md):

* kernel websockets speak only the v1 protocol, frames checked
  (:class:`tools.workshop.guard.V1OnlyConnection`): a student cannot freeze the server;
* each page's kernel belongs to the browser that opened it (:mod:`tools.workshop.seats`):
  only it may connect to, read or shut down that kernel;
* at most ``max_kernels`` pages at once (``per_student`` per browser); others get a plain
  "Class full" page with status 503;
* the page sets the ``_xsrf`` cookie that its close beacon (``POST /voila/api/shutdown``)
  sends back, so closing or reloading a page frees its kernel at once (Voila 0.5.13 never
  sets it, and every beacon is refused with "'_xsrf' argument missing");
* request lines are logged with the token scrubbed (``jupyter_server.log.log_request``);
* the page loses the stylesheet links to a CDN that Voila's templates put in it (Font
  Awesome 4 and 5): the icons the page uses are bundled in Voila's own script, and a
  classroom network may have no internet at all.

Culling of idle kernels and the pre-heated pool are Voila / jupyter_server settings; the
launcher (:mod:`tools.workshop.launch`) sets them from ``notebooks/workshop/workshop.json``.
The pool starts at the class size and shrinks as pages take its kernels
(:meth:`WorkshopVoila.shrink_pool`): Voila would refill it to its full size after every
page, running the dashboard again in a new kernel while the class works.
"""
import re
from functools import partial

from jupyter_server.log import log_request
from jupyter_server.services.kernels.handlers import KernelHandler
from tornado import web
from traitlets import Float, Integer, default
from voila.app import Voila
from voila.shutdown_kernel_handler import VoilaShutdownKernelHandler
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler

from .guard import V1OnlyConnection
from .seats import Seats, refusal_page

SEATS = "hinge_workshop_seats"
KERNEL_ID = re.compile(r'"kernelId":\s*"([0-9a-f-]{36})"')
#: A stylesheet link to another machine (Voila 0.5.13 links Font Awesome from a CDN).
OFFSITE_LINK = re.compile(r'<link\b[^>]*\bhref="(?:https?:)?//[^"]*"[^>]*>\s*')


def _student(handler):
    """Return the login name ``jupyter_server`` gave this browser (one per browser)."""
    user = handler.current_user
    return getattr(user, "username", None)


class OwnerOnly:
    """Handler mixin: 403 unless this browser holds the kernel named in the URL."""

    async def prepare(self):
        """Authenticate as usual, then check the seat."""
        await super().prepare()
        if self.current_user is None or self._finished:
            return
        kernel_id = self.path_kwargs.get("kernel_id") or (self.path_args or [None])[0]
        if not self.settings[SEATS].holds(kernel_id, _student(self)):
            self.log.warning("Refused %s %s: kernel held by another page",
                             self.request.method, self.request.path)
            raise web.HTTPError(403, "this kernel belongs to another page")


class OwnedKernelWebsocket(OwnerOnly, VoilaKernelWebsocketHandler):
    """The kernel websocket, for the page's own browser only."""

    def write_error(self, status_code, **kwargs):
        """Answer a refused upgrade with one line of plain text.

        ``jupyter_server``'s HTML error page needs a ``static_path`` setting that Voila's
        application does not have, so rendering it fails with a traceback in the log.
        """
        error = kwargs.get("exc_info", (None, None, None))[1]
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(getattr(error, "log_message", None) or self._reason)


class OwnedKernel(OwnerOnly, KernelHandler):
    """``/api/kernels/<id>``: the page reads its own kernel's model; nobody else may."""


class OwnedShutdown(OwnerOnly, VoilaShutdownKernelHandler):
    """The close beacon: shuts down the page's own kernel and frees its seat."""

    async def post(self, kernel_id):
        """Shut the kernel down, then free the seat."""
        await super().post(kernel_id)
        self.settings[SEATS].release(kernel_id)


class SeatedPage(TornadoVoilaHandler):
    """The dashboard page: a seat per page, or a plain refusal when the class is full."""

    @web.authenticated
    async def get(self, path=None):
        """Reserve a seat, render the dashboard, bind the seat to the kernel it names."""
        seats = self.settings[SEATS]
        seats.prune(set(self.kernel_manager.list_kernel_ids()))
        ticket = seats.reserve(_student(self))
        if isinstance(ticket, tuple):
            status, kind = ticket
            app = self.settings["voila"]
            self.set_status(status)
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.set_header("Retry-After", "60")
            self.finish(refusal_page(kind, cap=seats.cap, per_student=seats.per_student,
                                     cull=app.cull_minutes))
            return
        self.settings["voila"].shrink_pool(len(seats))
        self.xsrf_token   # sets the _xsrf cookie the page's close beacon sends back
        self._ticket = ticket
        try:
            await super().get(path)
        finally:
            if self._ticket is not None:      # no kernel was named: free the reservation
                seats.release(self._ticket)

    async def get_generator(self, path=None):
        """Voila's page without off-site links; bind the seat once the page names its kernel."""
        tail = ""
        async for html in super().get_generator(path=path):
            html = OFFSITE_LINK.sub("", html)
            if self._ticket is not None:
                found = KERNEL_ID.search(tail + html)
                if found:
                    self.settings[SEATS].bind(self._ticket, found.group(1))
                    self._ticket = None
                else:
                    tail = html[-80:]
            yield html


#: Voila's handlers and the ones that replace them here.
REPLACE = {VoilaKernelWebsocketHandler: OwnedKernelWebsocket, KernelHandler: OwnedKernel,
           VoilaShutdownKernelHandler: OwnedShutdown, TornadoVoilaHandler: SeatedPage}


class WorkshopVoila(Voila):
    """Voila for a room of students; see the module docstring for what changes."""

    name = "voila"   # Voila's handlers find the application under settings["voila"]
    max_kernels = Integer(40, config=True, help="Most dashboard pages open at once.")
    per_student = Integer(3, config=True, help="Most dashboard pages one browser may hold.")
    aliases = {**Voila.aliases, "max_kernels": "WorkshopVoila.max_kernels",
               "per_student": "WorkshopVoila.per_student"}

    pool_reserve = Integer(2, config=True, help=(
        "Pre-heated kernels kept once the class has arrived. The pool starts at "
        "VoilaConfiguration.default_pool_size (the class size) and shrinks by one per "
        "page taken, down to this, so refilling it does not take CPU from a class at work."))

    @default("kernel_websocket_connection_class")
    def _v1_only(self):
        return V1OnlyConnection

    cull_minutes = Float(help="Idle time after which a page nobody is on is closed (min).")

    def init_settings(self):
        """Voila's settings plus the seats and a request log with the token scrubbed."""
        settings = super().init_settings()
        self.cull_minutes = self.kernel_manager.cull_idle_timeout / 60
        settings[SEATS] = Seats(self.max_kernels, self.per_student)
        settings["log_function"] = partial(log_request, record_prometheus_metrics=False)
        return settings

    def shrink_pool(self, seats_taken):
        """Set the pool's refill target to the class size less the seats taken."""
        pools = getattr(self.kernel_manager, "kernel_pools_config", None)
        if pools and "default" in pools:
            start = self.voila_configuration.default_pool_size
            pools["default"]["pool_size"] = max(min(self.pool_reserve, start),
                                                start - seats_taken)

    def init_handlers(self):
        """Voila's handlers, with the page, kernel, websocket and close ones replaced."""
        return [(route, REPLACE.get(cls, cls), *rest)
                for route, cls, *rest in super().init_handlers()]
