from flask import Flask, abort, redirect, request, url_for

app = Flask(__name__)

# slug -> book; the tests may add books here, so read it when a request comes in
BOOKS = {
    "dune": {"title": "Dune", "author": "Frank Herbert", "year": 1965},
    "emma": {"title": "Emma", "author": "Jane Austen", "year": 1815},
    "neuromancer": {"title": "Neuromancer", "author": "William Gibson", "year": 1984},
    "the-left-hand-of-darkness": {"title": "The Left Hand of Darkness", "author": "Ursula K. Le Guin", "year": 1969},
    "pride-and-prejudice": {"title": "Pride and Prejudice", "author": "Jane Austen", "year": 1813},
}


@app.get("/books/")
def index():
    return "<h1>Books</h1>\n<ul>\n</ul>"


# TODO: GET /, GET /books/<slug>, GET /years/<int:year>, GET /find?title=...
