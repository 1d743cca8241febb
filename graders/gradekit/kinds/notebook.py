"""The `notebook` kind: the learner's .ipynb runs with nbclient in the subject sandbox.

Hidden tests ask for variables and call functions defined in the notebook; each request runs in
the kernel as an extra cell whose reply is plain data. Figures and tables the notebook displayed
come back as artifacts for the feedback.

The kernel is the learner's program: a cell that runs past the cell timeout is a TimeoutError
naming the cell, and a kernel that dies (exit(), a crash) while the notebook runs is a load error
naming the cell; one that dies during a request ends the subject at once, so the harness reads it
as a program that exited or crashed, exactly as for a module.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import time
from pathlib import Path
from typing import Any

from gradekit.kinds import Kind, Loaded

SETUP = (
    "import sys\n"
    "sys.path.insert(0, '/opt/gradekit')\n"
    "__import__('gradekit.kernel_bridge', fromlist=['prepare']).prepare()\n"
    "try:\n"
    "    get_ipython().run_line_magic('config', 'InlineBackend.close_figures = False')\n"
    "except Exception:\n"
    "    pass\n"
)
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
CELL_FRAME = re.compile(r"^(\s*)Cell In\[(\d+)\]")
KERNEL_FILE = re.compile(r"\(\d+\.py, line (\d+)\)$")  # the kernel's name for a cell's code
SYNTAX_ERRORS = ("SyntaxError", "IndentationError", "TabError")
CHAINED = re.compile(r"^The above exception was the direct cause|^During handling of the above exception", re.M)
ARTIFACT_CAP = 2 * 1024 * 1024
TABLE_CAP = 64 * 1024


class NotebookError(Exception):
    """The notebook is not valid, or one of its cells raised."""


NotebookError.__module__ = "__main__"  # the learner's traceback then reads "NotebookError: ...", not this module's path


def _plain(text: str) -> str:
    return ANSI.sub("", text)


class NotebookKind(Kind):
    name = "notebook"
    heavy_imports = ("nbformat", "nbclient", "jupyter_client", "zmq")
    forkable = False  # its warm-up starts a kernel process, which a fork would not carry
    env = {"PATH": f"{Path(__import__('sys').prefix)}/bin:/usr/bin:/bin", "JUPYTER_RUNTIME_DIR": "/tmp/jupyter",
           "JUPYTER_DATA_DIR": "/tmp/jupyter", "IPYTHONDIR": "/tmp/ipython", "JUPYTER_PLATFORM_DIRS": "1",
           "MPLBACKEND": "module://matplotlib_inline.backend_inline"}

    def main_module(self, files: tuple[str, ...], options: dict[str, Any]) -> str:
        return next((f for f in files if f.endswith(".ipynb")), files[0])

    prepared: tuple[Any, Any] | None = None

    def prepare(self) -> None:
        """Start the kernel ahead, with the usual data libraries imported in it."""
        import nbformat
        from nbclient import NotebookClient

        client = NotebookClient(nbformat.v4.new_notebook(), timeout=60, kernel_name="python3",
                                allow_errors=False, resources={"metadata": {"path": "."}})
        context = client.setup_kernel()
        context.__enter__()
        run_extra_cell(client, SETUP + "import numpy, pandas, matplotlib.pyplot\n")
        self.prepared = (client, context)

    def load(self, files: tuple[str, ...], options: dict[str, Any]) -> Loaded:
        import nbformat
        from nbclient import NotebookClient
        from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

        name = self.main_module(files, options)
        try:
            notebook = nbformat.read(name, as_version=4)
            nbformat.validate(notebook)
        except Exception as exc:
            raise NotebookError(f"{name} is not a valid Jupyter notebook (nbformat 4): {exc}") from None
        timeout = float(options.get("cell_timeout", 30))
        if self.prepared is not None:
            client, context = self.prepared
            client.nb, client.timeout = notebook, timeout
        else:
            client = NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                                    allow_errors=False, resources={"metadata": {"path": "."}})
            context = client.setup_kernel()
            context.__enter__()
            run_extra_cell(client, SETUP)
        artifacts: list[dict[str, Any]] = []
        number = 0
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type != "code":
                continue
            number += 1
            try:
                client.execute_cell(cell, index)
            except CellTimeoutError:
                raise TimeoutError(f"cell {index + 1} did not finish within {client.timeout:g} s; look for an "
                                   "endless loop or a long wait") from None
            except CellExecutionError as exc:
                raise _cell_error(notebook.cells, index, exc) from None
            except DeadKernelError:
                raise NotebookError(f"cell {index + 1} stopped the notebook's kernel (did it call exit() or "
                                    "os._exit(), or crash Python?)") from None
            artifacts.extend(_artifacts(cell, index))
        bridge = KernelBridge(client, context)
        return Loaded(module=None, bridge=bridge, hello={"artifacts": _capped(artifacts)})


def _cell_error(cells: list[Any], index: int, exc: Any) -> NotebookError:
    """The error of the cell at `index`: a one-line message, and the learner's traceback as a note.

    The traceback keeps the frames in the notebook's cells, named by their place in the notebook
    ("cell 5") rather than their execution count, and leaves out the frames inside libraries and
    the exceptions that led to the last one.
    """
    evalue = KERNEL_FILE.sub(r"(line \1)", str(exc.evalue))
    error = NotebookError(f"cell {index + 1} raised {exc.ename}: {evalue}")
    outputs = cells[index].get("outputs", [])
    entries = next((list(o.get("traceback") or []) for o in outputs if o.get("output_type") == "error"), [])
    entries = [_plain(str(entry)) for entry in entries]
    starts = [i for i, entry in enumerate(entries) if CHAINED.search(entry)]
    last = entries[starts[-1] + 1:] if starts else entries
    frames = [entry for entry in last if CELL_FRAME.match(entry)]
    positions = {cell.get("execution_count"): number + 1 for number, cell in enumerate(cells)
                 if cell.get("cell_type") == "code" and cell.get("execution_count") is not None}

    def place(match: re.Match[str]) -> str:
        number = positions.get(int(match.group(2)))
        return f"{match.group(1)}cell {number}" if number else match.group(0)

    if frames:
        body = "\n".join(CELL_FRAME.sub(place, frame).rstrip("\n") for frame in frames)
        final = last[-1].strip() if not CELL_FRAME.match(last[-1]) else f"{exc.ename}: {evalue}"
        if not body.splitlines()[-1].startswith(f"{exc.ename}:"):  # a syntax error's one entry ends with it
            body += f"\n{final}"
        head = "" if exc.ename in SYNTAX_ERRORS else "Traceback (most recent call last), in the notebook's cells:\n"
        text = head + body
    else:
        text = "\n".join(entry.rstrip("\n") for entry in last) or _plain(str(exc))
    error.add_note(text[-4000:])
    return error


def _artifacts(cell: Any, index: int) -> list[dict[str, Any]]:
    found = []
    for number, output in enumerate(cell.get("outputs", [])):
        data = output.get("data", {})
        if "image/png" in data:
            found.append({"name": f"cell-{index + 1}-{number + 1}.png", "media_type": "image/png",
                          "test": None, "data": str(data["image/png"]).replace("\n", "")})
        elif "text/html" in data and "<table" in str(data["text/html"]):
            html = "".join(data["text/html"]) if isinstance(data["text/html"], list) else str(data["text/html"])
            found.append({"name": f"cell-{index + 1}-{number + 1}.html", "media_type": "text/html",
                          "test": None, "data": html[:TABLE_CAP]})
    return found


def _capped(artifacts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    kept, size = [], 0
    for artifact in artifacts:
        size += len(artifact["data"])
        if size > ARTIFACT_CAP:
            break
        kept.append(artifact)
    return kept


def run_extra_cell(client: Any, source: str) -> Any:
    """Run a cell that is not the learner's; nbclient stores results by index, so it is added then removed."""
    import nbformat

    cell = nbformat.v4.new_code_cell(source)
    client.nb.cells.append(cell)
    try:
        return client.execute_cell(cell, len(client.nb.cells) - 1, store_history=False)
    finally:
        client.nb.cells.pop()


