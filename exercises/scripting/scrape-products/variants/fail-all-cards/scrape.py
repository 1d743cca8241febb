from bs4 import BeautifulSoup


def _soup(path):
    with open(path, encoding="utf-8") as handle:
        return BeautifulSoup(handle.read(), "html.parser")


def _price(text):
    text = text.strip()
    if text == "—":
        return None
    if text.lower() == "free":
        return 0.0
    return float(text.replace("£", "").replace(",", ""))


def parse_products(path):
    """One dict per product card in the results section: sku, name, url, price, in_stock."""
    products = []
    for card in _soup(path).select(".product"):
        link = card.select_one(".title a")
        products.append({
            "sku": card["data-sku"],
            "name": " ".join(link.get_text(" ").split()),
            "url": link["href"],
            "price": _price(card.select_one(".price").get_text()),
            "in_stock": card.select_one(".sold-out") is None,
        })
    return products


def parse_shipping(path):
    """The rows of the #shipping table as dicts: zone, standard, express, days."""
    table = _soup(path).select_one("table#shipping")
    headers = [th.get_text(strip=True).lower() for th in table.select("thead th")]
    rows = []
    for tr in table.select("tbody tr"):
        cells = dict(zip(headers, (td.get_text(" ", strip=True) for td in tr.find_all("td"))))
        rows.append({
            "zone": cells["zone"],
            "standard": _price(cells["standard"]),
            "express": _price(cells["express"]),
            "days": int(cells["days"]),
        })
    return rows
