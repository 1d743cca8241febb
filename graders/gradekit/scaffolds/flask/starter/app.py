from flask import Flask, redirect, render_template, request, session, url_for

app = Flask(__name__, template_folder=".")
app.secret_key = "change me"


@app.get("/")
def index():
    return render_template("index.html", name="stranger")


@app.post("/name")
def set_name():
    # TODO: keep request.form["name"] in the session
    return redirect(url_for("index"), code=303)
