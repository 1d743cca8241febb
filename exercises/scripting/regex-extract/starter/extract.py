import re


def find_emails(text):
    """Email addresses in `text`, lowercased, each once, in order of first appearance."""
    # TODO
    raise NotImplementedError


def find_dates(text):
    """Real dates written YYYY-MM-DD or DD/MM/YYYY, as ISO strings, in order."""
    # TODO
    raise NotImplementedError


def find_phones(text):
    """North American phone numbers, normalised to AAA-EEE-NNNN, in order."""
    # TODO
    raise NotImplementedError
