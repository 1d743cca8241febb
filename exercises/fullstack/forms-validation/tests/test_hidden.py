"""Hidden tests: each rule of the registration form, the kept values and the redirect."""

import pytest
from bs4 import BeautifulSoup

VALID = {"name": "Grace Hopper", "email": "grace@navy.example", "age": "25", "ticket": "student"}


def post(client, **changes):
    data = {k: v for k, v in {**VALID, **changes}.items() if v is not None}
    return client.post("/register", data=data, follow_redirects=False)


def error_ids(response):
    return sorted(e.get("id") for e in BeautifulSoup(response.text, "html.parser").select(".error"))


def count(submission):
    return len(submission.get("REGISTRATIONS"))


def check_refused(client, submission, field, value, why):
    before = count(submission)
    response = post(client, **{field: value})
    assert response.status_code == 400, f"{why}: expected status 400, got {response.status_code}"
    assert error_ids(response) == [f"{field}-error"], f"{why}: show one error, with id {field}-error"
    assert count(submission) == before, f"{why}: a refused registration must not be stored"


@pytest.mark.parametrize("age", ["11", "121", "abc", "12.5", "-20", "", "3O", "٣٠", "+20", "2_0"])
def test_age_rules(client, submission, age):
    """the age must be a whole number from 12 to 120"""
    check_refused(client, submission, "age", age,
                  "an age that is not a whole number from 12 to 120 written with the digits 0-9 only")


@pytest.mark.parametrize("age", ["12", "120", " 20 "])
def test_age_limits_are_allowed(client, age):
    """ages 12 and 120 are allowed, spaces around ignored"""
    response = post(client, age=age, ticket="standard")
    assert 300 <= response.status_code < 400, (
        "ages from 12 to 120 (inclusive, spaces around stripped) are valid: the registration must be accepted "
        "and redirect"
    )


@pytest.mark.parametrize("email", ["grace@navy", "grace@@navy.example", "@navy.example", "grace hopper@navy.example",
                                   "grace@", "grace", "grace@navy.", "grace@.example"])
def test_email_rules(client, submission, email):
    """the email needs one @, text before it and a dotted domain, no spaces"""
    check_refused(client, submission, "email", email,
                  "an invalid email (one @, text before it, a domain with text on both sides of a dot, no spaces)")


@pytest.mark.parametrize("name", ["G", "   ", "x" * 41])
def test_name_rules(client, submission, name):
    """the name is 2 to 40 characters once stripped"""
    check_refused(client, submission, "name", name, "a name that is not 2 to 40 characters after stripping")


def test_ticket_must_be_offered(client, submission):
    """a ticket that is not offered is refused"""
    check_refused(client, submission, "ticket", "backstage", "a ticket that is not in TICKETS")


def test_student_ticket_age_limit(client, submission):
    """a student ticket is for ages up to 25"""
    before = count(submission)
    response = post(client, age="26")
    assert response.status_code == 400 and error_ids(response) == ["ticket-error"], (
        "a student ticket for someone over 25 is an error on the ticket field"
    )
    assert count(submission) == before, "a refused registration must not be stored"


@pytest.mark.points(2)
def test_empty_post_shows_every_error(client, submission):
    """a POST without any field shows all four errors instead of crashing"""
    before = count(submission)
    response = client.post("/register", data={})
    assert response.status_code == 400, f"an empty form returned {response.status_code}, expected 400"
    assert error_ids(response) == ["age-error", "email-error", "name-error", "ticket-error"], (
        "a missing field is an error shown beside it; read fields with request.form.get(name, '')"
    )
    assert count(submission) == before, "a refused registration must not be stored"


@pytest.mark.points(2)
def test_values_are_kept_and_escaped(client):
    """after an error every field keeps what was typed, quotes and all"""
    name = 'Grace "Amazing" <Hopper>'
    response = post(client, name=name, age="abc", ticket="vip")
    page = BeautifulSoup(response.text, "html.parser")
    assert page.select_one("input[name=name]").get("value") == name, (
        "the name input should keep the typed text in value=\"...\", escaped so quotes cannot break out"
    )
    assert page.select_one("input[name=email]").get("value") == VALID["email"], "the email input keeps its value"
    assert page.select_one("input[name=age]").get("value") == "abc", "the age input keeps even a wrong value"
    selected = page.select("select[name=ticket] option[selected]")
    assert [o.get("value") for o in selected] == ["vip"], "the chosen ticket stays selected"
    assert page.find("hopper") is None, "typed text must never become HTML"


def test_success_stores_and_confirms(client, submission):
    """a valid registration is stored, cleaned, then confirmed on its own page"""
    before = count(submission)
    response = post(client, name="  Katherine <Johnson> ", email=" kj@nasa.example ", age="25")
    assert response.status_code == 303, (
        f"a valid POST returned {response.status_code}; a valid registration must redirect with 303 See Other: "
        "redirect(..., code=303)"
    )
    assert count(submission) == before + 1, "a valid registration is appended to REGISTRATIONS"
    assert response.headers["location"] == f"/registrations/{before + 1}", "redirect to /registrations/<number>"
    stored = submission.get("REGISTRATIONS")[-1]
    assert stored["name"] == "Katherine <Johnson>" and stored["email"] == "kj@nasa.example", (
        "store the values stripped of the spaces around them"
    )
    page = client.get(response.headers["location"])
    assert "Thanks, Katherine &lt;Johnson&gt;!" in page.text, "the confirmation thanks the person by name, escaped"


def test_unknown_registration_is_404(client, submission):
    """a confirmation page that does not exist is a 404"""
    assert client.get(f"/registrations/{count(submission) + 1}").status_code == 404, "an unknown number is a 404"
    assert client.get("/registrations/0").status_code == 404, "/registrations/0 is a 404"
