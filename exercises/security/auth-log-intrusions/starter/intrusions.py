import ipaddress
import re
from datetime import datetime


def parse_line(line, year=2024):
    """A dict for a Failed/Accepted sshd line (time, event, user, ip, invalid_user), else None."""
    raise NotImplementedError("write parse_line")


def failed_counts(path, year=2024):
    """{ip: number of failed logins} for the log file at `path`."""
    raise NotImplementedError("write failed_counts")


def brute_force_ips(path, threshold=5, window=60, year=2024):
    """IPs with `threshold` failures within `window` seconds, sorted by numeric address."""
    raise NotImplementedError("write brute_force_ips")


def compromised_logins(path, threshold=5, window=60, year=2024):
    """Accepted logins from brute-forcing IPs at or after their first failure, in file order."""
    raise NotImplementedError("write compromised_logins")
