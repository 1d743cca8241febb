"""Plain-data encoding for the harness/subject channel: JSON with tagged values, never pickle.

The subject encodes whatever the learner's code returned; the harness decodes it into real
built-in, numpy or pandas objects that it builds itself. Anything that is not plain data is sent as
an opaque handle, so a comparison is never delegated to learner code.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import fractions
import math
from collections.abc import Callable
from typing import Any

MAX_DEPTH = 64
# numpy dtype kinds that are plain bytes; object ("O") and structured ("V") never cross as bytes
SAFE_DTYPE_KINDS = set("biufcMmUS")


class EncodeError(ValueError):
    """A value cannot be encoded (too deep, too big, or a broken object)."""


class DecodeError(ValueError):
    """A message does not follow the encoding."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise DecodeError("expected base64 text")
    return base64.b64decode(text, validate=True)


# ---------------------------------------------------------------- encoding (subject side)


def encode(value: Any, make_handle: Callable[[Any], dict[str, Any]], depth: int = 0) -> Any:
    """Encode `value` into JSON-ready data; non-plain objects become `make_handle(value)`."""
    if depth > MAX_DEPTH:
        raise EncodeError("the value is nested too deeply (or refers to itself)")
    t = type(value)
    if value is None or t is bool or t is str:
        return value
    if t is int:
        return value
    if t is float:
        return value if math.isfinite(value) else {"$t": "float", "v": repr(value)}
    if isinstance(value, bool):
        return bool.__bool__(value)
    if isinstance(value, int):  # int subclasses travel as their plain integer value
        return int.__index__(value)
    if isinstance(value, float):
        return encode(float.__float__(value), make_handle, depth)
    if isinstance(value, str):
        return str.__str__(value)
    sub = depth + 1
    if isinstance(value, list):
        return [encode(v, make_handle, sub) for v in list.__iter__(value)]
    if isinstance(value, tuple):
        return {"$t": "tuple", "v": [encode(v, make_handle, sub) for v in tuple.__iter__(value)]}
    if isinstance(value, dict):
        pairs = [[encode(k, make_handle, sub), encode(v, make_handle, sub)] for k, v in dict.items(value)]
        return {"$t": "dict", "v": pairs}
    if isinstance(value, set | frozenset):
        tag = "frozenset" if isinstance(value, frozenset) else "set"
        return {"$t": tag, "v": [encode(v, make_handle, sub) for v in value]}
    if isinstance(value, bytes | bytearray):
        return {"$t": "bytes", "v": _b64(bytes(value))}
    if isinstance(value, complex):
        return {"$t": "complex", "v": [encode(value.real, make_handle), encode(value.imag, make_handle)]}
    if isinstance(value, decimal.Decimal):
        return {"$t": "decimal", "v": str(value)}
    if isinstance(value, fractions.Fraction):
        return {"$t": "fraction", "v": [value.numerator, value.denominator]}
    encoded = _encode_dates(value) or _encode_scientific(value, make_handle, sub)
    if encoded is not None:
        return encoded
    return make_handle(value)


