"""The learner's progress file: saved atomically, restored in a fresh process,
never lost when corrupt, carried to another machine with export and load."""
import json
import os
import subprocess
import sys
import warnings

import pytest

from hinge_sim import progress, safefile

KEY = "00_start_here/back-or-hips"


@pytest.fixture(autouse=True)
def store(tmp_path):
    progress.use(tmp_path)
    yield tmp_path
    progress.use(None)


def test_a_step_is_saved_as_json_in_the_chosen_folder(store):
    progress.record(KEY, "prediction", "locked", choice="The hips", correct=True)
    data = json.loads((store / progress.FILENAME).read_text())
    assert data["schema"] == progress.SCHEMA and data["course"] == "hinge-sim"
    assert data["steps"][KEY]["choice"] == "The hips" and data["steps"][KEY]["state"] == "locked"
    assert progress.path() == store / progress.FILENAME


def test_the_environment_variable_points_the_store_elsewhere(tmp_path, monkeypatch):
    progress.use(None)
    monkeypatch.setenv(progress.ENV, str(tmp_path / "elsewhere"))
    (tmp_path / "elsewhere").mkdir()
    assert progress.path() == tmp_path / "elsewhere" / progress.FILENAME


def test_a_fresh_process_reads_what_this_one_saved_and_a_fresh_widget_restores_it(store):
    """Lock in here; a new Python process (a new kernel) finds the step and shows it."""
    progress.record(KEY, "prediction", "locked", choice="The hips", correct=True)
    code = ("from hinge_sim.ui.quiz import Prediction\n"
            "p = Prediction('q', {'The hips': 'a', 'The lower back': 'b'}, answer='The hips', "
            f"key={KEY!r}, reveal=lambda: 'hip 232 N m')\n"
            "print(p.locked, p.revealed, p.choices.value, p.reveal_output)\n")
    env = dict(os.environ, **{progress.ENV: str(store)})
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         timeout=120, check=True).stdout
    assert out.strip() == "True True The hips hip 232 N m"


