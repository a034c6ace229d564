#!/usr/bin/env python3
"""Recomputes, from Python's own hashlib/zlib, the expected answers of every
vector case that names a `reference`, and fails when a vector file disagrees.

This is what keeps tests/vectors honest: the expected variants and keys of
the edx, gitlab and fnv1a cases are not whatever the C++ core printed, they
are what Open edX's, GitLab's and GrowthBook's published algorithms give.

  edx      stable_bucketing_hash_group(group, n, username), edX's
           lms/djangoapps/experiments/stable_bucketing.py
  gitlab   GLEX key_for (sha256 of secret|name|keys|values), Flipper's
           percentage-of-actors gate (crc32 % 100000), GLEX's split
           crc32(name:key) % n over the non-control variants
  fnv1a_v1 / fnv1a_v2   GrowthBook hash(), getBucketRange(), chooseVariation()

Usage: check_references.py [--print] FILE...
"""
import hashlib
import json
import re
import sys
import zlib


def edx_bucket(group, username, n):
    digest = hashlib.md5(group.encode("utf-8") + username.encode("utf-8")).hexdigest()
    bits = re.sub("[8-9a-f]", "1", re.sub("[0-7]", "0", digest))
    return int(bits, 2) % n


def glex_identify(value):
    # Ruby's to_s of a JSON value; nil -> "".
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True, separators=(",", ":"))
    return str(value)


def glex_key(secret, name, context, context_keys):
    sticky = context.get("sticky_to")
    if isinstance(sticky, str):
        return sticky
    if sticky is not None and not isinstance(sticky, dict):
        ingredients = [glex_identify(sticky)]
    else:
        source = sticky if sticky is not None else {
            k: v for k, v in context.items()
            if k not in ("sticky_to", "migrated_from") and (context_keys is None or k in context_keys)
        }
        ingredients = list(source.keys()) + [glex_identify(v) for v in source.values()]
    return hashlib.sha256("|".join([secret, name] + ingredients).encode("utf-8")).hexdigest()


def glex_gate(name, key, percentage):
    feature = name.replace("/", "_")
    crc = zlib.crc32((feature + "Experiment;" + name + ":" + key).encode("utf-8"))
    return crc % 100000 < percentage * 1000


def fnv1a32(text):
    h = 0x811C9DC5
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def growthbook_hash(seed, value, version):
    if version == 1:
        return (fnv1a32(value + seed) % 1000) / 1000
    return (fnv1a32(str(fnv1a32(seed + value))) % 10000) / 10000


def growthbook_variation(n, coverage, weights):
    cumulative = 0.0
    for i, w in enumerate(weights):
        start = cumulative
        cumulative += w
        if start <= n < start + coverage * w:
            return i
    return -1


def definition_of(document, name):
    experiments = document["experiments"] if isinstance(document, dict) else document
    for d in experiments:
        if d.get("name") == name:
            return d
    raise KeyError(name)


def variants_of(d):
    if "num_buckets" in d:
        return [str(i) for i in range(d["num_buckets"])]
    return d.get("variants", ["control", "candidate"])


def expected_for(kind, vector, case):
    d = definition_of(vector["definitions"], case["experiment"])
    ctx = case["context"]
    variants = variants_of(d)
    keys = d.get("context_keys")
    pct = d.get("percentage", 100)
    weights = d.get("weights", [1] * len(variants))
    if kind == "edx":
        group = d.get("seed", d["name"])
        if d.get("course_aware", True) and isinstance(ctx.get("course"), str) and ctx["course"]:
            group += "." + ctx["course"]
        field = keys[0] if keys else "username"
        return {"variant": variants[edx_bucket(group, str(ctx[field]), len(variants))]}
    if kind == "gitlab":
        key = glex_key(vector.get("secret", ""), d["name"], ctx, keys)
        if d.get("state", "conditional") == "conditional" and pct < 100 and not glex_gate(d["name"], key, pct):
            return {"variant": variants[0], "key": key, "reason": "gate"}
        candidates = variants[1:]
        crc = zlib.crc32((d["name"] + ":" + key).encode("utf-8"))
        return {"variant": candidates[crc % len(candidates)], "key": key, "reason": "split"}
    if kind in ("fnv1a_v1", "fnv1a_v2"):
        field = keys[0] if keys else "id"
        n = growthbook_hash(d.get("seed", d["name"]), str(ctx[field]), 1 if kind == "fnv1a_v1" else 2)
        total = sum(weights)
        index = growthbook_variation(n, pct / 100, [w / total for w in weights])
        if index < 0:
            return {"variant": variants[0], "reason": "gate"}
        return {"variant": variants[index], "reason": "split"}
    raise ValueError("unknown reference " + kind)


def main(argv):
    show = "--print" in argv
    files = [a for a in argv if a != "--print"]
    passed = failed = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            vector = json.load(f)
        for case in vector["cases"]:
            kind = case.get("reference")
            if not kind:
                continue
            want = expected_for(kind, vector, case)
            if show:
                print(path, case["name"], json.dumps(want))
            mismatches = {k: (v, case["expected"].get(k)) for k, v in want.items()
                          if case["expected"].get(k) != v}
            if mismatches:
                failed += 1
                print(f"FAIL {path}: {case['name']}: reference gives {mismatches}")
            else:
                passed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
