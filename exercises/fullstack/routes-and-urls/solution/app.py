from flask import Flask, abort, redirect, request, url_for
from markupsafe import escape

app = Flask(__name__)

# slug -> book; the tests may add books here, so read it when a request comes in
BOOKS = {
    "dune": {"title": "Dune", "author": "Frank Herbert", "year": 1965},
    "emma": {"title": "Emma", "author": "Jane Austen", "year": 1815},
    "neuromancer": {"title": "Neuromancer", "author": "William Gibson", "year": 1984},
    "the-left-hand-of-darkness": {"title": "The Left Hand of Darkness", "author": "Ursula K. Le Guin", "year": 1969},
    "pride-and-prejudice": {"title": "Pride and Prejudice", "author": "Jane Austen", "year": 1813},
}


def book_list(slugs):
    """An HTML list of links to the books, sorted by title."""
    items = []
    for slug in sorted(slugs, key=lambda s: BOOKS[s]["title"]):
        book = BOOKS[slug]
        items.append(f'<li><a href="{url_for("book", slug=slug)}">{escape(book["title"])}</a> ({book["year"]})</li>')
    return "<ul>\n" + "\n".join(items) + "\n</ul>"


@app.get("/")
def home():
    return redirect(url_for("index"))


@app.get("/books/")
def index():
    return "<h1>Books</h1>\n" + book_list(BOOKS)


@app.get("/books/<slug>")
def book(slug):
    if slug not in BOOKS:
        abort(404)
    found = BOOKS[slug]
    return (f"<h1>{escape(found['title'])}</h1>\n<p>by {escape(found['author'])}, {found['year']}</p>\n"
            f'<a href="{url_for("index")}">All books</a>')


@app.get("/years/<int:year>")
def year(year):
    slugs = [slug for slug, book in BOOKS.items() if book["year"] == year]
    if not slugs:
        abort(404)
    return f"<h1>Books from {year}</h1>\n" + book_list(slugs)


@app.get("/find")
def find():
    title = request.args.get("title", "").strip()
    if not title:
        abort(400)
    for slug, found in BOOKS.items():
        if found["title"].casefold() == title.casefold():
            return redirect(url_for("book", slug=slug))
    abort(404)
