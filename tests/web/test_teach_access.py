"""Are the teaching and admin pages closed to everyone they are not for?"""

from __future__ import annotations

import pytest
from teach_support import log_in, user_with_role
from web_support import add_user

ARGUMENTS = {"slug": "add", "track_slug": "basics", "user_id": 1, "submission_id": 1, "regrade_id": 1,
             "class_id": 1, "first_id": 1, "second_id": 2}


def closed_urls(app, prefix):
    urls = []
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith(prefix):
            url = rule.rule
            for name in rule.arguments:
                url = url.replace(f"<{name}>", str(ARGUMENTS[name])).replace(f"<int:{name}>", str(ARGUMENTS[name]))
            urls += [(method, url) for method in sorted(rule.methods - {"HEAD", "OPTIONS"})]
    return urls


@pytest.mark.parametrize("prefix", ["/teach", "/admin"])
def test_a_learner_gets_403_on_every_page_and_form(app, client, prefix):
    """Does a learner get 403 from every teaching and admin URL, for every method?"""
    add_user(app, "learner@example.com")
    log_in(client, "learner@example.com")
    urls = closed_urls(app, prefix)
    assert len(urls) >= (12 if prefix == "/teach" else 2)
    for method, url in urls:
        response = client.open(url, method=method, data={})
        assert response.status_code == 403, (method, url, response.status_code)


def test_anonymous_visitors_are_sent_to_log_in(app, client):
    """Is a visitor who is not logged in redirected to the login page?"""
    for method, url in closed_urls(app, "/teach") + closed_urls(app, "/admin"):
        response = client.open(url, method=method)
        assert response.status_code == 302 and "/auth/login" in response.headers["Location"], url


def test_an_instructor_cannot_change_roles(app, client):
    """Is the admin area closed to instructors, who see the teaching pages?"""
    user_with_role(app, "teacher@example.com", "instructor")
    log_in(client, "teacher@example.com")
    assert client.get("/teach/").status_code == 200
    assert client.get("/admin/users").status_code == 403


def test_the_teach_link_shows_for_instructors_only(app, client):
    """Does the navigation offer "Teach" to instructors and not to learners?"""
    add_user(app, "learner@example.com")
    user_with_role(app, "teacher@example.com", "instructor")
    log_in(client, "learner@example.com")
    assert b'href="/teach/"' not in client.get("/").data
    client.post("/auth/logout")
    log_in(client, "teacher@example.com")
    assert b'href="/teach/"' in client.get("/").data
