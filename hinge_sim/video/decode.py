"""Decode a phone video (MP4, MOV...) into grey frames and their times, and encode test videos.

Usage
-----
1. ``video = read_video("set1.mp4")``: ``video.frames`` (list of (H, W)
   uint8 grey frames, upright), ``video.times`` (s), ``video.fps``.
2. ``track_plate(video.frames, video.times)`` (:mod:`hinge_sim.video.plate`).
3. ``write_video("plate.mp4", frames, fps=30)`` encodes grey or RGB frames
   to H.264 (the project's own test videos).

This is the one module of :mod:`hinge_sim.video` that uses a library besides
numpy: PyAV (``av``), FFmpeg's libraries with the FFmpeg binaries inside its
wheel, so no separate FFmpeg install is needed. It is imported only when a
video is read or written, so the rest of the package works without it;
without it a clear ``ModuleNotFoundError`` says how to install it.
"""
import dataclasses
import os

import numpy as np

MAX_SECONDS = 60.0  # s: a set filmed for the tracker; longer clips are refused [A]
MAX_PIXELS = 1920 * 1080  # grey px per frame kept; larger frames are halved until they fit [A]
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
        The stream's average frame rate (frames/s).
    shrink : int
        Each frame was reduced by this factor (1: full size) to fit :data:`MAX_PIXELS`.
    source : str
        File name.
    """

    frames: list
    times: np.ndarray
    fps: float
    shrink: int
    source: str


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


def _upright(img, rotation):
    """``img`` turned by the stream's display rotation (degrees, counter-clockwise)."""
    turns = int(round((rotation or 0) / 90.0)) % 4
    return np.rot90(img, turns) if turns else img


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
        frames, times = [], []
        for k, frame in enumerate(box.decode(stream)):
            t = float(frame.time) if frame.time is not None else k / fps
            if times and t - times[0] > max_seconds:
                raise _too_long(name, f"over {max_seconds:g} s", max_seconds)
            if times and t <= times[-1]:
                continue  # a repeated timestamp: the frame is shown once
            img = _upright(frame.to_ndarray(format="gray"), getattr(frame, "rotation", 0))
            frames.append(np.asarray(_halved(img, shrink) if shrink else img))
            times.append(t)
    if len(frames) < 10:
        raise ValueError(f"{name}: {len(frames)} frames; a video track needs at least 10")
    times = np.asarray(times) - times[0]
    return Video(frames=frames, times=times, fps=fps, shrink=2 ** shrink, source=name)


def write_video(path, frames, fps=30):
    """Encode frames to an H.264 MP4 (yuv420p, readable by phones and browsers).

    Parameters
    ----------
    path : str or os.PathLike
    frames : iterable of ndarray
        Grey (H, W) or RGB (H, W, 3) frames, 0-255, even width and height.
    fps : int
        Frames per second, 1 to 240.
    """
    from ..model.checks import check_range
    fps = int(check_range("fps", fps, 1, 240, " frames/s"))
    av = _av()
    with av.open(os.fspath(path), "w") as out:
        stream = None
        for img in frames:
            img = np.clip(np.asarray(img), 0, 255).astype(np.uint8)
            if img.ndim == 2:
                img = np.repeat(img[:, :, None], 3, axis=2)
            if stream is None:
                stream = out.add_stream("libx264", rate=fps)
                stream.height, stream.width = img.shape[:2]
                stream.pix_fmt = "yuv420p"
            for packet in stream.encode(av.VideoFrame.from_ndarray(img, format="rgb24")):
                out.mux(packet)
        if stream is not None:
            for packet in stream.encode():
                out.mux(packet)
