import pandas as pd


def test_products(submission):
    """products has the 12 products, with the supplier flattened"""
    products = submission.get("products")
    assert isinstance(products, pd.DataFrame), "products must be a DataFrame"
    assert len(products) == 12
    assert "supplier_name" in products.columns, "flatten the supplier into supplier_name and supplier_country"
    assert list(products["sku"])[:3] == ["CH-01", "CH-02", "DK-01"]


def test_reviews(submission):
    """reviews has one row per line of reviews.jsonl"""
    reviews = submission.get("reviews")
    assert isinstance(reviews, pd.DataFrame), "reviews must be a DataFrame"
    assert len(reviews) == 30


def test_ratings_example(submission):
    """ratings: CH-01 has 5 reviews averaging 4.2 stars"""
    ratings = submission.get("ratings")
    assert isinstance(ratings, pd.DataFrame), "ratings must be a DataFrame"
    if "sku" in ratings.columns:
        ratings = ratings.set_index("sku")
    assert int(ratings.loc["CH-01", "reviews"]) == 5
    assert round(float(ratings.loc["CH-01", "mean_stars"]), 2) == 4.2