def test_a_write_that_dies_half_way_leaves_the_old_file_whole(store, monkeypatch):
    progress.record(KEY, "prediction", "locked", choice="The hips", correct=True)
    before = (store / progress.FILENAME).read_bytes()

    def die(f, data):
        f.write(data[: len(data) // 2])
        raise KeyboardInterrupt("the kernel was stopped")
    monkeypatch.setattr(safefile, "_write_all", die)
    with pytest.raises(KeyboardInterrupt):
        progress.record("00_start_here/units", "quiz", "answered", choice="x", correct=False)
    assert (store / progress.FILENAME).read_bytes() == before
    assert not list(store.glob("*.tmp")), "the half-written temp file is removed"


def test_a_rewrite_keeps_the_files_mode_and_a_link_stays_a_link(store, tmp_path_factory):
    """The progress file is written as the journal is: a new file is private (0600), a
    learner's own mode is kept, and a progress file that is a symbolic link stays one."""
    progress.record(KEY, "prediction", "locked", choice="The hips", correct=True)
    file = store / progress.FILENAME
    assert file.stat().st_mode & 0o777 == 0o600
    file.chmod(0o640)
    progress.record("00_start_here/units", "quiz", "answered", choice="x", correct=False)
    assert file.stat().st_mode & 0o777 == 0o640
    elsewhere = tmp_path_factory.mktemp("linked")
    (elsewhere / progress.FILENAME).symlink_to(file)
    with progress.using(elsewhere):
        progress.record("00_start_here/more", "quiz", "answered", choice="y", correct=True)
    assert (elsewhere / progress.FILENAME).is_symlink()
    assert "00_start_here/more" in progress.steps()


def test_two_writers_lose_nothing(store):
    """A lesson kernel and the contents page kernel write the same file at once."""
    code = ("import sys\nfrom hinge_sim import progress\n"
            "for i in range(40):\n"
            "    progress.record(f'00_start_here/{sys.argv[1]}-{i}', 'quiz', 'answered', "
            "choice='x')\n")
    env = dict(os.environ, **{progress.ENV: str(store)})
    procs = [subprocess.Popen([sys.executable, "-c", code, name], env=env) for name in "ab"]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    assert len(progress.steps()) == 80


def test_a_corrupt_file_is_moved_aside_with_a_clear_message_and_never_lost(store):
    broken = b'{"schema": 1, "course": "hinge-sim", "steps": {"00_start_here/a": '
    (store / progress.FILENAME).write_bytes(broken)
    with pytest.warns(progress.ProgressWarning, match="moved to .*nothing was deleted"):
        assert progress.steps() == {}
    aside = list(store.glob("hinge-progress.corrupt-*.json"))
    assert len(aside) == 1 and aside[0].read_bytes() == broken
    progress.record(KEY, "prediction", "skipped")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert progress.step(KEY)["state"] == "skipped"


@pytest.mark.parametrize("text", [
    '"just a string"',
    '{"schema": 1, "course": "something else", "steps": {}}',
    '{"schema": 1, "course": "hinge-sim", "steps": {"no slash": {}}}',
    '{"schema": 1, "course": "hinge-sim", "steps": {"00_x/a": {"kind": "quiz", '
    '"state": "locked", "at": "2026"}}}',
])
def test_files_that_are_not_progress_are_moved_aside(store, text):
    (store / progress.FILENAME).write_text(text)
    with pytest.warns(progress.ProgressWarning):
        assert progress.steps() == {}
    assert [p.read_text() for p in store.glob("*.corrupt-*")] == [text]


def test_a_newer_schema_is_left_alone(store):
    text = '{"schema": 99, "course": "hinge-sim", "steps": {}}'
    (store / progress.FILENAME).write_text(text)
    with pytest.raises(progress.ProgressError, match="schema 99.*update hinge-sim"):
        progress.record(KEY, "prediction", "skipped")
    assert (store / progress.FILENAME).read_text() == text


def test_export_then_load_on_another_machine_merges_the_later_answer(store, tmp_path_factory):
    progress.record(KEY, "prediction", "locked", choice="The hips", correct=True)
    progress.record("00_start_here/units", "quiz", "answered", choice="x", correct=False)
    downloaded = progress.export()
    saved = tmp_path_factory.mktemp("download") / "my-progress.json"
    assert progress.export(saved) == downloaded and saved.read_bytes() == downloaded
    with pytest.raises(FileExistsError):
        progress.export(saved)

    progress.use(tmp_path_factory.mktemp("binder"))       # another machine
    progress.record("01_what_not_to_do/x", "quiz", "answered", choice="y")
    progress.record("00_start_here/units", "quiz", "answered", choice="later", correct=True)
    assert progress.load(downloaded) == 2
    steps = progress.steps()
    assert set(steps) == {KEY, "00_start_here/units", "01_what_not_to_do/x"}
    assert steps["00_start_here/units"]["choice"] == "later", "the later answer wins"
    assert progress.load(saved) == 2 and progress.steps() == steps


def test_loading_something_else_changes_nothing(store):
    progress.record(KEY, "prediction", "skipped")
    before = (store / progress.FILENAME).read_bytes()
    with pytest.raises(progress.ProgressError, match="not a hinge-sim progress file"):
        progress.load(b'{"a": 1}')
    with pytest.raises(progress.ProgressError, match="not a readable progress file"):
        progress.load(b"\x89PNG")
    assert (store / progress.FILENAME).read_bytes() == before


def test_lesson_status_counts_done_and_skipped():
    keys = ["00_start_here/a", "00_start_here/b", "00_start_here/c"]
    assert progress.lesson_status(keys)["state"] == "not started"
    progress.record("00_start_here/a", "prediction", "locked", choice="x")
    progress.record("00_start_here/b", "prediction", "skipped")
    assert progress.lesson_status(keys) == {"done": 2, "total": 3, "skipped": 1,
                                            "state": "started"}
    progress.record("00_start_here/c", "quiz", "answered", choice="x")
    assert progress.lesson_status(keys)["state"] == "done"
    assert progress.lesson_status([])["state"] == "not started"


@pytest.mark.parametrize("call, error, words", [
    (lambda: progress.record("00_start_here/a", "guess", "locked"), ValueError, "kind = 'guess'"),
    (lambda: progress.record("00_start_here/a", "quiz", "locked"), ValueError, "state = 'locked'"),
    (lambda: progress.record("00_start_here/a", "quiz", "answered", choice=float("nan")),
     TypeError, "JSON"),
    (lambda: progress.record("00_start_here/a", "quiz", "answered", choice=object()),
     TypeError, "JSON"),
    (lambda: progress.record("Start Here", "quiz", "answered"), ValueError, "key = 'Start Here'"),
    (lambda: progress.use("/no/such/folder"), ValueError, "folder = '/no/such/folder'"),
])
def test_bad_input_is_named(call, error, words):
    with pytest.raises(error, match=words):
        call()
    assert progress.steps() == {}


# -- the contents page ----------------------------------------------------
def lesson_file(folder, stem, keys):
    cells = [{"cell_type": "code", "source": f'Quiz("q", {{}}, answer="a", key="{k}")',
              "metadata": {}, "outputs": []} for k in keys]
    (folder / f"{stem}.ipynb").write_text(json.dumps({"cells": cells}))


def test_the_contents_page_says_what_is_done_and_what_is_next(store):
    from hinge_sim import course
    lesson_file(store, "00_start_here", ["00_start_here/a", "00_start_here/b"])
    lesson_file(store, "01_what_not_to_do", ["01_what_not_to_do/c"])
    assert course.lesson_steps(store) == {"00_start_here": ["00_start_here/a", "00_start_here/b"],
                                          "01_what_not_to_do": ["01_what_not_to_do/c"]}
    text = course.progress_markdown(store)
    assert "**Next:** [0 · Start here" in text and text.count("not started") == 2
    progress.record("00_start_here/a", "prediction", "skipped")
    assert "started: 1 of 2 steps (1 shown without a prediction)" in course.progress_markdown(store)
    progress.record("00_start_here/b", "quiz", "answered", choice="x")
    text = course.progress_markdown(store)
    assert "✔ done" in text and "**Next:** [1 · What not to do" in text
    progress.record("01_what_not_to_do/c", "quiz", "answered", choice="x")
    assert "every lesson" in course.progress_markdown(store)


def test_the_progress_view_downloads_and_loads(store, tmp_path_factory):
    from hinge_sim.ui.progress_view import CourseProgress
    lesson_file(store, "00_start_here", [KEY])
    progress.record(KEY, "prediction", "locked", choice="The hips", correct=True)
    view = CourseProgress(store)
    assert "✔ done" in view.markdown
    import base64
    link = view.download_html()
    data = base64.b64decode(link.split("base64,")[1].split('"')[0])
    assert data == (store / progress.FILENAME).read_bytes()
    progress.use(tmp_path_factory.mktemp("other-computer"))
    assert view.load(data) == 1 and "Loaded 1" in view.message.value
    assert progress.step(KEY)["choice"] == "The hips"
    assert view.load(b"not json") == 0 and "Not loaded" in view.message.value


@pytest.mark.checkout
def test_every_step_key_in_the_course_is_unique_and_names_its_lesson():
    from hinge_sim import course
    from tools.course import NOTEBOOKS
    seen = {}
    for stem, keys in course.lesson_steps(NOTEBOOKS).items():
        for key in keys:
            assert progress.lesson_of(key) == stem, f"{key} is in {stem}.ipynb"
            assert key not in seen, f"{key} is in {stem} and {seen[key]}"
            seen[key] = stem
    assert len(course.lesson_steps(NOTEBOOKS)["00_start_here"]) == 5


def test_using_goes_back_to_the_folder_before(store, tmp_path_factory):
    other = tmp_path_factory.mktemp("other")
    with progress.using(other) as file:
        assert file == other / progress.FILENAME == progress.path()
    assert progress.path() == store / progress.FILENAME
