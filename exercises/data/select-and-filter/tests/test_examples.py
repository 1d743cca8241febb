import numpy as np
import pandas as pd


def test_first_rows(submission):
    """first_rows: 5 rows, three columns"""
    first_rows = submission.get("first_rows")
    assert isinstance(first_rows, pd.DataFrame), "first_rows must be a DataFrame"
    assert list(first_rows.columns) == ["listing_id", "city", "rent"]
    assert len(first_rows) == 5


def test_search_example(submission, data_dir):
    """search(listings, "Braga", 700) finds the three cheapest flats of Braga"""
    listings = pd.read_csv(data_dir / "listings.csv")
    result = submission.search(listings, "Braga", 700)
    assert isinstance(result, pd.DataFrame), "search must return a DataFrame"
    assert list(result["listing_id"]) == [103, 106, 130]


def test_priciest_lisbon(submission):
    """priciest_lisbon is a listing id"""
    value = submission.get("priciest_lisbon")
    assert isinstance(value, (int, np.integer)), "priciest_lisbon must be a number"
    assert 101 <= value <= 132, "listing ids go from 101 to 132"
