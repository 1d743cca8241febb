"""A seccomp filter the subject installs on itself before any learner code runs.

Namespaces keep each submission's files, processes, network and IPC apart. Kernel keyrings are
not namespaced that way: a key added to the user keyring stays with the uid, so two submissions
forked from one template (same uid, same user namespace) could pass data through it. Learner code
has no use for keyrings, so `add_key`, `request_key` and `keyctl` fail with EPERM.

The filter is a classic BPF program (`seccomp(2)`): it checks the calling convention first (an
x86-64 process can also make i386 and x32 system calls, numbered differently), then the number.
It needs no_new_privs, which both backends set, and it is inherited by every child and can't be
removed.
"""

from __future__ import annotations

import ctypes
import os
import platform

PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 22, 2
SECCOMP_RET_ALLOW, SECCOMP_RET_ERRNO = 0x7FFF0000, 0x00050000
EPERM = 1
BPF_LD_W_ABS, BPF_JEQ_K, BPF_RET_K = 0x20, 0x15, 0x06
ARCH_OFFSET, NR_OFFSET = 4, 0  # in struct seccomp_data
X32_BIT = 0x40000000

# add_key, request_key, keyctl, per calling convention (audit arch)
DENIED: dict[str, dict[int, tuple[int, ...]]] = {
    "x86_64": {0xC000003E: (248, 249, 250, X32_BIT | 248, X32_BIT | 249, X32_BIT | 250),
               0x40000003: (286, 287, 288)},
    "aarch64": {0xC00000B7: (217, 218, 219)},
}


class _Instruction(ctypes.Structure):
    _fields_ = [("code", ctypes.c_uint16), ("jt", ctypes.c_uint8), ("jf", ctypes.c_uint8), ("k", ctypes.c_uint32)]


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_Instruction))]


def program(denied: dict[int, tuple[int, ...]]) -> list[tuple[int, int, int, int]]:
    """The filter as (code, jump if true, jump if false, k) instructions; the last one denies."""
    blocks: list[list[tuple[int, int, int, int]]] = []
    for numbers in denied.values():
        blocks.append([(BPF_LD_W_ABS, 0, 0, NR_OFFSET)] + [(BPF_JEQ_K, 0, 0, nr) for nr in numbers]
                      + [(BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW)])
    code: list[tuple[int, int, int, int]] = [(BPF_LD_W_ABS, 0, 0, ARCH_OFFSET)]
    jumps = [(BPF_JEQ_K, 0, 0, arch) for arch in denied]  # to each arch's block, resolved below
    code += jumps + [(BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW)]
    starts = []
    for block in blocks:
        starts.append(len(code))
        code += block
    deny = len(code)
    code.append((BPF_RET_K, 0, 0, SECCOMP_RET_ERRNO | EPERM))
    for index, start in enumerate(starts):  # jumps are relative to the next instruction
        at = 1 + index
        code[at] = (BPF_JEQ_K, start - at - 1, 0, code[at][3])
        for offset in range(1, len(blocks[index]) - 1):
            at = start + offset
            code[at] = (BPF_JEQ_K, deny - at - 1, 0, code[at][3])
    if len(code) > 255:
        raise ValueError("the filter's jumps do not fit in 8 bits")
    return code


def deny_keyrings() -> None:
    """Install the filter on this process (and so every process it starts); raise if it can't be."""
    denied = DENIED.get(platform.machine())
    if denied is None:
        raise OSError(f"no seccomp filter for {platform.machine()}")
    code = program(denied)
    instructions = (_Instruction * len(code))(*(_Instruction(*line) for line in code))
    prog = _Program(len(code), instructions)
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0) != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"seccomp: {os.strerror(error)}")
