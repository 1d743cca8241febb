def test_first_product(submission):
    """parse_products("products.html") finds 5 products; the first is the oak desk"""
    products = submission.parse_products("products.html")
    assert len(products) == 5
    assert products[0] == {"sku": "DSK-OAK-140", "name": "Oak Desk 140 cm", "url": "/p/oak-desk-140",
                           "price": 1299.0, "in_stock": True}


def test_shipping_row(submission):
    """parse_shipping("products.html"): the Highlands row"""
    rows = submission.parse_shipping("products.html")
    assert rows[1] == {"zone": "Highlands & islands", "standard": 14.5, "express": None, "days": 5}
