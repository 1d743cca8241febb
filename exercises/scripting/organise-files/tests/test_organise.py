import pytest


def names(submission, cases, what):
    for case in cases:
        name, expected = case[0], case[1]
        detail = case[2] if len(case) > 2 else None  # the case in words: never the name itself
        got = submission.target_name(name)
        assert got == expected, (
            f"target_name() is wrong for {what}" + (f": {detail} must give None" if detail else "")
        )


@pytest.mark.points(2)
def test_photo_names(submission):
    """target_name() renames photos into photos/YEAR with a lowercase .jpg"""
    names(submission, [
        ("IMG_20231231_235959.jpg", "photos/2023/2023-12-31_235959.jpg"),
        ("img_20240229_000001.JPG", "photos/2024/2024-02-29_000001.jpg"),
        ("IMG_20220101_120000.jpeg", "photos/2022/2022-01-01_120000.jpg"),
        ("IMG_20220101_120000.JPEG", "photos/2022/2022-01-01_120000.jpg"),
    ], "photos (any case, .jpeg becomes .jpg)")


@pytest.mark.points(2)
def test_report_names(submission):
    """target_name() renames reports to reports/YEAR-QN.xlsx"""
    names(submission, [
        ("report q1 2024.xlsx", "reports/2024-Q1.xlsx"),
        ("Report_Q4_2023.XLSX", "reports/2023-Q4.xlsx"),
        ("REPORT-q2-2021.xlsx", "reports/2021-Q2.xlsx"),
        ("report_Q3-2020.xlsx", "reports/2020-Q3.xlsx"),
    ], "reports (any case, space, _ or - as separators)")


@pytest.mark.points(2)
def test_names_left_alone(submission):
    """target_name() returns None unless the whole name follows a rule"""
    names(submission, [(n, None, d) for n, d in [
        ("notes.txt", "a name that is neither a photo nor a report"),
        ("IMG_20240305_141209 (1).jpg", "a photo name with extra text before the extension"),
        ("old IMG_20240305_141209.jpg", "a photo name with extra text in front"),
        ("IMG_20240305_141209.jpg.bak", "a photo name with a second extension after .jpg"),
        ("IMG_2024035_141209.jpg", "a photo whose date has too few digits"),
        ("IMG_20240305_14120.jpg", "a photo whose time has too few digits"),
        ("IMG_20240305_141209.png", "a photo with an extension other than .jpg or .jpeg"),
        ("IMG_20240305-141209.jpg", "a photo with '-' instead of '_' between date and time"),
        ("old report q1 2024.xlsx", "a report name with extra text in front"),
        ("report q5 2024.xlsx", "a report for a quarter above 4"),
        ("report q0 2024.xlsx", "a report for quarter 0"),
        ("report q1 24.xlsx", "a report with a two-digit year"),
        ("report q1 2024.xlsx.tmp", "a report name with a second extension after .xlsx"),
        ("report  q1 2024.xlsx", "a report name with two separators in a row"),
        ("report q1 2024.xls", "a report with the extension .xls"),
        ("reportq1 2024.xlsx", "a report name without a separator after 'report'"),
    ]], "a name that only partly follows a rule (use re.fullmatch)")


def test_impossible_dates(submission):
    """target_name() leaves photos whose date does not exist"""
    names(submission, [(n, None, d) for n, d in [("IMG_20241332_101010.jpg", "a photo dated in a month past 12"),
                                                 ("IMG_20230229_101010.jpg", "a photo dated 29 February of a "
                                                                             "year that is not a leap year"),
                                                 ("IMG_20240431_101010.jpg", "a photo dated on a day past the "
                                                                             "end of its month"),
                                                 ("IMG_20240005_101010.jpg", "a photo dated in month 0")]],
          "a photo with a date that does not exist (check it with datetime.date)")


def moved(submission, folder):
    moves = submission.organise(folder)
    assert isinstance(moves, list), "organise() must return a list of [old_name, new_path] moves"
    assert all(isinstance(m, (list, tuple)) and len(m) == 2 for m in moves), (
        "each move must be a two-item list [old_name, new_relative_path]"
    )
    return [list(m) for m in moves]


