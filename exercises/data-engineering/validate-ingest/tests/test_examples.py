def test_validate_example(submission):
    """validate_record() cleans a good record"""
    clean, errors = submission.validate_record(
        {"customer_id": "7", "email": " Kim@Example.com", "country": "KR", "signup_date": "2024-05-01"})
    assert errors == []
    assert clean == {"customer_id": 7, "email": "kim@example.com", "country": "KR", "signup_date": "2024-05-01",
                     "age": None}


def test_ingest_csv_example(submission):
    """ingest_csv("customers.csv"): the valid ids and the first rejection"""
    result = submission.ingest_csv("customers.csv")
    assert [r["customer_id"] for r in result["valid"]] == [1, 2, 11, 12]
    assert result["rejected"][0]["line"] == 4
    assert [e.split(":")[0] for e in result["rejected"][0]["errors"]] == ["email"]
