import numpy as np
import pandas as pd
import pytest

COLUMNS = ["close", "short_ma", "long_ma", "position", "signal"]


def kind(value):
    return getattr(value, "type_name", type(value).__name__)


def reference_prices(data_dir):
    frame = pd.read_csv(data_dir / "prices.csv", parse_dates=["date"], index_col="date")
    return frame["close"].astype(float).sort_index()


def reference_signals(prices, short, long):
    frame = pd.DataFrame({"close": prices, "short_ma": prices.rolling(short).mean(),
                          "long_ma": prices.rolling(long).mean()})
    frame["position"] = (frame["short_ma"] > frame["long_ma"]).astype(int)
    frame["signal"] = frame["position"].diff().fillna(0).astype(int)
    return frame


def zigzag():
    """Fifty days of a price that rises, falls, rises again and goes flat."""
    values = ([100 + 2 * i for i in range(12)] + [124 - 3 * i for i in range(14)]
              + [85 + 2.5 * i for i in range(14)] + [120.0] * 10)
    return pd.Series([float(v) for v in values], index=pd.bdate_range("2023-03-01", periods=len(values)),
                     name="close")


def series(value, what, length):
    assert isinstance(value, pd.Series), f"{what} returned a {kind(value)}; return a pandas Series"
    assert len(value) == length, f"{what} returned the wrong number of values; return one per price"
    return value


def signals_frame(submission, prices, what, *args):
    frame = submission.crossover_signals(prices, *args)
    assert isinstance(frame, pd.DataFrame), f"crossover_signals of {what} returned a {kind(frame)}; return a DataFrame"
    missing = [c for c in COLUMNS if c not in frame.columns]
    assert not missing, f"crossover_signals of {what} has no column {missing[0]!r}; it needs {COLUMNS}"
    assert len(frame) == len(prices), (
        f"crossover_signals of {what} returned the wrong number of rows; keep one row per price, including the early "
        "rows where the averages are NaN"
    )
    return frame


# ------------------------------------------------------------------ load_prices


@pytest.mark.points(2)
def test_load_prices_dates_sorted(submission, data_dir):
    """load_prices returns a Series indexed by dates, sorted by date"""
    prices = submission.load_prices("prices.csv")
    expected = reference_prices(data_dir)
    series(prices, "load_prices", len(expected))
    assert isinstance(prices.index, pd.DatetimeIndex), (
        f"load_prices returned a Series indexed by {kind(prices.index)}; index it by the parsed dates "
        "(parse_dates=['date'], index_col='date')"
    )
    assert prices.index.is_monotonic_increasing, (
        "load_prices returned the rows in the file's order, which is not date order; sort by date (sort_index())"
    )
    assert list(prices.index) == list(expected.index), "load_prices has the wrong dates in its index"
    assert np.allclose(prices.to_numpy(dtype=float), expected.to_numpy()), (
        "load_prices has prices that don't match the close column of the file (for the same dates)"
    )


def test_load_prices_default(submission, data_dir):
    """load_prices() without an argument reads prices.csv"""
    prices = submission.load_prices()
    assert isinstance(prices, pd.Series) and len(prices) == len(reference_prices(data_dir)), (
        "load_prices() with no argument must read prices.csv: give path the default value \"prices.csv\""
    )


# ------------------------------------------------------------------ moving_average


@pytest.mark.points(2)
def test_moving_average_values(submission, data_dir):
    """moving_average is the rolling mean, NaN until the window is full"""
    prices = reference_prices(data_dir)
    for window in (5, 20, 1):
        shown = f"window {window}" if window > 1 else "a window of a single value"
        got = series(submission.moving_average(prices, window), f"moving_average with {shown}", len(prices))
        nan_count = int(got.isna().sum())
        assert nan_count == window - 1, (
            f"moving_average with {shown} has the wrong number of NaN values; the first window - 1 values must be "
            "NaN because the window isn't full yet: use prices.rolling(window).mean(), without min_periods"
        )
        expected = prices.rolling(window).mean()
        assert np.allclose(got.to_numpy(dtype=float)[window - 1:], expected.to_numpy()[window - 1:], rtol=1e-9), (
            f"moving_average with {shown} has wrong values; each is the mean of the current price "
            "and the window - 1 before it"
        )
        assert list(got.index) == list(prices.index), "moving_average must keep the index (the dates) of prices"


def test_moving_average_other_series(submission):
    """moving_average works on any Series it is given"""
    prices = zigzag()
    got = series(submission.moving_average(prices, 4), "moving_average of another Series", len(prices))
    assert np.allclose(got.to_numpy(dtype=float)[3:], prices.rolling(4).mean().to_numpy()[3:]), (
        "moving_average of another Series has wrong values; each value is the plain mean of the current price and "
        "the window - 1 before it, computed from the Series you are given"
    )


def test_moving_average_bad_window(submission, data_dir):
    """moving_average raises ValueError for a window smaller than 1"""
    prices = zigzag()
    for window, shown in ((0, "window 0"), (-3, "a negative window")):
        try:
            result = submission.moving_average(prices, window)
        except ValueError:
            continue
        except Exception as exc:  # noqa: BLE001
            raise AssertionError(f"moving_average with {shown} raised "
                                 f"{getattr(exc, 'type_name', type(exc).__name__)}; raise ValueError") from None
        raise AssertionError(f"moving_average with {shown} returned a {kind(result)}; raise ValueError")


# ------------------------------------------------------------------ crossover_signals


