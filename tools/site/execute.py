"""Run copies of the lessons with nbclient, each prediction opened, the widget state kept.

The copies run in a folder of their own with a progress file in which every
prediction and estimate is saved as *skipped* (:func:`tools.site.pages.opened_progress`),
so each lesson builds the panel that answers it and its figure is in the widget
state. The repository's notebooks are only read.
"""
import concurrent.futures
import json
import pathlib

from hinge_sim import progress

from .pages import opened_progress, prediction_steps

TIMEOUT = 300   # s per cell, a busy 2-core machine


def _run(path, timeout):
    import nbclient
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=timeout, store_widget_state=True,
                                     shutdown_kernel="immediate", kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    nbformat.write(notebook, path)
    return path


def execute(sources, folder, workers=2, timeout=TIMEOUT):
    """Copy the notebooks ``sources`` into ``folder``, open their predictions, run them.

    Parameters
    ----------
    sources : list of pathlib.Path
        The lesson notebooks (read only).
    folder : str or os.PathLike
        Where the executed copies are written (made when missing).
    workers : int
        How many lessons run at once (each in its own kernel).
    timeout : float
        Longest a cell may run, in s.

    Returns
    -------
    dict
        stem -> path of the executed copy.
    """
    if not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers = {workers!r} must be a whole number of at least 1")
    folder = pathlib.Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    steps, copies = {}, {}
    for source in sources:
        notebook = json.loads(pathlib.Path(source).read_text(encoding="utf-8"))
        steps.update(prediction_steps(notebook))
        copies[source.stem] = folder / source.name
        copies[source.stem].write_text(json.dumps(notebook), encoding="utf-8")
    (folder / progress.FILENAME).write_text(json.dumps(opened_progress(steps)))
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
        for done in pool.map(_run, copies.values(), [timeout] * len(copies)):
            pass
    return copies
