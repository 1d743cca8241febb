"""Exceptions raised by gradekit.

    GradekitError
    ├── SpecError          a track or exercise file is malformed (names file, field and fix)
    ├── SandboxError       a sandbox could not be started or cleaned up (an infrastructure fault)
    └── ChannelError       the harness/subject channel broke or carried something not allowed
        ├── SubjectGone    the subject process exited or stopped answering
        └── TooManyValues  a message held more values than the receiver builds (read whole)

A learner's mistake is never an exception here: it is a verdict in the report.
"""

from __future__ import annotations


class GradekitError(Exception):
    """Base class for every gradekit error."""


class SpecError(GradekitError):
    """A track or exercise definition is malformed."""

    def __init__(self, path: object, field: str | None, message: str) -> None:
        self.path = str(path)
        self.field = field
        self.message = message
        where = f"{self.path}: `{field}`" if field else self.path
        super().__init__(f"{where} {message}" if field else f"{where}: {message}")


class SandboxError(GradekitError):
    """A sandbox could not be started, limited or cleaned up."""


class ChannelError(GradekitError):
    """The harness/subject channel broke or carried something not allowed."""


class SubjectGone(ChannelError):
    """The subject process exited or stopped answering."""


class TooManyValues(ChannelError):
    """A message held more values, or deeper nesting, than the receiver builds. It was read whole,
    so the channel carries on with the next message."""
