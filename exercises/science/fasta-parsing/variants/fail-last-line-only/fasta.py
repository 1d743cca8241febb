def parse_fasta(text):
    """A list of {"id", "description", "sequence"} dicts, one per record, in order."""
    records = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith(">"):
            parts = line[1:].split(None, 1)
            if not parts:
                raise ValueError("header without id")
            records.append({"id": parts[0], "description": parts[1].strip() if len(parts) > 1 else "",
                            "sequence": ""})
        elif not records:
            raise ValueError("sequence before the first header")
        else:
            # each line replaces the previous one instead of adding to it
            records[-1]["sequence"] = "".join(line.split()).upper()
    return records


def read_fasta(path):
    """{id: sequence} for the FASTA file at `path`, in file order; ValueError for a repeated id."""
    with open(path, encoding="utf-8") as handle:
        records = parse_fasta(handle.read())
    result = {}
    for record in records:
        if record["id"] in result:
            raise ValueError("repeated id")
        result[record["id"]] = record["sequence"]
    return result


def write_fasta(records, width=60):
    """FASTA text for a list of (header, sequence) pairs, sequences wrapped at `width`."""
    if width < 1:
        raise ValueError("width must be at least 1")
    text = ""
    for header, sequence in records:
        text += ">" + header + "\n"
        for i in range(0, len(sequence), width):
            text += sequence[i:i + width] + "\n"
    return text
