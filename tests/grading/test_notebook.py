"""Are notebooks executed with nbclient in the sandbox and judged from plain data?"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest
from gradekit import Settings, grade, load_exercise
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook


@pytest.fixture
def notebook_exercise(content_root: Path):
    return load_exercise(content_root / "exercises" / "demo" / "sales-notebook")


def notebook(*sources: str) -> dict[str, str]:
    return {"analysis.ipynb": nbformat.writes(new_notebook(cells=[new_code_cell(s) for s in sources]))}


def test_reference_notebook_passes_with_its_figure_and_table(notebook_exercise):
    """Does the reference notebook pass, with its table and bar chart returned as artifacts?"""
    report = grade(notebook_exercise, notebook_exercise.solution_files(), Settings())
    assert report["status"] == "pass", report
    media = {a["media_type"] for a in report["artifacts"]}
    assert media == {"image/png", "text/html"}


def test_starter_notebook_fails(notebook_exercise):
    """Does the starter notebook fail every test with a message?"""
    report = grade(notebook_exercise, notebook_exercise.starter_files(), Settings())
    assert report["status"] == "fail" and all(t["message"] for t in report["tests"])


def test_a_cell_that_raises_names_the_cell_and_shows_the_traceback(notebook_exercise):
    """Is a failing cell reported with its number and the learner's traceback?"""
    report = grade(notebook_exercise, notebook("import pandas as pd", "df = pd.read_csv('nope.csv')"), Settings())
    assert report["status"] == "fail" and report["reason"] == "crashed"
    assert "cell 2 raised FileNotFoundError" in report["message"]
    assert "nope.csv" in report["tests"][0]["output"]


def test_the_traceback_names_cells_by_their_place_and_leaves_out_library_frames(notebook_exercise):
    """Does the traceback point at the notebook's cells ("cell 4"), without pandas' own frames?"""
    cells = [new_markdown_cell("# Sales"), new_code_cell("import pandas as pd"),
             new_code_cell("def load(path):\n    return pd.read_csv(path)['nope']"),
             new_code_cell("df = load('sales.csv')")]
    report = grade(notebook_exercise, {"analysis.ipynb": nbformat.writes(new_notebook(cells=cells))}, Settings())
    assert "cell 4 raised KeyError: 'nope'" in report["message"]
    output = report["tests"][0]["output"]
    assert "cell 4, line 1" in output and "cell 3, line 2, in load(path)" in output
    assert "site-packages" not in output and "The above exception" not in output
    assert output.rstrip().endswith("KeyError: 'nope'")


def test_an_invalid_notebook_is_reported(notebook_exercise):
    """Is a file that is not a notebook reported as such?"""
    report = grade(notebook_exercise, {"analysis.ipynb": "{not json"}, Settings())
    assert report["status"] == "fail"
    assert "is not a valid Jupyter notebook" in report["message"]


def test_a_plot_with_the_wrong_data_fails_with_the_authors_message(notebook_exercise):
    """Is a plot judged by its data (bar heights, labels), not by its picture?"""
    report = grade(notebook_exercise, notebook(
        "import pandas as pd\ndf = pd.read_csv('sales.csv')\ntotal = 12\n"
        "def units_for(region):\n    return 7 if region == 'north' else 5",
        "ax = df['units'].plot(kind='bar')\nax.set_ylabel('units')",
    ), Settings())
    plot = next(t for t in report["tests"] if t["name"] == "the bar chart shows units per region")
    assert plot["status"] == "fail" and plot["message"] == "the bars should be the units per region"


def test_hidden_tests_never_reach_the_notebook(notebook_exercise):
    """Can a notebook read the hidden tests? (It looks everywhere but the Python installation.)"""
    report = grade(notebook_exercise, notebook(
        "import os, sys\nfound = [os.path.join(t, f) for t, d, fs in os.walk('/')"
        " if not t.startswith(('/proc', '/sys', '/usr', sys.prefix)) for f in fs if f.startswith('test_')]\n"
        "print(found)\ntotal = found",
    ), Settings())
    assert "test_hidden" not in json.dumps(report["tests"][0])


