"""The attack suite: hostile submissions that try to escape, cheat or exhaust the grader.

Every case must end in a non-pass verdict with the right reason, leave no process running, leave
host files untouched and keep the hidden tests out of the report (checked by the `attack` fixture).
"""

from __future__ import annotations

import ast
import json
import textwrap
from pathlib import Path

import pytest
from gradekit import grade, load_exercise

ROOT = Path(__file__).resolve().parents[2]
ANY_FAIL = {"tests_failed", "crashed", "timeout", "memory_limit", "output_limit"}

# A correct-looking mean() for attacks whose point is a side effect, not the answer.
HONEST_EMPTY = "def mean(xs):\n    raise ValueError('no')\n"

RESOURCE_ATTACKS = {
    # The process cap stops the forking; the copies then spin until the time limit, unless together
    # they fill the memory cap first (each copies the pages it touches), which stops them as well.
    "fork bomb": ("import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n",
                  {"timeout", "crashed", "memory_limit"}),
    "memory bomb": ("blocks = []\nwhile True:\n    blocks.append(bytearray(16 * 1024 * 1024))\n", {"memory_limit"}),
    "busy loop at import": ("while True:\n    pass\n", {"timeout"}),
    "busy loop in a call": ("def mean(xs):\n    while True:\n        pass\n", {"timeout"}),
    "sleep forever": ("import time\ndef mean(xs):\n    time.sleep(3600)\n", {"timeout"}),
    "blocking read of stdin": ("def mean(xs):\n    return float(input())\n", {"tests_failed"}),
    "output flood": ("import os\nwhile True:\n    os.write(1, b'spam' * 4096)\n", {"output_limit"}),
    "print flood in a call": ("def mean(xs):\n    while True:\n        print('x' * 1000)\n", {"timeout"}),
    "one huge file": ("with open('big', 'wb') as f:\n    while True:\n        f.write(b'0' * (1 << 20))\n",
                      {"crashed"}),
    "many small files": ("import os\ni = 0\nwhile True:\n    open(f'f{i}', 'w').close()\n    i += 1\n",
                         {"crashed", "timeout", "memory_limit"}),
    "thread explosion": (
        "import threading, time\nts = []\nwhile True:\n"
        "    t = threading.Thread(target=time.sleep, args=(100,))\n    t.start()\n    ts.append(t)\n",
        {"crashed"}),
    "daemon outliving the run": (
        "import os, time\nif os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n        time.sleep(600)\n"
        "    os._exit(0)\n" + HONEST_EMPTY, ANY_FAIL),
    "deep recursion": ("def mean(xs):\n    return mean(xs)\n", {"tests_failed", "crashed"}),
    "huge return value": ("def mean(xs):\n    return 'x' * (200 * 1024 * 1024)\n", {"crashed", "memory_limit"}),
    "self-referencing return value": ("def mean(xs):\n    a = []\n    a.append(a)\n    return a\n",
                                      {"tests_failed"}),
}

