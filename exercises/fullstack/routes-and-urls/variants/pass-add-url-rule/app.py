from flask import Flask, redirect, request, url_for
from markupsafe import Markup, escape
from werkzeug.exceptions import BadRequest, NotFound

app = Flask(__name__)

BOOKS = {
    "dune": {"title": "Dune", "author": "Frank Herbert", "year": 1965},
    "emma": {"title": "Emma", "author": "Jane Austen", "year": 1815},
    "neuromancer": {"title": "Neuromancer", "author": "William Gibson", "year": 1984},
    "the-left-hand-of-darkness": {"title": "The Left Hand of Darkness", "author": "Ursula K. Le Guin", "year": 1969},
    "pride-and-prejudice": {"title": "Pride and Prejudice", "author": "Jane Austen", "year": 1813},
}


def render_list(pairs):
    pairs = sorted(pairs, key=lambda pair: pair[1]["title"])
    items = Markup("").join(
        Markup('<li><a href="{}">{}</a> ({})</li>').format(url_for("show_book", slug=slug), b["title"], b["year"])
        for slug, b in pairs
    )
    return Markup("<ul>{}</ul>").format(items)


def home():
    return redirect(url_for("list_books"), code=302)


def list_books():
    return Markup("<h1>Books</h1>") + render_list(BOOKS.items())


def show_book(slug):
    b = BOOKS.get(slug)
    if b is None:
        raise NotFound()
    return Markup('<h1>{}</h1><p>by {}, {}</p><a href="{}">All books</a>').format(
        b["title"], b["author"], b["year"], url_for("list_books"))


def by_year(year):
    pairs = [(slug, b) for slug, b in BOOKS.items() if b["year"] == year]
    if not pairs:
        raise NotFound()
    return Markup("<h1>Books from {}</h1>").format(year) + render_list(pairs)


def find():
    wanted = " ".join(request.args.get("title", "").split()).lower()
    if not wanted:
        raise BadRequest()
    slug = next((s for s, b in BOOKS.items() if b["title"].lower() == wanted), None)
    if slug is None:
        raise NotFound()
    return redirect(url_for("show_book", slug=slug))


app.add_url_rule("/", view_func=home)
app.add_url_rule("/books/", view_func=list_books)
app.add_url_rule("/books/<string:slug>", view_func=show_book)
app.add_url_rule("/years/<int:year>", view_func=by_year)
app.add_url_rule("/find", view_func=find)
