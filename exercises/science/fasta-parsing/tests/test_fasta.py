import pytest


def reference(text):
    records, current, pieces = [], None, []
    for line in text.splitlines():
        s = line.strip()
        if not s or s.startswith(";"):
            continue
        if s.startswith(">"):
            if current:
                current["sequence"] = "".join(pieces).upper()
                records.append(current)
            head = s[1:].split(None, 1)
            current, pieces = {"id": head[0], "description": head[1].strip() if len(head) > 1 else ""}, []
        else:
            pieces.append("".join(s.split()))
    if current:
        current["sequence"] = "".join(pieces).upper()
        records.append(current)
    return records


def kind(value):
    return getattr(value, "type_name", type(value).__name__)


def records_of(submission, text, what):
    got = submission.parse_fasta(text)
    assert isinstance(got, list), f"parse_fasta of {what} returned a {kind(got)}; return a list of dicts"
    for record in got:
        assert isinstance(record, dict) and {"id", "description", "sequence"} <= set(record), (
            f"parse_fasta of {what}: each record must be a dict with the keys id, description and sequence"
        )
    return got


def compare(got, expected, what):
    assert len(got) == len(expected), (
        f"parse_fasta of {what}: some records are missing or extra; every '>' line starts a record "
        "(blank lines and ';' comments don't)"
    )
    for number, (g, e) in enumerate(zip(got, expected), start=1):
        assert g["id"] == e["id"], (
            f"parse_fasta of {what}: record {number} has the wrong id; the id is the header after '>' up to the "
            "first whitespace, and the records stay in file order"
        )
        assert g["description"] == e["description"], (
            f"parse_fasta of {what}: record {number} has the wrong description; it is the rest of "
            "the header after the id, stripped"
        )
        if g["sequence"].upper() == e["sequence"] and g["sequence"] != e["sequence"]:
            raise AssertionError(f"parse_fasta of {what}: record {number} keeps lower-case letters; upper-case them")
        assert g["sequence"] == e["sequence"], (
            f"parse_fasta of {what}: record {number} has the wrong sequence; "
            "join all its lines, removing every whitespace character"
        )


@pytest.mark.points(2)
def test_wrapped_records(submission, data_dir):
    """parse_fasta joins wrapped lines and keeps records in order"""
    text = (data_dir / "sequences.fasta").read_text()
    compare(records_of(submission, text, "sequences.fasta"), reference(text), "sequences.fasta")


@pytest.mark.points(3)
def test_messy_text(submission, data_dir):
    """parse_fasta copes with Windows line endings, comments, tabs, spaces and an empty record"""
    text = (data_dir / "messy.fasta").read_bytes().decode()
    compare(records_of(submission, text, "a messy file"), reference(text), "a messy file")


def test_small_cases(submission):
    """parse_fasta of an empty text, a header only, and a record ending without a newline"""
    assert records_of(submission, "", "an empty text") == [], "parse_fasta('') must return []"
    got = records_of(submission, ">lonely\n", "a header without sequence")
    compare(got, [{"id": "lonely", "description": "", "sequence": ""}], "a header without sequence")
    got = records_of(submission, ">a\nAC\n>b  two  words \nGT", "two records without a final newline")
    compare(got, [{"id": "a", "description": "", "sequence": "AC"},
                  {"id": "b", "description": "two  words", "sequence": "GT"}], "two records without a final newline")


@pytest.mark.points(2)
def test_parse_errors(submission):
    """parse_fasta raises ValueError for sequence before any header or a header without id"""
    for text, what in (("ACGT\n>x\nAC\n", "sequence before the first header"), (">\nACGT\n", "a header without id"),
                       (">x\nAC\n>   \nGG\n", "a blank header")):
        try:
            result = submission.parse_fasta(text)
        except ValueError:
            continue
        except Exception as exc:  # noqa: BLE001
            raise AssertionError(f"parse_fasta of {what} raised {getattr(exc, 'type_name', type(exc).__name__)}; "
                                 "raise ValueError") from None
        raise AssertionError(f"parse_fasta of {what} returned a {kind(result)}; raise ValueError")


