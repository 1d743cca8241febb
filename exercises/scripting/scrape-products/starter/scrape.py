from bs4 import BeautifulSoup


def parse_products(path):
    """One dict per product card in the results section: sku, name, url, price, in_stock."""
    # TODO
    raise NotImplementedError


def parse_shipping(path):
    """The rows of the #shipping table as dicts: zone, standard, express, days."""
    # TODO
    raise NotImplementedError
