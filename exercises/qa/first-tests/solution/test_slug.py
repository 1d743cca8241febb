from slug import slugify, truncate


def test_slugify_a_simple_title():
    assert slugify("Hello World") == "hello-world"


def test_slugify_lowercases_every_letter():
    assert slugify("PyTest") == "pytest"


def test_slugify_joins_a_run_of_separators_with_one_dash():
    assert slugify("Tests, fixtures & mocks") == "tests-fixtures-mocks"


def test_slugify_keeps_digits():
    assert slugify("Python 3.12") == "python-3-12"


def test_slugify_trims_dashes_at_both_ends():
    assert slugify("  -- Release notes! --  ") == "release-notes"


def test_truncate_keeps_a_short_text():
    assert truncate("short", 10) == "short"


def test_truncate_keeps_a_text_of_exactly_the_width():
    assert truncate("exact", 5) == "exact"


def test_truncate_shortens_a_long_text_to_the_width():
    result = truncate("a longer sentence", 8)
    assert result == "a longe…"
    assert len(result) == 8
