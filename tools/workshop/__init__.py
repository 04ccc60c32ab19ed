"""The workshop server: the dashboard for a room of students on one laptop.

- :mod:`tools.workshop.launch`: ``make workshop``; prints the address and a QR code.
- :mod:`tools.workshop.app`: Voila with seats, a kernel cap, working close, clean logs.
- :mod:`tools.workshop.guard`: kernel websockets in the v1 protocol only, frames checked.
- :mod:`tools.workshop.seats`: which browser holds which kernel.
- :mod:`tools.workshop.student`: a simulated student, for the load test and the tests.
"""
