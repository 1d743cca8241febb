"""Are notebooks executed with nbclient in the sandbox and judged from plain data?"""

from __future__ import annotations

import json
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