@pytest.mark.points(2)
def test_read_files(submission, data_dir):
    """read_fasta maps ids to sequences, in file order, for both files"""
    for name in ("sequences.fasta", "messy.fasta"):
        expected = {r["id"]: r["sequence"] for r in reference((data_dir / name).read_text())}
        got = submission.read_fasta(name)
        assert isinstance(got, dict), f"read_fasta({name!r}) returned a {kind(got)}; return a dict"
        assert list(got) == list(expected), f"read_fasta({name!r}) has the wrong ids or order"
        wrong = [n for n, k in enumerate(expected, start=1) if got[k] != expected[k]]
        assert not wrong, f"read_fasta({name!r}) has the wrong sequence for record {wrong[0]}"


def test_read_duplicates(submission):
    """read_fasta raises ValueError when an id appears twice"""
    try:
        result = submission.read_fasta("duplicates.fasta")
    except ValueError:
        return
    except Exception as exc:  # noqa: BLE001
        raise AssertionError(f"read_fasta of a file with a repeated id raised "
                             f"{getattr(exc, 'type_name', type(exc).__name__)}; raise ValueError") from None
    raise AssertionError(f"read_fasta of a file with a repeated id returned a {kind(result)}; raise ValueError "
                         "instead of silently keeping one of them")


@pytest.mark.points(2)
def test_write(submission):
    """write_fasta wraps sequences at width, with a newline after every line"""
    records = [("NM_1 some gene", "ACGT" * 40), ("short", "GATTACA"), ("empty", ""), ("exact", "A" * 20)]
    for width, shown in ((60, "width=60"), (10, "a small width"), (7, "a small odd width"), (1, "a width of 1")):
        got = submission.write_fasta(records, width)
        assert isinstance(got, str), f"write_fasta returned a {kind(got)}; return the text"
        expected = "".join(">" + h + "\n" + "".join(s[i:i + width] + "\n" for i in range(0, len(s), width))
                           for h, s in records)
        if got.rstrip("\n") == expected.rstrip("\n") and got != expected:
            raise AssertionError("write_fasta must end every line, the last one too, with a single '\\n'")
        assert got == expected, (
            f"write_fasta with {shown} is wrong; write '>' + header, then the sequence in lines of exactly "
            "width letters (the last may be shorter), no blank line for an empty sequence"
        )
    assert submission.write_fasta([("x", "A" * 130)]) == ">x\n" + "A" * 60 + "\n" + "A" * 60 + "\n" + "A" * 10 + "\n", (
        "write_fasta must wrap at 60 by default"
    )
    assert submission.write_fasta([]) == "", "write_fasta of no records must be ''"


def test_round_trip(submission, data_dir):
    """parse_fasta(write_fasta(...)) gives back the same records"""
    original = reference((data_dir / "sequences.fasta").read_text())
    pairs = [(f"{r['id']} {r['description']}".strip(), r["sequence"]) for r in original]
    text = submission.write_fasta(pairs, 50)
    # Checked before it goes back: an object of the learner's own would come back to parse_fasta as itself.
    assert isinstance(text, str), "write_fasta must return the FASTA text as a str"
    compare(records_of(submission, text, "your own write_fasta output"), original, "your own write_fasta output")


def test_bad_width(submission):
    """write_fasta raises ValueError for a width below 1"""
    try:
        result = submission.write_fasta([("x", "ACGT")], 0)
    except ValueError:
        return
    except Exception as exc:  # noqa: BLE001
        raise AssertionError(f"write_fasta with width=0 raised {getattr(exc, 'type_name', type(exc).__name__)}; "
                             "raise ValueError") from None
    raise AssertionError(f"write_fasta with width=0 returned a {kind(result)}; raise ValueError")
