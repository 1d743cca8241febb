"""Settings for the grading engine, passed explicitly (gradekit never reads Flask config)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field, fields


def _interpreter() -> str:
    """This interpreter's path with no `..` or link in its folder: a sandbox binds the runtime's own
    folders only, so `../.venv/bin/python` run from a folder the sandbox lacks would not be found.
    The file's own name is kept, since a virtual environment is found through it."""
    return os.path.join(os.path.realpath(os.path.dirname(sys.executable)), os.path.basename(sys.executable))


@dataclass(frozen=True)
class Settings:
    """How and where gradekit runs sandboxes. Every field has a default and a help text."""

    backend: str = field(default="bwrap", metadata={"help": "sandbox backend: bwrap or docker"})
    python: str = field(
        default=_interpreter(), metadata={"help": "interpreter (with gradekit's dependencies) run in sandboxes"}
    )
    uid_base: int = field(
        default=64000,
        metadata={"help": "when run as root: harness runs as uid_base+2*slot, subject as uid_base+2*slot+1"},
    )
    slot: int = field(default=0, metadata={"help": "worker slot; gives each concurrent run its own uids"})
    cgroups: bool = field(default=True, metadata={"help": "use cgroups for memory and process limits when possible"})
    fork_server: bool = field(
        default=True,
        metadata={"help": "warm pools fork each submission's sandboxes from a warm template (bwrap, as root, "
                          "with cgroups) instead of starting a fresh pair per submission"},
    )
    favor_migrations: bool = field(
        default=True,
        metadata={"help": "bwrap as root with cgroups: turn on the cgroup2 mount's favordynmods, so that moving each "
                          "forked job process into its groups does not wait for the kernel (host-wide; "
                          "gradekit.sandbox.cgroup.favor_migrations)"},
    )
    parts: int = field(
        default=6,
        metadata={"help": "most sandbox pairs one submission's tests run in at once, for kinds whose tests wait on "
                          "simulated devices (1: every submission in one pair)"},
    )
    docker_image_prefix: str = field(
        default="learnpath-grader", metadata={"help": "docker backend: image name prefix, one image per kind"}
    )

    @classmethod
    def from_mapping(cls, values: dict[str, str]) -> Settings:
        """Build settings from strings (e.g. LEARNPATH_GRADER_* variables passed in by the caller)."""
        kwargs: dict[str, object] = {}
        for f in fields(cls):
            if f.name in values:
                raw = values[f.name]
                default = getattr(cls, f.name, None)
                if isinstance(default, bool):
                    kwargs[f.name] = str(raw).lower() in {"1", "true", "yes", "on"}
                elif isinstance(default, int):
                    kwargs[f.name] = int(raw)
                else:
                    kwargs[f.name] = raw
        return cls(**kwargs)  # type: ignore[arg-type]

    @property
    def running_as_root(self) -> bool:
        return os.geteuid() == 0
