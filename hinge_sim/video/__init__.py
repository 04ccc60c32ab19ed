"""Tracked video, numpy only: reading tracks, timing reps, bar velocity, the bar path.

``tracking`` reads tracked points (plain CSV and the exports of Kinovea and
Tracker, via ``formats``); ``phases`` times each rep from the bar's own
motion; ``velocity`` and ``profile`` give velocity measures and the
load-velocity profile; ``barpath`` puts it together per rep; ``fit`` runs the
athlete's rep through the model; ``synthetic`` and ``sample_tracks`` make the
test tracks and the shipped samples in ``data/tracks/``.
"""
