import pytest


def table(submission, rows, columns):
    result = submission.render_table(rows, columns)
    assert isinstance(result, str), "render_table() must return one string"
    return result


@pytest.mark.points(2)
def test_widths_and_alignment(submission):
    """Columns are as wide as their longest text; numbers right, text left"""
    rows = [{"host": "db-primary-01", "cpu": 93.25, "procs": 412, "role": "db"},
            {"host": "web1", "cpu": 7.0, "procs": 12345, "role": "frontend"}]
    result = table(submission, rows, ["host", "cpu", "procs", "role"])
    lines = result.split("\n")
    assert len(lines) == 4, "the table needs a header line, a dash line and one line per row, joined with \\n"
    assert lines[1] == "-------------  -----  ------  --------", (
        "the dash line is wrong: each column gets as many dashes as its widest text (header included), "
        "columns separated by two spaces"
    )
    assert lines[0] == "host             cpu   procs  role", (
        "the header line is wrong: headers of numeric columns are right-aligned, others left-aligned"
    )
    assert lines[2] == "db-primary-01  93.25     412  db", "a row is wrong: numbers go right, text left"
    assert lines[3] == "web1            7.00  12,345  frontend", (
        "a row is wrong: floats show two decimals, ints a thousands separator"
    )


@pytest.mark.points(2)
def test_no_trailing_spaces(submission):
    """No line ends with spaces, and there is no final newline"""
    rows = [{"name": "a", "status": "ok"}, {"name": "bbbbbb", "status": "degraded"}]
    result = table(submission, rows, ["name", "status"])
    assert not result.endswith("\n"), "the table must not end with a newline"
    padded = [line for line in result.split("\n") if line != line.rstrip()]
    assert not padded, "a line of the table ends with spaces; strip the padding after the last column"
    assert result == "name    status\n------  --------\na       ok\nbbbbbb  degraded", (
        "the table of two text columns is wrong"
    )


@pytest.mark.points(2)
def test_values_shown(submission):
    """Floats, ints, None, missing keys and booleans are shown by the rules"""
    rows = [{"k": "x", "f": 1234567.891, "i": -5000, "b": True, "n": None},
            {"k": "y", "f": 0.005, "i": 0, "b": False}]
    result = table(submission, rows, ["k", "f", "i", "b", "n"])
    assert "1,234,567.89" in result, "floats must show a thousands separator and two decimals"
    assert "-5,000" in result, "ints must show a thousands separator"
    assert "None" not in result, "None or a missing key must be an empty cell, not the text None"
    assert "True" in result and "False" in result, "booleans are shown with str(): True and False"
    assert result.split("\n") == [
        "k             f       i  b      n",
        "-  ------------  ------  -----  -",
        "x  1,234,567.89  -5,000  True",
        "y          0.01       0  False",
    ], (
        "the table is wrong: a column of booleans is text (left-aligned), the column holding only None is "
        "left-aligned with an empty cell, and lines are right-stripped"
    )


def test_mixed_column(submission):
    """A column mixing numbers and text is left-aligned"""
    rows = [{"id": 7, "v": 3}, {"id": 12, "v": "n/a"}, {"id": 100}]
    result = table(submission, rows, ["id", "v"])
    assert result.split("\n") == [" id  v", "---  ---", "  7  3", " 12  n/a", "100"], (
        "a column is numeric only if all its present values are numbers; a column that mixes numbers and text "
        "is left-aligned"
    )


def test_no_rows(submission):
    """With no rows, the table is the header and the dashes"""
    assert table(submission, [], ["name", "size"]) == "name  size\n----  ----", (
        "render_table([], ...) must return the header line and the dash line, both left-aligned "
        "(an empty column is not numeric)"
    )


def test_column_selection(submission):
    """Only the listed columns are shown, in the given order"""
    rows = [{"a": "one", "b": 2, "secret": "hide me"}]
    assert table(submission, rows, ["b", "a"]) == "b  a\n-  ---\n2  one", (
        "render_table() must show only the columns listed, in that order"
    )


@pytest.mark.points(2)
def test_template_placeholders(submission):
    """fill_template() fills every placeholder, with or without spaces, as often as it appears"""
    template = "{{host}} is {{ status }} ({{ load}} load); {{host }} again. {{  n_1  }}"
    values = {"host": "web1", "status": "down", "load": 0.5, "n_1": 2048, "unused": 1}
    got = submission.fill_template(template, values)
    assert got == "web1 is down (0.50 load); web1 again. 2,048", (
        "fill_template() did not fill every {{ name }} placeholder; spaces inside the braces are optional and "
        "values are shown like table cells"
    )


def test_template_other_braces(submission):
    """fill_template() leaves single braces and other text exactly as they are"""
    template = "json: {\"a\": {x}} {{ ok }} {{ not a name }} {{1st}}"
    got = submission.fill_template(template, {"ok": None, "x": "X"})
    assert got == "json: {\"a\": {x}}  {{ not a name }} {{1st}}", (
        "fill_template() changed text that is not a placeholder, or did not turn None into an empty string; "
        "only {{ name }} with a valid name is replaced"
    )


@pytest.mark.points(2)
def test_template_missing_key(submission):
    """fill_template() raises KeyError naming a missing placeholder"""
    with pytest.raises(KeyError) as info:
        submission.fill_template("Hello {{ name }}, your code is {{ code }}.", {"name": "Ana"})
    assert "code" in str(info.value), "the KeyError must name the missing placeholder"
