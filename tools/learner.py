"""The learner's own copy of the course, and JupyterLab started on it.

``make course`` runs ``python -m tools.learner``:

1. ``my-course/`` (git ignores it) gets a copy of every lesson the first time it
   is missing; a lesson already there is never overwritten, so the learner's
   notes and saved outputs stay and the repository's notebooks are never opened
   (autosave cannot touch them). Files that are not notebooks (data next to the
   lessons) are refreshed when the course changes them.
2. ``contents.ipynb`` is rewritten from the course at every start, with the
   learner's progress (:func:`hinge_sim.course.progress_markdown`) stored as the
   output of its progress cell, so the page shows it before any kernel runs.
3. JupyterLab's settings for the course are written to ``my-course/.jupyter/``
   (no news, shut a lesson's kernel down when its tab closes).
4. JupyterLab starts on ``my-course/`` with ``tools/jupyter/jupyter_server_config.py``
   (which also trusts every notebook of the copy).

``python -m tools.learner --prepare`` does steps 1 to 3 only; any other arguments
are passed to JupyterLab (``--no-browser``, ``--port=8899``).
"""
import json
import os
import pathlib
import shutil
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
FOLDER = ROOT / "my-course"
CONFIG = ROOT / "tools" / "jupyter" / "jupyter_server_config.py"
#: JupyterLab settings the course needs: file in the settings folder -> values
SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
        {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"kernelShutdown": True},
    "@jupyter-widgets/jupyterlab-manager/plugin.jupyterlab-settings": {"saveState": False},
}
SKIP = {".ipynb_checkpoints", "__pycache__", "workshop"}  # workshop: the instructor's


def copy_course(folder=FOLDER, source=NOTEBOOKS):
    """Make or update the learner's copy; return the lesson files it added.

    Parameters
    ----------
    folder : str or os.PathLike
        The learner's course folder (made when missing).
    source : str or os.PathLike
        The course's notebooks.
    """
    folder, source = pathlib.Path(folder), pathlib.Path(source)
    folder.mkdir(parents=True, exist_ok=True)
    added = []
    for path in sorted(source.rglob("*")):
        rel = path.relative_to(source)
        if path.is_dir() or SKIP & set(rel.parts) or rel.name == "contents.ipynb":
            continue
        target = folder / rel
        if path.suffix == ".ipynb":
            if target.exists():
                continue            # the learner's lesson: never overwritten
            added.append(target)
        elif target.exists() and target.read_bytes() == path.read_bytes():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".ipynb":
            target.write_text(_dump(with_kernel_metadata(json.loads(path.read_text()))))
        else:
            shutil.copyfile(path, target)
    write_contents(folder)
    return added


def with_kernel_metadata(notebook):
    """Return ``notebook`` with the kernel and language metadata JupyterLab would write.

    JupyterLab fills in the kernel's name and language details when a
    notebook's kernel starts, and a notebook whose metadata changes that way
    shows as modified as soon as it opens; a copy that already holds them does not.
    """
    spec = pathlib.Path(sys.prefix) / "share" / "jupyter" / "kernels" / "python3" / "kernel.json"
    try:
        display = json.loads(spec.read_text())["display_name"]
    except (OSError, ValueError, KeyError):
        display = "Python 3 (ipykernel)"
    meta = dict(notebook.get("metadata", {}))
    meta["kernelspec"] = {"display_name": display, "language": "python", "name": "python3"}
    meta["language_info"] = {   # what ipykernel reports (ipykernel.ipkernel.language_info)
        "codemirror_mode": {"name": "ipython", "version": sys.version_info[0]},
        "file_extension": ".py", "mimetype": "text/x-python", "name": "python",
        "nbconvert_exporter": "python", "pygments_lexer": "ipython3",
        "version": sys.version.split()[0]}
    return {**notebook, "metadata": meta}


def _dump(notebook):
    return json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"


def write_contents(folder=FOLDER):
    """Write ``contents.ipynb`` into ``folder``; its progress cell shows the learner's progress."""
    from hinge_sim import course, progress
    from tools.course import contents_notebook, progress_cell

    with progress.using(folder):
        table = course.progress_markdown(folder)
    notebook = contents_notebook()
    for i, cell in enumerate(notebook["cells"]):
        if "progress" in cell["metadata"].get("tags", []):
            notebook["cells"][i] = progress_cell([{
                "output_type": "display_data", "metadata": {},
                "data": {"text/markdown": table, "text/plain": table}}])
    path = pathlib.Path(folder) / "contents.ipynb"
    path.write_text(_dump(with_kernel_metadata(notebook)))
    return path


def lab_settings(folder=FOLDER):
    """Write the course's JupyterLab settings under ``folder``; return the settings folder.

    Settings the learner changed in JupyterLab stay; only the course's own keys are set.
    """
    settings = pathlib.Path(folder) / ".jupyter" / "lab-settings"
    for name, values in SETTINGS.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            current = json.loads(path.read_text())
        except (OSError, ValueError):   # missing, or JSON5 with comments: start again
            current = {}
        path.write_text(json.dumps({**current, **values}, indent=2) + "\n")
    return settings


#: Starts JupyterLab without ``rfc3987_syntax``: jsonschema imports it for the "iri"
#: format, which no Jupyter schema uses, and it builds ~35 Lark parsers on import
#: (jupyter-server/jupyter_server#1559, python-jsonschema/jsonschema#1428). Measured
#: here, CPU time from start to the first answer of /api/status: 4.6 s with it, 1.5 s without.
LAB = ("import sys; sys.modules['rfc3987_syntax'] = None; "
       "from jupyterlab.labapp import main; sys.exit(main())")


def lab_command(folder=FOLDER, extra=()):
    """Return (argv, environment) that start JupyterLab on the learner's copy."""
    folder = pathlib.Path(folder)
    argv = [sys.executable, "-c", LAB, f"--config={CONFIG}",
            f"--ServerApp.root_dir={folder}",
            f"--LabApp.workspaces_dir={folder / '.jupyter' / 'workspaces'}", *extra]
    if hasattr(os, "getuid") and os.getuid() == 0 and "--allow-root" not in extra:
        argv.append("--allow-root")    # containers and some lab machines run as root
    env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(lab_settings(folder)),
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT),
                                                        os.environ.get("PYTHONPATH")])))
    return argv, env


def main(argv=None):
    """Prepare the learner's copy, then (unless ``--prepare``) start JupyterLab on it."""
    argv = sys.argv[1:] if argv is None else list(argv)
    folder = FOLDER
    for a in list(argv):
        if a.startswith("--folder="):
            folder = pathlib.Path(a.split("=", 1)[1]).resolve()
            argv.remove(a)
    for path in copy_course(folder):
        print(f"new lesson in {folder.name}/: {path.name}")
    lab_settings(folder)
    if "--prepare" in argv:
        return 0
    command, env = lab_command(folder, argv)
    os.execvpe(command[0], command, env)


if __name__ == "__main__":
    sys.exit(main())
