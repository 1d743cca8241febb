import re

from flask import Flask, abort, redirect, render_template, request, url_for

app = Flask(__name__, template_folder=".")

TICKETS = ("standard", "student", "vip")
REGISTRATIONS = []  # each {"name", "email", "age", "ticket"}; its number is its index + 1

EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def validate(values):
    """The error message of each field that is wrong, by field name."""
    errors = {}
    if not 2 <= len(values["name"]) <= 40:
        errors["name"] = "Enter your name (2 to 40 characters)."
    email = values["email"]
    local, _, domain = email.partition("@")
    if email.count("@") != 1 or not local or "." not in domain or " " in email:
        errors["email"] = "Enter a valid email address."
    age = values["age"]
    try:
        number = int(age) if age.isascii() else None
    except ValueError:
        number = None
    if number is None or not 12 <= number <= 120:
        errors["age"] = "Enter your age as a whole number from 12 to 120."
    if values["ticket"] not in TICKETS:
        errors["ticket"] = "Choose a ticket."
    elif values["ticket"] == "student" and "age" not in errors and int(age) > 25:
        errors["ticket"] = "Student tickets are for ages up to 25."
    return errors


@app.get("/register")
def register_form():
    return render_template("register.html", tickets=TICKETS, values={}, errors={})


@app.post("/register")
def register():
    values = {field: request.form.get(field, "").strip() for field in ("name", "email", "age", "ticket")}
    errors = validate(values)
    if errors:
        return render_template("register.html", tickets=TICKETS, values=values, errors=errors), 400
    REGISTRATIONS.append({**values, "age": int(values["age"])})
    return redirect(url_for("registration", number=len(REGISTRATIONS)), code=303)


@app.get("/registrations/<int:number>")
def registration(number):
    if not 1 <= number <= len(REGISTRATIONS):
        abort(404)
    return render_template("registration.html", registration=REGISTRATIONS[number - 1])
