"""Styles (default, projector, high contrast), the Okabe-Ito palette and load zones.

Usage
-----
1. ``STYLES["projector"]["font"]`` -> font size (pt) for a projector;
   ``get_style("high contrast")["roles"]["com"]`` -> the colour the centre of mass is drawn in.
2. ``zone(3185.0, 3400.0, 6400.0)`` -> ``("safe", "below the 3400 N action limit")``.
"""
import numpy as np

# Okabe & Ito 2008, "Color Universal Design": safe for the common colour-vision
# deficiencies. Names -> hex.
PALETTE = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
    "grey": "#999999",
}

# Zone -> fill colour and hatching: the zone never rests on colour alone.
ZONES = {
    "safe": {"color": PALETTE["bluish green"], "hatch": "", "word": "safe"},
    "caution": {"color": PALETTE["orange"], "hatch": "//", "word": "caution"},
    "over": {"color": PALETTE["vermillion"], "hatch": "xx", "word": "over the limit"},
}

# Colours of the things drawn, by role.
ROLES = {
    "body": PALETTE["black"],
    "arm": "#6e6e6e",  # a lighter, thinner line: the arm reads apart from legs and trunk
    "spine": PALETTE["blue"],
    "load": PALETTE["grey"],
    "com": PALETTE["reddish purple"],
    "cop": PALETTE["vermillion"],
    "midfoot": PALETTE["sky blue"],
    "dimension": PALETTE["blue"],
    "dowel": PALETTE["orange"],
    "hip": PALETTE["blue"],
    "knee": PALETTE["orange"],
    "l5s1": PALETTE["reddish purple"],
    "compression": PALETTE["blue"],
    "shear": PALETTE["vermillion"],
    "ghost": PALETTE["grey"],
    "chosen": PALETTE["blue"],  # the handle the keys move: the panels' focus-ring blue
}

# High contrast: every colour drawn on the white figure at 4.5 : 1 or more (WCAG 2.1
# AA for text; 3 : 1 is the rule for graphics), so the light roles (sky blue,
# orange, reddish purple, the greys) turn to black, blue or a darker vermillion of
# the same hue (5.2 : 1; Okabe-Ito's is 3.9 : 1) [A]; lines are told apart by where
# they are and by their dashes, as in the other styles.
DARK_VERMILLION = "#B34F00"
HIGH_CONTRAST_ROLES = {
    **ROLES,
    "arm": PALETTE["black"], "load": "#595959", "ghost": "#595959",
    "com": PALETTE["black"], "cop": DARK_VERMILLION, "midfoot": PALETTE["blue"],
    "dowel": DARK_VERMILLION, "knee": DARK_VERMILLION, "l5s1": PALETTE["black"],
    "shear": DARK_VERMILLION,
}
HIGH_CONTRAST_MIN = 4.5  # contrast ratio against white

# A label's white backing: it stays readable where it crosses a line.
LABEL_BOX = {"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85}

# Font sizes in pt at the figure's own size; line widths in pt.
# "default" keeps every text at 11 pt or more (12.2 px at 80 dpi): the panels show the
# 800 px figure at its natural size, so in JupyterLab on a 1280 x 800 laptop (file
# browser open) no letter is under 12 px on screen.
# "projector" keeps every text at 18 pt or more (20 px at 80 dpi): on a 1920 x 1080
# projector with the page at 150 % and the file browser open, the figure shows
# about 1.1 : 1, so 22 px letters (2 % of the screen height).
# "high contrast": larger text and thicker lines in the high-contrast roles, on a figure
# wider by the text (960 px), for low vision and a washed-out screen in a bright room.
STYLES = {
    "default": {"font": 12, "small": 11, "title": 14, "line": 3.0, "thin": 1.2,
                "marker": 7, "figsize": (10.0, 5.6), "dpi": 80, "roles": ROLES},
    "projector": {"font": 19, "small": 18, "title": 21, "line": 6.0, "thin": 2.5,
                  "marker": 12, "figsize": (15.0, 8.4), "dpi": 80, "roles": ROLES},
    "high contrast": {"font": 14, "small": 13, "title": 16, "line": 4.5, "thin": 2.0,
                      "marker": 9, "figsize": (12.0, 6.4), "dpi": 80,
                      "roles": HIGH_CONTRAST_ROLES},
}


def get_style(style):
    """The style dict for a name in :data:`STYLES`, or a dict passed through.

    Raises
    ------
    ValueError
        For an unknown style name.
    """
    if isinstance(style, dict):
        return {"roles": ROLES, **style}
    if style not in STYLES:
        raise ValueError(f"style = {style!r} is not known; choose from {sorted(STYLES)}")
    return STYLES[style]


def zone(value, action, limit, unit="N"):
    """The zone of a load against an action limit and a maximum limit.

    Parameters
    ----------
    value : float
        The load (e.g. N); its magnitude is compared.
    action, limit : float
        Action limit and maximum limit, same unit as ``value``.
    unit : str
        Unit used in the words.

    Returns
    -------
    (str, str)
        ``"safe"``, ``"caution"`` or ``"over"``, and the same in words.
    """
    v = abs(float(np.asarray(value)))
    if v < action:
        return "safe", f"below the {action:.0f} {unit} action limit"
    if v < limit:
        return "caution", (f"above the {action:.0f} {unit} action limit, "
                           f"below the {limit:.0f} {unit} maximum")
    return "over", f"above the {limit:.0f} {unit} maximum limit"