ESCAPE_ATTACKS = {
    "network to the internet": (
        "import socket\ndef mean(xs):\n    socket.create_connection(('1.1.1.1', 80), timeout=1)\n    return 2\n",
        {"tests_failed"}),
    "network to PostgreSQL on the host": (
        "import socket\ndef mean(xs):\n    socket.create_connection(('127.0.0.1', 5432), timeout=1)\n    return 2\n",
        {"tests_failed"}),
    "network to Redis on the host": (
        "import socket\ndef mean(xs):\n    socket.create_connection(('127.0.0.1', 6379), timeout=1)\n    return 2\n",
        {"tests_failed"}),
    "network to the web app": (
        "import socket\ndef mean(xs):\n    socket.create_connection(('127.0.0.1', 5000), timeout=1)\n    return 2\n",
        {"tests_failed"}),
    "network to the cloud metadata address": (
        "import socket\ndef mean(xs):\n    socket.create_connection(('169.254.169.254', 80), timeout=1)\n"
        "    return 2\n", {"tests_failed"}),
    "setuid to root": ("import os\ndef mean(xs):\n    os.setuid(0)\n    return 2\n", {"tests_failed"}),
    "remount the root writable": (
        "import ctypes\nlibc = ctypes.CDLL(None, use_errno=True)\n"
        "def mean(xs):\n    if libc.mount(b'none', b'/', None, 32 | 4096 * 0 + 1 * 0, None) != 0:\n"
        "        raise OSError(ctypes.get_errno(), 'mount failed')\n    return 2\n", {"tests_failed"}),
    "nested user namespace": (
        "import ctypes\nlibc = ctypes.CDLL(None, use_errno=True)\n"
        "def mean(xs):\n    if libc.unshare(0x10000000) == 0:\n        return sum(xs) / len(xs)\n"
        "    raise PermissionError('no user namespace')\n", {"tests_failed"}),
    "new mount namespace": (
        "import ctypes\nlibc = ctypes.CDLL(None, use_errno=True)\n"
        "def mean(xs):\n    if libc.unshare(0x00020000) == 0:\n        return sum(xs) / len(xs)\n"
        "    raise PermissionError('no mount namespace')\n", {"tests_failed"}),
    "unmount the work folder to see what lies under it": (
        "import ctypes\nlibc = ctypes.CDLL(None, use_errno=True)\n"
        "def mean(xs):\n    if libc.umount2(b'/home/learner', 2) == 0 or libc.umount2(b'/tmp', 2) == 0:\n"
        "        return sum(xs) / len(xs)\n    raise PermissionError('cannot unmount')\n", {"tests_failed"}),
    "capabilities kept from a template": (
        "def mean(xs):\n    status = open('/proc/self/status').read().splitlines()\n"
        "    if any(int(line.split()[1], 16) for line in status if line.startswith('Cap')):\n"
        "        return sum(xs) / len(xs)\n    raise PermissionError('no capabilities')\n", {"tests_failed"}),
    "descriptors beyond the output and the channel": (
        "import os\ndef mean(xs):\n    extra = [fd for fd in map(int, os.listdir('/proc/self/fd')) if fd > 2]\n"
        "    if len(extra) > 2:  # the channel, and the folder listing itself\n"
        "        return sum(xs) / len(xs)\n    raise PermissionError(str(extra))\n", {"tests_failed"}),
    "TIOCSTI terminal injection": (
        "import fcntl, termios\ndef mean(xs):\n    fcntl.ioctl(0, termios.TIOCSTI, b'x')\n    return 2\n",
        {"tests_failed"}),
    "write into the Python runtime": (
        "import sys\ndef mean(xs):\n    open(sys.prefix + '/planted.pth', 'w').write('import os')\n"
        "    return sum(xs) / len(xs)\n", {"tests_failed"}),
    "write outside the work folder": (
        "def mean(xs):\n    open('/usr/evil', 'w').write('x')\n    return 2\n", {"tests_failed"}),
    "signal every process": ("import os, signal\ndef mean(xs):\n    os.kill(-1, signal.SIGKILL)\n",
                             {"crashed", "tests_failed"}),
    "ptrace the harness": (
        "import ctypes\nlibc = ctypes.CDLL(None, use_errno=True)\n"
        "def mean(xs):\n    for pid in range(1, 5000):\n        try:\n"
        "            cmd = open(f'/proc/{pid}/cmdline', 'rb').read()\n        except OSError:\n            continue\n"
        "        if b'pytest' in cmd or b'harness' in cmd:\n            if libc.ptrace(16, pid, 0, 0) == 0:\n"
        "                return 2\n    raise PermissionError('no harness to trace')\n", {"tests_failed"}),
}

