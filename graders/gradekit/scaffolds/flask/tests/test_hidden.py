"""Hidden tests: the learner sees each docstring's first line and the assertion's message.

The `client` keeps cookies for the length of one test, like a browser, so the session works.
"""

import pytest


@pytest.mark.points(2)
def test_name_is_remembered(client):
    """POST /name redirects to /, which then greets by name"""
    response = client.post("/name", data={"name": "Grace"}, follow_redirects=False)
    assert response.status_code == 303, f"POST /name returned {response.status_code}, expected a 303 redirect"
    assert response.headers["location"] == "/", "POST /name should redirect to /"
    assert "Hello, Grace!" in client.get("/").text, "after POST /name, GET / should greet the name kept in the session"


def test_name_is_escaped(client):
    """a name with HTML in it is shown as text"""
    client.post("/name", data={"name": "<b>Bo</b>"})
    page = client.get("/").text
    assert "&lt;b&gt;Bo&lt;/b&gt;" in page, "render the name with {{ name }} so that HTML in it is escaped"
