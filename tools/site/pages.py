"""The site's pages, launch links and Jupyter Book files, as pure functions.

Nothing here runs a kernel, a browser or Sphinx: the fast tests check it
(``tests/test_site_pages.py``).

Usage
-----
1. ``pages()`` -> the page stems in order, the contents page first.
2. ``launch_links(stem, Launch(repo="me/hinge-sim", hub="https://hub.example.org"))``
   -> (name, url, what it opens) for Binder, the hub and the learner's own computer.
3. ``toc(pages())`` and ``book_config(Launch())`` -> the dicts written to
   ``_toc.yml`` and ``_config.yml``.
4. ``prediction_steps(notebook)`` -> key -> kind of every prediction and estimate,
   and ``opened_progress(steps)`` -> a progress file in which each is opened.
"""
import dataclasses
import re
import urllib.parse

from hinge_sim import course, progress

ROOT_PAGE = "contents"
#: The repository placeholder of the README's Binder links (replace OWNER).
PLACEHOLDER_REPO = "OWNER/hinge-sim"
BINDER = "https://mybinder.org"
#: ``make course`` starts JupyterLab on Jupyter's default port.
LOCAL = "http://localhost:8888"
#: Where Binder's copy of the course is (``postBuild`` runs ``tools.learner --prepare``).
BINDER_FOLDER = "my-course"
#: A lesson's step: the class that builds it, then its ``key="..."``.
_STEP = re.compile(r"""\b(Prediction|Estimate|Quiz)\s*\(""")
_KEY = re.compile(r"""\bkey\s*=\s*f?["']([^"']+)["']""")
_REPO = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*")


@dataclasses.dataclass(frozen=True)
class Launch:
    """Where the launch links point.

    Parameters
    ----------
    repo : str
        GitHub ``owner/name`` of this repository (Binder and nbgitpuller pull it).
    branch : str
        The branch they pull.
    hub : str or None
        A JupyterHub's address (``https://hub.example.org``); None: no hub link.
    binder : str
        The BinderHub's address.
    local : str
        Where ``make course`` serves JupyterLab on the learner's computer.
    """

    repo: str = PLACEHOLDER_REPO
    branch: str = "main"
    hub: str | None = None
    binder: str = BINDER
    local: str = LOCAL

    def __post_init__(self):
        if not isinstance(self.repo, str) or not _REPO.fullmatch(self.repo):
            raise ValueError(f"repo = {self.repo!r} must be a GitHub 'owner/name'")
        if not isinstance(self.branch, str) or not re.fullmatch(r"[\w./-]+", self.branch):
            raise ValueError(f"branch = {self.branch!r} must be a git branch name")
        for name in ("hub", "binder", "local"):
            value = getattr(self, name)
            if name == "hub" and value is None:
                continue
            if not isinstance(value, str) or not re.fullmatch(r"https?://[^\s?#]+", value):
                raise ValueError(f"{name} = {value!r} must be an http(s) address with no "
                                 "query, e.g. https://hub.example.org")
            object.__setattr__(self, name, value.rstrip("/"))


def pages():
    """Return the page stems in site order: the contents page, then the course's lessons."""
    return [ROOT_PAGE, *course.STEMS]


def title(stem):
    """Return a page's title as the site shows it."""
    return "Contents" if stem == ROOT_PAGE else course.label(stem)


def _check_stem(stem):
    if stem not in pages():
        raise ValueError(f"page {stem!r} is not in the course; choose from {pages()}")


def binder_url(stem, launch=Launch()):
    """Binder: the lesson in JupyterLab, in the learner's copy ``postBuild`` prepares."""
    _check_stem(stem)
    path = f"lab/tree/{BINDER_FOLDER}/{stem}.ipynb"
    return f"{launch.binder}/v2/gh/{launch.repo}/{launch.branch}?urlpath={path}"


def hub_url(stem, launch):
    """A JupyterHub: nbgitpuller pulls the repository into the student's account, opens the lesson.

    The repository lands in a folder of its name in the student's home, as
    ``notebooks/workshop/jupyterhub/`` sets the hub up (docs/workshop.md).
    """
    _check_stem(stem)
    if launch.hub is None:
        raise ValueError("launch.hub = None: give the hub's address to make a hub link")
    name = launch.repo.split("/", 1)[1]
    query = urllib.parse.urlencode({
        "repo": f"https://github.com/{launch.repo}", "branch": launch.branch,
        "urlpath": f"lab/tree/{name}/notebooks/{stem}.ipynb"})
    return f"{launch.hub}/hub/user-redirect/git-pull?{query}"


