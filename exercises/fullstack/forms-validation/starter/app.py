from flask import Flask, abort, redirect, render_template, request, url_for

app = Flask(__name__, template_folder=".")

TICKETS = ("standard", "student", "vip")
REGISTRATIONS = []  # each {"name", "email", "age", "ticket"}; its number is its index + 1


@app.get("/register")
def register_form():
    return render_template("register.html", tickets=TICKETS, values={}, errors={})


@app.post("/register")
def register():
    # TODO: check every field; on errors show the form again (status 400) with the values kept
    REGISTRATIONS.append(dict(request.form))
    return redirect(url_for("registration", number=len(REGISTRATIONS)), code=303)


@app.get("/registrations/<int:number>")
def registration(number):
    # TODO: the confirmation page (registration.html), or 404
    abort(404)