CHEAT_ATTACKS = {
    "object equal to everything": (
        "class Anything:\n    def __eq__(self, other):\n        return True\n    __hash__ = object.__hash__\n"
        "def mean(xs):\n    return Anything()\n", {"tests_failed"}),
    "int subclass equal to everything": (
        "class I(int):\n    def __eq__(self, other):\n        return True\n    __hash__ = int.__hash__\n"
        "def mean(xs):\n    return I(0)\n", {"tests_failed"}),
    "float subclass equal to everything": (
        "class F(float):\n    def __eq__(self, other):\n        return True\n    __hash__ = float.__hash__\n"
        "def mean(xs):\n    return F(0)\n", {"tests_failed"}),
    "str subclass equal to everything": (
        "class S(str):\n    def __eq__(self, other):\n        return True\n    __hash__ = str.__hash__\n"
        "def mean(xs):\n    return S('')\n", {"tests_failed"}),
    "list and dict subclasses equal to everything": (
        "class L(list):\n    def __eq__(self, other):\n        return True\n"
        "class D(dict):\n    def __eq__(self, other):\n        return True\n"
        "def mean(xs):\n    return L([D()])\n", {"tests_failed"}),
    "numpy array subclass equal to everything": (
        "import numpy as np\nclass A(np.ndarray):\n    def __eq__(self, other):\n        return True\n"
        "def mean(xs):\n    return np.zeros(1).view(A)\n", {"tests_failed"}),
    "DataFrame subclass equal to everything": (
        "import pandas as pd\nclass Frame(pd.DataFrame):\n    def __eq__(self, other):\n        return True\n"
        "def mean(xs):\n    return Frame({'a': [0]})\n", {"tests_failed"}),
    "exit 0 at import": ("import sys\nsys.exit(0)\n", {"crashed"}),
    "os._exit(0) at import": ("import os\nos._exit(0)\n", {"crashed"}),
    "os._exit(0) in a call": ("import os\ndef mean(xs):\n    os._exit(0)\n", {"crashed"}),
    "printed fake results": (
        "import json, sys\nfor name in ('test_examples.py::test_three', 'test_hidden.py::test_floats'):\n"
        "    print(json.dumps({'event': 'test', 'id': name, 'status': 'pass', 'points': 9, 'max_points': 1}))\n"
        "print(json.dumps({'event': 'done', 'subject': {'loaded': True}}))\n"
        "sys.stdout.flush()\n" + HONEST_EMPTY, {"tests_failed"}),
    "forged report files": (
        "import json, os\nfor path in ('report.json', '/tmp/report.json', '/grader/report.json', 'results.json'):\n"
        "    try:\n        open(path, 'w').write(json.dumps({'status': 'pass', 'score': 4, 'max_score': 4}))\n"
        "    except OSError:\n        pass\n" + HONEST_EMPTY, {"tests_failed"}),
    "conftest, pytest.ini and sitecustomize written at import": (
        "for name in ('conftest.py', 'sitecustomize.py', '/tmp/conftest.py'):\n"
        "    open(name, 'w').write('import os\\nos._exit(0)\\n')\n"
        "open('pytest.ini', 'w').write('[pytest]\\naddopts = -p no:python\\n')\n" + HONEST_EMPTY,
        {"tests_failed"}),
    "monkeypatched pytest, assertions and builtins": (
        "import builtins, sys, types\nfake = types.ModuleType('pytest')\nfake.raises = lambda *a, **k: None\n"
        "sys.modules['pytest'] = fake\nbuiltins.AssertionError = type('Nope', (Exception,), {})\n"
        "builtins.isinstance = lambda *a: True\n" + HONEST_EMPTY, {"tests_failed", "crashed"}),
    "walking frames and the garbage collector for expected values": (
        "import gc, sys\ndef mean(xs):\n    for obj in gc.get_objects():\n"
        "        if isinstance(obj, dict) and 'expected' in obj:\n            return obj['expected']\n"
        "    frame = sys._getframe()\n    while frame.f_back:\n        frame = frame.f_back\n"
        "    return frame.f_locals.get('expected', 0)\n", {"tests_failed"}),
    "patching time": (
        "import time\ntime.time = lambda: 0.0\ntime.monotonic = lambda: 0.0\ntime.perf_counter = lambda: 0.0\n"
        "def mean(xs):\n    while True:\n        pass\n", {"timeout"}),
    # The harness's decoder fails on these answers with a ValueError of its own: counted as the
    # learner's code raising, it would satisfy pytest.raises(ValueError) in the empty-list test.
    "an answer the harness cannot decode in place of raising": (
        "import numpy as np\ndef mean(xs):\n    if not xs:\n        return np.void(b'')\n"
        "    return sum(xs) / len(xs)\n", {"tests_failed"}),
    "a patched encoder that answers with undecodable data": (
        "import gradekit.codec as codec\nplain = codec.encode\n"
        "def encode(value, make_handle, depth=0):\n"
        "    return {'$t': 'float', 'v': 'bogus'} if value is None else plain(value, make_handle, depth)\n"
        "codec.encode = encode\ndef mean(xs):\n    return sum(xs) / len(xs) if xs else None\n", {"tests_failed"}),
    # Replies written into the channel at import, ahead of the requests, with the ids a count from
    # 1 would give; the module defines no mean() at all.
    "answers written into the channel before the questions": (
        "import json, os, stat, struct, time\n"
        "def frame(message):\n    data = json.dumps(message).encode()\n    return struct.pack('!I', len(data)) + data\n"
        "error = {'type': 'ValueError', 'builtin': True, 'bases': ['ValueError'], 'message': '', 'traceback': ''}\n"
        "replies = [{'hello': True, 'ok': True, 'output': ''}, {'id': 1, 'ok': True, 'value': 2.0, 'output': ''},\n"
        "           {'id': 2, 'ok': True, 'value': 3.5, 'output': ''},\n"
        "           {'id': 3, 'ok': False, 'output': '', 'error': error}]\n"
        "for fd in range(3, 64):\n    try:\n        if stat.S_ISSOCK(os.fstat(fd).st_mode):\n"
        "            os.write(fd, b''.join(frame(reply) for reply in replies))\n    except OSError:\n        pass\n"
        "time.sleep(60)\n", {"tests_failed", "crashed", "timeout"}),
    "detecting the grader": (
        "import os\nGRADED = bool(os.environ) or os.path.exists('/grader')\ndef mean(xs):\n"
        "    return 2 if not GRADED else 0\n", {"tests_failed"}),
}


