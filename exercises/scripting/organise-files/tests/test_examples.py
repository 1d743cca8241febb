def test_target_names(submission):
    """target_name() for a photo, a report and a text file"""
    assert submission.target_name("IMG_20240305_141209.jpg") == "photos/2024/2024-03-05_141209.jpg"
    assert submission.target_name("report q3 2023.xlsx") == "reports/2023-Q3.xlsx"
    assert submission.target_name("notes.txt") is None


def test_organise_example(submission):
    """organise() on the example folder"""
    submission.make_files("example", ["IMG_20240305_141209.jpg", "notes.txt", "report q3 2023.xlsx"])
    moves = submission.organise("example")
    assert moves == [["IMG_20240305_141209.jpg", "photos/2024/2024-03-05_141209.jpg"],
                     ["report q3 2023.xlsx", "reports/2023-Q3.xlsx"]]
    assert submission.list_tree("example") == ["notes.txt", "photos/2024/2024-03-05_141209.jpg",
                                               "reports/2023-Q3.xlsx"]
