"""Importers for tracked-point exports; each fills a :class:`table.Table`.

``read_table(data, where, resolve, point)`` detects the format from the
content (not the file name) and names an unsupported one in its error.
Formats: plain CSV, Kinovea CSV, Kinovea JSON, Kinovea trajectory text
(Gnuplot), Kinovea Excel XML (SpreadsheetML) and Tracker data text;
``docs/tracks.md`` describes each.
"""
from . import delimited, kinovea, tracker
from .table import LENGTH_UNITS, TIME_UNITS, Table

__all__ = ["read_table", "detect", "Table", "LENGTH_UNITS", "TIME_UNITS"]

_BINARY = ((b"PK\x03\x04", "a zip archive (an Excel .xlsx or LibreOffice .ods workbook?): "
            "export CSV, JSON or text from Kinovea instead"),
           (b"\xd0\xcf\x11\xe0", "an old binary Excel .xls workbook: export CSV instead"),
           (b"%PDF", "a PDF document"))


def detect(data):
    """Name of the format of ``data`` (bytes or str), or ValueError naming an unsupported one."""
    if isinstance(data, bytes):
        for magic, what in _BINARY:
            if data.startswith(magic):
                raise ValueError(f"unsupported format: {what}")
        if data[4:8] == b"ftyp" or data[:4] == b"\x1a\x45\xdf\xa3" or data[:4] == b"RIFF":
            raise ValueError("unsupported format: a video file; track it in Kinovea or Tracker "
                             "and export the trajectories (CSV, JSON or text)")
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                data = data.decode("latin-1")
            except UnicodeDecodeError:  # pragma: no cover - latin-1 decodes any byte
                raise ValueError("unsupported format: binary data, not text") from None
    head = data.lstrip("\ufeff \r\n\t")[:2000]
    if head.startswith("{"):
        return "kinovea-json"
    if head.startswith("<"):
        if "urn:schemas-microsoft-com:office:spreadsheet" in head or "<Workbook" in head:
            return "kinovea-xml"
        if "KinoveaVideoAnalysis" in head:
            raise ValueError("unsupported format: a Kinovea project (.kva); open it in Kinovea "
                             "and export the trajectories (CSV, JSON or text)")
        raise ValueError("unsupported format: XML that is not an Excel spreadsheet (SpreadsheetML)")
    if head.startswith(kinovea.GNUPLOT_MARK):
        return "kinovea-text"
    if tracker.looks_like(delimited.split_lines(head)):
        return "tracker"
    return "csv"


def read_table(data, where, resolve, names, aliases, points, point):
    """Parse ``data`` (str or bytes) into a Table, whatever the supported format."""
    kind = detect(data)
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            data = data.decode("latin-1")
    data = data.lstrip("\ufeff")
    if kind == "kinovea-json":
        return kinovea.parse_json(data, where, resolve)
    if kind == "kinovea-xml":
        return kinovea.parse_spreadsheetml(data, where, resolve)
    if kind == "kinovea-text":
        return kinovea.parse_gnuplot(data, where, resolve)
    if kind == "tracker":
        return tracker.parse(data, where, resolve)
    return delimited.parse(data, where, names, aliases, points, point)
