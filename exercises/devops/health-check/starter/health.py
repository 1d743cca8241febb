import argparse
import contextlib
import datetime
import io
import json
import os
import subprocess


def check_service(service, now):
    """Check one service described by a dict; return {"name", "ok", "detail"}."""
    # TODO
    raise NotImplementedError


def check_all(services, now):
    """Check every service; the overall status and exit code follow from the failures."""
    # TODO
    raise NotImplementedError


def main(argv):
    """healthcheck SERVICES_JSON --now TIMESTAMP: print a report and return the exit code."""
    # TODO
    raise NotImplementedError


# ---------------------------------------------------------------------------------------------
# Given helper: leave it as it is (the tests use it to run main() and see what it printed).

def run(argv):
    """Call main(argv) and return [exit_code, printed_stdout]."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(argv)
    return [code, out.getvalue()]
