import argparse
import contextlib
import io
import re
import sys

TAG = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def replica_count(text):
    """argparse type: a whole number from 1 to 20."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 20:
        raise argparse.ArgumentTypeError(f"{value} is out of range (1-20)")
    return value


def image_tag(text):
    """argparse type: letters, digits, '.', '_' and '-', starting with a letter or digit."""
    if not TAG.fullmatch(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a valid tag")
    return text


def build_parser():
    """The argument parser of the `deploy` command."""
    parser = argparse.ArgumentParser(prog="deploy", description="Deploy a service to an environment.")
    parser.add_argument("service", help="name of the service to deploy")
    parser.add_argument("--env", required=True, choices=["staging", "production"], help="target environment")
    parser.add_argument("--replicas", type=replica_count, default=1, help="number of replicas (1-20, default 1)")
    parser.add_argument("--tag", type=image_tag, default="latest", help="image tag (default latest)")
    parser.add_argument("--dry-run", action="store_true", help="show what would happen, change nothing")
    parser.add_argument("--confirm", action="store_true", help="required to really deploy to production")
    return parser


def main(argv=None):
    """Run the command with the arguments `argv`; return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 2
    if args.env == "production" and not args.dry_run and not args.confirm:
        print("error: deploying to production needs --confirm")
        return 2
    noun = "replica" if args.replicas == 1 else "replicas"
    target = f"{args.service}:{args.tag} to {args.env} with {args.replicas} {noun}"
    if args.dry_run:
        print(f"[dry-run] would deploy {target}")
    else:
        print(f"deploying {target}")
    return 0


# ---------------------------------------------------------------------------------------------
# Given helper: leave it as it is (the tests use it to run your command and see what it printed).

def run(argv):
    """Call main(argv) and return [exit_code, printed_stdout, printed_stderr]."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return [code, out.getvalue(), err.getvalue()]
