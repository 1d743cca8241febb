from slug import slugify, truncate


def test_slugify_a_simple_title():
    assert slugify("Hello World") == "hello-world"


def test_slugify_punctuation():
    assert slugify("  Hello, World! ") == "hello-world"


def test_truncate_keeps_exact_fit():
    assert truncate("exact", 5) == "exact"


def test_truncate_adds_an_ellipsis_after_width_characters():
    assert truncate("a longer sentence", 8) == "a longer…"
