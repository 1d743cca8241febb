def test_load_first_row(submission):
    """load_expenses("expenses.csv"): the first row"""
    rows = submission.load_expenses("expenses.csv")
    assert rows[0] == {"date": "2024-03-01", "employee": "Ana Lima", "category": "travel",
                       "description": "Taxi, airport to hotel", "amount": 38.5}


def test_summary_first_line(submission):
    """summarise_expenses("expenses.csv", "summary.csv"): header and first category"""
    text = submission.summarise_expenses("expenses.csv", "summary.csv")
    lines = text.splitlines()
    assert lines[0] == "category,count,total,average"
    assert lines[1] == "travel,4,412.00,103.00"
