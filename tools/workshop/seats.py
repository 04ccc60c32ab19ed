"""Who holds which kernel: one seat per open dashboard page, a cap, and plain refusals.

Every browser that opens the workshop address with the token gets its own login cookie
from ``jupyter_server`` (an anonymous user with a random name). A seat ties the kernel a
page was given to that name: only that browser may open the kernel's websocket, read it
through ``/api/kernels/<id>`` or shut it down, so knowing another page's kernel id is no
longer enough to take it over or end it.

A seat is reserved before the page starts rendering (so pages loading at the same time
cannot overshoot the cap) and bound to the kernel id once the page names it.
"""
import html
import itertools

_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>body {{ font: 1.4em/1.5 sans-serif; max-width: 36em; margin: 3em auto; }}</style>
</head><body>
<h1>{title}</h1>
{body}
</body></html>
"""
CLASS_FULL = ("Class full",
              "<p>All {cap} places on this workshop dashboard are in use right now.</p>\n"
              "<p>Follow along on the projector, or try again in a few minutes: a place frees "
              "up as soon as someone closes the page, and pages left open with nobody on them "
              "close after {cull} minutes.</p>")
TOO_MANY = ("Too many pages open",
            "<p>This browser already has {per_student} dashboard pages open. Close one of "
            "them (its place is freed as soon as it closes), then reload this page.</p>")


class Seats:
    """Kernel ids handed out to pages, with their owners.

    Parameters
    ----------
    cap : int
        Most dashboard pages (kernels) open at once, 1 or more.
    per_student : int
        Most pages one browser may hold at once, 1 to ``cap``.
    """

    def __init__(self, cap, per_student):
        for name, value, high in (("cap", cap, None), ("per_student", per_student, cap)):
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"{name} must be an integer, got {value!r}")
            if value < 1 or (high is not None and value > high):
                valid = "1 or more" if high is None else f"1 to cap ({high})"
                raise ValueError(f"{name} = {value} is out of range (valid: {valid})")
        self.cap, self.per_student = cap, per_student
        self.owner = {}          # kernel id or reservation ticket -> student name
        self._tickets = itertools.count()

    def __len__(self):
        """Count seats taken or reserved."""
        return len(self.owner)

    def prune(self, alive):
        """Forget seats whose kernel is gone (shut down, culled or dead); keep reservations."""
        for key in [k for k in self.owner if isinstance(k, str) and k not in alive]:
            del self.owner[key]

    def reserve(self, student):
        """Reserve a seat for ``student``: a ticket, or ``(status, title)`` when refused."""
        if len(self.owner) >= self.cap:
            return 503, CLASS_FULL
        if sum(o == student for o in self.owner.values()) >= self.per_student:
            return 429, TOO_MANY
        ticket = next(self._tickets)
        self.owner[ticket] = student
        return ticket

    def bind(self, ticket, kernel_id):
        """Turn reservation ``ticket`` into the seat of ``kernel_id``."""
        self.owner[kernel_id] = self.owner.pop(ticket)

    def holds(self, kernel_id, student):
        """Whether ``student`` owns ``kernel_id`` (a kernel nobody was given belongs to nobody)."""
        return isinstance(kernel_id, str) and self.owner.get(kernel_id) == student

    def release(self, key):
        """Free a seat (its page closed) or an unused reservation."""
        self.owner.pop(key, None)


def refusal_page(kind, **numbers):
    """Build the plain HTML page for a refusal ``kind`` (:data:`CLASS_FULL`, :data:`TOO_MANY`)."""
    title, body = kind
    values = {k: html.escape(f"{v:g}" if isinstance(v, float) else str(v))
              for k, v in numbers.items()}
    return _PAGE.format(title=title, body=body.format(**values))
