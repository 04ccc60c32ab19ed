"""The folders are layers and imports point down only.

    ui/                    may import everything below
    viz/                   never ui, never ipywidgets
    coaching/ video/       numpy and the model only
    journal/               the model and safefile only
    model/                 numpy and the standard library only
    progress.py            the standard library and safefile
    course.py              the standard library and progress
    safefile.py            the standard library only

One module is an exception: ``video/decode.py`` may import PyAV (``av``). Decoding an
MP4 needs FFmpeg, far beyond numpy; PyAV ships FFmpeg inside its wheel, so it installs
from the package registry like any library. decode.py imports it inside its functions only,
so the rest of ``video`` works without it (``tests/test_video_decode.py`` checks the error).

And nothing installed imports ``tools/`` (repository tooling that needs the
checkout). The scan reads the source (every ``import``, at any depth), so an
import inside a function counts too.
"""
import ast
import pathlib
import sys

import pytest

PACKAGE = pathlib.Path(__file__).resolve().parents[1] / "hinge_sim"
PLOTS_AND_WIDGETS = {"matplotlib", "ipywidgets", "IPython", "PIL", "tqdm"}

#: layer -> (allowed hinge_sim sub-packages, allowed third-party top-level names)
RULES = {
    "model": ({"model"}, {"numpy"}),
    "coaching": ({"model", "coaching"}, {"numpy"}),
    "video": ({"model", "video"}, {"numpy"}),
    "journal": ({"model", "journal", "safefile"}, set()),
    "progress": ({"progress", "safefile"}, set()),
    "safefile": ({"safefile"}, set()),
    "course": ({"course", "progress"}, set()),
    "viz": ({"model", "coaching", "video", "journal", "viz"},
            {"numpy", "matplotlib", "PIL", "tqdm"}),
}

#: file (relative to the package) -> extra third-party names only it may import, and why
EXCEPTIONS = {
    "video/decode.py": {"av"},  # FFmpeg's decoders, shipped inside PyAV's wheel
}


def layer_of(path):
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    top_level = ("journal", "progress", "course", "safefile")
    return parts[0] if len(parts) > 1 or parts[0] in top_level else None


def imports(path):
    """Absolute names of every module ``path`` imports."""
    module = ["hinge_sim", *path.relative_to(PACKAGE).with_suffix("").parts]
    if module[-1] == "__init__":
        module = module[:-1]
    else:
        module = module[:-1]  # the package the file is in
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = module[: len(module) - node.level + 1] if node.level else []
            name = ".".join(base + ([node.module] if node.module else []))
            if node.module is None:  # from . import a, b: each name may be a module
                yield from (f"{name}.{alias.name}" for alias in node.names)
            else:
                yield name


FILES = sorted(p for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down(path):
    layer = layer_of(path)
    for name in imports(path):
        top = name.split(".")[0]
        assert top != "tools", f"{path.name} imports repository tooling {name}"
        if layer not in RULES:
            continue
        packages, third_party = RULES[layer]
        third_party = third_party | EXCEPTIONS.get(path.relative_to(PACKAGE).as_posix(), set())
        if top == "hinge_sim":
            sub = name.split(".")[1] if "." in name else None
            assert sub in packages, f"{layer}/{path.name} imports {name}: against the layers"
        elif top not in sys.stdlib_module_names:
            assert top in third_party, f"{layer}/{path.name} imports {top}"


def fake_module(tmp_path, monkeypatch, where, source):
    """A module at ``where`` (e.g. ``"viz/bad.py"``) in a stand-in package the scan reads."""
    fake = tmp_path / "hinge_sim"
    module = fake / where
    module.parent.mkdir(parents=True)
    module.write_text(source)
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    return module


def test_the_scan_sees_relative_and_nested_imports(tmp_path, monkeypatch):
    """The checker itself: a nested relative import of ui from viz is caught."""
    bad = fake_module(tmp_path, monkeypatch, "viz/bad.py",
                      "def f():\n    from ..ui import panel\n    import ipywidgets\n")
    assert {"hinge_sim.ui", "ipywidgets"} <= set(imports(bad))
    with pytest.raises(AssertionError, match="against the layers"):
        test_imports_point_down(bad)


def test_pyav_is_imported_inside_functions_only():
    """decode.py's ``import av`` sits in a function, so importing hinge_sim.video needs no PyAV."""
    tree = ast.parse((PACKAGE / "video" / "decode.py").read_text())
    top = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
    assert not any(a.name == "av" for n in top if isinstance(n, ast.Import) for a in n.names)
    assert any(isinstance(n, ast.Import) and n.names[0].name == "av" for n in ast.walk(tree))


def test_no_other_video_module_may_import_pyav(tmp_path, monkeypatch):
    bad = fake_module(tmp_path, monkeypatch, "video/plate.py", "def f():\n    import av\n")
    with pytest.raises(AssertionError, match="imports av"):
        test_imports_point_down(bad)
