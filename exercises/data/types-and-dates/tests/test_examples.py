import pandas as pd


def test_dates_parsed(submission):
    """trips: start and end are dates, read day first"""
    trips = submission.get("trips")
    assert isinstance(trips, pd.DataFrame), "trips must be a DataFrame"
    assert pd.api.types.is_datetime64_any_dtype(trips["start"]), "start must hold dates"
    assert trips["start"].iloc[0] == pd.Timestamp("2024-03-01 11:46"), "the first trip starts on the 1st of March"


def test_minutes_example(submission):
    """trips: the first trip lasts 38 minutes"""
    trips = submission.get("trips")
    assert isinstance(trips, pd.DataFrame), "trips must be a DataFrame"
    assert "minutes" in trips.columns, "add a minutes column to trips"
    assert float(trips["minutes"].iloc[0]) == 38.0


def test_by_weekday_example(submission):
    """by_weekday lists the seven days in calendar order"""
    by_weekday = submission.get("by_weekday")
    assert isinstance(by_weekday, pd.Series), "by_weekday must be a Series"
    assert list(by_weekday.index) == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
