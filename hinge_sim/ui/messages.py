"""The message box and the never-raise callback wrapper every panel and form uses.

A widget callback that raises shows a traceback in the browser console and
nothing on the page; :func:`never_raise` turns any exception into one plain
sentence for a :class:`MessageBox` (class ``hinge-message``) instead.

Usage
-----
1. ``box = MessageBox(heading="Not saved")``; put ``box.widget`` in the layout.
2. ``button.on_click(never_raise(save, box.problem))``
3. ``box.problem("...")``, ``box.done("Saved.")``, ``box.clear()``; ``box.text``.
"""
import functools
import html

import ipywidgets as widgets

PROBLEM_STYLE = ("<div style='color:#7a2e00;background:#fff3e0;border-left:6px solid #D55E00;"
                 "padding:6px 10px;font-size:1.05em'><b>{heading}:</b> {text}</div>")
DONE_STYLE = "<div style='padding:4px 8px'>✔ {text}</div>"


def plain(exc):
    """Return an exception as one plain sentence (no traceback), capitalised."""
    text = str(exc) or exc.__class__.__name__
    return text[0].upper() + text[1:]


def never_raise(fn, on_error, skip=None):
    """Wrap a widget callback so that it never raises into the front end.

    Parameters
    ----------
    fn : callable
        The callback.
    on_error : callable
        Called with the exception as plain words (:func:`plain`) instead.
    skip : callable, optional
        When it returns True the callback is not run (a panel changing
        several widgets at once).

    Returns
    -------
    callable
        Returns ``fn``'s result, or None after an error.
    """
    @functools.wraps(fn)
    def safe(*args, **kwargs):
        if skip is not None and skip():
            return None
        try:
            return fn(*args, **kwargs)
        except Exception as exc:  # a callback must never raise into the front end
            on_error(plain(exc))
            return None
    return safe


class MessageBox:
    """A message area: a problem in plain words, a short confirmation, or nothing.

    Parameters
    ----------
    heading : str
        The word before a problem, e.g. "Not possible" or "Not saved".
    """

    def __init__(self, heading="Not possible"):
        self.heading = heading
        self.text = ""
        self.widget = widgets.HTML()
        self.widget.add_class("hinge-message")

    def problem(self, text, heading=None):
        """Show ``text`` as a problem (empty text clears the box).

        ``heading`` replaces the box's own heading for this message (e.g.
        "Saved" when a record was saved but something after it failed).
        """
        self.text = text
        heading = self.heading if heading is None else heading
        self.widget.value = (PROBLEM_STYLE.format(heading=html.escape(heading),
                                                  text=html.escape(text)) if text else "")

    def done(self, text):
        """Show a confirmation; :attr:`text` (the problem) becomes empty."""
        self.text = ""
        self.widget.value = DONE_STYLE.format(text=html.escape(text)) if text else ""

    def clear(self):
        """Show nothing."""
        self.problem("")