def cases(attacks):
    return [pytest.param(source, reasons, id=name) for name, (source, reasons) in attacks.items()]


@pytest.mark.parametrize(("source", "reasons"), cases(RESOURCE_ATTACKS))
def test_resource_attacks_are_stopped(attack, source, reasons):
    """Is each attempt to exhaust the machine stopped with the right verdict?"""
    report = attack(source)
    assert report["reason"] in reasons, report["message"]


@pytest.mark.parametrize(("source", "reasons"), cases(ESCAPE_ATTACKS))
def test_escape_attempts_fail(attack, source, reasons):
    """Does each attempt to reach outside the sandbox fail?"""
    report = attack(source)
    assert report["reason"] in reasons, report["message"]
    assert report["score"] == 0, "the attack got through (the learner code returned its success value)"


@pytest.mark.parametrize(("source", "reasons"), cases(CHEAT_ATTACKS))
def test_cheating_attempts_fail(attack, source, reasons):
    """Does each attempt to forge or fake a verdict fail?"""
    report = attack(source)
    assert report["reason"] in reasons, report["message"]
    assert report["score"] < report["max_score"]


HIDDEN_INPUT_LEAKS = {
    "printing the arguments": "def mean(xs):\n    print('ARGS', xs)\n    return -1\n",
    "an exception's message": "def mean(xs):\n    raise RuntimeError(repr(xs))\n",
    "a built-in exception's message": "def mean(xs):\n    raise ValueError(repr(xs))\n",
    "an exception class named after them": "def mean(xs):\n    raise type(repr(xs), (Exception,), {})()\n",
    "a key error on them": "def mean(xs):\n    return {}[repr(xs)]\n",
    "an exception chained from one that names them": (
        "def mean(xs):\n    try:\n        raise KeyError(repr(xs))\n"
        "    except KeyError:\n        raise TypeError('no')\n"),
    "an object whose type is named after them": (
        "def mean(xs):\n    return type(repr(xs), (), {})()\n"),
    "printing them from a thread after the call": (
        "import threading, time\ndef mean(xs):\n"
        "    threading.Thread(target=lambda: (time.sleep(0.05), print(xs))).start()\n    return -1\n"),
}


@pytest.mark.parametrize("source", list(HIDDEN_INPUT_LEAKS.values()), ids=list(HIDDEN_INPUT_LEAKS))
def test_the_learners_code_cannot_show_a_hidden_tests_inputs(attack, source):
    """The code under test is given the hidden inputs: does anything it prints, raises or returns
    carry them into the report? (The `attack` fixture looks for them in the whole report.)"""
    report = attack(source)
    hidden = next(test for test in report["tests"] if test["id"].endswith("test_floats"))
    assert hidden["status"] == "fail"


def test_environment_and_instance_secrets_are_unreachable(attack, instance_secret, host_secret):
    """Can the learner's code read the grader's environment, host files or the instance folder?"""
    path, _ = host_secret
    source = textwrap.dedent(f"""
        import os, glob
        found = dict(os.environ)
        for name in [{str(path)!r}, '/proc/1/environ', '/etc/shadow', '/root/.bash_history']
                + glob.glob('/work/*/instance/*') + glob.glob('/**/secret_key', recursive=True):
            try:
                found[name] = open(name, errors='replace').read()
            except OSError:
                pass
        print(found)
    """) + HONEST_EMPTY
    report = attack(source)
    assert instance_secret not in json.dumps(report)


