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
    # TODO: read author, text and tags from the form, check them, append the note, redirect to /
    abort(400)


@app.get("/notes/<int:number>")
def note(number):
    # TODO: show note `number` (counting from 1) with note.html, or 404
    abort(404)
