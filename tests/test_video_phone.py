"""Videos as phones write them, rendered by the project: portrait frames stored landscape with a
display matrix, a variable frame rate (uneven time stamps) and HEVC in a MOV; the frames come
back upright with their own times, and the bar's path and tempo come out right."""
import numpy as np
import pytest

from hinge_sim.video import decode
from hinge_sim.video import scene as S
from hinge_sim.video import synthetic as Y
from hinge_sim.video.barpath import analyze_track
from hinge_sim.video.plate import track_plate

av = pytest.importorskip("av")

W, H, R = 240, 320, 40  # portrait frame (px) and plate radius (px), as a phone held upright
PX_PER_M = 2 * R / 0.45
FPS = 30  # the nominal rate
TEMPO = (1.5, 0.5, 1.0, 0.5)
IPHONE_PORTRAIT = (0, 65536, 0, -65536, 0, 0, 0, 0, 1 << 30)  # ffprobe: rotation of -90 deg


def _path(t):
    y, events = Y.bar_height(t, "trapezoid", TEMPO, 1, 0.30, lead=1.0, top=0.80)
    x = 0.10 - 0.05 * (0.80 - y) / 0.30
    return x, y, events


def _to_px(x, y):
    return 120 + (x - 0.1) * PX_PER_M, 90 + (0.8 - y) * PX_PER_M


def _uneven_times(seconds=4.5, seed=3):
    """Frame times a phone might stamp: about 30 frames/s for 2 s, then about 20 (dim light),
    each gap jittered by up to 2 ms."""
    rng = np.random.default_rng(seed)
    times = [0.0]
    while times[-1] < seconds:
        base = 1 / 30 if times[-1] < 2.0 else 1 / 20
        times.append(times[-1] + base + rng.uniform(-0.002, 0.002))
    return np.array(times[:-1])


def _frames(times):
    when = S.exposure_times(times, FPS)
    bar = np.stack(_to_px(*_path(when.ravel())[:2]), -1).reshape(when.shape + (2,))
    return list(S.render({"bar": bar}, (W, H), R))


@pytest.fixture(scope="module")
def iphone(tmp_path_factory):
    """An iPhone-like clip: HEVC in a MOV, portrait stored landscape, uneven time stamps."""
    times = _uneven_times()
    frames = _frames(times)
    path = tmp_path_factory.mktemp("phone") / "IMG_0001.MOV"
    decode.write_video(path, frames, FPS, times=times, rotation=-90, codec="hevc")
    return path, frames, times


def test_the_file_carries_what_a_phone_writes(iphone):
    path, frames, times = iphone
    with av.open(str(path)) as box:
        stream = box.streams.video[0]
        assert stream.codec_context.name == "hevc"
        assert (stream.codec_context.width, stream.codec_context.height) == (H, W)  # landscape
        first = next(iter(box.decode(stream)))
        assert first.rotation == -90
        matrix = decode.display_matrix(first)
    assert decode.upright_steps(matrix) == decode.upright_steps(IPHONE_PORTRAIT)


def test_frames_come_back_upright_with_their_own_times(iphone):
    path, frames, times = iphone
    video = decode.read_video(path)
    assert video.rotation == -90 and video.codec == "hevc"
    assert len(video.frames) == len(frames) and video.frames[0].shape == (H, W)
    assert np.allclose(video.times, times, atol=1e-4)
    # the upright picture, not a turned or mirrored one (codec noise: a few grey levels)
    diff = [np.abs(g.astype(float) - f).mean() for g, f in zip(video.frames[::10], frames[::10])]
    assert max(diff) < 6
    turned = np.abs(np.rot90(video.frames[0], 2).astype(float) - frames[0]).mean()
    assert turned > 3 * max(diff)
    assert any("quarter turn clockwise" in n for n in video.notes)
    gaps = 1000 * np.diff(times)
    assert any(f"variable frame rate: frames {gaps.min():.1f} to {gaps.max():.1f} ms apart" in n
               for n in video.notes)
    # frame index / fps would be wrong by far more than the tempo's 0.15 s
    assert np.abs(np.arange(times.size) / video.fps - times).max() > 0.3


