from slug import slugify, truncate


def test_slugify_a_simple_title():
    assert slugify("Hello World") == "hello-world"


# Add a test for each rule of slugify and truncate in the statement.
