from flask import Flask, abort, redirect, render_template, request, url_for

app = Flask(__name__, template_folder=".")

NOTES = []


def clean(name):
    return " ".join(request.form.get(name, "").split()) if name == "author" else request.form.get(name, "").strip()


@app.route("/", methods=["GET"])
def index():
    numbered = list(enumerate(NOTES, start=1))
    return render_template("notes.html", numbered=numbered, count=len(numbered))


@app.route("/notes", methods=["POST"])
def add_note():
    note = {"author": clean("author"), "text": clean("text"),
            "tags": list(filter(None, map(str.strip, request.form.get("tags", "").split(","))))}
    if "" in (note["author"], note["text"]):
        return "Both an author and a text are needed", 400
    NOTES.append(note)
    return redirect("/", 303)


@app.route("/notes/<int:number>")
def note(number):
    try:
        found = NOTES[number - 1] if number > 0 else None
    except IndexError:
        found = None
    if found is None:
        abort(404)
    return render_template("note.html", note=found, number=number)
