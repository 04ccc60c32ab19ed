"""A simulated student: open the workshop page, then drive its widgets over the kernel websocket.

It speaks what the dashboard's page speaks in a browser, without the browser:

1. ``GET /?token=...`` renders the dashboard; the page names its kernel (``kernelId``)
   and the server sets the login cookie that stands for this student from then on.
2. The page opens ``/api/kernels/<id>/channels`` with the ``v1.kernel.websocket.jupyter.org``
   subprotocol, opens the ipywidgets control comm and asks for every widget's state
   (``request_states``); the figures arrive as PNG buffers in the reply.
3. Moving a slider sends an ``update`` on that slider's comm; the new figure comes back
   as an ``update`` of the figure's Image model with a PNG buffer.
4. Leaving the page posts ``/voila/api/shutdown/<id>`` with the ``_xsrf`` cookie value
   as a form field, as the page's ``beforeunload`` beacon does.

The benchmark ``benchmarks/workshop_load.py`` and the workshop tests use it; a browser
adds its own script start-up (about a second here) on top of the times measured here.
"""
import asyncio
import datetime
import json
import re
import time
import urllib.parse
import uuid

from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

V1 = "v1.kernel.websocket.jupyter.org"
CONTROL_TARGET = "jupyter.widget.control"
WIDGET_TARGET = "jupyter.widget"
FIGURE_CLASS = "hinge-figure"


def pack_v1(channel, header, content, buffers=(), parent=None, metadata=None):
    """Frame one kernel message for the v1 websocket protocol (bytes)."""
    parts = [json.dumps(p).encode() for p in (header, parent or {}, metadata or {}, content)]
    parts += [bytes(b) for b in buffers]
    chan = channel.encode()
    offsets = [8 * (1 + 1 + len(parts) + 1)]
    offsets.append(offsets[-1] + len(chan))
    for p in parts:
        offsets.append(offsets[-1] + len(p))
    head = len(offsets).to_bytes(8, "little") + b"".join(o.to_bytes(8, "little") for o in offsets)
    return head + chan + b"".join(parts)


def unpack_v1(frame):
    """Split a v1 frame into ``(channel, header, content, buffers)``."""
    n = int.from_bytes(frame[:8], "little")
    offsets = [int.from_bytes(frame[8 * (i + 1):8 * (i + 2)], "little") for i in range(n)]
    parts = [frame[offsets[i]:offsets[i + 1]] for i in range(n - 1)]   # the last is the end
    channel = parts[0].decode()
    header, _parent, _meta, content = (json.loads(p) if p else {} for p in parts[1:5])
    return channel, header, content, parts[5:]


