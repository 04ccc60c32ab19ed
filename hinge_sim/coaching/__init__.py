"""Coaching aids built on the model, numpy only: training plans and cues."""
