"""Decode a phone video (MP4, MOV...) into grey frames and their times, and encode test videos.

Usage
-----
1. ``video = read_video("set1.mp4")``: ``video.frames`` (list of (H, W)
   uint8 grey frames, upright), ``video.times`` (s), ``video.fps``,
   ``video.notes`` (the rotation applied, a variable frame rate).
2. ``track_plate(video.frames, video.times)`` (:mod:`hinge_sim.video.plate`).
3. ``write_video("plate.mp4", frames, fps=30)`` encodes grey or RGB frames
   to H.264 (the project's own test videos); ``times=`` writes them at uneven
   times, ``rotation=-90`` stores them as a phone held upright does (turned,
   with a display matrix), ``codec="hevc"`` in H.265.

What phones write, and what is done with it (docs/tracks.md section 7):

- **Rotation.** A phone stores its sensor's landscape frames and says in the
  file how to turn them for display: the MP4/MOV track header's matrix, which
  FFmpeg hands on as display-matrix side data on every frame. The frames are
  turned (and mirrored, if the matrix says so) exactly as the matrix maps
  them (:func:`upright_steps`); a rotation that is not a quarter turn is refused.
- **Variable frame rate.** Phones time each frame (the presentation time
  stamp); the gaps vary with light and load. ``times`` are those stamps,
  never ``index / fps``; ``fps`` is only the stream's average.
- **HEVC (H.265)**, often 10-bit (HDR) on iPhones: decoded by the FFmpeg in
  PyAV's wheel like H.264; the grey frames are 8-bit either way.

This is the one module of :mod:`hinge_sim.video` that uses a library besides
numpy: PyAV (``av``), FFmpeg's libraries with the FFmpeg binaries inside its
wheel, so no separate FFmpeg install is needed. It is imported only when a
video is read or written, so the rest of the package works without it;
without it a clear ``ModuleNotFoundError`` says how to install it.
"""
import dataclasses
import os
import struct

import numpy as np

MAX_SECONDS = 60.0  # s: a set filmed for the tracker; longer clips are refused [A]
MAX_PIXELS = 1920 * 1080  # grey px per frame kept; larger frames are halved until they fit [A]
VFR_SPREAD = 0.05  # frame gaps spread more than this (share of the median): variable rate [A]
INSTALL = "pip install 'hinge-sim[video]' (or pip install av)"


@dataclasses.dataclass
class Video:
    """Decoded grey frames.

    Attributes
    ----------
    frames : list of ndarray (H, W) uint8
        Grey frames, upright (the phone's rotation applied).
    times : ndarray (N,)
        Time of each frame (s) from the video's start, strictly increasing.
    fps : float
        The stream's average frame rate (frames/s); with a variable frame
        rate the frames are not ``1 / fps`` apart: use ``times``.
    shrink : int
        Each frame was reduced by this factor (1: full size) to fit :data:`MAX_PIXELS`.
    source : str
        File name.
    rotation : float
        The file's display rotation (deg, counter-clockwise, FFmpeg's sign;
        -180 read as 180), 0 if none.
    codec : str
        The stream's codec (``"h264"``, ``"hevc"``...).
    notes : list of str
        What was done to the frames and found in their times, in words.
    """

    frames: list
    times: np.ndarray
    fps: float
    shrink: int
    source: str
    rotation: float = 0.0
    codec: str = ""
    notes: list = dataclasses.field(default_factory=list)


def _av():
    """The PyAV module, or ModuleNotFoundError saying how to install it."""
    try:
        import av
    except ImportError as err:
        raise ModuleNotFoundError(f"reading or writing video needs PyAV (av): {INSTALL}",
                                  name="av") from err
    return av


def _too_long(name, lasts, max_seconds):
    return ValueError(f"{name}: the video lasts {lasts}; at most max_seconds = {max_seconds:g} s "
                      "(1 to 600 s) are read: cut the clip to the set")


def display_matrix(frame):
    """A decoded frame's display matrix (9 ints in FFmpeg's layout), or None when it has none."""
    side = getattr(frame, "side_data", None)
    if side is None:
        return None
    from av.sidedata.sidedata import Type
    data = side.get(Type.DISPLAYMATRIX)
    return struct.unpack("=9i", bytes(data)) if data is not None else None


