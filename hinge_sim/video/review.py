"""One set on video, reviewed: the bar from the video, the athlete's rep through the model.

Usage
-----
1. ``video = decode.read_video("set1.mp4")``; ``bar = plate.track_plate(video.frames, video.times)``
2. ``export = read_track("set1.csv", plate_px=180)`` with foot, knee, hip and
   shoulder tracked on the same video (e.g. a Kinovea export).
3. ``rv = review(video.frames, video.times, bar, export, hs.presets.load("RDL", 40), mass=80)``
4. ``rv.at(2.0)`` -> what the video, the figure and the plots show at 2 s;
   ``rv.velocity_rows()``, ``rv.load_rows()`` -> the debrief's numbers.

Both the video panel (:mod:`hinge_sim.ui.video_panel`) and the coach's
debrief panel read their numbers from this one object, so words built from
it say what the panels show.

How the two line up: the plate tracker's bar is in metres with x = +-scale * column
and y = -scale * row (:func:`plate.track_plate`), so :meth:`Review.pixels`
turns any point of the same video back into pixels. The export must have been
tracked on the same video with the same origin (the image's top-left corner,
as Kinovea and Tracker use by default), which :func:`review` checks on the bar:
the export's bar must lie within :data:`ALIGN_TOLERANCE` of the video's.
The textbook hinge is the model's at each rep's own measured tempo, the same
load, and the athlete's fitted body (:func:`barpath.compare_with_model`).
"""
import dataclasses
import warnings

import numpy as np

from .barpath import analyze_track, compare_with_model
from .fit import rep_through_model
from .phases import condition
from .tracking import Track, TrackWarning
from .velocity import velocity_loss

ALIGN_TOLERANCE = 0.03  # m: median gap between the export's bar and the video's bar [A]
STATUS_OK = "fit good"


@dataclasses.dataclass
class Moment:
    """What the review shows at one instant.

    Attributes
    ----------
    t : float
        The cursor's time (s).
    frame : int
        The video frame shown (nearest in time).
    own : int
        The athlete's model frame (nearest in time).
    rep : RepMeasures or None
        The rep the cursor is in.
    velocity : float
        Bar vertical velocity (m/s, up positive) from the video.
    compression, shear : float
        The athlete's L5/S1 compression and shear (N).
    textbook : dict or None
        ``compression`` and ``shear`` (N) of the textbook hinge at the same
        time into the rep; None outside a rep.
    status : str
        :data:`STATUS_OK`, or what is wrong at this frame in words.
    ok : bool
        False when a point is missing or the fit is poor here.
    lumbar : float
        The athlete's lumbar flexion (deg, 0 = standing) in the model frame, the one
        the loads came from.
    lumbar_source : str
        How it was found: ``"measured"`` (the sacrum marker seen here),
        ``"interpolated"`` (the marker lost here: a straight line between the
        frames that see it) or ``"neutral"`` (no marker: a neutral spine, 0 deg, assumed).
    """

    t: float
    frame: int
    own: int
    rep: object = dataclasses.field(repr=False)
    velocity: float
    compression: float
    shear: float
    textbook: object
    status: str
    ok: bool
    lumbar: float
    lumbar_source: str

    def lumbar_words(self):
        """The lumbar flexion at this instant in a phrase, saying how it was found."""
        if self.lumbar_source == "neutral":
            return "lumbar flexion not measured (no sacrum marker): neutral assumed"
        deg = round(self.lumbar)  # a whole degree, so -0.4 reads "0°", not "-0°"
        bend = f"lumbar flexion {deg}°" if deg >= 0 else f"lumbar extension {-deg}°"
        if self.lumbar_source == "interpolated":
            return f"{bend}, interpolated (the sacrum marker is lost here)"
        return f"{bend} (sacrum marker)"


