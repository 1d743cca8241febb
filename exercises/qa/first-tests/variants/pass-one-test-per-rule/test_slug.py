import slug


def test_lowercase():
    assert slug.slugify("ABC def") == "abc-def"


def test_separator_runs():
    assert slug.slugify("one...two   three") == "one-two-three"


def test_no_dash_at_the_ends():
    result = slug.slugify("!hello?")
    assert not result.startswith("-")
    assert not result.endswith("-")


def test_truncate_boundary():
    assert slug.truncate("abcd", 4) == "abcd"
    assert slug.truncate("abcde", 4) == "abc…"
