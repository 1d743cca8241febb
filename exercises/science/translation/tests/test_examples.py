def test_table_example(submission):
    """codon_table maps ATG to M and TGA to *"""
    table = submission.codon_table()
    assert (table["ATG"], table["TGA"]) == ("M", "*")


def test_translate_example(submission):
    """translate of a short gene, with and without to_stop"""
    seq = "ATGGCCATTGTAATGGGCCGCTGAAAGGGTGCCCGATAG"
    assert submission.translate(seq) == "MAIVMGR*KGAR*"
    assert submission.translate(seq, to_stop=True) == "MAIVMGR"


def test_orfs_example(submission):
    """find_orfs of the example sequence"""
    seq = ("AGCCATGTAGCTAACTCAGGTTACATGGGGATGACCCCGCGACTTGGATTAGAGTCTCTTTTGGAATAAGCCTGAATGATCCGAGTAGCATCTCAG")
    assert submission.find_orfs(seq) == ["M", "MGMTPRLGLESLLE", "MLLGSFRLIPKETLIQVAGSSPCNLS", "MTPRLGLESLLE"]