@dataclasses.dataclass
class Review:
    """A reviewed set (SI units; see :func:`review`).

    Attributes
    ----------
    frames : list of ndarray (H, W)
        The video's grey frames.
    times : ndarray (N,)
        Frame times (s).
    scale : float
        The video's metres per pixel (from the plate).
    facing : str
        ``"right"`` or ``"left"``.
    bar : Track
        The plate tracker's bar.
    reps : list of RepMeasures
        The reps found on the video's bar, with velocity measures.
    speed : (ndarray, ndarray)
        Time (s) and filtered bar vertical velocity (m/s) of the video's bar.
    export : Track
        The export's points.
    own : OwnRep
        The athlete's rep through the model (from the export).
    textbook : list of Comparison
        The textbook hinge at each rep's measured tempo (same load, same body).
    load_kg : float
        The load's mass (kg).
    """

    frames: list
    times: np.ndarray
    scale: float
    facing: str
    bar: Track
    reps: list
    speed: tuple
    export: Track
    own: object
    textbook: list
    load_kg: float

    def pixels(self, xy):
        """Video pixels (column, row) of points (..., 2) given in this track's metres."""
        xy = np.asarray(xy, dtype=float)
        sign = 1.0 if self.facing == "right" else -1.0
        return np.stack([sign * xy[..., 0] / self.scale, -xy[..., 1] / self.scale], -1)

    @property
    def span(self):
        """(first, last) time (s) the cursor can take: the video's."""
        return float(self.times[0]), float(self.times[-1])

    def check_time(self, t):
        """Return ``t`` as a float (s) or raise naming it and the valid range."""
        if isinstance(t, bool) or not isinstance(t, (int, float, np.integer, np.floating)):
            raise TypeError(f"t = {t!r} must be a number of seconds, not {type(t).__name__}")
        lo, hi = self.span
        if not np.isfinite(t) or not lo <= t <= hi:
            raise ValueError(f"t = {t!r} s is outside the video: {lo:g} to {hi:.2f} s")
        return float(t)

    def rep_at(self, t):
        """The index of the rep whose lowering starts at or before ``t`` and ends after, or None."""
        for k, r in enumerate(self.reps):
            if r.start <= t <= r.end:
                return k
        return None

    def at(self, t):
        """What the video, the figure and the plots show at time ``t`` (s).

        Raises
        ------
        TypeError, ValueError
            When ``t`` is not a number, or outside :attr:`span`.
        """
        t = self.check_time(t)
        i = int(np.argmin(np.abs(self.times - t)))
        j = int(np.argmin(np.abs(self.own.t - t)))
        k = self.rep_at(t)
        disc = self.own.result.disc
        textbook = None
        if k is not None:
            model = self.textbook[k].model
            into = t - self.reps[k].start
            textbook = {q: float(np.interp(into, model.t, np.asarray(model.disc[q])))
                        for q in ("compression", "shear")}
        problems = []
        if self.bar.filled and self.bar.filled.get("bar") is not None and self.bar.filled["bar"][i]:
            problems.append("plate not found on this frame (bar filled in)")
        outside = t < self.own.t[0] or t > self.own.t[-1]
        if outside:
            problems.append("no tracked points at this time")
        else:
            if self.own.flags["missing"][j]:
                problems.append("a tracked point is missing here (filled in)")
            if self.own.flags["lumbar_missing"][j]:
                problems.append("the sacrum marker is missing here (lumbar flexion filled in)")
            if self.own.flags["poor_fit"][j]:
                problems.append(f"poor fit: the model misses a tracked point by "
                                f"{100 * self.own.flags['error'][j]:.1f} cm")
        status = "; ".join(problems) if problems else (
            f"{STATUS_OK} (largest miss {100 * self.own.flags['error'][j]:.1f} cm)")
        if not self.own.lumbar_measured:
            source = "neutral"
        else:
            source = "interpolated" if self.own.flags["lumbar_missing"][j] else "measured"
        return Moment(t=t, frame=i, own=j, rep=None if k is None else self.reps[k],
                      velocity=float(np.interp(t, *self.speed)),
                      compression=float(disc["compression"][j]), shear=float(disc["shear"][j]),
                      textbook=textbook, status=status, ok=not problems,
                      lumbar=float(self.own.angles["lumbar"][j]), lumbar_source=source)

    def velocity_rows(self):
        """Per rep: (number, tempo, mean, peak velocity m/s, time to peak s, range m, power W).

        Power is None when the load is not known.
        """
        return [(r.number, r.tempo_text, r.velocity.mean, r.velocity.peak,
                 r.velocity.time_to_peak, r.velocity.range_of_motion, r.velocity.mean_power)
                for r in self.reps]

    @property
    def velocity_loss(self):
        """Velocity loss over the set (%), from each rep's mean concentric velocity."""
        return velocity_loss([r.velocity.mean for r in self.reps])

    def load_rows(self):
        """Per rep: (number, peak compression own, textbook, peak shear own, textbook) in N.

        The athlete's peaks are over the rep's time on the video; the
        textbook's over its own rep. Shear peaks are the largest size.
        """
        out = []
        disc = self.own.result.disc
        for r, comp in zip(self.reps, self.textbook):
            span = (self.own.t >= r.start) & (self.own.t <= r.end)
            if not span.any():
                continue
            sh, msh = np.asarray(disc["shear"])[span], np.asarray(comp.model.disc["shear"])
            out.append((r.number, float(np.max(disc["compression"][span])),
                        float(np.max(comp.model.disc["compression"])),
                        float(sh[np.argmax(np.abs(sh))]), float(msh[np.argmax(np.abs(msh))])))
        return out

    def at_bottom(self, name):
        """Mean over the reps of the bar's x minus point ``name``'s x (m) at mid-pause (export)."""
        if name not in self.export.points:
            return None
        bar, pt = self.export.points["bar"][:, 0], self.export.points[name][:, 0]
        mids = [0.5 * (r.lowered + r.rise_start) for r in self.reps]
        return float(np.mean(np.interp(mids, self.export.t, bar - pt)))

    @property
    def tempo_text(self):
        """The set's mean tempo in coaching notation with tenths of a second."""
        phases = [float(np.mean([r.tempo[k] for r in self.reps])) for k in range(3)]
        tops = [r.top_pause for r in self.reps if r.top_pause is not None]
        return "-".join(f"{v:.1f}" for v in phases + [float(np.mean(tops)) if tops else 0.0])

    def journal_values(self):
        """The debrief record's fields this review measures (journal names, SI units).

        ``load_kg``, ``reps``, ``tempo`` (the set's mean), ``bar_drift_m`` (mean
        over reps, from the video), ``hip_to_bar_m`` and ``bar_to_midfoot_m``
        (bar ahead of the hip and of the midfoot at the bottom, from the
        export), and ``notes`` with the velocity and the L5/S1 loads in words.
        """
        best = max(self.reps, key=lambda r: r.velocity.mean)
        loads = self.load_rows()
        peak = max(loads, key=lambda row: row[1]) if loads else None
        notes = (f"video: mean concentric velocity {best.velocity.mean:.2f} m/s at best "
                 f"(rep {best.number}), velocity loss {self.velocity_loss:.0f} %")
        if peak is not None:
            notes += (f"; L5/S1 compression up to {peak[1]:.0f} N (rep {peak[0]}; textbook "
                      f"hinge at the same load {peak[2]:.0f} N), ")
            notes += (f"lumbar flexion up to {self.lumbar_peak:.0f} deg (sacrum marker, 0 = "
                      "standing)" if self.own.lumbar_measured else "lumbar flexion not measured")
        return {"load_kg": self.load_kg, "reps": len(self.reps), "tempo": self.tempo_text,
                "bar_drift_m": round(float(np.mean([r.drift for r in self.reps])), 3),
                "hip_to_bar_m": _rounded(self.at_bottom("hip")),
                "bar_to_midfoot_m": _rounded(self.at_bottom("foot")), "notes": notes}

    @property
    def lumbar_peak(self):
        """Largest lumbar flexion (deg) over the reps, from the sacrum marker; None without it."""
        if not self.own.lumbar_measured:
            return None
        lumbar = self.own.angles["lumbar"]
        span = np.zeros(self.own.t.size, bool)
        for r in self.reps:
            span |= (self.own.t >= r.start) & (self.own.t <= r.end)
        return float(np.max(lumbar[span] if span.any() else lumbar))

    def lumbar_words(self):
        """How the athlete's lumbar flexion was found, in a sentence (the panels and lessons)."""
        if not self.own.lumbar_measured:
            return ("Lumbar flexion is not measured (no sacrum marker): the loads are those of "
                    "a neutral spine.")
        lost = int(np.sum(self.own.flags["lumbar_missing"]))
        return (f"Lumbar flexion is measured from the sacrum marker (0 = the athlete standing): "
                f"up to {self.lumbar_peak:.0f}° in the reps"
                + (f"; filled in on {lost} frames without the marker." if lost else "."))

    def frames_flagged(self):
        """How many of the athlete's model frames miss a point (or the sacrum) or fit badly."""
        f = self.own.flags
        return int(np.sum(f["missing"] | f["poor_fit"] | f["lumbar_missing"]))


