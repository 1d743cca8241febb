import argparse
import contextlib
import io
import re
import sys


class Stop(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


class DeployParser(argparse.ArgumentParser):
    """An ArgumentParser that raises instead of leaving the interpreter."""

    def exit(self, status=0, message=None):
        if message:
            self._print_message(message, sys.stderr)
        raise Stop(status)


def _tag(text):
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", text) is None:
        raise argparse.ArgumentTypeError(f"invalid tag {text!r}")
    return text


def build_parser():
    parser = DeployParser(prog="deploy")
    parser.add_argument("service")
    parser.add_argument("--env", required=True, choices=("staging", "production"))
    parser.add_argument("--replicas", type=int, choices=range(1, 21), default=1, metavar="{1..20}")
    parser.add_argument("--tag", type=_tag, default="latest")
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--confirm", action="store_true")
    return parser


def main(argv=None):
    try:
        args = build_parser().parse_args(argv)
    except Stop as stop:
        return stop.code
    if args.env == "production" and not (args.dry_run or args.confirm):
        sys.stderr.write("error: deploying to production needs --confirm\n")
        return 1
    words = f"{args.service}:{args.tag} to {args.env} with {args.replicas} replica{'' if args.replicas == 1 else 's'}"
    sys.stdout.write(("[dry-run] would deploy " if args.dry_run else "deploying ") + words + "\n")
    return 0


# ---------------------------------------------------------------------------------------------
# Given helper: leave it as it is (the tests use it to run your command and see what it printed).

def run(argv):
    """Call main(argv) and return [exit_code, printed_stdout, printed_stderr]."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return [code, out.getvalue(), err.getvalue()]