class Student:
    """One simulated student on a workshop server.

    Parameters
    ----------
    base : str
        Server address, e.g. ``"http://127.0.0.1:8866"``.
    token : str
        The workshop token (only the first page load carries it, as a browser's would).
    timeout : float
        Seconds any single step may take before it fails.
    """

    def __init__(self, base, token, timeout=120.0):
        self.base, self.token, self.timeout = base.rstrip("/"), token, timeout
        self.cookies = {}
        self.kernel_id = None
        self.ws = None
        self.session = uuid.uuid4().hex
        self.states = {}
        self._pending = []

    # -- HTTP -------------------------------------------------------------------------
    def _cookie_header(self):
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def _keep_cookies(self, response):
        for line in response.headers.get_list("Set-Cookie"):
            name, _, rest = line.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]

    async def fetch(self, path, method="GET", body=None, headers=None):
        """Request ``path`` with this student's cookies; returns the tornado response.

        HTTP errors are returned as responses too (``response.code``), never raised.
        """
        hdrs = {"Cookie": self._cookie_header(), **(headers or {})}
        req = HTTPRequest(self.base + path, method=method, body=body, headers=hdrs,
                          connect_timeout=self.timeout, request_timeout=self.timeout,
                          follow_redirects=False)
        try:
            response = await AsyncHTTPClient().fetch(req)
        except HTTPClientError as err:
            if err.response is None:
                raise
            response = err.response
        self._keep_cookies(response)
        return response

    async def open_page(self, path="/"):
        """Load the dashboard page; returns the HTTP status (200 when a kernel was given)."""
        sep = "&" if "?" in path else "?"
        response = await self.fetch(f"{path}{sep}token={urllib.parse.quote(self.token)}")
        self.page = response.body.decode(errors="replace")
        found = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', self.page)
        self.kernel_id = found.group(1) if found else None
        return response.code

    async def leave(self):
        """Close the page as a browser does: the shutdown beacon, then the websocket."""
        code = None
        if self.kernel_id:
            body = urllib.parse.urlencode({"_xsrf": self.cookies.get("_xsrf", "")})
            response = await self.fetch(
                f"/voila/api/shutdown/{self.kernel_id}", method="POST", body=body,
                headers={"Content-Type": "application/x-www-form-urlencoded"})
            code = response.code
        if self.ws is not None:
            self.ws.close()
            self.ws = None
        return code

    # -- kernel websocket -------------------------------------------------------------
    async def connect(self, subprotocols=(V1,), kernel_id=None):
        """Open the kernel websocket (``subprotocols=()`` asks for the legacy protocol)."""
        kid = kernel_id or self.kernel_id
        url = (self.base.replace("http", "ws", 1)
               + f"/api/kernels/{kid}/channels?session_id={self.session}")
        req = HTTPRequest(url, headers={"Cookie": self._cookie_header()},
                          request_timeout=self.timeout)
        self.ws = await asyncio.wait_for(
            websocket_connect(req, subprotocols=list(subprotocols) or None,
                              max_message_size=256 * 2**20), self.timeout)
        return self.ws

    def _header(self, msg_type):
        return {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "session": self.session,
                "username": "student", "version": "5.3",
                "date": datetime.datetime.now(datetime.timezone.utc).isoformat()}

    async def send(self, msg_type, content, channel="shell", buffers=(), metadata=None):
        """Send one kernel message over the websocket (v1 framing)."""
        await self.ws.write_message(
            pack_v1(channel, self._header(msg_type), content, buffers, metadata=metadata),
            binary=True)

    async def receive(self, wanted, deadline):
        """Read messages until ``wanted(channel, header, content, buffers)`` is true."""
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no matching kernel message before the deadline")
            frame = await asyncio.wait_for(self.ws.read_message(), left)
            if frame is None:
                raise ConnectionError("the server closed the kernel websocket")
            if isinstance(frame, str):
                continue
            msg = unpack_v1(frame)
            if wanted(*msg):
                return msg

    async def request_states(self):
        """Ask for every widget's state; return seconds until the reply arrived.

        Afterwards ``self.states`` maps model id to ``[model_name, state, buffers]``,
        ``buffers`` keyed by the state path (``("value",)`` for an Image's PNG).
        """
        start = time.monotonic()
        comm_id = uuid.uuid4().hex
        await self.send("comm_open", {"comm_id": comm_id, "target_name": CONTROL_TARGET,
                                      "data": {}}, metadata={"version": "1.0.0"})
        await self.send("comm_msg", {"comm_id": comm_id, "data": {"method": "request_states"}})

        def reply(channel, header, content, buffers):
            return (header.get("msg_type") == "comm_msg"
                    and content.get("comm_id") == comm_id
                    and content["data"].get("method") == "update_states")
        _, _, content, buffers = await self.receive(reply, start + self.timeout)
        data = content["data"]
        self.states = {mid: [s["model_name"], s["state"], {}] for mid, s in data["states"].items()}
        for path, buf in zip(data["buffer_paths"], buffers):   # [model id, "state", key...]
            self.states[path[0]][2][tuple(path[2:])] = buf
        return time.monotonic() - start

    def models(self, model_name, dom_class=None):
        """Model ids of one widget type (optionally with a CSS class), in state order."""
        return [mid for mid, (name, state, _) in self.states.items()
                if name == model_name
                and (dom_class is None or dom_class in state.get("_dom_classes", ()))]

    def figures(self):
        """Model ids of the dashboard's figures (Image widgets of class ``hinge-figure``)."""
        return self.models("ImageModel", FIGURE_CLASS)

    async def set_value(self, model_id, value, figure_id):
        """Set a control's value; return seconds until ``figure_id`` got a new PNG."""
        start = time.monotonic()
        await self.send("comm_msg", {"comm_id": model_id, "data": {
            "method": "update", "state": {"value": value}, "buffer_paths": []}})

        def new_figure(channel, header, content, buffers):
            data = content.get("data", {})
            return (header.get("msg_type") == "comm_msg" and content.get("comm_id") == figure_id
                    and data.get("method") in ("update", "echo_update")
                    and ["value"] in data.get("buffer_paths", []) and len(buffers) > 0)
        await self.receive(new_figure, start + self.timeout)
        return time.monotonic() - start
