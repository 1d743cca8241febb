"""Command-line grading for authors and CI: `learnpath grade` and `python -m gradekit.cli`."""

from __future__ import annotations

import argparse
import os
import stat
import sys
from pathlib import Path

from gradekit.errors import SpecError
from gradekit.formats import FORMATS
from gradekit.grade import grade
from gradekit.settings import Settings
from gradekit.spec import MAX_LEARNER_FILE_BYTES, Exercise, load_exercise

EXIT = {"pass": 0, "fail": 1, "error": 2}


def read_submission(exercise: Exercise, path: Path) -> dict[str, str]:
    """The learner's files from a folder, or from one file when the exercise has one file.

    A submission is untrusted, and the grading machine holds what it must not see (the course's
    hidden tests checked out beside it, the machine's own files, read as root): a learner's file
    that is a link, or lies behind one, or is not a regular file, is left out, as if missing, and
    said so on standard error.
    """
    if path.is_dir():
        files = {}
        for name in exercise.files:
            text = _learner_file(path, name)
            if text is not None:
                files[name] = text
        return files
    if path.is_file() or path.is_symlink():
        if len(exercise.files) != 1:
            raise SpecError(path, None, f"is one file, but this exercise needs {', '.join(exercise.files)}; "
                                        "pass a folder holding them")
        text = _learner_file(path.parent, path.name)
        return {} if text is None else {exercise.files[0]: text}
    raise SpecError(path, None, "does not exist; pass the submission folder or file")


def _learner_file(folder: Path, name: str) -> str | None:
    """`name` in `folder`, read through no link; None (said on standard error) if it can't be.

    Read as far as one byte past the largest file a submission may hold (a larger one is refused
    by the grading, and a sparse file of gigabytes would otherwise be read whole), and decoded so
    that bytes which are not UTF-8 come through, for the grading to refuse with a verdict.
    """
    here = folder
    for part in Path(name).parts:
        here = here / part
        if here.is_symlink():
            where = "it" if here == folder / name else str(here)
            print(f"warning: {folder / name} is left out: {where} is a link (submit the file itself)", file=sys.stderr)
            return None
    try:
        fd = os.open(here, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        return None
    with os.fdopen(fd, "rb") as stream:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            print(f"warning: {here} is left out: it is not a regular file", file=sys.stderr)
            return None
        return stream.read(MAX_LEARNER_FILE_BYTES + 1).decode("utf-8", "surrogateescape")


def grade_command(exercise_dir: str, submission: str, fmt: str = "text", output: str | None = None,
                  visible_only: bool = False, settings: Settings | None = None) -> int:
    """Grade and print the report; return the exit code (0 pass, 1 fail, 2 error or bad usage)."""
    try:
        exercise = load_exercise(exercise_dir)
        files = read_submission(exercise, Path(submission))
    except (SpecError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    report = grade(exercise, files, settings or Settings(), visible_only=visible_only)
    write_report(FORMATS[fmt](report, exercise), output)
    return EXIT.get(str(report["status"]), 2)


def write_report(text: str, output: str | None) -> None:
    """Write a rendered report as UTF-8 to `output`, or to standard output whatever its encoding."""
    data = text.encode("utf-8", "replace")  # a report holds no lone surrogates; were one left, "?"
    if output:
        Path(output).write_bytes(data)
        return
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:  # a text-only stream put in place of standard output
        sys.stdout.write(data.decode("utf-8"))
        return
    sys.stdout.flush()
    stream.write(data)
    stream.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gradekit.cli", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    grade_parser = commands.add_parser("grade", help="grade a submission against an exercise's tests")
    grade_parser.add_argument("exercise_dir")
    grade_parser.add_argument("submission")
    grade_parser.add_argument("--format", choices=sorted(FORMATS), default="text")
    grade_parser.add_argument("--output")
    grade_parser.add_argument("--visible-only", action="store_true", help="run only the visible example tests")
    device_parser = commands.add_parser("device", help="run a simulated serial device on a local pty")
    device_parser.add_argument("name")
    device_parser.add_argument("--fault", action="append", default=[], help="FAULT or FAULT=RATE, e.g. noise=0.3")
    args = parser.parse_args(argv)
    if args.command == "device":
        return device_command(args.name, args.fault)
    return grade_command(args.exercise_dir, args.submission, args.format, args.output, args.visible_only)


def device_command(name: str, faults: list[str]) -> int:
    """`learnpath device NAME [--fault noise=0.3 ...]`: serve a simulated device until Ctrl+C."""
    from gradekit.devices import FAULTS, devices, run_on_local_pty

    if name not in devices():
        print(f"error: unknown device {name!r}; use one of {', '.join(sorted(devices()))}", file=sys.stderr)
        return 2
    parsed: dict[str, float] = {}
    for text in faults:
        fault, _, rate = text.partition("=")
        if fault not in FAULTS:
            print(f"error: unknown fault {fault!r}; use one of {', '.join(FAULTS)}", file=sys.stderr)
            return 2
        try:
            parsed[fault] = float(rate) if rate else 1.0
        except ValueError:
            print(f"error: --fault {text}: the rate must be a number, e.g. {fault}=0.3", file=sys.stderr)
            return 2
    run_on_local_pty(name, parsed, {}, announce=lambda line: print(line, flush=True))
    return 0



if __name__ == "__main__":
    sys.exit(main())
