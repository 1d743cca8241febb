import math

import numpy as np
import pandas as pd
import pytest


def type_name(value):
    if value is None:
        return "None"
    return "a " + getattr(value, "type_name", type(value).__name__)


def fetch(submission, name, what):
    try:
        return submission.get(name)
    except AttributeError:
        raise AssertionError(f"the notebook defines no variable `{name}`; store {what} in it") from None


def rain(data_dir):
    return pd.read_csv(data_dir / "rainfall_wide.csv")


def sales(data_dir):
    return pd.read_csv(data_dir / "sales_long.csv")


def other_wide():
    """Other stations and other months, with two gaps."""
    return pd.DataFrame({
        "station": ["Evora", "Sines", "Tomar"],
        "Sep": [4.0, np.nan, 9.5],
        "Oct": [30.0, 12.5, 41.0],
        "Nov": [np.nan, 40.0, 66.6],
        "Dec": [70.2, 55.0, 80.8],
    })


def cells(wide):
    """{(station, month): value} of a wide table with a station column."""
    return {(s, m): v for s, row in wide.set_index("station").iterrows() for m, v in row.items()}


def check_long(table, wide, what):
    assert isinstance(table, pd.DataFrame), f"{what} is {type_name(table)}; it must be a DataFrame"
    columns = sorted(map(str, table.columns))
    if "variable" in columns or "value" in columns:
        raise AssertionError(
            f"{what} has a variable or value column; name them month and rain_mm (melt's var_name and value_name)"
        )
    assert columns == ["month", "rain_mm", "station"], (
        f"{what} has other columns; it needs exactly station, month and rain_mm"
    )
    want = cells(wide)
    got = {}
    for s, m, v in zip(table["station"], table["month"], table["rain_mm"]):
        assert (s, m) not in got, f"{what} lists a station and month twice; one row per station and month"
        got[(s, m)] = v
    lost = [k for k in want if k not in got]
    if lost:
        gaps = [k for k in lost if isinstance(want[k], float) and math.isnan(want[k])]
        assert len(gaps) < len(lost), (
            f"{what} leaves out the missing measurements; keep them as NaN rows (no dropna)"
        )
        raise AssertionError(f"{what} lacks a station and month of the table; one row per station and month")
    extra = [k for k in got if k not in want]
    assert not extra, f"{what} has a row for a station and month that is not in the table"
    for key, value in want.items():
        if math.isnan(value):
            assert pd.isna(got[key]), f"{what}: a missing measurement must stay NaN"
        else:
            assert not pd.isna(got[key]) and math.isclose(float(got[key]), value), (
                f"{what}: the rain of some station and month is not the table's value"
            )


@pytest.mark.points(2)
def test_to_long(submission, data_dir):
    """to_long turns each station and month into a row, missing values included"""
    for wide, what in ((rain(data_dir), "rainfall_wide.csv"), (other_wide(), "another table")):
        table = submission.to_long(wide)
        check_long(table, wide, f"to_long(<{what}>)")


def test_rain_long(submission, data_dir):
    """rain_long is the long rainfall table"""
    check_long(fetch(submission, "rain_long", "to_long(rain_wide)"), rain(data_dir), "rain_long")


def test_wettest_month(submission, data_dir):
    """wettest_month names each station's rainiest month"""
    value = fetch(submission, "wettest_month", "each station's month with the most rain")
    if isinstance(value, pd.Series):
        value = value.to_dict()
    assert isinstance(value, dict), f"wettest_month is {type_name(value)}; make it a dict station -> month"
    want = rain(data_dir).set_index("station").idxmax(axis=1).to_dict()
    assert sorted(map(str, value)) == sorted(want), "wettest_month must have one entry per station of the file"
    numbers = [v for v in value.values() if not isinstance(v, str)]
    assert not numbers, "wettest_month holds amounts of rain; give the month's name, such as 'Feb' (idxmax)"
    wrong = [s for s in want if value[s] != want[s]]
    assert not wrong, f"wettest_month[{wrong[0]!r}] is not the month with the most rain at that station"


@pytest.mark.points(2)
def test_back_to_wide(submission, data_dir):
    """back_to_wide has the stations as rows and the months in calendar order"""
    value = fetch(submission, "back_to_wide", "rain_long pivoted back to wide")
    assert isinstance(value, pd.DataFrame), f"back_to_wide is {type_name(value)}; it must be a DataFrame"
    wide = rain(data_dir)
    if "station" in value.columns:
        value = value.set_index("station")
    months = list(wide.columns[1:])
    columns = [str(c) for c in value.columns]
    assert sorted(columns) == sorted(months), (
        f"back_to_wide has other columns; one column per month, {months} (stations as the index)"
    )
    assert columns == months, (
        f"back_to_wide's months are out of order; put them in calendar order, {months} — pivot "
        "sorts them alphabetically"
    )
    assert sorted(map(str, value.index)) == sorted(wide["station"]), "back_to_wide must have one row per station"
    got = value.reindex(wide["station"])
    want = wide.set_index("station")
    assert np.allclose(got.astype(float).to_numpy(), want.to_numpy(), equal_nan=True), (
        "back_to_wide's values differ from rainfall_wide.csv (the missing April measurement stays NaN)"
    )


@pytest.mark.points(3)
def test_units_wide(submission, data_dir):
    """units_wide totals the units per product and region, 0 where nothing was sold"""
    value = fetch(submission, "units_wide", "the units per product and region")
    assert isinstance(value, pd.DataFrame), f"units_wide is {type_name(value)}; it must be a DataFrame"
    if "product" in value.columns:
        value = value.set_index("product")
    lines = sales(data_dir)
    want = lines.pivot_table(index="product", columns="region", values="units", aggfunc="sum", fill_value=0)
    if isinstance(value.columns, pd.MultiIndex):
        value.columns = value.columns.get_level_values(-1)
    assert sorted(map(str, value.index)) == sorted(want.index), (
        "units_wide must have one row per product of the file, as the index"
    )
    assert sorted(map(str, value.columns)) == sorted(want.columns), (
        "units_wide must have one column per region of the file"
    )
    got = value.reindex(index=want.index, columns=want.columns).astype(float).to_numpy()
    known = ~np.isnan(got)
    if not np.allclose(got[known], want.to_numpy()[known]):
        for aggfunc, hint in (("mean", "units_wide holds averages: pivot_table's default aggfunc is the mean — "
                                       "use aggfunc='sum'"),
                              ("count", "units_wide counts the sales lines; add up their units")):
            other = lines.pivot_table(index="product", columns="region", values="units", aggfunc=aggfunc)
            other = other.reindex(index=want.index, columns=want.columns).to_numpy()
            both = known & ~np.isnan(other)
            assert not np.allclose(got[both], other[both]), hint
        raise AssertionError("units_wide does not hold the total units of each product and region")
    assert known.all(), "units_wide has NaN where a product was never sold in a region; show 0 (fill_value=0)"
