#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora from the shared vectors.

    python3 tests/fuzz/seeds.py OUT_DIR

OUT_DIR/definitions: each vector file's definitions and the example file;
OUT_DIR/context: each case's context; OUT_DIR/condition: each rule's
condition and a case's context, split by a NUL byte (condition_fuzz.cpp);
OUT_DIR/time: the enrollment bounds and times the vectors use.
"""
import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parents[2]
out = pathlib.Path(sys.argv[1])
seeds = {name: [] for name in ("definitions", "context", "condition", "time")}


def text(value):
    return json.dumps(value, ensure_ascii=False).encode()


for path in sorted((root / "tests" / "vectors").glob("*.json")) + [root / "native" / "examples" / "definitions.json"]:
    document = json.loads(path.read_text())
    definitions = document.get("definitions", document)
    seeds["definitions"].append(text(definitions))
    experiments = definitions.get("experiments", []) if isinstance(definitions, dict) else definitions
    contexts = [case.get("context", {}) for case in document.get("cases", [])] or [{}]
    seeds["context"] += [text(c) for c in contexts]
    for experiment in experiments:
        rules = experiment.get("exclude", []) + [s.get("when", {}) for s in experiment.get("segments", [])]
        rules += list(experiment.get("overrides", {}).values())
        seeds["condition"] += [text(rule) + b"\0" + text(contexts[0]) for rule in rules]
        for bound in experiment.get("enrollment", {}).values():
            seeds["time"].append(text(bound))
    for value in (document.get("now"),):
        if value is not None:
            seeds["time"].append(text(value))
seeds["time"] += [b"2020-01-01T10:00:00.250+02:00", b"1577836800000", b'"2020-02-30"']

for name, items in seeds.items():
    folder = out / name
    folder.mkdir(parents=True, exist_ok=True)
    for i, item in enumerate(dict.fromkeys(items)):
        (folder / f"seed-{i:03d}").write_bytes(item)
    print(f"{name}: {len(set(items))} seeds")
