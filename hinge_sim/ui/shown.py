"""Objects a notebook shows as their one widget: a cell that ends with one displays it."""


class Shown:
    """Mixin: shown as ``self.widget`` in JupyterLab, Voila and nbval.

    Subclasses set ``widget`` (an ipywidgets widget, or a property giving one).
    """

    def _ipython_display_(self):
        from IPython.display import display
        display(self.widget)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
