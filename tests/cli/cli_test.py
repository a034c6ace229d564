#!/usr/bin/env python3
"""End-to-end tests of the `cohort` command-line tool (stdlib only).

Usage: cli_test.py PATH/TO/cohort PROJECT_SOURCE_DIR

Runs the tool as a user would and checks its output formats (other tools
parse them), its hash modes against Python re-statements of Open edX's and
GitLab's algorithms (hashlib, zlib), the <script> safety of `publish`, the
statistics of `simulate`, and that hostile input ends in a message naming the
file and JSON path with exit status 2, never a crash.
"""
import hashlib
import json
import math
import os
import pty
import re
import shutil
import subprocess
import sys
import tempfile
import zlib

COHORT = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else "cohort"
ROOT = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else os.getcwd()
EXAMPLE = os.path.join(ROOT, "native", "examples", "definitions.json")
DEMO_CONTEXT = '{"actor": "user:42", "username": "ada", "course": "course-v1:edX+DemoX+2026"}'
ANSWER_KEYS = ["experiment", "variant", "key", "reason", "excluded", "tracked", "variant_index"]
TMP = tempfile.mkdtemp(prefix="cohort-cli-test-")

TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


def run(*args, stdin=None):
    """Runs the tool; returns (status, stdout, stderr) as text."""
    p = subprocess.run([COHORT, *args], input=stdin, capture_output=True, timeout=300)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def ok(*args):
    status, out, err = run(*args)
    assert status == 0, f"exit {status} for {args}: {err.strip()}"
    return out, err


def bad(*args, status=2):
    """Runs a command expected to fail cleanly: the status (a crash or a
    sanitizer abort would be a negative or other status) and stderr."""
    got, out, err = run(*args)
    assert got == status, f"exit {got} (wanted {status}) for {args}; stderr: {err.strip()[:300]}"
    assert "AddressSanitizer" not in err and "runtime error" not in err, err[:500]
    return out, err


