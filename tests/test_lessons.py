

def test_nothing_in_the_package_imports_the_lessons():
    """The lessons sit on top, like the notebooks: no other part of hinge_sim imports them."""
    import pathlib
    import re
    package = pathlib.Path(hs.__file__).resolve().parent
    for path in package.rglob("*.py"):
        if "lessons" in path.relative_to(package).parts:
            continue
        assert not re.search(r"\blessons\b", path.read_text()), path
