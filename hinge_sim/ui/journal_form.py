"""A form to add debrief records and to list and plot an athlete's history.

Usage
-----
1. ``form = JournalForm("journals", athlete="Anna")`` (a cell ending in ``form``
   shows it)
2. fill the fields, press "Save record"; the table and the progress plot update.
3. ``form.set(spine=4, notes="ribs down")`` and ``form.save()`` do the same from
   Python; ``form.message`` says what went wrong, if anything.

One journal file per athlete in the folder (``<folder>/<athlete>.csv``, see
:func:`hinge_sim.journal.journal_path`). Callbacks never raise: problems show in
the message area (class ``hinge-message``) and nothing is written.
"""
import datetime
import html
import os
import uuid

import ipywidgets as widgets

from ..journal import EXERCISE_NAMES, LIMIT_OF, Journal, journal_path, validate
from ..model.limits import LIMITS
from ..viz.progress import progress_figure
from ..viz.render import to_png
from .messages import MessageBox, never_raise, plain
from .shown import Shown

NONE = "—"
RATING = LIMITS["rating"]
RATING_OPTIONS = [NONE, *range(int(RATING.low), int(RATING.high) + 1)]
RATING_FIELDS = tuple(name for name, row in LIMIT_OF.items() if row == "rating")
#: distances kept in m and typed in cm
CM_FIELDS = tuple(name for name, row in LIMIT_OF.items() if LIMITS[row].unit == "m")
LABELS = {"rib_cage": "Rib cage (self)", "spine": "Spine (self)", "hip_drive": "Hip drive (self)",
          "coach_rating": "Coach rating", "target_rating": "Target rating",
          "hip_to_bar_m": "Hip-to-bar (cm)", "bar_drift_m": "Bar drift (cm)",
          "bar_to_midfoot_m": "Bar ahead of midfoot (cm)",
          "target_hip_to_bar_m": "Target hip-to-bar (cm)",
          "target_bar_drift_m": "Target drift (cm)"}


