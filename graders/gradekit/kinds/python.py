"""The `python` kind: the learner writes functions or classes; tests call them through `submission`."""

from __future__ import annotations

from gradekit.kinds import Kind


class PythonKind(Kind):
    name = "python"
    heavy_imports = ()  # an exercise lists what its learners import in `[options] preload`


KIND = PythonKind()
