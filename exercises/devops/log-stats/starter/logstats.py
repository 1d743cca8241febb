import math
import re
from collections import Counter


def parse_line(line):
    """The fields of one access-log line as a dict, or None when the line is malformed."""
    # TODO
    raise NotImplementedError


def log_stats(path):
    """Request count, malformed lines, status counts, 5xx rate, p95 latency and top paths of a log file."""
    # TODO
    raise NotImplementedError
