import numpy as np
import pandas as pd
import pytest

COLUMNS = ["listing_id", "city", "district", "bedrooms", "area_m2", "rent", "pets"]


def load(data_dir):
    return pd.read_csv(data_dir / "listings.csv")


def type_name(value):
    if value is None:
        return "None"
    return "a " + getattr(value, "type_name", type(value).__name__)


def fetch(submission, name, what):
    try:
        return submission.get(name)
    except AttributeError:
        raise AssertionError(f"the notebook defines no variable `{name}`; store {what} in it") from None


def ids(frame):
    """The listing ids of a result, whether listing_id is a column or the index."""
    if "listing_id" in frame.columns:
        return [int(v) for v in frame["listing_id"]]
    return [int(v) for v in frame.index]


def as_frame(value, name, what):
    assert isinstance(value, pd.DataFrame), f"{name} is {type_name(value)}; it must be a DataFrame ({what})"
    assert "listing_id" in value.columns or value.index.name == "listing_id", (
        f"{name} has no listing_id column; keep every column"
    )
    return value


def other_listings():
    """Listings in other cities, with ties on rent and ids out of order."""
    return pd.DataFrame({
        "listing_id": [58, 12, 40, 33, 71, 26, 64],
        "city": ["Faro", "Faro", "Coimbra", "Faro", "Faro", "Coimbra", "Faro"],
        "district": ["Sé", "Montenegro", "Baixa", "Sé", "Gambelas", "Baixa", "Sé"],
        "bedrooms": [2, 1, 2, 3, 2, 1, 0],
        "area_m2": [70, 52, 75, 98, 66, 45, 30],
        "rent": [880, 700, 760, 880, 880, 610, 540],
        "pets": ["no", "yes", "yes", "no", "yes", "no", "yes"],
    })


# ------------------------------------------------------------------------------------ first_rows


def test_first_rows(submission, data_dir):
    """first_rows holds the first 5 listings with listing_id, city and rent"""
    value = as_frame(fetch(submission, "first_rows", "the first 5 rows with three columns"), "first_rows",
                     "the first 5 rows")
    columns = [str(c) for c in value.columns]
    assert columns == ["listing_id", "city", "rent"], (
        "first_rows has other columns; keep only listing_id, city and rent, in that order"
    )
    expected = load(data_dir).head(5)
    assert len(value) == 5, "first_rows does not have 5 rows; keep the first 5"
    assert ids(value) == list(expected["listing_id"]), (
        "first_rows does not hold the first 5 rows of the file; take them in the file's order (head or iloc), "
        "don't sort"
    )
    assert list(value["rent"]) == list(expected["rent"]) and list(value["city"]) == list(expected["city"]), (
        "first_rows' values differ from the file"
    )


# ------------------------------------------------------------------------------------ search


def expected_search(df, city, max_rent, min_bedrooms=0):
    mask = (df["city"] == city) & (df["rent"] <= max_rent) & (df["bedrooms"] >= min_bedrooms)
    return df[mask].sort_values(["rent", "listing_id"])


def check_search(submission, df, what, city, max_rent, *more):
    call = f"search() on {what}"
    result = submission.search(df, city, max_rent, *more)
    assert isinstance(result, pd.DataFrame), f"{call} returned {type_name(result)}; it must return a DataFrame"
    assert "listing_id" in result.columns, f"{call} returned a DataFrame without listing_id; keep every column"
    expected = expected_search(df, city, max_rent, *more)
    got, want = ids(result), list(expected["listing_id"])
    if got == want:
        return result, expected, call
    min_bedrooms = more[0] if more else 0
    chosen = df[df["listing_id"].isin(got)]
    assert (chosen["city"] == city).all(), f"{call} returned listings from other cities; keep only the city asked for"
    assert (chosen["rent"] <= max_rent).all(), f"{call} returned listings that cost more than max_rent"
    assert (chosen["bedrooms"] >= min_bedrooms).all(), f"{call} returned listings with fewer than min_bedrooms bedrooms"
    missing = expected[~expected["listing_id"].isin(got)]
    assert not (len(missing) and (missing["rent"] == max_rent).any()), (
        f"{call} left out listings whose rent is exactly max_rent; 'at most' means <="
    )
    assert not (len(missing) and (missing["bedrooms"] == min_bedrooms).any()), (
        f"{call} left out listings with exactly min_bedrooms bedrooms; 'at least' means >="
    )
    assert sorted(got) == sorted(want), f"{call} returned the wrong listings"
    rents = [int(r) for r in df.set_index("listing_id").loc[got, "rent"]]
    assert rents == sorted(rents), f"{call} is not sorted by rent, the cheapest first"
    raise AssertionError(
        f"{call} orders listings with the same rent wrongly; sort by rent, then by listing_id"
    )


@pytest.mark.points(2)
def test_search_bounds(submission, data_dir):
    """search keeps rents of at most max_rent and at least min_bedrooms bedrooms"""
    df = load(data_dir)
    for city, max_rent, min_bedrooms in (("Porto", 1040, 2), ("Braga", 800, 1), ("Lisbon", 1160, 0)):
        check_search(submission, df, "listings", city, max_rent, min_bedrooms)


