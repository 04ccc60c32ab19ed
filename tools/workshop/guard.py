"""Kernel websockets that speak only the v1 protocol, and only well-formed frames of it.

Voila 0.5.13 reads the header of every binary message it sends to a page as if the page
had chosen the ``v1.kernel.websocket.jupyter.org`` subprotocol
(``voila/tornado/kernel_websocket_handler.py``, ``read_header_from_binary_message``).
A client that connects *without* that subprotocol gets the legacy framing, whose first
8 bytes read as a count of about 10**18 offsets: the list comprehension that collects
them runs in the server's only thread, fills memory by gigabytes and never returns, so
every other page stalls and SIGTERM is never handled. Any widget message with buffers
(every figure of the dashboard is a PNG buffer) sets it off.

The same unbounded count is read from the client's own frames in the v1 path
(``jupyter_server``'s ``deserialize_msg_from_ws_v1``), so a v1 client could send one
crafted frame to the same effect.

:class:`V1OnlyConnection` removes both paths:

* the websocket upgrade is refused (HTTP 400) unless the client offers the v1
  subprotocol, so the server never writes legacy frames;
* every incoming frame must be bytes whose offset table fits inside the frame, in
  order, with at most :data:`MAX_BUFFERS` buffers; anything else closes that socket.

The browser page of Voila 0.5 offers v1 (it uses ``@jupyterlab/services``), so nothing
changes for a real student. Use it with
``--Voila.kernel_websocket_connection_class=tools.workshop.guard.V1OnlyConnection``.
"""
from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection
from tornado import web

V1 = "v1.kernel.websocket.jupyter.org"
#: Most binary buffers one client message may carry [A]: a widget message from a page
#: carries a few (the dashboard's carry none); the limit only bounds the offset table.
MAX_BUFFERS = 60
#: A v1 frame has one offset per part (channel, header, parent header, metadata, content,
#: buffers) plus the end: 6 offsets with no buffer.
MIN_OFFSETS = 6


def offered_subprotocols(request):
    """Subprotocols a websocket upgrade request offers (``Sec-WebSocket-Protocol``)."""
    header = request.headers.get("Sec-WebSocket-Protocol", "")
    return [p.strip() for p in header.split(",") if p.strip()]


def v1_frame_problem(frame):
    """Why ``frame`` is not a well-formed v1 kernel message, or ``None`` when it is.

    Parameters
    ----------
    frame : bytes or str
        One websocket message from a client.

    Returns
    -------
    str or None
        A short reason, for the log.
    """
    if not isinstance(frame, bytes):
        return "a text frame on a v1 socket"
    if len(frame) < 8:
        return f"{len(frame)} bytes, shorter than the offset count"
    count = int.from_bytes(frame[:8], "little")
    if not MIN_OFFSETS <= count <= MIN_OFFSETS + MAX_BUFFERS:
        return f"{count} offsets (valid: {MIN_OFFSETS} to {MIN_OFFSETS + MAX_BUFFERS})"
    table_end = 8 * (count + 1)
    if len(frame) < table_end:
        return f"an offset table of {count} entries in {len(frame)} bytes"
    offsets = [int.from_bytes(frame[8 * (i + 1):8 * (i + 2)], "little") for i in range(count)]
    if offsets[0] != table_end:
        return f"first offset {offsets[0]}, expected {table_end}"
    if any(b < a for a, b in zip(offsets, offsets[1:])) or offsets[-1] > len(frame):
        return "offsets out of order or past the end of the frame"
    return None


class V1OnlyConnection(ZMQChannelsWebsocketConnection):
    """A kernel websocket connection that refuses the legacy protocol and malformed frames."""

    async def prepare(self):
        """Refuse the upgrade (400) unless the client offers the v1 subprotocol."""
        offered = offered_subprotocols(self.websocket_handler.request)
        if V1 not in offered:
            self.log.warning("Refused a kernel websocket without the %s subprotocol "
                             "(offered: %s)", V1, offered or "none")
            raise web.HTTPError(400, f"this server speaks only the {V1} kernel protocol")
        await super().prepare()

    def handle_incoming_message(self, incoming_msg):
        """Pass a well-formed v1 frame on to the kernel; close the socket on anything else."""
        problem = v1_frame_problem(incoming_msg)
        if problem is not None:
            self.log.warning("Closed a kernel websocket that sent %s", problem)
            self.websocket_handler.close(1008, "malformed kernel message")
            return
        try:
            super().handle_incoming_message(incoming_msg)
        except (ValueError, KeyError, TypeError, IndexError) as err:   # bad JSON, no header
            self.log.warning("Closed a kernel websocket that sent an unreadable message: %s",
                             type(err).__name__)
            self.websocket_handler.close(1008, "malformed kernel message")