def local_url(stem, launch=Launch()):
    """The learner's computer: the lesson in the JupyterLab ``make course`` started."""
    _check_stem(stem)
    return f"{launch.local}/lab/tree/{stem}.ipynb"


def launch_links(stem, launch=Launch()):
    """Return (name, url, what it does) for each way to open ``stem`` live."""
    links = [("Binder", binder_url(stem, launch),
              "a temporary JupyterLab in the cloud, nothing to install (download your work "
              "before you close it)")]
    if launch.hub is not None:
        links.append(("Your course hub", hub_url(stem, launch),
                      "your own server on the course's JupyterHub; your work stays there"))
    links.append(("On your computer", local_url(stem, launch),
                  "after make course in the project folder (your work stays in my-course/)"))
    return links


def handout_name(stem):
    """Return the handout's file name, relative to the site's root."""
    _check_stem(stem)
    return f"handouts/{stem}.pdf"


def toc(stems):
    """Return the Jupyter Book table of contents (``_toc.yml``) for ``stems``.

    The contents page is the root; the lessons follow in the order given.
    """
    stems = list(stems)
    for stem in stems:
        _check_stem(stem)
    if ROOT_PAGE not in stems:
        raise ValueError(f"stems = {stems!r} must include the contents page {ROOT_PAGE!r}")
    lessons = [s for s in stems if s != ROOT_PAGE]
    return {"format": "jb-book", "root": ROOT_PAGE,
            "chapters": [{"file": s} for s in lessons]}


def book_config(launch=Launch(), title="hinge-sim: teaching the hip hinge"):
    """Return the Jupyter Book configuration (``_config.yml``).

    The notebooks arrive executed (:mod:`tools.site.execute`), so Jupyter Book
    does not run them. Nothing is loaded from a CDN: no widget manager
    (the widget views are replaced by HTML), no MathJax (the lessons have no
    math), no notebook sources or download buttons (they hold the answers).
    """
    return {
        "title": title, "author": "hinge-sim", "copyright": "2026",
        "only_build_toc_files": True,
        "exclude_patterns": ["_build", "**.ipynb_checkpoints", "extra"],
        "execute": {"execute_notebooks": "off"},
        "parse": {"myst_enable_extensions": ["colon_fence"]},
        "html": {"use_repository_button": False, "home_page_in_navbar": True,
                 "extra_footer": ""},
        "launch_buttons": {"binderhub_url": "", "jupyterhub_url": "", "thebe": False},
        "repository": {"url": f"https://github.com/{launch.repo}", "branch": launch.branch,
                       "path_to_book": "notebooks"},
        "sphinx": {"config": {
            "html_copy_source": False, "html_show_sourcelink": False,
            "nb_ipywidgets_js": {}, "mathjax_path": "no-mathjax.js",
            "html_extra_path": ["extra"],
            "html_theme_options": {"use_download_button": False,
                                   "use_fullscreen_button": False,
                                   "use_repository_button": False,
                                   "search_bar_text": "Search the course"},
        }},
    }


def prediction_steps(notebook):
    """Return key -> kind (``"prediction"`` or ``"estimate"``) of a lesson's revealing steps.

    Read from the code: the class a cell calls last before each ``key=``.

    Parameters
    ----------
    notebook : dict
        A notebook (nbformat 4 JSON).
    """
    out = {}
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        source = "".join(cell.get("source", ""))
        for match in _KEY.finditer(source):
            kinds = _STEP.findall(source[:match.start()])
            if kinds and kinds[-1] != "Quiz":
                out[match.group(1)] = kinds[-1].lower()
    return out


def opened_progress(steps, at="2026-01-01T00:00:00+00:00"):
    """Return a progress file's content in which every step of ``steps`` was opened.

    Each prediction or estimate is saved as *skipped* (as *Show me* saves it), so
    the lesson builds the panel that answers it when the cell runs; quizzes stay
    unanswered.

    Parameters
    ----------
    steps : dict
        key -> kind, from :func:`prediction_steps`.
    at : str
        The time stamp written with each step (ISO 8601).
    """
    entries = {}
    for key, kind in steps.items():
        if kind not in ("prediction", "estimate"):
            raise ValueError(f"steps[{key!r}] = {kind!r}: only a prediction or an "
                             "estimate can be opened")
        entries[progress.check_key(key)] = {"kind": kind, "state": "skipped", "at": at}
    return {"schema": progress.SCHEMA, "course": progress.COURSE, "steps": entries}
