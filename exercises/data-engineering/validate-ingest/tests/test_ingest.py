import pytest

FIELDS = {"customer_id", "email", "country", "signup_date", "age"}

CSV_REJECTED = {4: {"email"}, 5: {"country"}, 6: {"customer_id"}, 7: {"signup_date"}, 8: {"customer_id"},
                9: {"email"}, 10: {"age"}, 11: {"age"}, 12: {"signup_date"}, 14: {"customer_id"}}
CSV_VALID = [
    {"customer_id": 1, "email": "ana.lima@example.com", "country": "BR", "signup_date": "2024-01-15", "age": 34},
    {"customer_id": 2, "email": "ravi.shah@example.com", "country": "GB", "signup_date": "2024-01-20", "age": None},
    {"customer_id": 11, "email": "sara@example.com", "country": "SE", "signup_date": "2024-03-07", "age": 120},
    {"customer_id": 12, "email": "hana@example.com", "country": "JP", "signup_date": "2024-03-09", "age": 27},
]
JSON_REJECTED = {3: {"signup_date"}, 4: {"customer_id"}, 5: {"email", "country"}, 6: {"customer_id"},
                 7: {"email", "age"}, 8: {"customer_id"}}
JSON_VALID = [
    {"customer_id": 101, "email": "paul@example.org", "country": "IE", "signup_date": "2024-04-01", "age": 33},
    {"customer_id": 102, "email": "nia@example.org", "country": "KE", "signup_date": "2024-04-02", "age": None},
    {"customer_id": 107, "email": "ok@example.org", "country": "ES", "signup_date": "2024-04-08", "age": 45},
    {"customer_id": 103, "email": "lea@example.org", "country": "FR", "signup_date": "2024-04-30", "age": 22},
]


REJECTED_ID_IS_FREE = (
    "a valid record was rejected as a duplicate of an id whose earlier record had been rejected; only ids of "
    "accepted records are taken (remember an id after the record passes)"
)


def fields_of(errors):
    return {str(e).split(":")[0].strip() for e in errors}


def check_errors(errors, what):
    assert isinstance(errors, list) and errors, f"{what}: errors must be a non-empty list of strings"
    for e in errors:
        assert isinstance(e, str) and ":" in e and e.split(":")[0].strip() in FIELDS, (
            f"{what}: each error must look like '<field>: <reason>' with one of the five field names"
        )


def result_of(submission, func, name):
    result = getattr(submission, func)(name)
    assert isinstance(result, dict) and set(result) == {"valid", "rejected"}, (
        f"{func}() must return a dict with the keys 'valid' and 'rejected'"
    )
    assert isinstance(result["valid"], list) and isinstance(result["rejected"], list), (
        f"{func}(): 'valid' and 'rejected' must be lists"
    )
    return result


@pytest.mark.points(2)
def test_csv_rejected_lines(submission):
    """ingest_csv() rejects exactly the bad rows, by file line number"""
    result = result_of(submission, "ingest_csv", "customers.csv")
    for r in result["rejected"]:
        assert isinstance(r, dict) and "line" in r and "errors" in r, (
            "each rejected entry must be a dict with 'line' and 'errors'"
        )
    lines = [r["line"] for r in result["rejected"]]
    assert 3 not in lines, (
        "a row whose only blank cell is age was rejected, but age is optional: a blank (or missing) age is "
        "None, not an error"
    )
    if lines and sorted(lines) == sorted(n - 1 for n in CSV_REJECTED):
        raise AssertionError("the line numbers are one too small: the header is line 1, the first data row line 2")
    if lines and sorted(lines) == sorted(n - 2 for n in CSV_REJECTED):
        raise AssertionError("the line numbers start at 0; the header is line 1, the first data row line 2")
    assert sorted(lines) == sorted(CSV_REJECTED), (
        "ingest_csv() rejected the wrong rows"
        + ("; some rejected lines are wrong (check every rule)" if len(lines) == len(CSV_REJECTED) else
           "; check every rule in the table")
    )
    assert lines == sorted(lines), "rejected rows must be listed in file order"


@pytest.mark.points(2)
def test_csv_reasons(submission):
    """ingest_csv() names the right field in each rejection"""
    result = result_of(submission, "ingest_csv", "customers.csv")
    by_line = {r.get("line"): r.get("errors") for r in result["rejected"]}
    for line, fields in CSV_REJECTED.items():
        assert line in by_line, "a bad row was not rejected (see the line-number check)"
        check_errors(by_line[line], "a rejected row")
        got = fields_of(by_line[line])
        if fields == {"customer_id"} and line == 8:
            assert got == fields, (
                "a row repeating an accepted customer_id must be rejected with 'customer_id: duplicate'"
            )
        assert got == fields, (
            "the errors of a rejected row name the wrong fields; name each field that breaks a rule, and only those"
        )


