"""Write pip constraints that pin every declared dependency to its lowest version.

``python -m tools.lowest [extra ...] > constraints.txt`` reads ``pyproject.toml``
and prints ``name==low`` for each ``name>=low`` in the core dependencies and the
named extras (``course``, ``workshop``; self-references are followed). The
``make test`` lowest-versions step installs the package with these constraints
into a second venv and runs the fast tests there, so every lower bound the
project declares is one it really works on.
"""
import pathlib
import re
import sys
import tomllib

PYPROJECT = pathlib.Path(__file__).resolve().parents[1] / "pyproject.toml"
SPEC = re.compile(r"^([A-Za-z0-9_.\-]+)(\[[^\]]*\])?\s*(.*)$")


def requirements(extras, project=None):
    """Requirement strings of the core and ``extras``, self-references expanded."""
    project = project or tomllib.loads(PYPROJECT.read_text())["project"]
    specs, todo, seen = list(project["dependencies"]), list(extras), set()
    while todo:
        extra = todo.pop()
        if extra in seen:
            continue
        seen.add(extra)
        for spec in project["optional-dependencies"][extra]:
            name, wanted, _ = SPEC.match(spec).groups()
            if name == project["name"]:
                todo += wanted.strip("[]").split(",")
            else:
                specs.append(spec)
    return specs


def lowest_pins(specs):
    """``name==low`` for every spec with a ``>=`` lower bound."""
    pins = []
    for spec in specs:
        name, _, rest = SPEC.match(spec).groups()
        low = re.search(r">=\s*([\w.]+)", rest)
        if low:
            pins.append(f"{name}=={low.group(1)}")
    return pins


def main(argv=None):
    """Print the constraints for the extras named in ``argv``."""
    argv = sys.argv[1:] if argv is None else argv
    print("\n".join(lowest_pins(requirements(argv))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
