"""Command line: ``hinge-sim render ...`` (or ``python -m hinge_sim render ...``).

Examples
--------
``python -m hinge_sim render posture --posture "rounded back" --ghost "textbook hinge" -o back.png``
``python -m hinge_sim render posture --exercise deadlift --load 100 -o floor.png``
``python -m hinge_sim render rep --bottom "textbook hinge" --tempo 31X0 --load 60 -o rep.gif``

The repository's own pictures and navigation are remade by ``tools/`` in a
checkout (``python -m tools.media``, ``python -m tools.course``).
"""
import argparse
import sys

from .model import presets


def _posture(name, args):
    """Return the posture preset (or the exercise's start) with the angles given changed."""
    changes = {k: getattr(args, k) for k in ("knee", "hip", "lumbar", "bar")
               if getattr(args, k) is not None}
    if not changes:
        return name
    return (name, changes) if name is not None else {**presets.start_fields(args.exercise),
                                                     **changes}


def _parser():
    parser = argparse.ArgumentParser(prog="hinge-sim", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    render = sub.add_parser("render", help="a PNG of a posture or a GIF of a rep")
    render.add_argument("what", choices=["posture", "rep"])
    render.add_argument("-o", "--output", required=True, help="file to write (.png or .gif)")
    render.add_argument("--lifter", default="average man", choices=list(presets.LIFTERS))
    render.add_argument("--exercise", default="RDL", choices=list(presets.EXERCISES))
    render.add_argument("--load", type=float, default=40.0, help="kg")
    render.add_argument("--units", default="kg", choices=["kg", "lb"])
    render.add_argument("--style", default="default",
                        choices=["default", "projector", "high contrast"])
    render.add_argument("--bracing", type=float, default=0.0, help="0 relaxed to 1 full brace")
    render.add_argument("--posture", help="posture preset (posture); default textbook hinge, "
                                          "or plates on the floor for a deadlift")
    render.add_argument("--ghost", help="reference posture preset drawn faint (posture)")
    for angle, unit in (("knee", "deg"), ("hip", "deg"), ("lumbar", "deg"), ("bar", "m")):
        render.add_argument(f"--{angle}", type=float, help=f"{angle} ({unit}); changes the preset")
    render.add_argument("--top", default="standing", help="rep's top posture preset (rep)")
    render.add_argument("--bottom", help="rep's bottom posture preset (rep); default textbook "
                                         "hinge, or plates on the floor for a deadlift")
    render.add_argument("--tempo", default="3-1-1-0", help="coaching tempo, e.g. 3-1-1-0 or 31X0")
    render.add_argument("--fps", type=float, default=10, help="animation frames per second")
    return parser


def main(argv=None):
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    from .viz import export
    try:
        common = dict(lifter=args.lifter, exercise=args.exercise, load=args.load,
                      style=args.style, bracing=args.bracing)
        if args.what == "posture":
            path = export.posture_png(args.output, posture=_posture(args.posture, args),
                                      ghost=args.ghost, units=args.units, **common)
        else:
            path = export.rep_gif(args.output, top=args.top, bottom=_posture(args.bottom, args),
                                  tempo=args.tempo, fps=args.fps, **common)
    except (ValueError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(path)
    return 0