@pytest.mark.points(2)
def test_signal_columns(submission, data_dir):
    """crossover_signals has the five columns, in order, with the prices and both averages"""
    prices = reference_prices(data_dir)
    frame = signals_frame(submission, prices, "the file's prices")
    assert list(frame.columns) == COLUMNS, (
        f"crossover_signals has extra columns or its columns in another order; expected exactly {COLUMNS}"
    )
    expected = reference_signals(prices, 5, 20)
    assert list(frame.index) == list(prices.index), "crossover_signals must keep the dates of prices as its index"
    assert np.allclose(frame["close"].to_numpy(dtype=float), prices.to_numpy()), "the close column must hold the prices"
    for column, window in (("short_ma", 5), ("long_ma", 20)):
        got = frame[column].to_numpy(dtype=float)
        want = expected[column].to_numpy()
        assert np.array_equal(np.isnan(got), np.isnan(want)) and np.allclose(got[~np.isnan(want)], want[~np.isnan(want)]), (
            f"the {column} column is wrong; it is the {window}-value moving average (NaN until the window is full)"
        )


@pytest.mark.points(3)
def test_positions_and_signals(submission, data_dir):
    """position is 1 while the short average is above the long one; signal marks the changes"""
    prices = reference_prices(data_dir)
    frame = signals_frame(submission, prices, "the file's prices")
    expected = reference_signals(prices, 5, 20)
    position = frame["position"].to_numpy(dtype=float)
    assert not np.isnan(position).any(), "the position column has NaN values; it must be 0 or 1 on every row"
    assert np.array_equal(position, expected["position"].to_numpy()), (
        "the position column is wrong; it is 1 where short_ma > long_ma, otherwise 0"
    )
    signal = frame["signal"].to_numpy(dtype=float)
    assert not np.isnan(signal).any(), "the signal column has NaN values (the first row?); it must be 0 there"
    if np.array_equal(signal, -expected["signal"].to_numpy()):
        raise AssertionError("the signal column has buys and sells swapped: a buy (+1) is when position goes 0 → 1")
    assert np.array_equal(signal, expected["signal"].to_numpy()), (
        "the signal column is wrong; it is position minus the previous row's position (the first row is 0)"
    )


def test_positions_are_whole_numbers(submission, data_dir):
    """position and signal hold whole numbers"""
    frame = signals_frame(submission, zigzag(), "a price Series", 3, 8)
    for column in ("position", "signal"):
        values = frame[column]
        assert pd.api.types.is_integer_dtype(values.dtype), (
            f"the {column} column does not have an integer dtype; make it ints with .astype(int)"
        )


@pytest.mark.points(2)
def test_strictly_above(submission):
    """position is 0 when the averages are equal (a flat price)"""
    prices = zigzag()
    frame = signals_frame(submission, prices, "a price that ends flat", 3, 8)
    expected = reference_signals(prices, 3, 8)
    position = frame["position"].to_numpy(dtype=float)
    assert position[-1] == 0, (
        "position is 1 at the end of a flat stretch where both averages are equal; the short average must "
        "be strictly greater than the long one (>, not >=)"
    )
    assert np.array_equal(position, expected["position"].to_numpy()), (
        "crossover_signals with windows other than the defaults has wrong positions; use the short and long "
        "windows you are given"
    )
    assert np.array_equal(frame["signal"].to_numpy(dtype=float), expected["signal"].to_numpy()), (
        "crossover_signals with windows other than the defaults has wrong signals"
    )


def test_bad_windows(submission):
    """crossover_signals raises ValueError unless short < long"""
    for short, long, shown in ((20, 5, "short larger than long"), (10, 10, "short equal to long")):
        try:
            result = submission.crossover_signals(zigzag(), short, long)
        except ValueError:
            continue
        except Exception as exc:  # noqa: BLE001
            raise AssertionError(f"crossover_signals with {shown} raised "
                                 f"{getattr(exc, 'type_name', type(exc).__name__)}; raise ValueError") from None
        raise AssertionError(f"crossover_signals with {shown} returned a {kind(result)}; "
                             "raise ValueError when short is not smaller than long")


# ------------------------------------------------------------------ trades


@pytest.mark.points(3)
def test_trades(submission, data_dir):
    """trades lists every buy and sell with its date and price, in date order"""
    for prices, args, what in ((reference_prices(data_dir), (), "the file's prices"), (zigzag(), (3, 8), "another Series")):
        got = submission.trades(prices, *args)
        assert isinstance(got, list), f"trades of {what} returned a {kind(got)}; return a list of dicts"
        frame = reference_signals(prices, *(args or (5, 20)))
        events = frame[frame["signal"] != 0]
        expected = [(date, "buy" if s > 0 else "sell", c) for date, s, c in zip(events.index, events["signal"], events["close"])]
        assert len(got) == len(expected), (
            f"trades of {what} returned the wrong number of trades; return one per non-zero signal"
        )
        for number, (trade, (date, action, price)) in enumerate(zip(got, expected), start=1):
            assert isinstance(trade, dict) and {"date", "action", "price"} <= set(trade), (
                f"trades of {what}: trade {number} is a {kind(trade)} without all of the keys date, action and "
                "price; each trade must be a dict with those keys"
            )
            assert not isinstance(trade["date"], str), "a trade's date is text; use the index value (a Timestamp)"
            assert pd.Timestamp(trade["date"]) == date, f"trades of {what}: a trade has the wrong date, or they are out of order"
            assert trade["action"] == action, (
                f"trades of {what}: trade {number} has the wrong action; a signal of +1 is a \"buy\", -1 a \"sell\""
            )
            assert isinstance(trade["price"], (int, float, np.number)) and abs(float(trade["price"]) - price) < 1e-9, (
                f"trades of {what}: trade {number} has the wrong price; use that day's close"
            )
