import re

from flask import Flask, abort, redirect, render_template, request, url_for

app = Flask(__name__, template_folder=".")

TICKETS = ("standard", "student", "vip")
REGISTRATIONS = []


def check_email(text):
    local, at, domain = text.partition("@")
    return bool(local) and at == "@" and "@" not in domain and " " not in text \
        and "." in domain.strip(".") and not domain.startswith(".") and not domain.endswith(".")


RULES = [
    ("name", lambda v, _: 2 <= len(v) <= 40, "Enter your name (2 to 40 characters)."),
    ("email", lambda v, _: check_email(v), "Enter a valid email address."),
    ("age", lambda v, _: re.fullmatch(r"[0-9]{1,3}", v) is not None and 12 <= int(v) <= 120,
     "Enter your age as a whole number from 12 to 120."),
    ("ticket", lambda v, _: v in TICKETS, "Choose a ticket."),
    ("ticket", lambda v, all_: v != "student" or int(all_["age"]) <= 25, "Student tickets are for ages up to 25."),
]


@app.route("/register", methods=["GET", "POST"])
def register_form():
    if request.method == "GET":
        return render_template("register.html", tickets=TICKETS, values={}, errors={})
    values = {name: str(request.form.get(name) or "").strip() for name in ("name", "email", "age", "ticket")}
    errors = {}
    for field, ok, message in RULES:
        if field in errors or (field == "ticket" and message.startswith("Student") and "age" in errors):
            continue
        if not ok(values[field], values):
            errors[field] = message
    if errors:
        return render_template("register.html", tickets=TICKETS, values=values, errors=errors), 400
    values["age"] = int(values["age"])
    REGISTRATIONS.append(values)
    return redirect(f"/registrations/{len(REGISTRATIONS)}", 303)




@app.get("/registrations/<int:number>")
def registration(number):
    if number < 1 or number > len(REGISTRATIONS):
        abort(404)
    return render_template("registration.html", registration=REGISTRATIONS[number - 1])
