"""``python -m tools.opensim_check``: print the comparison tables of docs/model.md."""
import sys

from . import MODEL_ENV, model_path, same_model
from .compare import compare, table
from .levels import each_level, levels
from .levels import table as levels_table


def main():
    """Print the tables, or say how to name the model file."""
    path = model_path()
    if path is None:
        sys.exit(f"set {MODEL_ENV} to the path of Model_Pose2Sim_muscles_flex.osim "
                 "(python -m tools.opensim_check.fetch PATH makes it)")
    if not same_model(path):
        print(f"note: {path} is not the file docs/model.md's figures come from", file=sys.stderr)
    rows = compare(path)
    for level, title in (("l5s1", "L5/S1"), ("l4l5", "L4/L5")):
        print(f"\n{title}\n\n{table(rows, level)}")
    print(f"\nWhat carries the load\n\n{levels_table(levels(path))}")
    print("\nEvery level held by the muscles alone (N per N m at L5/S1, L4/L5; N m unheld):")
    for r in each_level(path):
        print(f"  {r['posture']}: {r['per_moment_l5s1']:.1f}, {r['per_moment_l4l5']:.1f}; "
              f"{r['short']:.0f}")
    worst = max(r["residual"] for r in rows)
    print(f"\nlargest load the muscles leave unheld: {worst:.2g} N m; "
          f"largest activation {max(r['max_activation'] for r in rows):.2f}")


if __name__ == "__main__":
    main()