@pytest.mark.points(2)
def test_organise_folder(submission):
    """organise() moves matching files and leaves the others"""
    submission.make_files("mixed", ["b.txt", "IMG_20231231_235959.JPG", "report-Q2-2024.xlsx", "IMG_bad.jpg",
                                    "a report q1 2024.xlsx", "IMG_20230101_080000.jpeg"])
    moves = moved(submission, "mixed")
    expected_tree = ["IMG_bad.jpg", "a report q1 2024.xlsx", "b.txt", "photos/2023/2023-01-01_080000.jpg",
                     "photos/2023/2023-12-31_235959.jpg", "reports/2024-Q2.xlsx"]
    tree = submission.list_tree("mixed")
    assert len(tree) == len(expected_tree), "organise() lost or duplicated files: the folder must keep every file"
    assert tree == expected_tree, "after organise() the folder does not hold the expected files and folders"
    assert sorted(moves) == sorted([
        ["IMG_20230101_080000.jpeg", "photos/2023/2023-01-01_080000.jpg"],
        ["IMG_20231231_235959.JPG", "photos/2023/2023-12-31_235959.jpg"],
        ["report-Q2-2024.xlsx", "reports/2024-Q2.xlsx"],
    ]), "organise() must return one [old_name, new_relative_path] per file moved, with / separators"
    assert moves == sorted(moves), "organise() must handle (and list) the files in sorted order of their names"
    assert submission.read_file("mixed", "reports/2024-Q2.xlsx") == "contents of report-Q2-2024.xlsx\n", (
        "the moved report does not hold the report's contents; move the file itself, don't create a new one"
    )


@pytest.mark.points(3)
def test_collisions(submission):
    """organise() adds -1, -2, ... instead of overwriting"""
    submission.make_files("clash", ["IMG_20240305_141209.jpg", "IMG_20240305_141209.JPEG", "img_20240305_141209.jpg",
                                    "photos/2024/2024-03-05_141209.jpg", "report q1 2024.xlsx", "REPORT_Q1_2024.xlsx"])
    moves = moved(submission, "clash")
    tree = submission.list_tree("clash")
    assert len(tree) == 6, "organise() overwrote a file: when the target is taken, add -1, -2, ... before the extension"
    assert tree == ["photos/2024/2024-03-05_141209-1.jpg", "photos/2024/2024-03-05_141209-2.jpg",
                    "photos/2024/2024-03-05_141209-3.jpg", "photos/2024/2024-03-05_141209.jpg",
                    "reports/2024-Q1-1.xlsx", "reports/2024-Q1.xlsx"], (
        "the renamed files have the wrong names; the first free name among name.ext, name-1.ext, name-2.ext, "
        "... is used (a file already in photos/ counts as taken)"
    )
    assert submission.read_file("clash", "photos/2024/2024-03-05_141209.jpg") == (
        "contents of photos/2024/2024-03-05_141209.jpg\n"), "the file already in photos/ must not be replaced"
    assert moves == [
        ["IMG_20240305_141209.JPEG", "photos/2024/2024-03-05_141209-1.jpg"],
        ["IMG_20240305_141209.jpg", "photos/2024/2024-03-05_141209-2.jpg"],
        ["REPORT_Q1_2024.xlsx", "reports/2024-Q1.xlsx"],
        ["img_20240305_141209.jpg", "photos/2024/2024-03-05_141209-3.jpg"],
        ["report q1 2024.xlsx", "reports/2024-Q1-1.xlsx"],
    ], "the moves are in the wrong order or name the wrong files; handle the names in sorted() order"


@pytest.mark.points(2)
def test_rerun(submission):
    """Running organise() again moves nothing"""
    submission.make_files("nightly", ["IMG_20240101_000000.jpg", "report q4 2023.xlsx", "keep.me"])
    moved(submission, "nightly")
    before = submission.list_tree("nightly")
    again = moved(submission, "nightly")
    assert again == [], "a second organise() of the same folder must move nothing and return []"
    assert submission.list_tree("nightly") == before, "a second organise() changed the folder"
    submission.make_files("nightly", ["IMG_20240101_000000.jpg"])
    third = moved(submission, "nightly")
    assert third == [["IMG_20240101_000000.jpg", "photos/2024/2024-01-01_000000-1.jpg"]], (
        "a new file arriving later with a name that is taken must go to the next free -N name"
    )


def test_subfolders_untouched(submission):
    """organise() only moves files that sit directly in the folder"""
    submission.make_files("nested", ["camera/IMG_20240101_000000.jpg", "IMG_20240202_000000.jpg"])
    moves = moved(submission, "nested")
    assert moves == [["IMG_20240202_000000.jpg", "photos/2024/2024-02-02_000000.jpg"]], (
        "organise() must only move files directly inside the folder, not files in its subfolders"
    )
    assert "camera/IMG_20240101_000000.jpg" in submission.list_tree("nested"), "a file in a subfolder was moved"


def test_empty_folder(submission):
    """organise() of an empty folder returns []"""
    submission.make_files("empty", [])
    assert moved(submission, "empty") == [], "organise() of an empty folder must return []"