@pytest.mark.points(2)
def test_csv_valid(submission):
    """ingest_csv() returns the clean records, converted and lowercased"""
    valid = result_of(submission, "ingest_csv", "customers.csv")["valid"]
    assert [r.get("customer_id") for r in valid] == [r["customer_id"] for r in CSV_VALID], (
        "the valid records are not the expected ones (check the rules; customer_id must be an int)"
    )
    for got, expected in zip(valid, CSV_VALID):
        assert set(got) == FIELDS, f"a clean record must have exactly the keys {sorted(FIELDS)}"
        if got["email"] != expected["email"] and str(got["email"]).strip().lower() == expected["email"]:
            raise AssertionError("emails must be stripped and lowercased")
        assert got["email"] == expected["email"], (
            "a clean record comes from the wrong row; check which "
            "rows you accept (a blank optional age is allowed) and that only a later repeat of an accepted id is "
            "a duplicate"
        )
        assert got["age"] == expected["age"], "age must be an int, or None when the cell is empty"
        assert got == expected, "a clean record has a wrong value or type"


@pytest.mark.points(2)
def test_json(submission):
    """ingest_json() applies the same rules to JSON values, by record position"""
    result = result_of(submission, "ingest_json", "customers.json")
    positions = [r.get("record") for r in result["rejected"]]
    assert all(isinstance(r, dict) and "record" in r for r in result["rejected"]), (
        "each rejected JSON entry must be a dict with 'record' (its position, from 1) and 'errors'"
    )
    assert 10 not in positions, REJECTED_ID_IS_FREE
    assert sorted(positions) == sorted(JSON_REJECTED), (
        "ingest_json() rejected the wrong records; positions count from 1. Note that JSON values can be "
        "ints, floats, bools, None or strings (a bool is not a customer id, a float with a fraction is not a whole "
        "number)"
    )
    for r in result["rejected"]:
        check_errors(r["errors"], "a rejected JSON record")
        assert fields_of(r["errors"]) == JSON_REJECTED[r["record"]], (
            "a rejected JSON record names the wrong fields; report every problem of a record, one string each"
        )
    assert result["valid"] == JSON_VALID, (
        "ingest_json() returned wrong clean records; ids and ages given as digit strings become ints"
    )


@pytest.mark.points(2)
def test_all_problems_reported(submission):
    """validate_record() reports every problem of a record, one per field"""
    clean, errors = submission.validate_record({"customer_id": -3, "email": "a b@c.de", "country": "gb",
                                                "signup_date": "2023-02-29", "age": "twelve"})
    assert clean is None, "validate_record() of an invalid record must return None as the clean value"
    check_errors(errors, "validate_record()")
    assert fields_of(errors) == FIELDS, (
        f"validate_record() reported problems for {sorted(fields_of(errors))}; all five fields are wrong here"
    )
    assert len(errors) == 5, "report one problem per field"


def test_missing_fields(submission):
    """validate_record() treats missing keys, None and blank strings as missing"""
    clean, errors = submission.validate_record({"email": "   ", "country": None, "age": "  "})
    assert clean is None, "a record without required fields is invalid"
    check_errors(errors, "validate_record()")
    assert fields_of(errors) == {"customer_id", "email", "country", "signup_date"}, (
        "validate_record() must report each missing required field, and accept a blank optional age"
    )


@pytest.mark.parametrize("record, field", [
    ({"customer_id": 5.0}, "customer_id"), ({"customer_id": False}, "customer_id"), ({"customer_id": "5a"}, "customer_id"),
    ({"email": "a@b.c"}, "email"), ({"email": "a@@b.com"}, "email"), ({"email": "@b.com"}, "email"),
    ({"country": "GBR"}, "country"), ({"country": "G1"}, "country"),
    ({"signup_date": "2024-1-05"}, "signup_date"), ({"signup_date": "2024-13-01"}, "signup_date"),
    ({"signup_date": "20240105"}, "signup_date"),
    ({"age": 12}, "age"), ({"age": 121}, "age"), ({"age": 30.5}, "age"), ({"age": True}, "age"),
])
def test_single_rules(submission, record, field):
    """validate_record() rejects a single wrong value and names its field"""
    base = {"customer_id": 5, "email": "a@b.co", "country": "GB", "signup_date": "2024-01-05", "age": 30}
    clean, errors = submission.validate_record({**base, **record})
    assert clean is None, f"validate_record() accepted an invalid {field}"
    check_errors(errors, "validate_record()")
    assert fields_of(errors) == {field}, f"validate_record() must name only the {field} field here"


def test_boundaries_accepted(submission):
    """validate_record() accepts ages 13 and 120 and a leap day"""
    for age in (13, 120, "13"):
        clean, errors = submission.validate_record({"customer_id": 1, "email": "a@b.co", "country": "GB",
                                                    "signup_date": "2024-02-29", "age": age})
        assert errors == [] and clean is not None, "validate_record() rejected a valid record (ages 13-120, 29 Feb 2024)"
        assert clean["age"] == int(age), "age must become an int"


def test_duplicate_of_rejected_id_accepted(submission):
    """ingest_json() accepts a valid record whose id only appeared in a rejected record"""
    result = result_of(submission, "ingest_json", "customers.json")
    assert 10 not in [r.get("record") for r in result["rejected"] if isinstance(r, dict)], REJECTED_ID_IS_FREE
    ids = [r.get("customer_id") for r in result["valid"] if isinstance(r, dict)]
    assert ids.count(103) == 1, "the last record of customers.json is valid and must be among the clean records"
