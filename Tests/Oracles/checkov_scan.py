#!/usr/bin/env python3
"""Scan one CloudFormation template with checkov (the pinned version in
checkov-requirements.txt, installed beside this Python) and print its verdict line by line:

    failed CHECK_ID LogicalId
    skipped CHECK_ID LogicalId COMMENT
    summary passed=N failed=N skipped=N parsing_errors=N resources=N

Exit status 0 when checkov ran (whatever it found), 2 when it did not give a verdict.
"""
import json
import os
import subprocess
import sys


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: checkov_scan.py TEMPLATE", file=sys.stderr)
        return 2
    checkov = os.path.join(os.path.dirname(sys.executable), "checkov")
    run = subprocess.run(
        [checkov, "-f", sys.argv[1], "--framework", "cloudformation", "-o", "json", "--soft-fail",
         "--skip-download"],  # judge offline: no guideline or policy downloads
        capture_output=True, text=True, check=False,
        env={**os.environ, "BC_SKIP_MAPPING": "TRUE", "CHECKOV_RUN_SCA_PACKAGE_SCAN_V2": "false"})
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        print(f"checkov gave no JSON (status {run.returncode}):\n{run.stdout}{run.stderr}", file=sys.stderr)
        return 2
    if isinstance(report, list):  # one report per framework; only cloudformation was asked for
        report = report[0]
    results = report.get("results", {})

    def logical_id(check):
        return check["resource"].split(".", 1)[-1]

    for check in results.get("failed_checks", []):
        print(f"failed {check['check_id']} {logical_id(check)}")
    for check in results.get("skipped_checks", []):
        comment = " ".join((check.get("check_result", {}).get("suppress_comment") or "").split())
        print(f"skipped {check['check_id']} {logical_id(check)} {comment}")
    summary = report.get("summary", {})
    print("summary " + " ".join(f"{key}={summary.get(key, 0)}" for key in
                                ("passed", "failed", "skipped", "parsing_errors", "resource_count")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
