import pandas as pd


def test_rain_long_shape(submission):
    """rain_long has one row per station and month"""
    rain_long = submission.get("rain_long")
    assert isinstance(rain_long, pd.DataFrame), "rain_long must be a DataFrame"
    assert sorted(rain_long.columns) == ["month", "rain_mm", "station"]
    assert len(rain_long) == 5 * 6, "5 stations x 6 months"


def test_back_to_wide_columns(submission):
    """back_to_wide has the months in calendar order"""
    back = submission.get("back_to_wide")
    assert isinstance(back, pd.DataFrame), "back_to_wide must be a DataFrame"
    assert list(back.columns) == ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]


def test_units_wide_example(submission):
    """units_wide: 52 kettles were sold in the South"""
    units = submission.get("units_wide")
    assert isinstance(units, pd.DataFrame), "units_wide must be a DataFrame"
    if "product" in units.columns:
        units = units.set_index("product")
    assert int(units.loc["Kettle", "South"]) == 52
