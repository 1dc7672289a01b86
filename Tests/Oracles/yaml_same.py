#!/usr/bin/env python3
"""Compare two YAML files as a YAML 1.1 reader (PyYAML) loads them, tags and key order included.

Usage: yaml_same.py EXPECTED ACTUAL
Exit 0 when both load to the same structure; 1 with the first difference otherwise.
Every local tag (`!Ref X`, `!GetAtt X.Arn`, ...) loads as a (tag, value) pair, so a tag that
is lost, renamed or moved is a difference. Mappings compare as ordered lists of pairs.
"""
import sys

import yaml


class Tagged:
    def __init__(self, tag, value):
        self.tag, self.value = tag, value

    def __eq__(self, other):
        return isinstance(other, Tagged) and (self.tag, self.value) == (other.tag, other.value)

    def __repr__(self):
        return f"{self.tag} {self.value!r}"


class Loader(yaml.SafeLoader):
    pass


def construct_tagged(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = [ordered(v) for v in loader.construct_sequence(node, deep=True)]
    else:
        value = ordered(loader.construct_mapping(node, deep=True))
    return Tagged("!" + suffix, value)


Loader.add_multi_constructor("!", construct_tagged)


def ordered(value):
    """Mappings become lists of (key, value) pairs so that key order counts."""
    if isinstance(value, dict):
        return [(k, ordered(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [ordered(v) for v in value]
    if isinstance(value, Tagged):
        return Tagged(value.tag, ordered(value.value))
    return value


def first_difference(expected, actual, path="$"):
    if type(expected) is not type(actual):
        return f"{path}: expected {type(expected).__name__} {expected!r}, got {type(actual).__name__} {actual!r}"
    if isinstance(expected, Tagged):
        if expected.tag != actual.tag:
            return f"{path}: expected tag {expected.tag}, got {actual.tag}"
        return first_difference(expected.value, actual.value, path + f"<{expected.tag}>")
    if isinstance(expected, list):
        for index, (e, a) in enumerate(zip(expected, actual)):
            if isinstance(e, tuple):
                if e[0] != a[0]:
                    return f"{path}: key #{index}: expected {e[0]!r}, got {a[0]!r}"
                found = first_difference(e[1], a[1], f"{path}.{e[0]}")
            else:
                found = first_difference(e, a, f"{path}[{index}]")
            if found:
                return found
        if len(expected) != len(actual):
            return f"{path}: expected {len(expected)} entries, got {len(actual)}"
        return None
    if expected != actual:
        return f"{path}: expected {expected!r}, got {actual!r}"
    return None


def load(path):
    with open(path, encoding="utf-8") as handle:
        return ordered(yaml.load(handle, Loader=Loader))


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 64
    difference = first_difference(load(sys.argv[1]), load(sys.argv[2]))
    if difference:
        print(f"{sys.argv[2]} differs from {sys.argv[1]}: {difference}")
        return 1
    print(f"{sys.argv[2]} loads to the same structure as {sys.argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
