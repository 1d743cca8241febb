import pytest
from gradekit.devices.gps import sentence

GGA = "$GPGGA,120000.00,4851.5022,N,00217.6689,E,1,08,0.9,35.0,M,46.9,M,,*5B"
RMC = "$GPRMC,120000.00,A,4851.5022,N,00217.6689,E,0.5,54.7,211126,,,A*61"


def never_raises(submission, line, what):
    try:
        return submission.parse_sentence(line)
    except Exception as exc:
        kind = getattr(exc, "type_name", type(exc).__name__)
        raise AssertionError(f"parse_sentence() raised {kind} for {what}; return None for anything that is "
                             "not a fix") from None


def test_checksum_rejects(submission):
    """nmea_checksum_ok() rejects damaged and malformed sentences"""
    assert submission.nmea_checksum_ok(GGA.replace("4851", "4858")) is False, (
        "a sentence with a changed digit passed the checksum; XOR every character between $ and *"
    )
    assert submission.nmea_checksum_ok(GGA[:-2] + "5C") is False, "a sentence with a wrong checksum passed"
    assert submission.nmea_checksum_ok(GGA.split("*")[0]) is False, "a sentence without *HH must be rejected"
    assert submission.nmea_checksum_ok(GGA[1:]) is False, "a sentence without the leading $ must be rejected"
    assert submission.nmea_checksum_ok("") is False, "an empty line must be rejected"


def test_checksum_accepts(submission):
    """nmea_checksum_ok() accepts line endings and lower-case hex"""
    assert submission.nmea_checksum_ok(RMC + "\r\n") is True, "strip the line ending before checking"
    lower = GGA[:-2] + GGA[-2:].lower()  # a checksum with a letter in it: *5b
    assert submission.nmea_checksum_ok(lower) is True, (
        "the hex digits may be lower case; compare numbers, not text"
    )
    assert submission.nmea_checksum_ok("$PMTK011,MTKGPS*08") is True, (
        "a valid sentence of another type has a valid checksum too"
    )


@pytest.mark.points(2)
def test_hemispheres(submission):
    """to_decimal() makes south and west negative"""
    assert submission.to_decimal("3351.4070", "S") == pytest.approx(-33.8567833), "a latitude in the south is negative"
    assert submission.to_decimal("05822.8960", "W") == pytest.approx(-58.3816), "a longitude in the west is negative"
    assert submission.to_decimal("15112.9178", "E") == pytest.approx(151.2152967), "a longitude in the east is positive"


@pytest.mark.points(2)
def test_minutes(submission):
    """to_decimal() divides the minutes by 60"""
    assert submission.to_decimal("00030.0000", "E") == pytest.approx(0.5), (
        "with 0 degrees, the result is the minutes / 60: the minutes are the two digits before the dot and the decimals"
    )
    assert submission.to_decimal("0045.0000", "N") == pytest.approx(0.75), "divide the minutes by 60 for a latitude too"
    assert submission.to_decimal("12225.1640", "W") == pytest.approx(-122.4194), (
        "a longitude has three digits of degrees"
    )
    assert submission.to_decimal("0000.0000", "N") == 0, "zero degrees and zero minutes is 0"


def test_to_decimal_rejects(submission):
    """to_decimal() rejects a bad hemisphere or value with ValueError"""
    for args, what in ((("4851.5022", "X"), "a hemisphere other than N, S, E or W"), (("", "N"), "an empty value"),
                       (("48a1.5022", "N"), "a value with a letter"), (("4851", "N"), "a value without a dot"),
                       (("-4851.5022", "N"), "a value with a minus sign (the sign comes from the hemisphere)"),
                       (("nan", "N"), "the value nan"), (("1e3", "E"), "a value in exponent notation")):
        try:
            submission.to_decimal(*args)
        except ValueError:
            continue
        except Exception as exc:
            kind = getattr(exc, "type_name", type(exc).__name__)
            raise AssertionError(f"to_decimal() raised {kind} for {what}; raise ValueError") from None
        raise AssertionError(f"to_decimal() accepted {what}; raise ValueError")


def test_parse_rmc(submission):
    """parse_sentence() of a valid RMC sentence"""
    fix = never_raises(submission, RMC, "a valid RMC sentence")
    assert isinstance(fix, dict) and fix.get("type") == "RMC", "a valid $GPRMC with status A is a fix of type RMC"
    assert fix["time"] == "120000.00", "time is the first field, as text"
    assert fix["latitude"] == pytest.approx(48.85837) and fix["longitude"] == pytest.approx(2.2944817), (
        "an RMC's position is in fields 3 to 6 (after the status)"
    )
    assert fix["speed_knots"] == pytest.approx(0.5), "speed_knots is field 7, as a float"


def test_parse_gga_fields(submission):
    """parse_sentence() reads satellites and altitude from GGA"""
    fix = never_raises(submission, sentence("GPGGA,235959.80,3351.4070,S,05822.8960,W,2,11,0.8,-12.5,M,17.0,M,,"),
                       "a valid GGA sentence")
    assert isinstance(fix, dict) and fix.get("type") == "GGA", "a $GPGGA with fix quality 2 is a fix"
    assert fix["latitude"] == pytest.approx(-33.8567833) and fix["longitude"] == pytest.approx(-58.3816), (
        "the GGA position is wrong; south and west are negative"
    )
    assert fix["satellites"] == 11 and type(fix["satellites"]) is int, "satellites is field 7, as an int"
    assert fix["altitude"] == pytest.approx(-12.5), "altitude is field 9, as a float"


@pytest.mark.points(2)
def test_no_fix(submission):
    """parse_sentence() returns None without a fix"""
    assert never_raises(submission, sentence("GPGGA,120000.20,,,,,0,00,99.9,,M,,M,,"), "a GGA without a fix") is None, (
        "a GGA with fix quality 0 has no position: return None"
    )
    assert never_raises(submission, sentence("GPRMC,120000.20,V,,,,,,,211126,,,N"), "an RMC without a fix") is None, (
        "an RMC with status V is void: return None"
    )
    assert never_raises(submission, sentence("GPRMC,120000.20,V,4851.5022,N,00217.6689,E,0.5,54.7,211126,,,N"),
                        "a void RMC that still has a position") is None, (
        "an RMC with status V is void even when it still shows an old position: return None"
    )


@pytest.mark.points(2)
def test_rejects(submission):
    """parse_sentence() returns None for bad checksums, other sentences and garbage"""
    assert never_raises(submission, GGA.replace("4851", "4858"), "a GGA with a changed digit") is None, (
        "a sentence whose checksum does not match must be thrown away"
    )
    assert never_raises(submission, "$GPGSA,A,3,04,05,09,12,24,25,29,,,,,,1.8,0.9,1.5*37", "a GSA sentence") is None, (
        "only GGA and RMC sentences carry a position; return None for others"
    )
    for line, what in (("", "an empty line"), ("\ufffd\ufffd$GP", "garbage"), ("$GPGGA,1*", "a cut sentence"),
                       (sentence("GPGGA,120000.00,48x1.5022,N,00217.6689,E,1,08,0.9,35.0,M,46.9,M,,"),
                        "a GGA whose latitude is not a number")):
        assert never_raises(submission, line, what) is None, f"parse_sentence() must return None for {what}"