def write(name, content):
    path = os.path.join(TMP, name)
    mode = "wb" if isinstance(content, bytes) else "w"
    with open(path, mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as f:
        f.write(content)
    return path


def lines_of(out):
    return [json.loads(line, object_pairs_hook=list) for line in out.splitlines()]


# --- Python re-statements of the reference algorithms -----------------------


def edx_bucket(group, username, n):
    """Open edX lms/djangoapps/experiments/stable_bucketing.py."""
    digest = hashlib.md5(group.encode("utf-8") + username.encode("utf-8")).hexdigest()
    bits = re.sub("[8-9a-f]", "1", re.sub("[0-7]", "0", digest))
    return int(bits, 2) % n


def glex_key(secret, name, keys, values):
    return hashlib.sha256("|".join([secret, name, *keys, *values]).encode("utf-8")).hexdigest()


def flipper_gate(name, key, percentage):
    feature = name.replace("/", "_")
    crc = zlib.crc32((feature + "Experiment;" + name + ":" + key).encode("utf-8"))
    return crc % 100000 < percentage * 1000


def glex_variant(name, key, variants, percentage=None):
    if percentage is not None and percentage < 100 and not flipper_gate(name, key, percentage):
        return variants[0]
    others = variants[1:]
    return others[zlib.crc32((name + ":" + key).encode("utf-8")) % len(others)]


# --- help and usage -----------------------------------------------------------


@test
def help_for_the_tool_and_every_command():
    out, _ = ok("--help")
    for command in ("resolve", "simulate", "publish", "bucket", "vectors", "exit status"):
        assert command in out, command
    for command in ("resolve", "simulate", "publish", "bucket", "vectors"):
        out, _ = ok(command, "--help")
        assert "usage: cohort " + command in out, (command, out[:200])


@test
def usage_errors_exit_2_with_a_message():
    for args, needle in [
        ((), "no command"),
        (("frobnicate",), "unknown command 'frobnicate'"),
        (("resolve", "--definitions", EXAMPLE, "--context", "{}", "--colour", "red"),
         "unknown option '--colour'"),
        (("resolve", "--definitions", EXAMPLE, "--context"), "'--context' needs a value"),
        (("resolve", "--definitions", EXAMPLE), "missing required option '--context'"),
        (("resolve", "--definitions", EXAMPLE, "--definitions", EXAMPLE, "--context", "{}"),
         "given twice"),
        (("resolve", "--definitions", EXAMPLE, "--context", "{}", "stray"), "unexpected argument"),
        (("bucket", "--hash", "md5"), "--hash: expected edx, gitlab or xxh3"),
        (("bucket", "--hash", "edx", "--group", "g", "--id", "u", "--buckets", "0"), "--buckets"),
        (("bucket", "--hash", "edx", "--group", "g", "--id", "u", "--buckets", "2x"), "--buckets"),
        (("bucket", "--hash", "edx", "--key", "k"), "does not apply to --hash edx"),
        (("bucket", "--hash", "gitlab", "--experiment", "e", "--key", "k", "--variants", "control"),
         "--variants"),
        (("bucket", "--hash", "gitlab", "--experiment", "e", "--key", "k", "--variants", "a,b",
          "--percentage", "101"), "--percentage"),
        (("simulate", "--definitions", EXAMPLE, "--experiment", "pill_color", "--contexts", "-5"),
         "--contexts"),
        (("vectors",), "no vector file"),
    ]:
        out, err = bad(*args)
        assert needle in err, (args, err)
        assert "usage:" in err, (args, err)
        assert out == "", (args, out)


# --- resolve ------------------------------------------------------------------


@test
def resolve_prints_one_line_per_experiment_with_keys_in_order():
    out, err = ok("resolve", "--definitions", EXAMPLE, "--context", DEMO_CONTEXT,
                  "--now", "2026-06-01T00:00:00Z")
    answers = lines_of(out)
    with open(EXAMPLE, encoding="utf-8") as f:
        names = [d["name"] for d in json.load(f)["experiments"]]
    assert [dict(a)["experiment"] for a in answers] == names, out
    for pairs in answers:
        assert [k for k, _ in pairs] == ANSWER_KEYS, pairs
        a = dict(pairs)
        assert isinstance(a["variant"], str) and isinstance(a["key"], str)
        assert isinstance(a["excluded"], bool) and isinstance(a["tracked"], bool)
        assert isinstance(a["variant_index"], int)
        assert re.fullmatch("[0-9a-f]+", a["key"]), a
    # Compact JSON, as documented: no spaces after separators.
    assert '","variant":"' in out.splitlines()[0]
    assert err == "", err


@test
def resolve_matches_edx_and_gitlab_references():
    out, _ = ok("resolve", "--definitions", EXAMPLE, "--context", DEMO_CONTEXT,
                "--now", "2026-06-01T00:00:00Z")
    answers = {dict(p)["experiment"]: dict(p) for p in lines_of(out)}
    edx = answers["course_upsell_banner"]
    bucket = edx_bucket("course_upsell_banner.course-v1:edX+DemoX+2026", "ada", 2)
    assert (edx["variant"], edx["variant_index"], edx["reason"]) == (str(bucket), bucket, "split"), edx
    gl = answers["pipeline_editor_walkthrough"]
    key = glex_key("", "pipeline_editor_walkthrough", ["actor"], ["user:42"])
    assert gl["key"] == key, gl
    assert gl["variant"] == glex_variant("pipeline_editor_walkthrough", key,
                                         ["control", "candidate"], 25), gl
    assert gl["reason"] == ("split" if flipper_gate("pipeline_editor_walkthrough", key, 25) else "gate")
    off = answers["dark_mode"]
    assert (off["variant"], off["reason"], off["tracked"]) == ("control", "disabled", False), off


@test
def resolve_with_secret_changes_the_gitlab_key_as_glex_does():
    out, _ = ok("resolve", "--definitions", EXAMPLE, "--context", DEMO_CONTEXT,
                "--experiment", "pipeline_editor_walkthrough", "--secret", "s3cret")
    (a,) = [dict(p) for p in lines_of(out)]
    assert a["key"] == glex_key("s3cret", "pipeline_editor_walkthrough", ["actor"], ["user:42"]), a


@test
def resolve_one_experiment_unknown_and_rules():
    out, _ = ok("resolve", "--definitions", EXAMPLE, "--context", DEMO_CONTEXT,
                "--experiment", "pill_color")
    assert len(out.splitlines()) == 1 and dict(lines_of(out)[0])["experiment"] == "pill_color"
    out, _ = ok("resolve", "--definitions", EXAMPLE, "--context", DEMO_CONTEXT,
                "--experiment", "nope")
    a = dict(lines_of(out)[0])
    assert (a["variant"], a["reason"], a["tracked"], a["key"]) == ("control", "unknown", False, ""), a
    # The override, the segment and the exclusion of pill_color.
    for context, variant, reason in [
        ('{"actor": "user:1", "staff": true}', "red", "forced"),
        ('{"actor": "user:1", "country": "NL"}', "blue", "segment"),
        ('{"actor": "user:1", "account_age_days": 30}', "control", "excluded"),
    ]:
        out, _ = ok("resolve", "--definitions", EXAMPLE, "--context", context,
                    "--experiment", "pill_color")
        a = dict(lines_of(out)[0])
        assert (a["variant"], a["reason"]) == (variant, reason), (context, a)
    # Before the edX enrollment window opens (no enrollment_created: "now").
    out, _ = ok("resolve", "--definitions", EXAMPLE, "--context", DEMO_CONTEXT,
                "--experiment", "course_upsell_banner", "--now", "2025-12-31T23:59:59Z")
    a = dict(lines_of(out)[0])
    assert (a["variant"], a["reason"], a["excluded"]) == ("0", "excluded", True), a


@test
def resolve_key_does_not_depend_on_context_key_order():
    one, _ = ok("resolve", "--definitions", EXAMPLE, "--experiment", "course_upsell_banner",
                "--context", '{"actor": "user:42", "username": "ada"}')
    two, _ = ok("resolve", "--definitions", EXAMPLE, "--experiment", "course_upsell_banner",
                "--context", '{"username": "ada", "actor": "user:42"}')
    assert one == two and one, (one, two)


@test
def resolve_reports_migration_keys():
    out, _ = ok("resolve", "--definitions", EXAMPLE, "--experiment", "pill_color", "--context",
                '{"actor": "user:42", "migrated_from": {"actor": "legacy:42"}}')
    pairs = lines_of(out)[0]
    assert [k for k, _ in pairs] == ANSWER_KEYS + ["migration_keys"], pairs
    keys = dict(pairs)["migration_keys"]
    assert len(keys) == 1 and keys[0] != dict(pairs)["key"], pairs


# --- bucket -------------------------------------------------------------------


@test
def bucket_edx_matches_stable_bucketing_hash_group():
    cases = [("pill_color", "ada", 2), ("course_upsell_banner.course-v1:edX+DemoX+2026", "ada", 2),
             ("welcome_email", "grace", 4), ("x", "", 3), ("", "bob", 7),
             ("ünïcode.course-v1:édX+Ω+2026", "渡辺", 5), ("outline_tabs", "user123", 1000)]
    for group, username, n in cases:
        out, _ = ok("bucket", "--hash", "edx", "--group", group, "--id", username,
                    "--buckets", str(n))
        assert out == f"{edx_bucket(group, username, n)}\n", (group, username, n, out)


@test
def bucket_gitlab_matches_glex_published_spec():
    key = "300b002687ba1f68591adb2f45ae67f1e56be05ad55f317cc00f1c4aa38f081a"
    assert hashlib.sha256(b"|namespaced/stub").hexdigest() == key
    assert zlib.crc32(("namespaced/stub:" + key).encode()) == 2201206415
    out, _ = ok("bucket", "--hash", "gitlab", "--experiment", "namespaced/stub", "--key", key,
                "--variants", "control,variant1,variant2")
    assert out == "variant2\n", out


@test
def bucket_gitlab_matches_zlib_crc32_and_the_flipper_gate():
    gated_out = gated_in = 0
    for i in range(40):
        name = ["pill_color", "namespaced/stub", "pipeline_editor_walkthrough"][i % 3]
        key = hashlib.sha256(f"|{name}|actor|user:{i}".encode()).hexdigest()
        variants = ["control", "a", "b", "c"][: 2 + i % 3]
        percentage = [None, 50, 25, 12.5, 100, 0][i % 6]
        args = ["bucket", "--hash", "gitlab", "--experiment", name, "--key", key,
                "--variants", ",".join(variants)]
        if percentage is not None:
            args += ["--percentage", str(percentage)]
        out, _ = ok(*args)
        want = glex_variant(name, key, variants, percentage)
        assert out == want + "\n", (name, key, variants, percentage, out, want)
        if percentage is not None and percentage < 100:
            if flipper_gate(name, key, percentage):
                gated_in += 1
            else:
                gated_out += 1
    assert gated_in > 0 and gated_out > 0, "the cases should exercise both sides of the gate"


@test
def bucket_xxh3_prints_both_draws_as_json():
    out, _ = ok("bucket", "--hash", "xxh3", "--seed", "pill_color", "--key", "abc")
    pairs = json.loads(out, object_pairs_hook=list)
    assert [k for k, _ in pairs] == ["seed_hash", "gate", "split"], pairs
    d = dict(pairs)
    assert re.fullmatch("[0-9a-f]{16}", d["seed_hash"]), d
    assert 0 <= d["gate"] < 1 and 0 <= d["split"] < 1 and d["gate"] != d["split"], d
    again, _ = ok("bucket", "--hash", "xxh3", "--seed", "pill_color", "--key", "abc")
    other, _ = ok("bucket", "--hash", "xxh3", "--seed", "pill_color", "--key", "abd")
    assert out == again and out != other


# --- publish ------------------------------------------------------------------

PREFIX = "<script>window.gl = window.gl || {}; window.gl.experiments = "
SUFFIX = ";</script>\n"


@test
def publish_prints_the_answers_of_every_experiment():
    out, _ = ok("publish", "--definitions", EXAMPLE, "--context", DEMO_CONTEXT)
    assert out.startswith(PREFIX) and out.endswith(SUFFIX), out
    data = json.loads(out[len(PREFIX):-len(SUFFIX)], object_pairs_hook=list)
    resolved, _ = ok("resolve", "--definitions", EXAMPLE, "--context", DEMO_CONTEXT)
    answers = [dict(p) for p in lines_of(resolved)]
    assert [name for name, _ in data] == [a["experiment"] for a in answers]
    for (name, entry), a in zip(data, answers):
        assert [k for k, _ in entry] == ["experiment", "key", "variant"], entry
        e = dict(entry)
        assert (e["experiment"], e["key"], e["variant"]) == (name, a["key"], a["variant"])


@test
def publish_cannot_be_broken_out_of_the_script_element():
    hostile = "x</script><script>alert(1)</script>&<!--"
    defs = write("hostile.json", json.dumps({"experiments": [
        {"name": hostile, "variants": ["control", "v</script>\u2028\u2029"], "weights": [0, 1]},
        {"name": "plain", "variants": ["control", "candidate"]},
        {"name": "__proto__", "variants": ["control", "candidate"]},
    ]}))
    context = json.dumps({"actor": "user:1", "sticky_to": "</SCRIPT>\u2028key"})
    out, err = ok("publish", "--definitions", defs, "--context", context)
    assert out.startswith(PREFIX) and out.endswith(SUFFIX), out
    body = out[len(PREFIX):-len(SUFFIX)]
    for forbidden in ("<", ">", "&", "\u2028", "\u2029"):
        assert forbidden not in body, (forbidden, body)
    assert out.lower().count("</script") == 1, out
    assert "\\u003c/script\\u003e" in body and "\\u2028" in body and "\\u2029" in body, body
    data = json.loads(body)
    assert "__proto__" not in data and "__proto__" in err, (data, err)
    assert data[hostile]["variant"] == "v</script>\u2028\u2029", data
    assert data[hostile]["key"] == "</SCRIPT>\u2028key", data
    assert data["plain"]["experiment"] == "plain"


# --- simulate -----------------------------------------------------------------

P_VALUE = re.compile(r"chi-square ([0-9.]+), (\d+) degrees of freedom, p-value ([0-9.e+-]+)")


def simulate_table(out):
    rows = {}
    for line in out.splitlines():
        m = re.fullmatch(r"(\S+)\s+(\d+)\s+([0-9.]+)%\s+([0-9.]+)%", line)
        if m:
            rows[m.group(1)] = (int(m.group(2)), float(m.group(3)) / 100, float(m.group(4)) / 100)
    return rows


@test
def simulate_prints_the_split_and_a_p_value_without_progress_off_a_terminal():
    out, err = ok("simulate", "--definitions", EXAMPLE, "--experiment", "pill_color",
                  "--contexts", "20000")
    assert err == "", f"stderr must stay empty when it is not a terminal: {err!r}"
    rows = simulate_table(out)
    assert set(rows) == {"control", "red", "blue"}, out
    assert sum(n for n, _, _ in rows.values()) == 20000, out
    assert [rows[v][2] for v in ("control", "red", "blue")] == [0.5, 0.25, 0.25], out
    for n, share, expected in rows.values():
        assert abs(share - expected) < 0.02, out
    m = P_VALUE.search(out)
    assert m, out
    chi, dof, p = float(m.group(1)), int(m.group(2)), float(m.group(3))
    # Pearson's statistic from the table, and for 2 degrees of freedom the
    # survival function is exactly exp(-x/2).
    mine = sum((n - e * 20000) ** 2 / (e * 20000) for n, _, e in rows.values())
    assert dof == 2 and abs(chi - mine) < 1e-3, (chi, mine)
    assert abs(p - math.exp(-chi / 2)) < 1e-3 * max(p, 1e-3), (p, math.exp(-chi / 2))


@test
def simulate_is_deterministic_and_seeded():
    args = ["simulate", "--definitions", EXAMPLE, "--experiment", "course_upsell_banner",
            "--contexts", "3000", "--now", "2026-06-01T00:00:00Z"]
    one, _ = ok(*args)
    two, _ = ok(*args)
    other, _ = ok(*args, "--seed", "7")
    assert one == two and one != other
    rows = simulate_table(one)
    assert [rows[v][2] for v in ("0", "1")] == [0.5, 0.5], one
    # The same contexts, bucketed by Python: user<i>, course-less group.
    counts = [0, 0]
    for i in range(3000):
        counts[edx_bucket("course_upsell_banner", f"user{i}", 2)] += 1
    assert [rows["0"][0], rows["1"][0]] == counts, (rows, counts)


@test
def simulate_gitlab_mode_expects_no_control_inside_the_gate():
    out, _ = ok("simulate", "--definitions", EXAMPLE, "--experiment",
                "pipeline_editor_walkthrough", "--contexts", "5000")
    rows = simulate_table(out)
    assert (rows["control"][2], rows["candidate"][2]) == (0.75, 0.25), out
    assert P_VALUE.search(out), out


@test
def simulate_draws_a_progress_bar_on_a_terminal():
    master, slave = pty.openpty()
    try:
        p = subprocess.run([COHORT, "simulate", "--definitions", EXAMPLE, "--experiment",
                            "pill_color", "--contexts", "50000"],
                           stdout=subprocess.PIPE, stderr=slave, timeout=300)
        os.close(slave)
        slave = None
        drawn = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            drawn += chunk
    finally:
        if slave is not None:
            os.close(slave)
        os.close(master)
    assert p.returncode == 0, p.returncode
    assert b"%" in drawn and b"[" in drawn, drawn[:200]
    assert b"p-value" in p.stdout


# --- hostile input ------------------------------------------------------------


@test
def malformed_json_file_names_file_and_position():
    path = write("malformed.json", '{"experiments": [{"name": "a",}]}')
    _, err = bad("resolve", "--definitions", path, "--context", "{}")
    assert "malformed.json" in err and "invalid JSON at byte" in err, err


@test
def numbers_no_double_can_hold_are_errors_not_aborts():
    # nlohmann's out_of_range used to escape and abort the tool (exit 134).
    for number in ("1e309", "77e7777", "-1e400", "9" * 5001):
        path = write("overflow.json", '{"experiments": [{"name": "a", "percentage": %s}]}' % number)
        _, err = bad("resolve", "--definitions", path, "--context", "{}")
        assert "overflow.json: /experiments/0/percentage: number out of range" in err, err
        _, err = bad("resolve", "--definitions", EXAMPLE, "--context", '{"actor": [1, {"n": %s}]}' % number)
        assert "--context: /actor/1/n: number out of range" in err, err
        _, err = bad("publish", "--definitions", EXAMPLE, "--context", '{"t": %s}' % number)
        assert "--context: /t: number out of range" in err, err
        _, err = bad("vectors", path)
        assert "overflow.json" in err and "number out of range" in err, err


@test
def deeply_nested_file_is_refused_without_a_crash():
    path = write("deep.json", "[" * 100000)
    for command in (["resolve", "--context", "{}"], ["publish", "--context", "{}"],
                    ["simulate", "--experiment", "x", "--contexts", "1"]):
        _, err = bad(command[0], "--definitions", path, *command[1:])
        assert "deep.json" in err and "nesting deeper than" in err, err
    _, err = bad("vectors", path)
    assert "deep.json" in err, err


@test
def missing_file_directory_and_oversized_file():
    missing = os.path.join(TMP, "does-not-exist.json")
    _, err = bad("resolve", "--definitions", missing, "--context", "{}")
    assert "does-not-exist.json" in err and "cannot open" in err, err
    _, err = bad("resolve", "--definitions", TMP, "--context", "{}")
    assert "is a directory" in err, err
    big = write("big.json", b" " * (17 << 20))
    _, err = bad("resolve", "--definitions", big, "--context", "{}")
    assert "big.json" in err and "limit" in err, err


@test
def bad_context_and_bad_now():
    for context, needle in [
        ('{"actor": ', "--context: invalid JSON"),
        ("[1, 2]", "--context: expected a context object"),
        ('{"sticky_to": true}', "--context: /sticky_to: expected"),
        ('{"actor": "a", "migrated_from": {"migrated_from": 5}}', "--context: /migrated_from/migrated_from"),
        ('{"a":' * 1000 + "1" + "}" * 1000, "--context: nesting deeper than"),
    ]:
        _, err = bad("resolve", "--definitions", EXAMPLE, "--context", context)
        assert needle in err, (context[:40], err)
    _, err = bad("resolve", "--definitions", EXAMPLE, "--context", "{}", "--now", "yesterday")
    assert "--now" in err, err


@test
def one_bad_experiment_is_skipped_and_the_rest_resolve():
    path = write("partly_bad.json", json.dumps({"experiments": [
        {"name": "good_one", "variants": ["control", "a"], "colour": "red"},
        {"name": "bad_weights", "variants": ["control", "a", "b"], "weights": "x"},
        {"name": "bad_regex", "exclude": [{"email": {"$regex": "(a"}}]},
        {"name": "good_two", "state": "off"},
    ]}))
    out, err = ok("resolve", "--definitions", path, "--context", '{"actor": "user:1"}')
    assert ("partly_bad.json: /experiments/1/weights: expected an array of 3 weights" in err), err
    assert "partly_bad.json: /experiments/2/exclude/0" in err, err
    assert "warning: " in err and "/experiments/0/colour" in err, err
    answers = [dict(p) for p in lines_of(out)]
    assert [a["experiment"] for a in answers] == ["good_one", "bad_weights", "bad_regex", "good_two"]
    assert answers[0]["reason"] == "split" and answers[3]["reason"] == "disabled", answers
    for a in answers[1:3]:
        assert (a["variant"], a["reason"], a["tracked"]) == ("control", "error", False), a
        assert a["error"].startswith("/experiments/"), a
    assert list(lines_of(out)[1][-1])[0] == "error"
    out, _ = ok("resolve", "--definitions", path, "--context", "{}", "--experiment", "bad_weights")
    assert dict(lines_of(out)[0])["reason"] == "error"
    _, err = bad("simulate", "--definitions", path, "--experiment", "bad_weights", "--contexts", "5")
    assert "was skipped" in err, err


@test
def files_that_are_not_definitions_are_unusable():
    for name, content, needle in [
        ("not_defs.json", '{"experiment": []}', "/experiments: missing"),
        ("string.json", '"hello"', "expected an object"),
        ("all_bad.json", '[{"name": 5}, {"variants": []}]', "/0/name"),
        ("empty.json", "", "invalid JSON"),
    ]:
        path = write(name, content)
        out, err = bad("resolve", "--definitions", path, "--context", "{}")
        assert name in err and needle in err, (name, err)
        assert out == "", out


# --- vectors ------------------------------------------------------------------


@test
def vectors_report_pass_fail_and_a_summary():
    vector = {
        "description": "cli test",
        "now": "2026-06-01T00:00:00Z",
        "definitions": {"experiments": [{"name": "e", "variants": ["control", "a"], "weights": [0, 1]}]},
        "cases": [
            {"name": "passes", "context": {"id": 1}, "experiment": "e",
             "expected": {"variant": "a", "reason": "split"}},
            {"name": "fails", "context": {"id": 1}, "experiment": "e",
             "expected": {"variant": "control"}},
            {"name": "stubbed", "context": {"id": 1}, "experiment": "e", "stubs": {"e": "control"},
             "expected": {"variant": "control", "reason": "stubbed"}},
        ],
    }
    path = write("vector.json", json.dumps(vector))
    out, _ = bad("vectors", path, status=1)
    assert out.splitlines() == ["PASS passes", 'FAIL fails: variant: expected "control", got "a"',
                                "PASS stubbed", "2 passed, 1 failed"], out
    out, err = bad("vectors", path, os.path.join(TMP, "missing-vector.json"), status=2)
    assert out.endswith("2 passed, 1 failed\n") and "missing-vector.json" in err, (out, err)
    out, _ = bad("vectors", "--answers", path, status=1)
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["case"] for line in lines] == ["passes", "fails", "stubbed"], out
    assert lines[1]["answer"]["variant"] == "a" and lines[2]["answer"]["reason"] == "stubbed", out
    assert set(lines[0]["answer"]) == {"experiment", "variant", "key", "reason", "excluded",
                                       "tracked", "variant_index"}, out


@test
def shared_vectors_run_with_a_consistent_summary():
    directory = os.path.join(ROOT, "tests", "vectors")
    files = sorted(os.path.join(directory, f) for f in os.listdir(directory) if f.endswith(".json"))
    status, out, err = run("vectors", *files)
    m = re.fullmatch(r"(\d+) passed, (\d+) failed", out.splitlines()[-1])
    assert m, out[-300:]
    passed, failed = int(m.group(1)), int(m.group(2))
    assert passed + failed == len(out.splitlines()) - 1 and passed > 0
    assert status == (1 if failed else 0), (status, err)


def main():
    passed = failed = 0
    for fn in TESTS:
        try:
            fn()
        except Exception as e:  # noqa: BLE001 - every failure is reported, not raised
            failed += 1
            print(f"FAIL {fn.__name__}: {type(e).__name__}: {e}")
        else:
            passed += 1
            print(f"ok   {fn.__name__}")
    print(f"{passed} passed, {failed} failed")
    shutil.rmtree(TMP, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
