from flask import Flask, abort, redirect, render_template, request, url_for

# The templates are the .html files beside this one.
app = Flask(__name__, template_folder=".")

# Each note is {"author": str, "text": str, "tags": [str, ...]}, oldest first.
NOTES = []


@app.get("/")
def index():
    return render_template("notes.html", notes=NOTES)


@app.post("/notes")
def add_note():
    author = request.form.get("author", "").strip()
    text = request.form.get("text", "").strip()
    if not author or not text:
        abort(400)
    tags = [tag.strip() for tag in request.form.get("tags", "").split(",") if tag.strip()]
    NOTES.append({"author": author, "text": text, "tags": tags})
    return redirect(url_for("index"), code=303)


@app.get("/notes/<int:number>")
def note(number):
    if not 1 <= number <= len(NOTES):
        abort(404)
    return render_template("note.html", note=NOTES[number - 1], number=number)
