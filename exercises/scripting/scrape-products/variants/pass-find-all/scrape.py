import re

from bs4 import BeautifulSoup


def _read(path):
    with open(path, encoding="utf-8") as f:
        return BeautifulSoup(f, "html.parser")


def _money(text):
    text = text.strip()
    if text in ("—", "-"):
        return None
    if text.casefold() == "free":
        return 0.0
    return float(re.sub(r"[^\d.]", "", text))


def _has_class(tag, name):
    return name in (tag.get("class") or [])


def parse_products(path):
    results = _read(path).find("section", id="results")
    out = []
    for card in results.find_all(lambda t: _has_class(t, "product") and t.has_attr("data-sku")):
        heading = card.find(class_="title")
        link = heading.find("a")
        price = card.find(lambda t: _has_class(t, "price"))
        out.append({
            "sku": card.get("data-sku"),
            "name": re.sub(r"\s+", " ", link.get_text()).strip(),
            "url": link.get("href"),
            "price": _money(price.get_text()),
            "in_stock": not card.find_all(lambda t: _has_class(t, "sold-out")),
        })
    return out


def parse_shipping(path):
    table = _read(path).find("table", id="shipping")
    names = [th.get_text().strip().lower() for th in table.find("thead").find_all("th")]
    rows = []
    for tr in table.find("tbody").find_all("tr"):
        values = [" ".join(td.get_text().split()) for td in tr.find_all(["td", "th"])]
        cell = dict(zip(names, values))
        rows.append({"zone": cell["zone"], "standard": _money(cell["standard"]),
                     "express": _money(cell["express"]), "days": int(cell["days"])})
    return rows
