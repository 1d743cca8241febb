"""Does the channel's encoding carry plain data exactly and nothing else?"""

from __future__ import annotations

import datetime as dt
import decimal
import math

import numpy as np
import pandas as pd
import pytest
from gradekit import codec


def roundtrip(value):
    handles = []

    def make_handle(obj):
        handles.append(obj)
        return {"$t": "handle", "id": len(handles), "type": type(obj).__name__}

    return codec.decode(codec.encode(value, make_handle), lambda info: ("remote", info["type"]))


@pytest.mark.parametrize(
    "value",
    [None, True, 0, -7, 2**80, 1.5, "text", [1, [2]], (1, "a"), {1, 2}, frozenset({3}), b"\x00\xff",
     {"a": 1, 2: (3,)}, 1 + 2j, decimal.Decimal("1.10"), dt.date(2024, 2, 29),
     dt.datetime(2024, 1, 1, 12, 30), dt.timedelta(days=1, seconds=3)],
)
def test_plain_values_round_trip(value):
    """Does each plain value come back equal and of the same type?"""
    result = roundtrip(value)
    assert result == value
    assert type(result) is type(value)


def test_special_floats_round_trip():
    """Do NaN and infinities survive?"""
    assert math.isnan(roundtrip(float("nan")))
    assert roundtrip(float("-inf")) == float("-inf")


def test_numpy_arrays_round_trip():
    """Do numpy arrays keep dtype, shape and values?"""
    array = np.arange(12, dtype=np.int32).reshape(3, 4)
    result = roundtrip(array)
    assert result.dtype == np.int32 and result.shape == (3, 4)
    assert (result == array).all()


def test_dataframes_round_trip():
    """Do DataFrames keep columns, index, dtypes and values, including dates and missing values?"""
    frame = pd.DataFrame(
        {"city": ["Oslo", "Lima", None], "sales": [1.5, np.nan, 3.0], "n": [1, 2, 3],
         "day": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-03"])},
        index=pd.Index(["a", "b", "c"], name="key"),
    )
    pd.testing.assert_frame_equal(roundtrip(frame), frame)


def test_series_and_multiindex_round_trip():
    """Do Series with a MultiIndex survive?"""
    series = pd.Series([1, 2], index=pd.MultiIndex.from_tuples([("a", 1), ("b", 2)], names=["x", "y"]), name="v")
    pd.testing.assert_series_equal(roundtrip(series), series)


def test_objects_that_equal_everything_become_handles():
    """Is an object with a hostile __eq__ sent as an opaque handle, not as a value?"""

    class Liar:
        def __eq__(self, other):
            return True

    assert roundtrip(Liar()) == ("remote", "Liar")


def test_subclasses_of_plain_types_travel_as_plain_values():
    """Does an int or str subclass with a hostile __eq__ arrive as a plain int or str?"""

    class Sneaky(int):
        def __eq__(self, other):
            return True

    class SneakyStr(str):
        def __eq__(self, other):
            return True

    assert type(roundtrip(Sneaky(3))) is int and roundtrip(Sneaky(3)) != 4
    assert type(roundtrip(SneakyStr("a"))) is str and roundtrip(SneakyStr("a")) != "b"


def test_self_referencing_values_are_refused():
    """Is a list that contains itself refused instead of recursing forever?"""
    loop: list = []
    loop.append(loop)
    with pytest.raises(codec.EncodeError):
        roundtrip(loop)


def test_object_arrays_are_never_sent_as_raw_bytes():
    """Is a forged object-dtype byte array refused by the decoder?"""
    forged = {"$t": "ndarray", "dtype": "|O", "shape": [1], "v": "AAAAAAAAAAA="}
    with pytest.raises(codec.DecodeError):
        codec.decode(forged, lambda info: None)


def test_unknown_tags_are_refused():
    """Is a message with an unknown tag refused?"""
    with pytest.raises(codec.DecodeError):
        codec.decode({"$t": "pickle", "v": "..."}, lambda info: None)
