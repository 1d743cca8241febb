from slug import slugify, truncate


def test_slugify_a_simple_title():
    assert slugify("Hello World") == "hello-world"


def test_slugify_punctuation():
    assert slugify("Hello, World!") == "hello-world"


def test_truncate_a_long_text():
    assert truncate("a longer sentence", 8) == "a longe…"


def test_truncate_a_short_text():
    assert truncate("short", 10) == "short"
