"""Every public function and class of the model has type hints and a runnable
example (the examples run under ``pytest --doctest-modules hinge_sim/model``)."""
import inspect

import pytest

import hinge_sim as hs

PUBLIC = ([getattr(hs, name) for name in hs.__all__ if callable(getattr(hs, name))]
          + [f for module in (hs.presets, hs.units, hs.limits)
             for name, f in vars(module).items()
             if inspect.isfunction(f) and not name.startswith("_")
             and f.__module__ == module.__name__])


@pytest.mark.parametrize("obj", PUBLIC, ids=lambda o: o.__qualname__)
def test_public_api_has_an_example(obj):
    doc = inspect.getdoc(obj) or ""
    assert "Examples\n--------" in doc and ">>> " in doc, obj


@pytest.mark.parametrize("obj", [o for o in PUBLIC if inspect.isfunction(o)],
                         ids=lambda o: o.__qualname__)
def test_public_functions_have_type_hints(obj):
    hints = inspect.get_annotations(obj)
    params = [p for p in inspect.signature(obj).parameters]
    assert "return" in hints and all(p in hints for p in params), obj