class KernelBridge:
    """Sends each request to the kernel as a cell and reads the reply from its output."""

    def __init__(self, client: Any, context: Any) -> None:
        self.client = client
        self.context = context

    def __call__(self, request: dict[str, Any]) -> dict[str, Any]:
        from nbclient.exceptions import DeadKernelError

        from gradekit.kernel_bridge import MARK

        source = f"__import__('gradekit.kernel_bridge', fromlist=['answer']).answer({json.dumps(request)!r})"
        started = time.monotonic()
        try:
            cell = run_extra_cell(self.client, source)
        except DeadKernelError:
            os._exit(1)  # the learner's program died: the subject goes with it, as it would with a module
        except Exception as exc:
            return {"ok": False, "output": "", "error": {"type": type(exc).__name__, "builtin": False,
                                                         "message": _plain(str(exc))[:2000], "traceback": ""}}
        text = "".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream")
        for line in reversed(text.split("\n")):
            if line.startswith(MARK):
                with contextlib.suppress(ValueError, RecursionError):
                    reply = json.loads(line[len(MARK):])
                    if type(reply) is dict:
                        return reply
                break
        return {"ok": False, "output": text[-2000:], "error": {
            "type": "RuntimeError", "builtin": True, "message": "the notebook's kernel gave no answer",
            "traceback": f"(after {time.monotonic() - started:.1f} s)"}}


KIND = NotebookKind()
