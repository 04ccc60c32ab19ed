"""The workshop server's pieces that need no server: frame checks, seats, QR code, framing."""
import io
import json

import pytest
from jupyter_client.session import Session
from jupyter_server.services.kernels.connection.base import (
    deserialize_msg_from_ws_v1,
    serialize_binary_message,
    serialize_msg_to_ws_v1,
)

from tools.workshop.guard import MAX_BUFFERS, v1_frame_problem
from tools.workshop.launch import parse, qr_text
from tools.workshop.seats import CLASS_FULL, TOO_MANY, Seats, refusal_page
from tools.workshop.student import pack_v1, unpack_v1

pytestmark = pytest.mark.checkout


def kernel_message(buffers=()):
    """A widget update as the kernel's session builds it, with PNG-like buffers."""
    msg = Session().msg("comm_msg", {"comm_id": "c1", "data": {"method": "update"}})
    msg["buffers"] = list(buffers)
    return msg


def v1_frame(buffers=()):
    """The frame jupyter_server itself writes for ``kernel_message`` in the v1 protocol."""
    msg = kernel_message(buffers)
    s = Session()
    parts = [s.pack(msg[k]) for k in ("header", "parent_header", "metadata", "content")]
    return serialize_msg_to_ws_v1(parts + list(buffers), "iopub")


@pytest.mark.parametrize("nbuf", [0, 1, 3, MAX_BUFFERS])
def test_frames_jupyter_server_writes_pass(nbuf):
    assert v1_frame_problem(v1_frame([b"\x89PNG" + bytes(50)] * nbuf)) is None


def test_one_buffer_too_many_is_refused():
    assert "offsets" in v1_frame_problem(v1_frame([b"x"] * (MAX_BUFFERS + 1)))


def test_legacy_frame_is_refused_and_would_have_looped():
    # the legacy framing of a message with one buffer: its first 8 bytes, read as the v1
    # offset count, give an astronomically long loop (the freeze)
    msg = kernel_message([b"\x89PNG" + bytes(50)])
    msg["header"]["date"] = msg["header"]["date"].isoformat()
    msg["parent_header"] = {}
    legacy = serialize_binary_message(msg)
    assert int.from_bytes(legacy[:8], "little") > 10**15
    assert "offsets" in v1_frame_problem(legacy)


@pytest.mark.parametrize("frame, why", [
    ("{}", "text frame"),
    (b"\x01\x02", "shorter"),
    ((10**18).to_bytes(8, "little") + bytes(64), "offsets"),
    ((2).to_bytes(8, "little") + bytes(64), "offsets"),
    ((7).to_bytes(8, "little") + bytes(16), "offset table"),
])
def test_malformed_frames_are_named(frame, why):
    assert why in v1_frame_problem(frame)


def test_offsets_past_the_end_or_backwards_are_refused():
    good = bytearray(v1_frame([b"abc"]))
    past = bytearray(good)
    past[8 * 7:8 * 8] = (len(good) + 100).to_bytes(8, "little")   # last offset
    assert "past the end" in v1_frame_problem(bytes(past))
    back = bytearray(good)
    back[8 * 3:8 * 4] = (0).to_bytes(8, "little")
    assert "out of order" in v1_frame_problem(bytes(back))
    first = bytearray(good)
    first[8:16] = (9999).to_bytes(8, "little")
    assert "first offset" in v1_frame_problem(bytes(first))


def test_student_framing_matches_jupyter_server():
    header = {"msg_id": "m1", "msg_type": "comm_msg", "session": "s", "username": "u",
              "version": "5.3", "date": "2026-01-01T00:00:00Z"}
    frame = pack_v1("shell", header, {"comm_id": "c"}, buffers=[b"\x00\x01"])
    assert v1_frame_problem(frame) is None
    channel, parts = deserialize_msg_from_ws_v1(frame)
    assert channel == "shell" and json.loads(parts[0]) == header and parts[4] == b"\x00\x01"
    assert unpack_v1(v1_frame([b"xy"]))[3] == [b"xy"]


def test_seats_cap_per_student_and_release():
    seats = Seats(3, 2)
    a1, a2 = seats.reserve("ann"), seats.reserve("ann")
    assert seats.reserve("ann") == (429, TOO_MANY)
    b1 = seats.reserve("bob")
    assert seats.reserve("cy") == (503, CLASS_FULL)
    seats.bind(a1, "k-ann")
    assert seats.holds("k-ann", "ann") and not seats.holds("k-ann", "bob")
    assert not seats.holds(a2, "ann"), "a reservation ticket is not a kernel"
    seats.release(b1)
    seats.prune(alive=set())           # k-ann died: its seat goes, the reservation stays
    assert len(seats) == 1 and not seats.holds("k-ann", "ann")
    assert isinstance(seats.reserve("cy"), int)


@pytest.mark.parametrize("cap, per, err, word", [
    (0, 1, ValueError, "cap = 0"), (3, 4, ValueError, "per_student = 4"),
    (2.5, 1, TypeError, "cap"), (True, 1, TypeError, "cap")])
def test_seats_bad_numbers_are_named(cap, per, err, word):
    with pytest.raises(err, match=word):
        Seats(cap, per)


def test_refusal_pages_are_plain_and_say_why():
    page = refusal_page(CLASS_FULL, cap=30, per_student=3, cull=10.0)
    assert "<h1>Class full</h1>" in page and "30 places" in page and "10 minutes" in page
    assert "<script" not in page and "http" not in page
    assert "3 dashboard pages" in refusal_page(TOO_MANY, cap=30, per_student=3, cull=10.0)


def test_qr_code_holds_the_address():
    segno = pytest.importorskip("segno")
    url = "http://192.168.1.20:8866/?token=abcdefghijklmnopqrstuv"
    text = qr_text(url)
    # rebuild the module grid from the block characters and compare with the code of url
    top = {"█": 1, "▀": 1, "▄": 0, " ": 0}
    bottom = {"█": 1, "▀": 0, "▄": 1, " ": 0}
    lines = text.split("\n")
    light = [r for line in lines for r in ([top[c] for c in line], [bottom[c] for c in line])]
    out = io.StringIO()
    code = segno.make(url, error="m")
    border = (len(light[0]) - code.symbol_size(border=0)[0]) // 2
    grid = [row[border:-border] for row in light[border:border + len(code.matrix)]]
    assert grid == [[1 - v for v in row] for row in code.matrix], out.getvalue()


@pytest.mark.parametrize("argv, word", [(["--port", "0"], "--port 0"),
                                        (["--max-kernels", "0"], "--max-kernels 0")])
def test_launcher_names_bad_options(argv, word, capsys):
    with pytest.raises(SystemExit):
        parse(argv)
    assert word in capsys.readouterr().err
