import itertools
import sqlite3

import pytest

COUNTER = itertools.count(1)
KEYS = {"row_counts", "null_rates", "duplicate_emails", "orphan_orders", "negative_amounts", "passed"}
SCRIPTS = ["dirty.sql", "clean.sql", "almost.sql", "empty.sql", "legacy.sql"]


def reference(data_dir, script):
    c = sqlite3.connect(":memory:")
    c.executescript((data_dir / script).read_text(encoding="utf-8"))
    counts = {t: c.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("customers", "orders")}
    rates = {}
    for t in counts:
        rates[t] = {}
        for col in [r[1] for r in c.execute(f"PRAGMA table_info({t})")]:
            n = c.execute(f"SELECT COUNT(*) FROM {t} WHERE {col} IS NULL").fetchone()[0]
            rates[t][col] = round(n / counts[t], 3) if counts[t] else 0.0
    dups = [e for (e,) in c.execute("SELECT lower(trim(email)) e FROM customers WHERE email IS NOT NULL "
                                    "GROUP BY e HAVING COUNT(*) > 1 ORDER BY e")]
    orphans = [i for (i,) in c.execute("SELECT id FROM orders WHERE customer_id IS NOT NULL AND customer_id NOT IN "
                                       "(SELECT id FROM customers WHERE id IS NOT NULL) ORDER BY id")]
    negative = [i for (i,) in c.execute("SELECT id FROM orders WHERE amount < 0 ORDER BY id")]
    passed = not dups and not orphans and not negative and rates["customers"]["email"] == 0 and \
        rates["orders"]["customer_id"] == 0
    return {"row_counts": counts, "null_rates": rates, "duplicate_emails": dups, "orphan_orders": orphans,
            "negative_amounts": negative, "passed": passed}


def report(submission, script):
    path = f"dq_{next(COUNTER)}.db"
    submission.seed(path, script)
    result = submission.quality_report(path)
    assert isinstance(result, dict), "quality_report() must return a dict"
    missing = KEYS - set(result)
    assert not missing, f"quality_report() has no key {sorted(missing)[0]!r}"
    return result


@pytest.mark.parametrize("script", SCRIPTS)
def test_row_counts(submission, data_dir, script):
    """row_counts counts the rows of both tables"""
    got = report(submission, script)["row_counts"]
    assert got == reference(data_dir, script)["row_counts"], "row_counts must give the number of rows of each table"


@pytest.mark.points(3)
@pytest.mark.parametrize("script", SCRIPTS)
def test_null_rates(submission, data_dir, script):
    """null_rates covers every column of each table, rounded to 3 decimals"""
    exp = reference(data_dir, script)["null_rates"]
    got = report(submission, script)["null_rates"]
    assert isinstance(got, dict) and set(got) == {"customers", "orders"}, (
        "null_rates must be a dict with one dict per table: customers and orders"
    )
    for table, columns in exp.items():
        assert isinstance(got[table], dict) and set(got[table]) == set(columns), (
            f"null_rates[{table!r}] must have one entry per column of the table (read them with PRAGMA "
            "table_info, since the columns differ between databases)"
        )
        for column, rate in columns.items():
            value = got[table][column]
            if isinstance(value, (int, float)) and 1e-6 < abs(value - rate) < 0.0005:
                raise AssertionError(f"a null rate of the {table} table is not rounded; round it to "
                                     "3 decimals")
            assert isinstance(value, (int, float)) and value == pytest.approx(rate, abs=1e-6), (
                f"a null rate of the {table} table is wrong; divide the NULL count by the number of rows "
                "(0.0 for an empty table) and round to 3 decimals"
            )


@pytest.mark.points(2)
@pytest.mark.parametrize("script", SCRIPTS)
def test_duplicate_emails(submission, data_dir, script):
    """duplicate_emails finds emails repeated after trimming and lowercasing"""
    got = report(submission, script)["duplicate_emails"]
    exp = reference(data_dir, script)["duplicate_emails"]
    assert isinstance(got, list), "duplicate_emails must be a list"
    assert None not in got, "NULL emails are not duplicates; leave them out"
    if script == "legacy.sql":
        assert sorted(got) == exp, (
            "duplicate_emails is wrong; an email written exactly the same way on two customers is a duplicate "
            "too: count the rows of each lower(trim(email)) group, not its different spellings"
        )
    assert sorted(got) == exp, (
        "duplicate_emails is wrong; compare emails trimmed and lowercased (lower(trim(email))) and list each "
        "repeated one once, in that form"
    )
    assert got == exp, "duplicate_emails must be sorted"


@pytest.mark.points(2)
@pytest.mark.parametrize("script", SCRIPTS)
def test_orphans(submission, data_dir, script):
    """orphan_orders lists orders pointing at a customer that does not exist"""
    got = report(submission, script)["orphan_orders"]
    exp = reference(data_dir, script)["orphan_orders"]
    assert isinstance(got, list), "orphan_orders must be a list of order ids"
    if script == "dirty.sql":
        assert 105 not in got, "an order with a NULL customer_id is not an orphan (it is counted in the null rates)"
    if script == "legacy.sql":
        assert sorted(got) == exp, (
            "orphan_orders is wrong when a customer has a NULL id; `x NOT IN (SELECT id ...)` is never true once "
            "that list holds a NULL, so use a LEFT JOIN (c.id IS NULL) or NOT EXISTS"
        )
    assert sorted(got) == exp, "orphan_orders is wrong; list orders whose customer_id matches no customers.id"
    assert got == exp, "orphan_orders must be sorted"


@pytest.mark.parametrize("script", SCRIPTS)
def test_negative_amounts(submission, data_dir, script):
    """negative_amounts lists orders with an amount below 0"""
    got = report(submission, script)["negative_amounts"]
    assert got == reference(data_dir, script)["negative_amounts"], (
        "negative_amounts must list, sorted, the ids of orders with amount < 0 (0 itself is fine, NULL is not "
        "negative)"
    )


@pytest.mark.points(2)
@pytest.mark.parametrize("script", SCRIPTS)
def test_passed(submission, data_dir, script):
    """passed is True only when every blocking check is clean"""
    got = report(submission, script)["passed"]
    exp = reference(data_dir, script)["passed"]
    assert isinstance(got, bool), "passed must be True or False"
    assert got == exp, (
        "passed is wrong" + (
            "; a NULL customers.email makes the report fail even when nothing else is wrong"
            if script == "almost.sql" else "; it fails on duplicates, orphans, negative amounts or NULL "
            "customers.email / orders.customer_id, and nothing else")
    )
