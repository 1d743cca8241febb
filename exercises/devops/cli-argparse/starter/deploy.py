import argparse
import contextlib
import io
import re
import sys


def build_parser():
    """The argument parser of the `deploy` command."""
    # TODO
    raise NotImplementedError


def main(argv=None):
    """Run the command with the arguments `argv`; return the exit code."""
    # TODO
    raise NotImplementedError


# ---------------------------------------------------------------------------------------------
# Given helper: leave it as it is (the tests use it to run your command and see what it printed).

def run(argv):
    """Call main(argv) and return [exit_code, printed_stdout, printed_stderr]."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return [code, out.getvalue(), err.getvalue()]