def _rounded(v):
    return None if v is None else round(v, 3)


def review(frames, times, bar, export, load, mass=75.0, sex="male", facing="right",
           top=None, bottom=None, min_depth=0.10):
    """Review one set: reps and velocity from the video, the athlete's rep through the model.

    Parameters
    ----------
    frames : sequence of ndarray (H, W)
        The video's grey frames (:func:`decode.read_video`).
    times : sequence of float
        Their times (s).
    bar : Track
        The plate tracker's bar on these frames (:func:`plate.track_plate`).
    export : Track
        Foot, knee, hip, shoulder and bar tracked on the same video.
    load : Load
        The load lifted (e.g. ``hinge_sim.presets.load("RDL", 40)``).
    mass : float
        The lifter's body mass (kg), 30 to 200.
    sex : {"male", "female"}
    facing : {"right", "left"}
        As given to the plate tracker.
    top, bottom : Posture, optional
        The textbook hinge's postures (default: "standing", "textbook hinge").
    min_depth : float
        Least bar drop (m) that counts as a rep.

    Returns
    -------
    Review

    Raises
    ------
    TypeError
        When ``bar`` or ``export`` is not a Track.
    ValueError
        When frames and times differ in number, or the export's bar is not
        where the video's is (a different video or origin).
    """
    from ..model import presets
    for name, value in (("bar", bar), ("export", export)):
        if not isinstance(value, Track):
            raise TypeError(f"{name} must be a Track, got {type(value).__name__}")
    if facing not in ("right", "left"):
        raise ValueError(f"facing = {facing!r} must be 'right' or 'left'")
    times = np.asarray(times, dtype=float)
    if len(frames) != times.size or times.size != bar.t.size:
        raise ValueError(f"{len(frames)} frames, {times.size} times and {bar.t.size} bar "
                         "positions: they must be the same number")
    gap = np.median(np.hypot(*(np.stack([np.interp(times, export.t, export.points["bar"][:, i])
                                         for i in (0, 1)], -1) - bar.points["bar"]).T))
    if not gap <= ALIGN_TOLERANCE:
        raise ValueError(f"the export's bar is {100 * gap:.1f} cm from the video's bar (median; "
                         f"at most {100 * ALIGN_TOLERANCE:.0f} cm): track the export on the same "
                         "video, with the origin at the image's top-left corner")
    load_kg = float(load.mass)
    reps = analyze_track(bar, min_depth=min_depth, load_kg=load_kg)
    cond = condition(bar.t, bar.points["bar"][:, 1])
    own = rep_through_model(export, load, mass=mass, sex=sex)
    top = top or presets.posture("standing")
    bottom = bottom or presets.posture("textbook hinge")
    textbook = [compare_with_model(r, own.body, top, bottom, load) for r in reps]
    return Review(frames=list(frames), times=times, scale=float(bar.scale), facing=facing,
                  bar=bar, reps=reps, speed=(cond.t, cond.vf), export=export, own=own,
                  textbook=textbook, load_kg=load_kg)