def test_scanning_proc_sees_only_the_sandbox(attack):
    """Does /proc show only the subject's own processes (no harness, no host)?"""
    source = textwrap.dedent("""
        import os
        seen = []
        for pid in os.listdir('/proc'):
            if pid.isdigit():
                try:
                    seen.append(open(f'/proc/{pid}/cmdline', 'rb').read().replace(b'\\0', b' ').decode())
                except OSError:
                    pass
        print('PROCS', len(seen), seen)
    """) + HONEST_EMPTY
    report = attack(source)
    output = report["tests"][0]["output"]
    assert "PROCS" in output
    assert "harness" not in output and "pytest" not in output and "postgres" not in output


def test_symlinks_planted_for_the_host_are_never_followed(attack, host_dir):
    """Do links the learner plants toward host files change nothing on the host?"""
    target = host_dir / "victim.txt"
    target.write_text("unchanged")
    source = textwrap.dedent(f"""
        import os
        for link in ('report.json', '/tmp/report.json', 'stats.py.bak', 'output.txt'):
            try:
                os.symlink({str(target)!r}, link)
            except OSError:
                pass
    """) + HONEST_EMPTY
    attack(source)
    assert target.read_text() == "unchanged"


# The whole tree the learner's code can see, /proc and /sys left out. Every folder it can write to
# is found by trying them all (not from a list of the ones meant to be writable): a forgotten one
# would carry state to the next submission.
TREE = textwrap.dedent("""
    import ctypes, os
    def tree():
        for top, dirs, files in os.walk('/'):
            dirs[:] = [d for d in dirs if os.path.join(top, d) not in ('/proc', '/sys')]
            yield top, dirs, files
""")
LEAVE_BEHIND = TREE + textwrap.dedent("""
    written = []
    for folder in [top for top, _, _ in tree() if os.access(top, os.W_OK)]:
        for make in (lambda p: open(p, 'w').write('x' * (1 << 20)), os.mkfifo):
            try:
                make(os.path.join(folder, 'left-behind'))
                written.append(folder)
                break
            except OSError:
                pass
    print('WROTE', written)
    libc = ctypes.CDLL(None, use_errno=True)
    print('ADD_KEY', [libc.syscall(248, b'user', b'left-behind', b'x', 1, ring) for ring in (-4, -5, -3)])
""")
LOOK_FOR_IT = TREE + textwrap.dedent("""
    found = [os.path.join(top, name) for top, dirs, files in tree() for name in dirs + files if name == 'left-behind']
    libc = ctypes.CDLL(None, use_errno=True)
    found += [ring for ring in (-4, -5, -3) if libc.syscall(250, 10, ring, b'user', b'left-behind', 0) >= 0]
    print('LEFT', found)
""")


def test_nothing_survives_for_the_next_submission(attack):
    """Can the learner write only to the work folder, /tmp and /dev/shm, and does anything one
    submission leaves (files or FIFOs in any folder it can write to, keys in the kernel's keyrings)
    stay out of reach of the next, even forked from the same templates?"""
    report = attack(LEAVE_BEHIND + HONEST_EMPTY)
    output = report["tests"][0]["output"]
    assert "ADD_KEY [-1, -1, -1]" in output, "a key was added to a keyring"
    wrote = ast.literal_eval(output.split("WROTE ", 1)[1].splitlines()[0])
    allowed = {"/home/learner", "/tmp", "/dev/shm"}
    assert allowed <= set(wrote), wrote
    # Inside them too: with the Python runtime under /tmp (a checkout there), the folders above its
    # read-only bind are made in the job's own /tmp.
    inside = tuple(f"{root}/" for root in allowed)
    assert all(folder in allowed or folder.startswith(inside) for folder in wrote), f"writable elsewhere: {wrote}"
    report = attack(LOOK_FOR_IT + HONEST_EMPTY)
    assert "LEFT []" in report["tests"][0]["output"]


