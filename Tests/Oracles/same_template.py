#!/usr/bin/env python3
"""Check that a YAML and a JSON CloudFormation template are the same template.

Usage: same_template.py TEMPLATE.yaml TEMPLATE.json
The YAML is read with PyYAML, its short-form tags turned into the long form CloudFormation
defines (`!Ref X` is {"Ref": "X"}, `!GetAtt A.B` is {"Fn::GetAtt": ["A", "B"]}, `!Sub s` is
{"Fn::Sub": s}, ...); the JSON with the json module. Key order counts. Exit 0 when equal.
"""
import json
import sys

import yaml


class Loader(yaml.SafeLoader):
    pass


def long_form(loader, suffix, node):
    name = "Ref" if suffix == "Ref" else f"Fn::{suffix}"
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
        if suffix == "GetAtt":
            value = value.split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {name: value}


Loader.add_multi_constructor("!", long_form)


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
        from_yaml = ordered(yaml.load(handle, Loader=Loader))
    with open(sys.argv[2], encoding="utf-8") as handle:
        from_json = ordered(json.load(handle))
    if from_yaml != from_json:
        print(f"{sys.argv[1]} and {sys.argv[2]} are different templates")
        return 1
    print(f"{sys.argv[1]} and {sys.argv[2]} are the same template")
    return 0


if __name__ == "__main__":
    sys.exit(main())