def upright_steps(matrix, name="video"):
    """How to turn stored frames upright: (swap rows and columns, flip rows, flip columns).

    The display matrix (``libavutil/display.h``, the MP4/MOV track header's
    matrix) maps a stored pixel (p right, q down) to ``p' = a p + c q + x``,
    ``q' = b p + d q + y`` with ``matrix = (a, b, u, c, d, v, x, y, w)`` in
    16.16 fixed point. For quarter turns and mirrors the 2 x 2 part holds only
    0 and +-1: swapped axes when ``a = 0``, then each axis reversed when its
    entry is negative. A phone held upright (FFmpeg: "rotation of -90
    degrees") has ``a = d = 0, b = 1, c = -1``: a quarter turn clockwise.

    Parameters
    ----------
    matrix : sequence of 9 int or None
    name : str
        File name for the error.

    Raises
    ------
    ValueError
        When the matrix is not a quarter turn or a mirror (a phone never writes one).
    """
    if matrix is None:
        return False, False, False
    a, b, _, c, d, _, _, _, _ = (v / 65536.0 for v in matrix)
    part = np.array([[a, c], [b, d]])
    scale = np.abs(part).max()
    unit = np.round(part / scale) if scale > 0 else part
    if scale == 0 or not np.allclose(part / scale, unit, atol=1e-3) or \
            abs(abs(np.linalg.det(unit)) - 1) > 1e-9:
        angle = np.degrees(np.arctan2(b, a))
        raise ValueError(f"{name}: the display matrix turns the picture by {-angle:.1f} deg; "
                         "only quarter turns and mirrors (what phones write) are read")
    if unit[0, 0] == 0:  # p' = c q, q' = b p: rows and columns swap
        return True, bool(unit[1, 0] < 0), bool(unit[0, 1] < 0)
    return False, bool(unit[1, 1] < 0), bool(unit[0, 0] < 0)


def _upright(img, steps):
    """``img`` (H, W) turned by :func:`upright_steps`' result."""
    swap, flip_rows, flip_cols = steps
    if swap:
        img = img.T
    if flip_rows:
        img = img[::-1]
    if flip_cols:
        img = img[:, ::-1]
    return np.ascontiguousarray(img) if any(steps) else img