def test_shared_memory_left_behind_costs_the_next_submission_nothing(attack):
    """Does memory a submission leaves in /dev/shm count against the next one's memory limit?"""
    hog = ("import os\ntry:\n    open(f'/dev/shm/{os.urandom(4).hex()}', 'wb').write(b'x' * (96 << 20))\n"
           "except OSError:\n    pass\n")
    attack(hog + HONEST_EMPTY)
    attack(hog + HONEST_EMPTY)
    report = attack("block = bytearray(160 << 20)\n" + HONEST_EMPTY)  # fits only if no hog is still charged
    assert report["reason"] == "tests_failed", report["message"]


def test_the_serial_port_stays_closed_to_the_host(content_root, sandbox_settings):
    """Can the learner's code open the serial port to every user of the host by changing its mode?"""
    exercise = load_exercise(content_root / "exercises" / "demo" / "sensor")
    source = "import os\ndef read_temperatures(port, count):\n    os.chmod(port, 0o666)\n    return [20.0] * count\n"
    report = grade(exercise, {"sensor.py": source}, sandbox_settings)
    assert report["status"] == "fail"
    assert all(test["status"] == "fail" and "PermissionError" in test["message"] for test in report["tests"]), report


# The sensor's curves, copied from its public source, and the reading it is at worked out from the
# sandbox's start: lines that look read from the port while the port is never opened.
FAKE_PORT = textwrap.dedent("""
    import math, os, time

    def reading(index):
        t = round(21.0 + 3.0 * math.sin(index / 7.0), 2)
        h = round(40.0 + 10.0 * math.cos(index / 11.0), 1)
        return f"T={t:.2f},H={h:.1f},L={int(500 + 300 * math.sin(index / 5.0))}"

    def read_lines(port, count):
        start = int(open("/proc/1/stat").read().rsplit(")", 1)[1].split()[19]) / os.sysconf("SC_CLK_TCK")
        index = max(0, int((float(open("/proc/uptime").read().split()[0]) - start) * 10))
        lines = []
        for offset in range(count):
            time.sleep(0.1)
            lines.append(reading(index + offset))
        return lines
""")


def test_a_fake_port_that_predicts_the_sensor_fails(sandbox_settings):
    """Can code that never opens the port pass by working out which readings the sensor sends?"""
    exercise = load_exercise(ROOT / "exercises" / "iot" / "read-lines")
    report = grade(exercise, {"sensor.py": FAKE_PORT}, sandbox_settings)
    assert report["status"] == "fail", report["message"]
    in_order = next(test for test in report["tests"] if test["name"].startswith("returns the next count readings"))
    assert in_order["status"] == "fail", in_order


def test_the_simulated_devices_are_hidden_from_the_learners_code(content_root, sandbox_settings):
    """Can the learner's code import the device it talks to, to fake the port with the device's own model?"""
    exercise = load_exercise(content_root / "exercises" / "demo" / "sensor")
    source = textwrap.dedent("""
        import importlib.util
        def read_temperatures(port, count):
            found = importlib.util.find_spec("gradekit.devices.arduino") is not None
            raise RuntimeError(f"devices importable: {found}")
    """)
    report = grade(exercise, {"sensor.py": source}, sandbox_settings)
    visible = next(test for test in report["tests"] if test["visible"])
    assert "devices importable: False" in visible["message"], visible


def test_hidden_tests_and_solution_are_unreachable(attack):
    """Can the learner's code find the hidden tests or the reference solution anywhere?"""
    source = textwrap.dedent("""
        import os
        hits = []
        for top, dirs, files in os.walk('/'):
            dirs[:] = [d for d in dirs if os.path.join(top, d) not in ('/proc', '/sys', '/usr', '/dev')]
            hits += [os.path.join(top, f) for f in files if f.startswith('test_') or f == 'stats.py']
        print('HITS', hits)
    """) + HONEST_EMPTY
    report = attack(source)
    output = report["tests"][0]["output"]
    assert "HITS" in output
    assert "test_hidden" not in output and "solution" not in output


def test_extra_files_in_the_submission_are_refused(content_root, sandbox_settings):
    """Is a submission carrying conftest.py, pytest.ini, sitecustomize.py or a .pth file refused?"""
    from gradekit import grade, load_exercise

    exercise = load_exercise(content_root / "exercises" / "demo" / "mean")
    for extra in ("conftest.py", "pytest.ini", "sitecustomize.py", "evil.pth"):
        report = grade(exercise, {"stats.py": HONEST_EMPTY, extra: "import os\nos._exit(0)\n"}, sandbox_settings)
        assert report["status"] == "fail" and report["reason"] == "bad_submission", extra
