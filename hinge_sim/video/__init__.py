"""Tracked video, numpy only: reading tracks, splitting reps, the bar path.

``tracking`` reads tracked points (plain CSV, Kinovea); ``barpath`` finds
reps, tempo and drift; ``sample_tracks`` ships and regenerates the synthetic
sample files in ``data/tracks/``.
"""
