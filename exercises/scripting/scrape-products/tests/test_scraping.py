import pytest

PRODUCTS = [
    {"sku": "DSK-OAK-140", "name": "Oak Desk 140 cm", "url": "/p/oak-desk-140", "price": 1299.0, "in_stock": True},
    {"sku": "CHR-MESH-01", "name": "Mesh Task Chair", "url": "/p/mesh-chair", "price": 189.5, "in_stock": False},
    {"sku": "LMP-ARC-02", "name": "Arc Floor Lamp", "url": "/p/arc-lamp", "price": 74.0, "in_stock": True},
    {"sku": "DSK-STD-160", "name": "Standing Desk 160 cm", "url": "/p/standing-desk-160", "price": 599.99,
     "in_stock": True},
    {"sku": "CAB-3DR-W", "name": "Filing Cabinet, 3 drawers", "url": "/p/filing-cabinet", "price": 1024.0,
     "in_stock": False},
]
CLEARANCE = [
    {"sku": "SHF-PINE-5", "name": "Pine Shelf 5 tiers", "url": "/p/pine-shelf", "price": 45.0, "in_stock": True},
    {"sku": "STL-BAR-2", "name": "Bar Stool", "url": "/p/bar-stool", "price": 12.0, "in_stock": False},
]
SHIPPING = [
    {"zone": "UK mainland", "standard": 0.0, "express": 9.99, "days": 2},
    {"zone": "Highlands & islands", "standard": 14.5, "express": None, "days": 5},
    {"zone": "Ireland", "standard": 24.0, "express": 39.0, "days": 4},
    {"zone": "EU", "standard": 1150.0, "express": None, "days": 10},
]
KEYS = {"sku", "name", "url", "price", "in_stock"}


def products(submission, page):
    result = submission.parse_products(page)
    assert isinstance(result, list), "parse_products() must return a list of dicts"
    assert all(isinstance(p, dict) for p in result), "parse_products() must return a list of dicts"
    for p in result:
        assert set(p) == KEYS, f"each product dict needs exactly the keys {sorted(KEYS)}; one has missing or extra keys"
    return result


def by_sku(result):
    return {p["sku"]: p for p in result}


@pytest.mark.points(2)
def test_only_results(submission):
    """parse_products() reads only the cards in the results section, in page order"""
    result = products(submission, "products.html")
    skus = [p["sku"] for p in result]
    assert "RUG-WOOL-02" not in skus, (
        "parse_products() included the 'Recently viewed' card; only take the cards inside <section id=\"results\">"
    )
    assert len(result) == len(PRODUCTS), (
        "parse_products() missed products or found extra ones; take every .product card inside the results section"
    )
    assert skus == [p["sku"] for p in PRODUCTS], "parse_products() must keep the products in page order (check the skus)"


@pytest.mark.points(2)
def test_names(submission):
    """Names hold all the link text with whitespace squeezed to single spaces"""
    result = by_sku(products(submission, "products.html"))
    for expected in PRODUCTS:
        name = result.get(expected["sku"], {}).get("name")
        assert isinstance(name, str), "each product's name must be a string"
        assert name == name.strip() and "  " not in name and "\n" not in name, (
            f"the name of {expected['sku']} has extra whitespace; turn each run of whitespace into one space and "
            "strip the ends"
        )
        assert name == expected["name"], (
            f"the name of {expected['sku']} is wrong; it must hold all the link's text, including the variant "
            "in the nested <span>, separated by single spaces"
        )


@pytest.mark.points(2)
def test_prices(submission):
    """Prices are the current price as floats, with thousands separators handled"""
    result = by_sku(products(submission, "products.html"))
    for expected in PRODUCTS:
        price = result.get(expected["sku"], {}).get("price")
        assert isinstance(price, float), (
            f"the price of {expected['sku']} must be a float, got a "
            f"{getattr(price, 'type_name', type(price).__name__)}"
        )
        if expected["sku"] in ("DSK-OAK-140", "DSK-STD-160"):
            assert price == pytest.approx(expected["price"]), (
                f"the price of {expected['sku']} is not its current price; this card shows a "
                "struck-out old price first, so select the .price element"
            )
        assert price == pytest.approx(expected["price"]), (
            f"the price of {expected['sku']} is wrong; remove the £ sign and the thousands separator "
            "before calling float()"
        )


