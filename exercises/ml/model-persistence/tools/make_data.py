"""Write the two bundles in data/ that load_model() must refuse: a tampered file and an old version.

Each holds a plain dict, not a model, so the files do not depend on the installed scikit-learn.
Run from the exercise folder: python tools/make_data.py
"""

import hashlib
import json
from pathlib import Path

import joblib

DATA = Path(__file__).resolve().parent.parent / "data"


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write(name, sidecar):
    path = DATA / name
    joblib.dump({"note": f"{name} is not a real model"}, path)
    Path(f"{path}.json").write_text(json.dumps(sidecar(path), indent=2) + "\n")


def main():
    DATA.mkdir(exist_ok=True)
    # The checksum was taken before the file changed: the bytes on disk no longer match it.
    write("tampered.joblib", lambda path: {"sklearn_version": "1.9.1", "features": ["tenure"],
                                           "sha256": hashlib.sha256(b"the original bytes").hexdigest()})
    # A genuine bundle, written by a much older scikit-learn.
    write("old-version.joblib", lambda path: {"sklearn_version": "0.24.2", "features": ["tenure"],
                                              "sha256": sha256(path)})


if __name__ == "__main__":
    main()
