"""Server extension: trust every lesson in the course folder when JupyterLab starts.

A notebook is trusted when its signature is in Jupyter's signature store; the
server's own notary signs each notebook of ``root_dir`` that is not signed yet
(the server has nbformat loaded already, so this costs no start-up time).
"""
import pathlib


def _jupyter_server_extension_points():
    return [{"module": "tools.jupyter.trust"}]


def _load_jupyter_server_extension(serverapp):
    notary = serverapp.contents_manager.notary
    import nbformat

    for path in pathlib.Path(serverapp.root_dir).rglob("*.ipynb"):
        if ".ipynb_checkpoints" in path.parts or any(p.startswith(".") for p in path.parts):
            continue
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception as exc:  # a broken lesson file must not stop the course
            serverapp.log.warning("Not trusting %s: %s", path, exc)
            continue
        if not notary.check_signature(nb):
            notary.sign(nb)