def test_search_default(submission, data_dir):
    """search without min_bedrooms accepts any number of bedrooms"""
    df = load(data_dir)
    check_search(submission, df, "listings", "Braga", 930)
    check_search(submission, other_listings(), "other listings", "Faro", 700)


@pytest.mark.points(2)
def test_search_sorted(submission, data_dir):
    """search sorts by rent, and by listing_id when rents are equal"""
    check_search(submission, load(data_dir), "listings", "Lisbon", 1300, 2)
    check_search(submission, other_listings(), "other listings", "Faro", 900, 2)


def test_search_columns(submission, data_dir):
    """search returns every column with its values unchanged"""
    df = load(data_dir)
    result, expected, call = check_search(submission, df, "listings", "Porto", 1200, 1)
    assert sorted(map(str, result.columns)) == sorted(COLUMNS), (
        f"{call} returned other columns than the table's; keep all of {COLUMNS}"
    )
    same = result[COLUMNS].reset_index(drop=True).astype(str).equals(expected[COLUMNS].reset_index(drop=True).astype(str))
    assert same, f"{call} changed some values; select and sort rows without modifying them"


def test_search_no_match(submission, data_dir):
    """search with no match returns an empty DataFrame with every column"""
    df = load(data_dir)
    for city, max_rent in (("Madrid", 5000), ("Lisbon", 300)):
        call = "search() on the listings"
        result = submission.search(df, city, max_rent)
        assert isinstance(result, pd.DataFrame), f"{call} returned {type_name(result)}; return a DataFrame"
        assert len(result) == 0, f"{call} returned rows although nothing matches; it must be empty"
        assert sorted(map(str, result.columns)) == sorted(COLUMNS), (
            f"{call} returned other columns than the table's; an empty result keeps every column"
        )


# ------------------------------------------------------------------------------------ variables


def check_rows(value, name, expected, hint):
    got, want = ids(value), list(expected["listing_id"])
    assert sorted(got) == sorted(want), f"{name} holds the wrong listings; {hint}"
    assert got == want, f"{name} holds the right listings in another order; keep the file's order"
    columns = [str(c) for c in value.columns if c != "listing_id"]
    assert sorted(columns) == sorted(c for c in COLUMNS if c != "listing_id"), (
        f"{name} has other columns than the file's; keep every column"
    )


@pytest.mark.points(2)
def test_big_or_cheap(submission, data_dir):
    """big_or_cheap keeps listings that are big or cheap (either is enough)"""
    df = load(data_dir)
    value = as_frame(fetch(submission, "big_or_cheap", "the big or cheap listings"), "big_or_cheap",
                     "the big or cheap listings")
    expected = df[(df["area_m2"] >= 90) | (df["rent"] < 800)]
    both = df[(df["area_m2"] >= 90) & (df["rent"] < 800)]
    assert ids(value) != list(both["listing_id"]) or ids(value) == list(expected["listing_id"]), (
        "big_or_cheap only keeps listings that are big AND cheap; 'or' is |"
    )
    chosen = df[df["listing_id"].isin(ids(value))]
    assert not ((chosen["area_m2"] < 90) & (chosen["rent"] >= 800)).any(), (
        "big_or_cheap holds listings that are neither 90 m² or more nor below 800"
    )
    missing = expected[~expected["listing_id"].isin(ids(value))]
    assert not ((missing["area_m2"] == 90) & (missing["rent"] >= 800)).any(), (
        "big_or_cheap leaves out listings of exactly 90 m²; 'at least 90' means >= 90"
    )
    check_rows(value, "big_or_cheap", expected, "keep listings with area_m2 >= 90 or rent < 800")


def test_pet_friendly_north(submission, data_dir):
    """pet_friendly_north keeps the Porto and Braga listings that allow pets"""
    df = load(data_dir)
    value = as_frame(fetch(submission, "pet_friendly_north", "the pet-friendly listings of Porto and Braga"),
                     "pet_friendly_north", "the pet-friendly listings of Porto and Braga")
    expected = df[df["city"].isin(["Porto", "Braga"]) & (df["pets"] == "yes")]
    chosen = df[df["listing_id"].isin(ids(value))]
    assert chosen["city"].isin(["Porto", "Braga"]).all(), "pet_friendly_north holds listings outside Porto and Braga"
    assert (chosen["pets"] == "yes").all(), "pet_friendly_north holds listings whose pets is not 'yes'"
    check_rows(value, "pet_friendly_north", expected, "keep the listings in Porto or Braga with pets == 'yes'")


def test_priciest_lisbon(submission, data_dir):
    """priciest_lisbon is the listing_id of Lisbon's most expensive flat"""
    df = load(data_dir)
    value = fetch(submission, "priciest_lisbon", "the listing_id of the priciest Lisbon flat")
    lisbon = df[df["city"] == "Lisbon"]
    label = lisbon["rent"].idxmax()
    expected = int(lisbon.loc[label, "listing_id"])
    assert isinstance(value, (int, np.integer)) and not isinstance(value, bool), (
        f"priciest_lisbon is {type_name(value)}; it must be a listing_id (a number)"
    )
    value = int(value)
    assert value != label or value == expected, (
        "priciest_lisbon is the row's index label, not its listing_id; read the listing_id column of that row"
    )
    assert value == expected, "priciest_lisbon is not the listing_id of the most expensive Lisbon listing"
