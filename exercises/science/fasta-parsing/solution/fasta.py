def parse_fasta(text):
    """A list of {"id", "description", "sequence"} dicts, one per record, in order."""
    records = []
    current = None
    pieces = []

    def finish():
        if current is not None:
            current["sequence"] = "".join(pieces).upper()
            records.append(current)

    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(";"):
            continue
        if stripped.startswith(">"):
            finish()
            parts = stripped[1:].split(None, 1)
            if not parts:
                raise ValueError("a header has no id")
            current = {"id": parts[0], "description": parts[1].strip() if len(parts) > 1 else "", "sequence": ""}
            pieces = []
        elif current is None:
            raise ValueError("sequence data before the first header")
        else:
            pieces.append("".join(stripped.split()))
    finish()
    return records


def read_fasta(path):
    """{id: sequence} for the FASTA file at `path`, in file order; ValueError for a repeated id."""
    with open(path, encoding="utf-8") as handle:
        records = parse_fasta(handle.read())
    result = {}
    for record in records:
        if record["id"] in result:
            raise ValueError(f"the id {record['id']!r} appears twice")
        result[record["id"]] = record["sequence"]
    return result


def write_fasta(records, width=60):
    """FASTA text for a list of (header, sequence) pairs, sequences wrapped at `width`."""
    if width < 1:
        raise ValueError("width must be at least 1")
    lines = []
    for header, sequence in records:
        lines.append(">" + header)
        lines.extend(sequence[i:i + width] for i in range(0, len(sequence), width))
    return "".join(line + "\n" for line in lines)
