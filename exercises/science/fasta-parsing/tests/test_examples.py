def test_parse_example(submission):
    """parse_fasta of two small records"""
    assert submission.parse_fasta(">seq1 my first\nACGT\nacg\n\n>seq2\nTT TT\n") == [
        {"id": "seq1", "description": "my first", "sequence": "ACGTACG"},
        {"id": "seq2", "description": "", "sequence": "TTTT"},
    ]


def test_read_example(submission):
    """read_fasta("sequences.fasta") starts with the three expected ids"""
    assert list(submission.read_fasta("sequences.fasta"))[:3] == ["NM_000518.5", "chr2_fragment", "AB000263.1"]


def test_write_example(submission):
    """write_fasta wraps at the given width"""
    assert submission.write_fasta([("seq1 my first", "ACGTACGTAC"), ("empty", "")], width=4) == (
        ">seq1 my first\nACGT\nACGT\nAC\n>empty\n"
    )
