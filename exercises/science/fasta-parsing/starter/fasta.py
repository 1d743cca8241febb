def parse_fasta(text):
    """A list of {"id", "description", "sequence"} dicts, one per record, in order."""
    raise NotImplementedError("write parse_fasta")


def read_fasta(path):
    """{id: sequence} for the FASTA file at `path`, in file order; ValueError for a repeated id."""
    raise NotImplementedError("write read_fasta")


def write_fasta(records, width=60):
    """FASTA text for a list of (header, sequence) pairs, sequences wrapped at `width`."""
    raise NotImplementedError("write write_fasta")
