"""The `serial` kind: the learner's code talks to a simulated device through a real serial port.

The port (`/dev/ttyACM0` in the sandbox) is the slave side of a pseudo-terminal; the device named
in `[options] device` runs on the master side in the harness, which judges from its record.
"""

from __future__ import annotations

from gradekit.kinds import Kind

PORT = "/dev/ttyACM0"


class SerialKind(Kind):
    name = "serial"
    paced = True
    spread = "device"  # each pair has its own pty and device
    heavy_imports = ("serial",)
    needs_port = True
    forkable = False  # its sandboxes need the pty bound in at start


KIND = SerialKind()
