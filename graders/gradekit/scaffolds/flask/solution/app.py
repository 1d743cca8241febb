from flask import Flask, redirect, render_template, request, session, url_for

app = Flask(__name__, template_folder=".")
app.secret_key = "change me"


@app.get("/")
def index():
    return render_template("index.html", name=session.get("name", "stranger"))


@app.post("/name")
def set_name():
    session["name"] = request.form["name"]
    return redirect(url_for("index"), code=303)