def _encode_dates(value: Any) -> dict[str, Any] | None:
    module = type(value).__module__
    if module.startswith("pandas"):
        return None
    if isinstance(value, dt.datetime):
        return {"$t": "datetime", "v": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$t": "date", "v": value.isoformat()}
    if isinstance(value, dt.time):
        return {"$t": "time", "v": value.isoformat()}
    if isinstance(value, dt.timedelta):
        return {"$t": "timedelta", "v": [value.days, value.seconds, value.microseconds]}
    return None


def _encode_scientific(value: Any, make_handle: Callable[[Any], dict[str, Any]], depth: int) -> Any:
    import sys

    np = sys.modules.get("numpy")
    pd = sys.modules.get("pandas")
    if np is not None:
        if isinstance(value, np.ndarray):
            return _encode_array(value, make_handle, depth)
        if isinstance(value, np.generic):
            return {"$t": "npscalar", "dtype": value.dtype.str, "v": encode(value.item(), make_handle, depth)}
    if pd is not None:
        if value is pd.NaT:
            return {"$t": "nat"}
        if value is pd.NA:
            return {"$t": "na"}
        if isinstance(value, pd.Timestamp):
            return {"$t": "timestamp", "v": value.isoformat(), "tz": str(value.tz) if value.tz else None}
        if isinstance(value, pd.Timedelta):
            return {"$t": "pdtimedelta", "v": int(value.value)}
        if isinstance(value, pd.DataFrame):
            return {
                "$t": "dataframe",
                "columns": _encode_index(value.columns, make_handle, depth),
                "index": _encode_index(value.index, make_handle, depth),
                "data": [_encode_values(value.iloc[:, i], make_handle, depth) for i in range(value.shape[1])],
            }
        if isinstance(value, pd.Series):
            return {
                "$t": "series",
                "name": encode(value.name, make_handle, depth),
                "index": _encode_index(value.index, make_handle, depth),
                "values": _encode_values(value, make_handle, depth),
            }
        if isinstance(value, pd.Index):
            return _encode_index(value, make_handle, depth)
    return None


def _encode_array(array: Any, make_handle: Callable[[Any], dict[str, Any]], depth: int) -> dict[str, Any]:
    import numpy as np

    if array.dtype.kind in SAFE_DTYPE_KINDS:
        data = np.ascontiguousarray(array)
        return {"$t": "ndarray", "dtype": data.dtype.str, "shape": list(data.shape), "v": _b64(data.tobytes())}
    items = [encode(v, make_handle, depth) for v in array.ravel(order="C").tolist()]
    return {"$t": "ndarray", "dtype": "object", "shape": list(array.shape), "v": items}


def _encode_values(series: Any, make_handle: Callable[[Any], dict[str, Any]], depth: int) -> dict[str, Any]:
    import numpy as np

    dtype = series.dtype
    if isinstance(dtype, np.dtype) and dtype.kind in SAFE_DTYPE_KINDS:
        return {"dtype": str(dtype), "array": _encode_array(series.to_numpy(), make_handle, depth)}
    items = [encode(v, make_handle, depth) for v in series.astype(object).tolist()]
    return {"dtype": str(dtype), "items": items}


def _encode_index(index: Any, make_handle: Callable[[Any], dict[str, Any]], depth: int) -> dict[str, Any]:
    import pandas as pd

    if isinstance(index, pd.RangeIndex):
        return {"$t": "rangeindex", "v": [index.start, index.stop, index.step], "name": encode(index.name, make_handle)}
    if isinstance(index, pd.MultiIndex):
        tuples = [encode(tuple(t), make_handle, depth) for t in index.tolist()]
        return {"$t": "multiindex", "v": tuples, "names": [encode(n, make_handle) for n in index.names]}
    return {"$t": "index", "values": _encode_values(index.to_series(), make_handle, depth),
            "name": encode(index.name, make_handle)}


# ---------------------------------------------------------------- decoding (harness side)


def decode(data: Any, make_remote: Callable[[dict[str, Any]], Any], depth: int = 0) -> Any:
    """Rebuild a value from `encode`'s output; handles become `make_remote(info)`."""
    if depth > MAX_DEPTH + 8:
        raise DecodeError("value nested too deeply")
    if data is None or type(data) in (bool, int, float, str):
        return data
    sub = depth + 1
    if type(data) is list:
        return [decode(v, make_remote, sub) for v in data]
    if type(data) is not dict or "$t" not in data:
        raise DecodeError(f"unexpected value of type {type(data).__name__}")
    tag = data["$t"]
    decoder = _DECODERS.get(tag)
    if decoder is None:
        raise DecodeError(f"unknown tag {tag!r}")
    return decoder(data, make_remote, sub)


def _items(data: dict[str, Any], make_remote: Callable[[dict[str, Any]], Any], depth: int) -> list[Any]:
    values = data.get("v")
    if type(values) is not list:
        raise DecodeError("expected a list")
    return [decode(v, make_remote, depth) for v in values]


def _decode_float(data: dict[str, Any], *_: Any) -> float:
    text = data.get("v")
    if text not in ("nan", "inf", "-inf"):
        raise DecodeError("bad float")
    return float(str(text))


def _decode_dict(data: dict[str, Any], make_remote: Callable[[dict[str, Any]], Any], depth: int) -> dict[Any, Any]:
    result = {}
    for pair in data.get("v", []):
        if type(pair) is not list or len(pair) != 2:
            raise DecodeError("bad dict entry")
        result[decode(pair[0], make_remote, depth)] = decode(pair[1], make_remote, depth)
    return result


def _safe_dtype(text: Any) -> Any:
    import numpy as np

    if not isinstance(text, str):
        raise DecodeError("bad dtype")
    dtype = np.dtype(text)
    if dtype.kind not in SAFE_DTYPE_KINDS or dtype.fields is not None:
        raise DecodeError(f"dtype {text!r} is not allowed")
    return dtype


def _decode_array(data: dict[str, Any], make_remote: Callable[[dict[str, Any]], Any], depth: int) -> Any:
    import numpy as np

    shape = data.get("shape")
    if type(shape) is not list or not all(type(n) is int and n >= 0 for n in shape):
        raise DecodeError("bad shape")
    if data.get("dtype") == "object":
        items = _items(data, make_remote, depth)
        array = np.empty(len(items), dtype=object)
        array[:] = items
        return array.reshape(shape)
    dtype = _safe_dtype(data.get("dtype"))
    raw = _unb64(data.get("v"))
    return np.frombuffer(raw, dtype=dtype).reshape(shape).copy()


def _decode_values(values: Any, make_remote: Callable[[dict[str, Any]], Any], depth: int) -> Any:
    import pandas as pd

    if type(values) is not dict or not isinstance(values.get("dtype"), str):
        raise DecodeError("bad column")
    if "array" in values:
        return _decode_array(values["array"], make_remote, depth)
    items = [decode(v, make_remote, depth) for v in values.get("items", [])]
    dtype = values["dtype"]
    try:
        return pd.array(items, dtype=None if dtype == "object" else dtype)
    except (TypeError, ValueError):
        return pd.array(items, dtype=object)


def _decode_index(data: dict[str, Any], make_remote: Callable[[dict[str, Any]], Any], depth: int) -> Any:
    import pandas as pd

    tag = data.get("$t")
    name = decode(data.get("name"), make_remote, depth)
    if tag == "rangeindex":
        start, stop, step = (int(v) for v in data["v"])
        return pd.RangeIndex(start, stop, step, name=name)
    if tag == "multiindex":
        names = [decode(n, make_remote, depth) for n in data.get("names", [])]
        return pd.MultiIndex.from_tuples(_items(data, make_remote, depth), names=names or None)
    if tag == "index":
        return pd.Index(_decode_values(data.get("values"), make_remote, depth), name=name)
    raise DecodeError("bad index")


def _decode_frame(data: dict[str, Any], make_remote: Callable[[dict[str, Any]], Any], depth: int) -> Any:
    import pandas as pd

    columns = _decode_index(data["columns"], make_remote, depth)
    index = _decode_index(data["index"], make_remote, depth)
    values = [_decode_values(v, make_remote, depth) for v in data.get("data", [])]
    if len(values) != len(columns):
        raise DecodeError("column count mismatch")
    frame = pd.DataFrame({i: pd.Series(v, index=index) for i, v in enumerate(values)}, index=index)
    frame.columns = columns
    return frame


def _decode_series(data: dict[str, Any], make_remote: Callable[[dict[str, Any]], Any], depth: int) -> Any:
    import pandas as pd

    index = _decode_index(data["index"], make_remote, depth)
    values = _decode_values(data.get("values"), make_remote, depth)
    return pd.Series(values, index=index, name=decode(data.get("name"), make_remote, depth))


def _decode_timestamp(data: dict[str, Any], *_: Any) -> Any:
    import pandas as pd

    return pd.Timestamp(str(data["v"]))


def _pandas_constant(name: str) -> Callable[..., Any]:
    def build(*_: Any) -> Any:
        import pandas as pd

        return getattr(pd, name)

    return build


_DECODERS: dict[str, Callable[[dict[str, Any], Callable[[dict[str, Any]], Any], int], Any]] = {
    "float": _decode_float,
    "tuple": lambda d, m, n: tuple(_items(d, m, n)),
    "set": lambda d, m, n: set(_items(d, m, n)),
    "frozenset": lambda d, m, n: frozenset(_items(d, m, n)),
    "dict": _decode_dict,
    "bytes": lambda d, m, n: _unb64(d.get("v")),
    "complex": lambda d, m, n: complex(*(float(x) for x in _items(d, m, n))),
    "decimal": lambda d, m, n: decimal.Decimal(str(d["v"])),
    "fraction": lambda d, m, n: fractions.Fraction(int(d["v"][0]), int(d["v"][1])),
    "datetime": lambda d, m, n: dt.datetime.fromisoformat(str(d["v"])),
    "date": lambda d, m, n: dt.date.fromisoformat(str(d["v"])),
    "time": lambda d, m, n: dt.time.fromisoformat(str(d["v"])),
    "timedelta": lambda d, m, n: dt.timedelta(*(int(x) for x in d["v"])),
    "ndarray": _decode_array,
    "npscalar": lambda d, m, n: _safe_dtype(d["dtype"]).type(decode(d["v"], m, n)),
    "nat": _pandas_constant("NaT"),
    "na": _pandas_constant("NA"),
    "timestamp": _decode_timestamp,
    "pdtimedelta": lambda d, m, n: __import__("pandas").Timedelta(int(d["v"])),
    "dataframe": _decode_frame,
    "series": _decode_series,
    "index": _decode_index,
    "rangeindex": _decode_index,
    "multiindex": _decode_index,
    "handle": lambda d, m, n: m(d),
}