def _halved(img, times):
    """``img`` averaged over 2 x 2 blocks ``times`` times."""
    for _ in range(times):
        h, w = (img.shape[0] // 2) * 2, (img.shape[1] // 2) * 2
        img = img[:h, :w].reshape(h // 2, 2, w // 2, 2).mean(axis=(1, 3))
    return img


def read_video(path, max_seconds=MAX_SECONDS):
    """Decode every frame of a video file into grey frames and times.

    Parameters
    ----------
    path : str or os.PathLike
        An MP4, MOV, AVI, MKV... file (anything FFmpeg reads).
    max_seconds : float
        Longest clip read (s), 1 to 600; film the set, not the session.

    Returns
    -------
    Video

    Raises
    ------
    ModuleNotFoundError
        PyAV is not installed.
    FileNotFoundError
        No such file.
    ValueError
        Not a video FFmpeg can read, no video stream, longer than
        ``max_seconds``, or fewer than 10 frames.
    """
    from ..model.checks import check_range
    max_seconds = float(check_range("max_seconds", max_seconds, 1.0, 600.0, " s"))
    where = os.fspath(path)
    name = os.path.basename(where)
    if not os.path.exists(where):
        raise FileNotFoundError(f"no video file {where!r}")
    av = _av()
    try:
        box = av.open(where)
    except av.error.FFmpegError as err:
        raise ValueError(f"{name}: unsupported format: not a video FFmpeg can read ({err})") \
            from None
    with box:
        if not box.streams.video:
            raise ValueError(f"{name}: the file has no video stream")
        stream = box.streams.video[0]
        fps = float(stream.average_rate or stream.guessed_rate or 0) or 30.0
        seconds = (float(box.duration) / 1e6) if box.duration else None
        if seconds and seconds > max_seconds + 1.0 / fps:
            raise _too_long(name, f"{seconds:.1f} s", max_seconds)
        shrink = 0
        while stream.codec_context.width * stream.codec_context.height > MAX_PIXELS * 4 ** shrink:
            shrink += 1
        frames, times, steps, rotation, repeats = [], [], None, 0.0, 0
        codec = stream.codec_context.name
        for k, frame in enumerate(box.decode(stream)):
            t = float(frame.time) if frame.time is not None else k / fps
            if times and t - times[0] > max_seconds:
                raise _too_long(name, f"over {max_seconds:g} s", max_seconds)
            if times and t <= times[-1]:
                repeats += 1
                continue  # a repeated timestamp: the frame is shown once
            if steps is None:  # the first frame's matrix holds for the stream
                matrix = display_matrix(frame)
                steps = upright_steps(matrix, name)
                rotation = float(getattr(frame, "rotation", 0) or 0) if matrix else 0.0
                rotation = 180.0 if rotation == -180.0 else rotation  # one name for a half turn
            img = _upright(frame.to_ndarray(format="gray"), steps)
            frames.append(np.asarray(_halved(img, shrink) if shrink else img))
            times.append(t)
    if len(frames) < 10:
        raise ValueError(f"{name}: {len(frames)} frames; a video track needs at least 10")
    times = np.asarray(times) - times[0]
    notes = _notes(steps, rotation, times, fps, repeats, codec)
    return Video(frames=frames, times=times, fps=fps, shrink=2 ** shrink, source=name,
                 rotation=rotation, codec=codec, notes=notes)


def _notes(steps, rotation, times, fps, repeats, codec):
    """What was done to the frames and found in their times, in words."""
    notes = []
    if any(steps):
        turn = {(True, False, True): "a quarter turn clockwise",
                (True, True, False): "a quarter turn counter-clockwise",
                (False, True, True): "a half turn"}.get(tuple(steps), "mirrored")
        notes.append(f"the file's display matrix (rotation {rotation:g} deg): frames turned "
                     f"{turn} to stand upright")
    gaps = np.diff(times)
    median = float(np.median(gaps))
    if np.ptp(gaps) > VFR_SPREAD * median:
        notes.append(f"variable frame rate: frames {1000 * gaps.min():.1f} to "
                     f"{1000 * gaps.max():.1f} ms apart (average {fps:.3g} frames/s); each "
                     "frame keeps its own time stamp")
    if repeats:
        notes.append(f"{repeats} frames repeated an earlier time stamp and were dropped")
    if codec:
        notes.append(f"codec {codec}")
    return notes


def write_video(path, frames, fps=30, times=None, rotation=0, codec="h264"):
    """Encode frames to an MP4 or MOV (yuv420p, readable by phones and browsers).

    Parameters
    ----------
    path : str or os.PathLike
        ``.mp4`` or ``.mov``.
    frames : iterable of ndarray
        Grey (H, W) or RGB (H, W, 3) frames, 0-255, even width and height,
        upright (as they should be shown).
    fps : int
        Frames per second, 1 to 240 (the stream's nominal rate).
    times : sequence of float, optional
        Each frame's time (s), strictly increasing, for a variable frame
        rate; default ``k / fps``. Stored as time stamps of 1/90 000 s.
    rotation : {0, 90, -90, 180}
        Display rotation written in the file (deg counter-clockwise, FFmpeg's
        sign): the frames are stored turned the other way, as a phone does,
        so a player (and :func:`read_video`) shows them upright. -90: a phone
        held upright.
    codec : {"h264", "hevc"}
        H.264 (libx264) or H.265 (libx265), both in PyAV's wheel.
    """
    from fractions import Fraction

    from ..model.checks import check_range
    fps = int(check_range("fps", fps, 1, 240, " frames/s"))
    encoders = {"h264": "libx264", "hevc": "libx265"}
    if codec not in encoders:
        raise ValueError(f"codec = {codec!r} is not one of {sorted(encoders)}")
    if rotation not in (0, 90, -90, 180):
        raise ValueError(f"rotation = {rotation!r} deg must be 0, 90, -90 or 180")
    frames = list(frames)
    if times is not None:
        times = np.asarray(times, dtype=float)
        if times.shape != (len(frames),) or not np.all(np.isfinite(times)) or \
                np.any(np.diff(times) <= 0):
            raise ValueError(f"times must be {len(frames)} finite, strictly increasing times "
                             "(s), one per frame")
    av = _av()
    base = Fraction(1, 90000)
    with av.open(os.fspath(path), "w") as out:
        stream = None
        for k, img in enumerate(frames):
            img = np.clip(np.asarray(img), 0, 255).astype(np.uint8)
            img = np.rot90(img, -int(rotation) // 90) if rotation else img
            if img.ndim == 2:
                img = np.repeat(img[:, :, None], 3, axis=2)
            if stream is None:
                stream = out.add_stream(encoders[codec], rate=fps)
                stream.height, stream.width = img.shape[:2]
                stream.pix_fmt = "yuv420p"
                if times is not None:
                    stream.time_base = stream.codec_context.time_base = base
                if rotation:
                    stream.set_display_rotation(float(rotation))
                if codec == "hevc":
                    stream.codec_context.options = {"x265-params": "log-level=error"}
            frame = av.VideoFrame.from_ndarray(np.ascontiguousarray(img), format="rgb24")
            if times is not None:
                frame.pts, frame.time_base = int(round(float(times[k]) / base)), base
            for packet in stream.encode(frame):
                out.mux(packet)
        if stream is not None:
            for packet in stream.encode():
                out.mux(packet)
