"""Similar submissions: token fingerprints with winnowing (Schleimer, Wilkerson and Aiken, 2003).

Code is tokenized with Python's own tokenizer; names become `N`, strings `S` and numbers `0`, and
comments and layout are dropped, so renaming variables or reformatting does not hide a copy.
Hashes of every k tokens in a row are winnowed (the smallest hash of each window of w), and two
submissions are compared by the share of fingerprints they have in common. Code that is not valid
Python (or a notebook's JSON) is compared on its words instead.

No maintained library fits: the best known one (copydetect) fingerprints files on disk and brings
numpy and pygments with it for what is fifty lines here.
"""

from __future__ import annotations

import hashlib
import io
import json
import keyword
import re
import tokenize
from dataclasses import dataclass
from itertools import combinations

K = 5  # tokens per k-gram: shorter finds common idioms everywhere
WINDOW = 4  # any shared run of K + WINDOW - 1 tokens is sure to be found
SKIPPED = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT,
           tokenize.ENCODING, tokenize.ENDMARKER}
WORD = re.compile(r"\w+|[^\w\s]")


def normalized_tokens(source: str) -> list[str]:
    """The token stream with names, strings and numbers made anonymous."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return WORD.findall(source)
    result = []
    for token in tokens:
        if token.type in SKIPPED:
            continue
        if token.type == tokenize.NAME:
            result.append(token.string if keyword.iskeyword(token.string) else "N")
        elif token.type == tokenize.STRING or token.type in _FSTRING_TYPES:
            result.append("S")
        elif token.type == tokenize.NUMBER:
            result.append("0")
        else:
            result.append(token.string)
    return result


_FSTRING_TYPES = {getattr(tokenize, name) for name in ("FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END")
                  if hasattr(tokenize, name)}


def code_of(files: dict[str, str]) -> str:
    """The code of a submission: notebooks contribute their code cells only."""
    parts = []
    for name in sorted(files):
        text = files[name]
        if name.endswith(".ipynb"):
            try:
                cells = json.loads(text).get("cells", [])
                text = "\n".join("".join(c.get("source", "")) for c in cells if c.get("cell_type") == "code")
            except (ValueError, AttributeError):
                pass
        parts.append(text)
    return "\n".join(parts)


def fingerprints(source: str, k: int = K, window: int = WINDOW) -> set[int]:
    tokens = normalized_tokens(source)
    hashes = [
        int.from_bytes(hashlib.blake2b(" ".join(tokens[i:i + k]).encode(), digest_size=8).digest(), "big")
        for i in range(len(tokens) - k + 1)
    ]
    if len(hashes) <= window:
        return set(hashes)
    return {min(hashes[i:i + window]) for i in range(len(hashes) - window + 1)}


def similarity(a: set[int], b: set[int]) -> float:
    """Shared fingerprints over the smaller set: 1.0 when one is contained in the other."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


@dataclass(frozen=True)
class Pair:
    first: int  # submission ids
    second: int
    score: float


def similar_pairs(codes: dict[int, str], baseline: str = "", threshold: float = 0.8,
                  minimum: int = 8) -> list[Pair]:
    """Pairs of submissions at least `threshold` alike, most alike first.

    Fingerprints of `baseline` (the starter) are removed first, so code everyone was given does not
    count, and a submission with fewer than `minimum` fingerprints left is too small to judge.
    """
    given = fingerprints(baseline) if baseline else set()
    prints = {key: fingerprints(code) - given for key, code in codes.items()}
    prints = {key: value for key, value in prints.items() if len(value) >= minimum}
    pairs = [
        Pair(a, b, score)
        for a, b in combinations(sorted(prints), 2)
        if (score := similarity(prints[a], prints[b])) >= threshold
    ]
    return sorted(pairs, key=lambda p: (-p.score, p.first, p.second))