def test_a_kernel_that_dies_during_a_call_is_a_crash(notebook_exercise):
    """Is a function that kills the kernel (os._exit) a crash, as it is for a module, with the
    tests before it judged and the ones after it told why they could not run?"""
    report = grade(notebook_exercise, notebook(
        "import os\nimport pandas as pd\ndf = pd.read_csv('sales.csv')\ntotal = 12\n"
        "def units_for(region):\n    os._exit(0)",
    ), Settings())
    tests = {t["name"]: t for t in report["tests"]}
    assert report["reason"] == "crashed", report["message"]
    assert tests["`total` is the sum of the units column"]["status"] == "pass"
    assert tests["units_for() totals one region"]["message"] == (
        "Your program exited or crashed during units_for() (did it call exit()?).")
    assert tests["the bar chart shows units per region"]["message"].startswith("Your program exited or crashed")


def test_a_kernel_that_dies_while_the_notebook_runs_names_the_cell(notebook_exercise):
    """Is a cell that kills the kernel reported as a crash naming that cell?"""
    report = grade(notebook_exercise, notebook("import pandas as pd", "import os\nos._exit(3)"), Settings())
    assert report["reason"] == "crashed"
    assert report["message"] == ("Your code could not be loaded: NotebookError: cell 2 stopped the notebook's kernel "
                                 "(did it call exit() or os._exit(), or crash Python?)")


@pytest.mark.parametrize("call", ["exit()", "quit()", "get_ipython().ask_exit()"])
def test_exit_in_a_cell_names_the_cell(notebook_exercise, call):
    """IPython ends the kernel only after the cell that calls exit(): is that cell named at load, not
    a later request blamed (or some tests passed first, depending on timing)?"""
    report = grade(notebook_exercise, notebook("import pandas as pd\ntotal = 1", f"print('bye')\n{call}"), Settings())
    assert report["reason"] == "crashed", report
    assert report["message"].startswith("Your code could not be loaded: NotebookError: cell 2 raised SystemExit: "
                                        "the notebook called exit()"), report["message"]
    assert all(test["status"] == "fail" for test in report["tests"])


def test_a_notebook_that_replaces_sys_stdout_is_still_answered(notebook_exercise):
    """A cell may point `sys.stdout` at a buffer to silence itself: does the reference still pass?"""
    cells = json.loads(notebook_exercise.solution_files()["analysis.ipynb"])
    cells["cells"].append(new_code_cell("import io, sys\nsys.stdout = io.StringIO()"))
    report = grade(notebook_exercise, {"analysis.ipynb": json.dumps(cells)}, Settings())
    assert report["status"] == "pass", report


def test_a_cell_past_the_cell_timeout_is_named(notebook_exercise, tmp_path):
    """Is a cell that runs past the cell timeout named, with the limit, as a timeout?"""
    folder = tmp_path / "demo" / "sales-notebook"
    shutil.copytree(notebook_exercise.path, folder)
    with (folder / "exercise.toml").open("a") as toml:
        toml.write("\n[options]\ncell_timeout = 2\n")
    report = grade(load_exercise(folder), notebook("import pandas as pd", "import time\ntime.sleep(30)"), Settings())
    assert (report["status"], report["reason"]) == ("fail", "timeout")
    assert report["message"] == ("Your code could not be loaded: TimeoutError: cell 2 did not finish within 2 s; "
                                 "look for an endless loop or a long wait")
    assert report["tests"][0]["message"] == report["message"]


def test_a_value_too_large_to_send_back_fails_that_test_only(notebook_exercise):
    """Is a variable the tests cannot be sent (an int of 5000 digits, even with the notebook's own
    limit lifted) a failure of that test, saying why, with the other tests still judged?"""
    report = grade(notebook_exercise, notebook(
        "import sys\nsys.set_int_max_str_digits(0)\nimport pandas as pd\ndf = pd.read_csv('sales.csv')\n"
        "total = 10 ** 5000",
    ), Settings())
    tests = {t["name"]: t for t in report["tests"]}
    assert report["reason"] == "tests_failed", report["message"]
    assert tests["`total` is the sum of the units column"]["message"] == (
        "total raised ResultTooLarge: its result is too large to send back to the tests (an int with more than "
        "4300 digits); return a smaller value")
    assert tests["`df` holds every row of sales.csv"]["status"] == "pass"
