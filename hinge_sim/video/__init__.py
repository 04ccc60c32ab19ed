"""Tracked video: reading tracks, timing reps, bar velocity, the bar path, the video itself.

``tracking`` reads tracked points (plain CSV and the exports of Kinovea and
Tracker, via ``formats``); ``phases`` times each rep from the bar's own
motion; ``velocity`` and ``profile`` give velocity measures and the
load-velocity profile; ``barpath`` puts it together per rep; ``fit`` runs the
athlete's rep through the model, with ``pelvis`` splitting the trunk into
pelvis and thorax from a marker on the sacrum; ``decode`` reads a phone video (PyAV, the
one module here that needs more than numpy, imported only when used) and
``plate`` tracks the plate on its frames; ``synthetic``, ``scene`` and
``sample_tracks`` make the test tracks and videos and the shipped samples in
``data/tracks/``.
"""
