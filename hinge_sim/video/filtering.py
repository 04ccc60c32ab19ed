"""Signal conditioning for tracked points: noise level, spike rejection, zero-lag low-pass.

Usage
-----
1. ``sigma = noise_sd(y)``: the frame-to-frame tracking noise (m, 1 s.d.).
2. ``y, bad = reject_spikes(y, sigma)``: isolated jumps replaced by their neighbours.
3. ``yf = lowpass(y, fps)``: forward-backward Butterworth, no time shift.
4. ``v = derivative(yf, fps)``; ``velocity_noise(sigma, fps)`` is the
   standard deviation that noise alone leaves in ``v``.

The filter is the one biomechanics labs use for marker data (Winter 2009,
ch. 3): a 2nd-order Butterworth low-pass run forwards and then backwards, so
the phase shifts cancel (zero lag) and the result is 4th order. The two
passes are applied at once in the frequency domain (the squared gain of the
Butterworth section, by FFT over the signal padded with its point
reflection), which is the same zero-phase filter and runs in milliseconds
on a 30-minute track. Each pass
lowers the -3 dB point, so the cutoff is raised by Winter's correction
``1 / 0.802`` for two passes to keep -3 dB at the cutoff asked for.
"""
import functools
import math

import numpy as np

CUTOFF_HZ = 6.0  # Hz, Winter 2009 ch. 3: 6 Hz suits marker trajectories of whole-body movement [R]
TWO_PASS_CORRECTION = (2 ** 0.5 - 1) ** 0.25  # 0.802, Winter 2009 sec. 3.4.4.3 [R]
SPIKE_SIGMAS = 6.0  # a jump this many noise s.d. from the running median is a spike [A]
SPIKE_FLOOR = 0.01  # m: jumps smaller than this are never called spikes [A]
SPIKE_WINDOW_S = 0.1  # s: running-median window of the spike test [A]


def noise_sd(v):
    """Robust standard deviation of the frame-to-frame noise of a sampled signal.

    Second differences of white noise of s.d. ``sigma`` have s.d.
    ``sqrt(6) sigma``, while a smooth movement sampled fast has second
    differences near zero; the median absolute deviation ignores the few
    frames where the movement turns.

    Parameters
    ----------
    v : ndarray (N,)
        Samples (any unit), evenly spaced in time.

    Returns
    -------
    float
        Noise s.d., in the unit of ``v``.
    """
    d2 = np.diff(np.asarray(v, dtype=float), 2)
    if d2.size < 3:
        return 0.0
    return 1.4826 * float(np.median(np.abs(d2 - np.median(d2)))) / math.sqrt(6.0)


def reject_spikes(v, sigma, fps):
    """Replace isolated tracking jumps by a straight line between their neighbours.

    A sample is a spike when it lies more than ``max(SPIKE_SIGMAS * sigma,
    SPIKE_FLOOR)`` from the running median over :data:`SPIKE_WINDOW_S`.

    Parameters
    ----------
    v : ndarray (N,)
        Positions (m), evenly spaced in time.
    sigma : float
        Noise s.d. (m), from :func:`noise_sd`.
    fps : float
        Frames per second.

    Returns
    -------
    cleaned : ndarray (N,)
    spikes : ndarray of int
        Indices of the samples replaced.
    """
    v = np.asarray(v, dtype=float)
    half = max(2, int(round(SPIKE_WINDOW_S * fps / 2)))
    if v.size < 2 * half + 1:
        return v.copy(), np.array([], int)
    padded = np.pad(v, half, mode="edge")
    median = np.median(np.lib.stride_tricks.sliding_window_view(padded, 2 * half + 1), axis=1)
    spikes = np.flatnonzero(np.abs(v - median) > max(SPIKE_SIGMAS * sigma, SPIKE_FLOOR))
    if spikes.size == 0:
        return v.copy(), spikes
    good = np.ones(v.size, bool)
    good[spikes] = False
    idx = np.arange(v.size)
    return np.interp(idx, idx[good], v[good]), spikes


