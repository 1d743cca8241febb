ROWS = [
    {"item": "Oak desk", "qty": 1, "price": 249.0},
    {"item": "Pens (box)", "qty": 12, "price": 3.5},
    {"item": "Chair", "qty": 1200, "price": 1089.5, "note": "bulk"},
]


def test_table_example(submission):
    """render_table() of the example rows"""
    expected = "\n".join([
        "item          qty     price  note",
        "----------  -----  --------  ----",
        "Oak desk        1    249.00",
        "Pens (box)     12      3.50",
        "Chair       1,200  1,089.50  bulk",
    ])
    assert submission.render_table(ROWS, ["item", "qty", "price", "note"]) == expected


def test_template_example(submission):
    """fill_template() of the example message"""
    result = submission.fill_template("Dear {{ name }}, you owe {{total}} by {{ due }}.",
                                      {"name": "Ana", "total": 1234.5, "due": "1 May"})
    assert result == "Dear Ana, you owe 1,234.50 by 1 May."