def sample_review(fps=30, seconds=None, mp4=None, export="rdl_3111_kinovea.csv", gap=None):
    """Review the project's own test video of sample lift ``rdl_3111`` with its Kinovea export.

    The video is rendered (:func:`scene.sample_video`: the plate and limbs over a
    textured background, with noise and motion blur), optionally written to
    and read back from an MP4 file (PyAV), the plate tracked, and the export
    read and run through the model. Synthetic: made from the model.

    Parameters
    ----------
    fps : int
        Video frame rate (frames/s), 20 to 60 (the 6 Hz filter needs 20).
    seconds : float, optional
        Length of the clip (s), at least 7 (one rep); all of it when omitted.
    mp4 : str or os.PathLike, optional
        Write the video here and analyse the decoded file (the phone path).
    export : str
        A sample of the same lift (:data:`sample_tracks.SAMPLES`).
    gap : (str, float, float), optional
        Blank one point of the export between two times (s), as when a marker
        is lost; the importer fills the gap and the review flags those frames.

    Returns
    -------
    Review
    """
    import io

    from ..model import presets
    from ..model.checks import check_range
    from . import scene
    from .plate import track_plate
    from .sample_tracks import SAMPLES, read_kwargs, sample_path
    from .tracking import read_track
    fps = int(check_range("fps", fps, 20, 60, " frames/s"))
    if seconds is not None:
        seconds = float(check_range("seconds", seconds, 7.0, 60.0, " s"))
    spec = SAMPLES.get(export)
    if spec is None or spec["tempo"] != SAMPLES["rdl_3111_px.csv"]["tempo"] or \
            spec["markers"] != SAMPLES["rdl_3111_px.csv"]["markers"]:
        raise ValueError(f"export = {export!r} is not a track of the test video's lift; use "
                         "'rdl_3111_kinovea.csv' or 'rdl_3111_px.csv'")
    frames, times, _ = scene.sample_video("rdl_3111_px.csv", fps=fps, seconds=seconds)
    if mp4 is not None:
        from .decode import read_video, write_video
        write_video(mp4, frames, fps)
        video = read_video(mp4)
        frames, times = video.frames, video.times
    bar = track_plate(frames, times)
    text = sample_path(export).read_text(encoding="utf-8")
    if gap is not None:
        text = _blank(text, *gap, sep=";" if spec["layout"] == "kinovea" else ",")
    stream = io.StringIO(text)
    stream.name = export
    with warnings.catch_warnings():  # the repairs are kept in track.notes
        warnings.simplefilter("ignore", TrackWarning)
        track = read_track(stream, **read_kwargs(export), max_gap=0.25)
    return review(frames, times, bar, track, presets.load(spec["exercise"], spec["load"]),
                  mass=presets.lifter(spec["lifter"]).mass)


def _blank(text, point, t0, t1, sep):
    """CSV text with ``point``'s cells emptied on the rows from ``t0`` to ``t1`` (s)."""
    lines = text.splitlines()
    head = lines[0].split(sep)
    cols = [k for k, h in enumerate(head) if h.strip('"').startswith(point)]
    if not cols:
        raise ValueError(f"gap point {point!r} is not in the export")
    out = [lines[0]]
    for line in lines[1:]:
        cells = line.split(sep)
        if line and t0 <= float(cells[0].strip('"').replace(",", ".")) <= t1:
            for k in cols:
                cells[k] = '""' if cells[k].startswith('"') else ""
        out.append(sep.join(cells))
    return "\n".join(out) + "\n"
