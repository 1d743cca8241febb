import math

import pytest
from gradekit.remote import LearnerTimeout


def parsed(submission, line):
    got = submission.parse_reading(line)
    assert isinstance(got, dict), "parse_reading() must return a dict for a valid line"
    assert set(got) == {"temperature", "humidity", "light"}, (
        "the dict must have exactly the keys temperature, humidity and light"
    )
    return got


def rejected(submission, line, what):
    try:
        got = submission.parse_reading(line)
    except LearnerTimeout:
        raise
    except ValueError:
        return
    except Exception as exc:  # the learner's code raised something else
        kind = getattr(exc, "type_name", type(exc).__name__)
        raise AssertionError(f"parse_reading() raised {kind} for {what}; raise ValueError for every bad line") from None
    kind = getattr(got, "type_name", type(got).__name__)
    raise AssertionError(f"parse_reading() accepted {what} (it returned a {kind}); raise ValueError")


def test_values_and_types(submission):
    """parse_reading() converts each field to the right type"""
    got = parsed(submission, "T=23.07,H=38.4,L=316")
    assert got["temperature"] == pytest.approx(23.07) and got["humidity"] == pytest.approx(38.4), (
        "temperature and humidity must be the numbers after T= and H="
    )
    assert got["light"] == 316, "light must be the whole number after L="
    assert type(got["temperature"]) is float and type(got["humidity"]) is float, (
        "temperature and humidity must be floats"
    )
    assert type(got["light"]) is int, "light must be an int"


def test_line_endings_and_signs(submission):
    """parse_reading() strips the line ending and reads negative and whole numbers"""
    got = parsed(submission, "T=-3.5,H=99.9,L=0\r\n")
    assert got == {"temperature": -3.5, "humidity": 99.9, "light": 0}, (
        "a line ending in \\r\\n with a negative temperature must still parse"
    )
    got = parsed(submission, "T=21,H=40,L=1023")
    assert got == {"temperature": 21.0, "humidity": 40.0, "light": 1023}, "whole numbers are valid for T and H"
    assert type(got["temperature"]) is float, "temperature must be a float even when the line has a whole number"


def test_range_ends_included(submission):
    """the ends of each range are valid"""
    got = parsed(submission, "T=-40.0,H=0.0,L=0")
    assert got == {"temperature": -40.0, "humidity": 0.0, "light": 0}, "-40 °C, 0 % and light 0 are valid"
    got = parsed(submission, "T=85.00,H=100.0,L=1023")
    assert got == {"temperature": 85.0, "humidity": 100.0, "light": 1023}, "85 °C, 100 % and light 1023 are valid"


@pytest.mark.points(2)
def test_rejects_corrupted(submission):
    """parse_reading() rejects lines damaged by noise"""
    rejected(submission, "T=2#.43,H=50.0,L=559", "a temperature with a noise character in it")
    rejected(submission, "T=21.43,H=5O.0,L=559", "a humidity with a letter in it")
    rejected(submission, "T=21.43,H=50.0,L=5%9", "a light level with a noise character in it")
    rejected(submission, "T=21.43,H=50.0,L=559x", "a line with something after the light level")
    rejected(submission, "T=21.43;H=50.0,L=559", "a line with a wrong separator")
    rejected(submission, "T=21.43,H=50.0,Q=559", "a line with a wrong field name")


@pytest.mark.points(2)
def test_rejects_wrong_shape(submission):
    """parse_reading() rejects missing, extra, repeated and reordered fields"""
    rejected(submission, "", "an empty line")
    rejected(submission, "ARDUINO SENSOR v1.3 READY", "the boot banner")
    rejected(submission, "T=21.43,H=50.0", "a line with the light level missing")
    rejected(submission, "T=21.43,H=50.0,L=559,X=1", "a line with an extra field")
    rejected(submission, "T=21.43,T=21.43,L=559", "a line with a repeated field")
    rejected(submission, "H=50.0,T=21.43,L=559", "a line with its fields in another order")
    rejected(submission, "T=,H=50.0,L=559", "a line with an empty value")
    rejected(submission, "T = 21.43, H = 50.0, L = 559", "a line with spaces around the fields")


def test_rejects_cut_lines(submission):
    """parse_reading() rejects a cut line glued to the next one"""
    rejected(submission, "T=22.97,H=49.0,LT=23.30,H=48.6,L=783", "a cut line glued to the next line")
    rejected(submission, "T=22.97,H=49.0,L=7T=23.30,H=48.6,L=783", "a cut line glued to the next line")
    rejected(submission, "T=22.97,H=4", "a line cut in the middle")


def test_rejects_python_only_numbers(submission):
    """parse_reading() rejects nan, inf, exponents and a decimal light level"""
    rejected(submission, "T=nan,H=50.0,L=559", "a temperature of nan")
    rejected(submission, "T=21.43,H=inf,L=559", "a humidity of inf")
    rejected(submission, "T=2e1,H=50.0,L=559", "a temperature written with an exponent")
    rejected(submission, "T=21.43,H=50.0,L=559.0", "a light level with a decimal point")
    rejected(submission, "T=21.43,H=50.0,L=-5", "a negative light level")


def test_rejects_out_of_range(submission):
    """parse_reading() rejects values outside the sensor's range"""
    rejected(submission, "T=91.43,H=50.0,L=559", "a temperature above 85 °C")
    rejected(submission, "T=-41.0,H=50.0,L=559", "a temperature below -40 °C")
    rejected(submission, "T=21.43,H=100.5,L=559", "a humidity above 100 %")
    rejected(submission, "T=21.43,H=-0.5,L=559", "a humidity below 0 %")
    rejected(submission, "T=21.43,H=50.0,L=1024", "a light level above 1023")
    got = parsed(submission, "T=21.43,H=50.0,L=559")
    assert not any(isinstance(v, float) and math.isnan(v) for v in got.values()), "values must be numbers"
