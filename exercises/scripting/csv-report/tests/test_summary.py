import csv
import io

import pytest

SUMMARY = {
    "expenses.csv": [["travel", "4", "412.00", "103.00"], ["software", "2", "98.00", "49.00"],
                     ["meals", "4", "94.55", "23.64"], ["office", "2", "36.14", "18.07"],
                     ["TOTAL", "12", "640.69", "53.39"]],
    "expenses_q2.csv": [["training", "2", "335.00", "167.50"], ["equipment", "1", "265.00", "265.00"],
                        ["meals", "2", "22.90", "11.45"], ["TOTAL", "5", "622.90", "124.58"]],
    "expenses_tie.csv": [["books", "1", "25.00", "25.00"], ["travel", "2", "25.00", "12.50"],
                         ["coffee", "1", "4.00", "4.00"], ["TOTAL", "4", "54.00", "13.50"]],
    "expenses_empty.csv": [["TOTAL", "0", "0.00", "0.00"]],
    "expenses_local.csv": [["travel", "1", "189.90", "189.90"], ["travel, local", "3", "80.00", "26.67"],
                           ["meals", "1", "64.25", "64.25"], ["TOTAL", "5", "334.15", "66.83"]],
}
HEADER = ["category", "count", "total", "average"]


def expected_rows(data_dir, name):
    with open(data_dir / name, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["amount"] = float(row["amount"])
    return rows


@pytest.mark.points(2)
@pytest.mark.parametrize("name", ["expenses.csv", "expenses_q2.csv"])
def test_load(submission, data_dir, name):
    """load_expenses() reads every row, with quoted commas and quotes intact"""
    rows = submission.load_expenses(name)
    expected = expected_rows(data_dir, name)
    assert isinstance(rows, list) and all(isinstance(r, dict) for r in rows), "load_expenses() must return a list of dicts"
    assert not any(r.get("date") == "date" for r in rows), (
        "load_expenses() returned the header line as a row; the header gives the keys"
    )
    assert len(rows) == len(expected), (
        f"load_expenses() of {name} returned the wrong number of rows; return one per data line of the file"
    )
    for got in rows:
        assert set(got) == {"date", "employee", "category", "description", "amount"}, (
            "each row needs exactly the file's columns as keys; one row has missing or extra keys (a quoted comma "
            "splits a field in two if you split lines yourself)"
        )
    for got, exp in zip(rows, expected):
        assert got["description"] == exp["description"], (
            "a description was read wrongly (one with a quoted comma or quotes inside?); read quoted fields with "
            "the csv module"
        )
        assert isinstance(got["amount"], float) and got["amount"] == exp["amount"], (
            "every amount must be a float equal to the file's value"
        )
    assert rows == expected, "load_expenses() must keep the rows in file order with all other values as strings"


def parsed(text, what):
    assert isinstance(text, str), f"summarise_expenses() for {what} must return the text of the file it wrote"
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows, f"summarise_expenses() for {what} returned empty text; return the text of the file you wrote"
    assert all(rows), f"the summary of {what} has blank lines; open the file with newline='' for the csv module"
    assert rows[0] == HEADER, f"the summary of {what} must start with the header row category,count,total,average"
    return rows[1:]


@pytest.mark.points(3)
def test_summary_values(submission):
    """The summary has one row per category with count, total and average to two decimals"""
    rows = parsed(submission.summarise_expenses("expenses.csv", "s1.csv"), "expenses.csv")
    expected = SUMMARY["expenses.csv"]
    got = {r[0]: r for r in rows}
    assert "TOTAL" in got, "the summary needs a last row TOTAL"
    assert set(got) == {r[0] for r in expected}, (
        "the summary lists the wrong categories; check how you read the file (quoted commas, the header)"
    )
    for exp in expected:
        row = got[exp[0]]
        assert len(row) == 4, f"the row for {exp[0]} must have 4 fields"
        assert row[1] == exp[1], f"the count for {exp[0]} is wrong; count the expenses in that category"
        assert float(row[2]) == pytest.approx(float(exp[2])), f"the total for {exp[0]} is wrong"
        assert float(row[3]) == pytest.approx(float(exp[3]), abs=0.006), (
            "the average of the TOTAL row is wrong; divide the total of all expenses by their number (not an "
            "average of the category averages)" if exp[0] == "TOTAL" else
            f"the average for {exp[0]} is wrong; divide the total by the count"
        )
        assert row[2] == exp[2] and row[3] == exp[3], (
            f"the numbers for {exp[0]} must have exactly two decimals, like 412.00"
        )


@pytest.mark.points(2)
def test_summary_order(submission):
    """Categories are sorted by total, largest first, ties by name, with TOTAL last"""
    for name, out in (("expenses.csv", "s2.csv"), ("expenses_q2.csv", "s3.csv"), ("expenses_tie.csv", "s4.csv")):
        rows = parsed(submission.summarise_expenses(name, out), name)
        assert rows and rows[-1][0] == "TOTAL", f"the TOTAL row must be the last row of the summary of {name}"
        names = [r[0] for r in rows]
        expected = [r[0] for r in SUMMARY[name]]
        assert sorted(names) == sorted(expected), f"the summary of {name} lists the wrong categories"
        assert names == expected, (
            f"the categories of {name} are in the wrong order; sort by total (largest first), then by name"
        )


@pytest.mark.points(2)
def test_other_files(submission):
    """summarise_expenses() works for other files, including one with no expenses"""
    for name, out in (("expenses_q2.csv", "q2.csv"), ("expenses_tie.csv", "tie.csv"), ("expenses_empty.csv", "e.csv")):
        rows = parsed(submission.summarise_expenses(name, out), name)
        if rows[:-1] == SUMMARY[name][:-1] and rows and rows[-1][0] == "TOTAL":
            assert rows[-1] == SUMMARY[name][-1], (
                f"the TOTAL row of the summary of {name} is wrong; it counts all expenses, adds them all up and "
                "divides that total by their number (not an average of the category averages)"
            )
        assert rows == SUMMARY[name], (
            f"the summary of {name} is wrong; read the file named by `src`, and check the counts, the "
            "two-decimal totals and averages and the order of the rows"
            + (" (no expenses: just a TOTAL row with 0, 0.00 and 0.00)" if name == "expenses_empty.csv" else "")
        )


def test_writes_dest(submission):
    """summarise_expenses() returns the text of the file it wrote at dest"""
    first = submission.summarise_expenses("expenses_tie.csv", "out_a.csv")
    second = submission.summarise_expenses("expenses_q2.csv", "out_b.csv")
    assert first != second, "summarise_expenses() must summarise `src` and write to `dest`"
    for text, name in ((first, "expenses_tie.csv"), (second, "expenses_q2.csv")):
        assert sorted(r[0] for r in parsed(text, name)) == sorted(r[0] for r in SUMMARY[name]), (
            "summarise_expenses() must return the text of the summary of `src` that it just wrote"
        )
    for dest in ("out_a.csv", "out_b.csv"):
        try:
            submission.load_expenses(dest)
        except FileNotFoundError:
            raise AssertionError("summarise_expenses() did not write the file named by `dest`; write the summary "
                                 "there, in your work folder") from None
        except AssertionError:  # the call timed out or the program crashed
            raise
        except Exception:  # noqa: BLE001 - the file is there; a summary is not an expenses file, so
            pass  # load_expenses may well reject it


@pytest.mark.points(2)
def test_quotes_fields(submission):
    """summarise_expenses() quotes a category that contains a comma"""
    text = submission.summarise_expenses("expenses_local.csv", "local.csv")
    rows = parsed(text, "expenses_local.csv")
    assert all(len(r) == 4 for r in rows), (
        "a summary row has more than 4 fields: a category that contains a comma must be quoted "
        '("hotel, city",2,...); write the rows with csv.writer, which quotes fields when needed'
    )
    assert rows == SUMMARY["expenses_local.csv"], (
        "the summary of a file whose categories contain commas is wrong; read and write it with the csv module"
    )