def _biquad(cutoff_hz, fps):
    """Coefficients (b, a) of a 2nd-order Butterworth low-pass, bilinear transform."""
    k = math.tan(math.pi * cutoff_hz / fps)
    norm = 1.0 + math.sqrt(2.0) * k + k * k
    b0 = k * k / norm
    return (b0, 2 * b0, b0), (2.0 * (k * k - 1.0) / norm, (1.0 - math.sqrt(2.0) * k + k * k) / norm)


def _gain_squared(b, a, n):
    """|H|^2 of the biquad on the ``rfft`` frequencies of ``n`` samples: the two passes."""
    z = np.exp(-2j * np.pi * np.fft.rfftfreq(n))
    h = (b[0] + b[1] * z + b[2] * z ** 2) / (1.0 + a[0] * z + a[1] * z ** 2)
    return np.abs(h) ** 2


def check_cutoff(cutoff_hz, fps):
    """Raise ValueError unless the (corrected) cutoff lies below the Nyquist frequency."""
    from ..model.checks import check_range
    nyquist = fps / 2.0
    high = 0.95 * nyquist * TWO_PASS_CORRECTION
    if high < 0.5:
        raise ValueError(f"the frame rate {fps:g} frames/s is too low to filter; "
                         "a track needs at least 2 frames/s")
    return float(check_range("cutoff_hz", cutoff_hz, 0.5, high, " Hz"))


def lowpass(v, fps, cutoff_hz=CUTOFF_HZ):
    """Zero-lag low-pass: 2nd-order Butterworth forwards then backwards.

    Parameters
    ----------
    v : ndarray (N,)
        Samples, evenly spaced in time.
    fps : float
        Frames per second.
    cutoff_hz : float
        -3 dB frequency (Hz) of the two passes together, 0.5 Hz to just
        under the Nyquist frequency ``fps / 2`` (after the two-pass correction).

    Returns
    -------
    ndarray (N,)
        The filtered samples. The ends are padded with a point reflection
        of the signal, so a movement at the start or the end is not bent
        towards zero.
    """
    cutoff_hz = check_cutoff(cutoff_hz, fps)
    b, a = _biquad(cutoff_hz / TWO_PASS_CORRECTION, fps)
    v = np.asarray(v, dtype=float)
    if v.size < 3:
        return v.copy()
    pad = min(v.size - 1, int(math.ceil(3 * fps / cutoff_hz)))  # a few filter lengths
    ext = np.concatenate([2 * v[0] - v[pad:0:-1], v, 2 * v[-1] - v[-2:-pad - 2:-1]])
    trend = np.linspace(ext[0], ext[-1], ext.size)  # no jump where the FFT wraps round
    out = np.fft.irfft(np.fft.rfft(ext - trend) * _gain_squared(b, a, ext.size), ext.size)
    return (out + trend)[pad:pad + v.size]


def derivative(v, fps):
    """Time derivative by central differences (one-sided at the ends), per second."""
    return np.gradient(np.asarray(v, dtype=float)) * fps


@functools.lru_cache(maxsize=16)
def _noise_gain(fps, cutoff_hz, differentiate):
    n = 2 * int(math.ceil(8 * fps / cutoff_hz)) + 1
    pulse = np.zeros(n)
    pulse[n // 2] = 1.0
    response = lowpass(pulse, fps, cutoff_hz)
    if differentiate:
        response = derivative(response, fps)
    return float(np.sqrt(np.sum(response ** 2)))


def height_noise(sigma, fps, cutoff_hz=CUTOFF_HZ):
    """S.d. (m) that white position noise of s.d. ``sigma`` (m) leaves after :func:`lowpass`."""
    return sigma * _noise_gain(fps, cutoff_hz, False)


def velocity_noise(sigma, fps, cutoff_hz=CUTOFF_HZ):
    """S.d. (per s) that white position noise of s.d. ``sigma`` leaves in the filtered velocity.

    Parameters
    ----------
    sigma : float
        Position noise s.d. (m).
    fps : float
        Frames per second.
    cutoff_hz : float
        Filter cutoff (Hz), as for :func:`lowpass`.

    Returns
    -------
    float
        ``sigma`` times the root-sum-square of the impulse response of the
        filter followed by :func:`derivative` (m/s).
    """
    return sigma * _noise_gain(fps, cutoff_hz, True)
