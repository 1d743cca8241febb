TEXT = "Mail Ana@Example.com or (555) 867-5309 before 05/03/2024. Cc: ana@example.com"


def test_emails_example(submission):
    """find_emails() on the example text"""
    assert submission.find_emails(TEXT) == ["ana@example.com"]


def test_dates_example(submission):
    """find_dates() on the example text"""
    assert submission.find_dates(TEXT) == ["2024-03-05"]


def test_phones_example(submission):
    """find_phones() on the example text"""
    assert submission.find_phones(TEXT) == ["555-867-5309"]