def test_path_and_tempo_from_the_phone_clip(iphone):
    path, _, times = iphone
    video = decode.read_video(path)
    track = track_plate(video.frames, video.times)
    assert track.scale == pytest.approx(0.45 / (2 * R), rel=0.02)
    x, y, events = _path(video.times)
    got = track.points["bar"]
    err = np.hypot((got[:, 0] - got[0, 0]) - (x - x[0]), (got[:, 1] - got[0, 1]) - (y - y[0]))
    assert np.median(err) < 0.005 and err.max() < 0.01  # m
    (rep,) = analyze_track(track)
    found = np.array([rep.start, rep.lowered, rep.rise_start, rep.end])
    assert np.all(np.abs(found - np.array(events[0])) <= 0.15), (found, events[0])


@pytest.mark.parametrize("rotation", [90, 180])
def test_other_turns_come_back_upright(tmp_path, rotation):
    img = np.full((48, 32), 60.0)
    img[4:14, 4:12] = 230  # a light patch at the top left: any turn or mirror moves it
    frames = [img] * 12
    decode.write_video(tmp_path / "turned.mp4", frames, FPS, rotation=rotation)
    video = decode.read_video(tmp_path / "turned.mp4")
    assert video.rotation == rotation and video.frames[0].shape == img.shape
    assert np.abs(video.frames[5].astype(float) - img).mean() < 6


def test_a_mirrored_matrix_is_undone(tmp_path):
    img = np.full((48, 32), 60.0)
    img[4:14, 4:12] = 230
    path = tmp_path / "mirror.mp4"
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=FPS)
        stream.height, stream.width, stream.pix_fmt = 48, 32, "yuv420p"
        stream.set_display_matrix((-65536, 0, 0, 0, 65536, 0, 0, 0, 1 << 30))  # left-right
        for _ in range(12):
            stored = np.repeat(img[:, ::-1, None], 3, 2).astype(np.uint8)
            for packet in stream.encode(av.VideoFrame.from_ndarray(stored, format="rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    video = decode.read_video(path)
    assert np.abs(video.frames[5].astype(float) - img).mean() < 6
    assert any("mirrored" in n for n in video.notes)


def test_display_matrices_name_their_turn():
    assert decode.upright_steps(None) == (False, False, False)
    assert decode.upright_steps(IPHONE_PORTRAIT) == (True, False, True)  # quarter turn clockwise
    ccw = (0, -65536, 0, 65536, 0, 0, 0, 0, 1 << 30)
    assert decode.upright_steps(ccw) == (True, True, False)
    half = (-65536, 0, 0, 0, -65536, 0, 0, 0, 1 << 30)
    assert decode.upright_steps(half) == (False, True, True)
    c, s = int(65536 * np.cos(np.pi / 6)), int(65536 * np.sin(np.pi / 6))
    with pytest.raises(ValueError, match="clip.mov: the display matrix turns the picture by "
                                         "-30.0 deg; only quarter turns"):
        decode.upright_steps((c, s, 0, -s, c, 0, 0, 0, 1 << 30), "clip.mov")


def test_bad_writer_arguments_are_named(tmp_path):
    frames = [np.zeros((16, 16))] * 10
    with pytest.raises(ValueError, match="codec = 'vp9'"):
        decode.write_video(tmp_path / "x.mp4", frames, codec="vp9")
    with pytest.raises(ValueError, match="rotation = 45 deg"):
        decode.write_video(tmp_path / "x.mp4", frames, rotation=45)
    with pytest.raises(ValueError, match="10 finite, strictly increasing"):
        decode.write_video(tmp_path / "x.mp4", frames, times=np.zeros(10))


def test_ten_bit_hevc_reads_as_8_bit_grey(tmp_path):
    """HDR iPhone clips are 10-bit HEVC: the grey frames come back 8-bit at the same levels."""
    levels = np.linspace(50, 200, 12)
    path = tmp_path / "hdr.mov"
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx265", rate=FPS)
        stream.height, stream.width, stream.pix_fmt = 48, 64, "yuv420p10le"
        stream.codec_context.options = {"x265-params": "log-level=error"}
        for v in levels:
            img = np.full((48, 64, 3), v, np.uint8)
            for packet in stream.encode(av.VideoFrame.from_ndarray(img, format="rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    video = decode.read_video(path)
    assert video.codec == "hevc" and video.frames[0].dtype == np.uint8
    assert np.abs(np.array([f.mean() for f in video.frames]) - levels).max() < 4