class JournalForm(Shown):
    """Add a record, list and plot an athlete's history.

    Parameters
    ----------
    folder : str or os.PathLike
        Where the journal files are (created if missing).
    athlete : str, optional
        The athlete shown first.
    style : str
        Plot style, "default", "projector" or "high contrast".

    Attributes
    ----------
    widget : ipywidgets.VBox
    controls : dict
        Name -> widget: "athlete", "date", "exercise", "load_kg", "reps",
        "tempo", "rib_cage", "spine", "hip_drive", "coach_rating",
        "hip_to_bar_m", "bar_drift_m", "bar_to_midfoot_m", "target_hip_to_bar_m",
        "target_bar_drift_m", "target_rating", "targets", "notes", "save".
    message : str
        The last problem in plain words ("" when all is fine).
    """

    def __init__(self, folder, athlete=None, style="default"):
        self.folder = os.fspath(folder)
        self.style = style
        self.png = b""
        self._pending_id = _new_id()  # the id the next save uses: a retry cannot add it twice
        c = {}
        c["athlete"] = widgets.Text(value=athlete or "", description="Athlete",
                                    placeholder="name")
        c["date"] = widgets.DatePicker(value=datetime.date.today(), description="Date")
        c["exercise"] = widgets.Dropdown(options=list(EXERCISE_NAMES), value="RDL",
                                         description="Exercise")
        load, reps = (LIMITS[LIMIT_OF[name]] for name in ("load_kg", "reps"))
        c["load_kg"] = widgets.BoundedFloatText(value=20.0, min=load.low, max=load.high,
                                                step=2.5, description="Load (kg)")
        c["reps"] = widgets.BoundedIntText(value=8, min=reps.low, max=reps.high,
                                           description="Reps")
        c["tempo"] = widgets.Text(value="3-1-1-0", description="Tempo")
        for name in RATING_FIELDS:
            c[name] = widgets.Dropdown(options=RATING_OPTIONS, value=NONE, description=LABELS[name],
                                       style={"description_width": "initial"})
        for name in CM_FIELDS:
            c[name] = widgets.Text(value="", description=LABELS[name],
                                   placeholder="blank = not measured",
                                   style={"description_width": "initial"})
        c["targets"] = widgets.Textarea(description="Targets", placeholder="for next time")
        c["notes"] = widgets.Textarea(description="Notes")
        c["save"] = widgets.Button(description="Save record", button_style="primary")
        self.controls = c
        self.message_box = MessageBox("Not saved")
        self.message_html = self.message_box.widget
        self.table = widgets.HTML()
        self.table.add_class("hinge-table")
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
        self.image.add_class("hinge-figure")
        c["save"].on_click(never_raise(lambda _b: self.save(), self.message_box.problem))
        c["athlete"].observe(never_raise(lambda _ch: self.show_history(), self._problem),
                             names="value")

        def row(children):  # wraps on a narrow screen instead of running off the edge
            return widgets.HBox(children, layout=widgets.Layout(flex_flow="row wrap"))

        rows = [row([c["athlete"], c["date"], c["exercise"]]),
                row([c["load_kg"], c["reps"], c["tempo"]]),
                row([c["rib_cage"], c["spine"], c["hip_drive"], c["coach_rating"]]),
                row([c["hip_to_bar_m"], c["bar_drift_m"], c["bar_to_midfoot_m"]]),
                row([c["target_hip_to_bar_m"], c["target_bar_drift_m"], c["target_rating"]]),
                row([c["targets"], c["notes"]]), c["save"], self.message_html,
                self.table, self.image]
        self.widget = widgets.VBox(rows)
        never_raise(self.show_history, self._problem)()

    @property
    def message(self):
        """The problem shown now, in plain words ("" when there is none)."""
        return self.message_box.text

    def _problem(self, text):
        """Show a problem that is not about saving (opening or drawing a history)."""
        self.message_box.problem(text, heading="Problem")

    def set(self, **values):
        """Set controls from Python (same values a user would pick)."""
        for name, value in values.items():
            if name not in self.controls or name == "save":
                raise ValueError(f"{name!r} is not a form field; choose from "
                                 f"{sorted(k for k in self.controls if k != 'save')}")
            widget = self.controls[name]
            if name in CM_FIELDS and not isinstance(value, str):
                value = "" if value is None else f"{100 * value:g}"
            widget.value = NONE if value is None and isinstance(widget, widgets.Dropdown) else value

    def values(self):
        """Return the record fields as the journal takes them (cm turned into m)."""
        out = {}
        for name, w in self.controls.items():
            if name == "save":
                continue
            v = w.value
            if v == NONE:
                v = None
            if name in CM_FIELDS:
                text = str(v or "").strip().replace(",", ".")
                if text:
                    try:
                        v = float(text) / 100
                    except ValueError:
                        raise ValueError(f"{LABELS[name]} = {text!r} is not a number (cm)") \
                            from None
                else:
                    v = None
            out[name] = v
        return out

    def journal(self, create=False):
        """Return the athlete's journal (None when there is no file yet and not creating)."""
        name = self.controls["athlete"].value.strip()
        if not name:
            raise ValueError("athlete is required: type a name")
        path = journal_path(self.folder, name)
        if not create and not os.path.exists(path):
            return None
        os.makedirs(self.folder, exist_ok=True)
        return Journal(path, create=create)

    def save(self):
        """Validate and add the record; return it, or None with a message.

        Pressing Save again after an error never adds the record twice: the
        record keeps its id until it is saved. A problem after the record is
        saved (drawing the history) says so, and the record stays saved.
        """
        try:
            fields = self.values()
            validate(fields)  # nothing is created for a bad record
            rec = self.journal(create=True).add(record_id=self._pending_id, **fields)
        except Exception as exc:
            self.message_box.problem(plain(exc))
            return None
        self._pending_id = _new_id()
        done = f"saved record {rec.record_id} for {rec.athlete} on {rec.date}"
        try:
            self.show_history()
        except Exception as exc:
            self.message_box.problem(f"{done}, but the history cannot be shown: "
                                     f"{exc or type(exc).__name__}", heading="Saved")
            return rec
        self.message_box.done(done)
        return rec

    def show_history(self):
        """List and plot the athlete's records."""
        if not self.controls["athlete"].value.strip():
            self.table.value, self.image.value = "", b""
            return
        j = self.journal()
        records = j.records(athlete=self.controls["athlete"].value.strip()) if j else []
        head = ("date", "exercise", "load (kg)", "reps", "tempo", "rib cage", "spine",
                "hip drive", "coach", "hip-to-bar (cm)", "drift (cm)", "bar ahead of midfoot (cm)",
                "targets")
        rows = []
        for r in records:
            f = r.fields
            cells = (f["date"], f["exercise"], f["load_kg"], f["reps"], f["tempo"], f["rib_cage"],
                     f["spine"], f["hip_drive"], f["coach_rating"],
                     *(None if f[k] is None else round(100 * f[k], 1)
                       for k in ("hip_to_bar_m", "bar_drift_m", "bar_to_midfoot_m")),
                     f["targets"])
            rows.append("<tr>" + "".join(f"<td>{html.escape('' if v is None else str(v))}</td>"
                                         for v in cells) + "</tr>")
        keep_whole = ("<style>.hinge-table td:nth-child(-n+5) { white-space: nowrap; }"
                      ".hinge-table td, .hinge-table th { padding: 2px 8px; }</style>")
        header = "<tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr>"
        self.table.value = (keep_whole + "<table>" + header + "".join(rows) + "</table>"
                            if rows else "<p>No records yet for this athlete.</p>")
        self.png = to_png(progress_figure(records, style=self.style))
        self.image.value = self.png


def _new_id():
    return uuid.uuid4().hex[:12]