@pytest.mark.points(2)
def test_stock(submission):
    """in_stock is False exactly for cards with a sold-out badge"""
    result = by_sku(products(submission, "products.html"))
    for expected in PRODUCTS:
        got = result.get(expected["sku"], {}).get("in_stock")
        assert isinstance(got, bool), f"in_stock of {expected['sku']} must be True or False"
        assert got == expected["in_stock"], (
            f"in_stock of {expected['sku']} is {got}; a card is out of stock when it has an element with the "
            "class sold-out, whatever else its stock text says"
        )


def test_urls(submission):
    """url is the title link's href, as written"""
    result = by_sku(products(submission, "products.html"))
    for expected in PRODUCTS:
        url = result.get(expected["sku"], {}).get("url")
        assert url == expected["url"], (
            f"the url of {expected['sku']} is wrong; use the title link's href attribute, exactly as written"
        )


@pytest.mark.points(2)
def test_other_page(submission):
    """parse_products() works on another page of the site"""
    result = products(submission, "clearance.html")
    assert len(result) == len(CLEARANCE), (
        "parse_products('clearance.html') found the wrong number of products; "
        "read the file named by `path`"
    )
    assert result == CLEARANCE, "parse_products('clearance.html') read some field wrongly on the second page"


def rows(submission, page):
    result = submission.parse_shipping(page)
    assert isinstance(result, list) and all(isinstance(r, dict) for r in result), (
        "parse_shipping() must return a list of dicts"
    )
    return result


@pytest.mark.points(2)
def test_shipping_rows(submission):
    """parse_shipping() returns the body rows only, with lowercase header keys"""
    result = rows(submission, "products.html")
    assert not any("Prices per order" in str(r) for r in result), (
        "parse_shipping() returned the note from <tfoot> as a row; read the rows from <tbody>"
    )
    assert not any(str(r.get("zone", "")).lower() == "zone" for r in result), (
        "parse_shipping() returned the header as a row; the header cells are the keys"
    )
    assert len(result) == len(SHIPPING), (
        "parse_shipping() returned the wrong number of rows; return one per row of the table body"
    )
    for r in result:
        assert set(r) == {"zone", "standard", "express", "days"}, (
            "each row needs exactly the keys zone, standard, express and days (the lowercased headers); one row "
            "has missing or extra keys"
        )
    assert [r["zone"] for r in result] == [r["zone"] for r in SHIPPING], (
        "the zones are wrong or out of order; &amp; in the HTML should come out as &"
    )


@pytest.mark.points(2)
def test_shipping_values(submission):
    """parse_shipping() turns prices, Free, the dash and the days into numbers and None"""
    result = rows(submission, "products.html")
    assert len(result) == len(SHIPPING), "parse_shipping() returned the wrong number of rows"
    for got, expected in zip(result, SHIPPING):
        zone = expected["zone"]
        assert got.get("days") == expected["days"] and isinstance(got.get("days"), int), (
            f"days for {zone} is wrong; it must be the cell's number of days as an int"
        )
        for key in ("standard", "express"):
            value = got.get(key)
            if expected[key] is None:
                assert value is None, f"{key} for {zone} must be None: the dash means the service is not offered"
            elif expected[key] == 0.0:
                assert value == 0.0 and isinstance(value, float), f"{key} for {zone} is Free, which must be 0.0"
            else:
                assert isinstance(value, float) and value == pytest.approx(expected[key]), (
                    f"{key} for {zone} is wrong; it must be the price as a float (drop £ and the thousands "
                    "separator)"
                )


def test_shipping_other_page(submission):
    """parse_shipping() works on another page of the site"""
    result = rows(submission, "clearance.html")
    assert result == [{"zone": "UK mainland", "standard": 3.0, "express": None, "days": 3}], (
        "parse_shipping('clearance.html') did not return that page's single row correctly"
    )
