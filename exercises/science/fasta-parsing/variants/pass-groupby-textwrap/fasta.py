import itertools
import re
import textwrap
from collections import Counter

HEADER = re.compile(r">\s*(\S+)\s*(.*)")


def _content_lines(text):
    for raw in text.splitlines():
        line = raw.strip()
        if line and not line.startswith(";"):
            yield line


def parse_fasta(text):
    """A list of {"id", "description", "sequence"} dicts, one per record, in order."""
    records = []
    for is_header, group in itertools.groupby(_content_lines(text), key=lambda line: line.startswith(">")):
        if is_header:
            for header in group:
                match = HEADER.fullmatch(header)
                if match is None:
                    raise ValueError(f"header without an id: {header!r}")
                records.append({"id": match.group(1), "description": match.group(2).strip(), "sequence": ""})
        else:
            if not records:
                raise ValueError("sequence before the first header")
            records[-1]["sequence"] = re.sub(r"\s+", "", "".join(group)).upper()
    return records


def read_fasta(path):
    """{id: sequence} for the FASTA file at `path`, in file order; ValueError for a repeated id."""
    with open(path, encoding="utf-8") as handle:
        records = parse_fasta(handle.read())
    repeated = [name for name, n in Counter(r["id"] for r in records).items() if n > 1]
    if repeated:
        raise ValueError(f"repeated ids: {repeated}")
    return {r["id"]: r["sequence"] for r in records}


def write_fasta(records, width=60):
    """FASTA text for a list of (header, sequence) pairs, sequences wrapped at `width`."""
    if width < 1:
        raise ValueError("width must be 1 or more")
    out = []
    for header, sequence in records:
        out.append(f">{header}\n")
        for line in textwrap.wrap(sequence, width, break_on_hyphens=False):
            out.append(line + "\n")
    return "".join(out)
