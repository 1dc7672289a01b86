#!/usr/bin/env python3
"""Check that a YAML and a JSON CloudFormation template are the same template.

Usage: same_template.py TEMPLATE.yaml TEMPLATE.json
The YAML is read with PyYAML, its short-form tags turned into the long form CloudFormation
defines (`!Ref X` is {"Ref": "X"}, `!GetAtt A.B` is {"Fn::GetAtt": ["A", "B"]}, `!Sub s` is
{"Fn::Sub": s}, ...); the JSON with the json module. Key order counts. Exit 0 when equal.
"""
import json
import sys

import cfn_yaml


def ordered(value):
    if isinstance(value, dict):
        return [("{}", k, ordered(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [ordered(v) for v in value]
    return (type(value).__name__, value)


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 64
    with open(sys.argv[1], encoding="utf-8") as handle:
        from_yaml = ordered(cfn_yaml.load(handle.read()))
    with open(sys.argv[2], encoding="utf-8") as handle:
        from_json = ordered(json.load(handle))
    if from_yaml != from_json:
        print(f"{sys.argv[1]} and {sys.argv[2]} are different templates")
        return 1
    print(f"{sys.argv[1]} and {sys.argv[2]} are the same template")
    return 0


if __name__ == "__main__":
    sys.exit(main())
