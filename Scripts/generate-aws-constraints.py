#!/usr/bin/env python3
"""Generate Sources/Fanout/Validation/AWSConstraints.generated.swift.

Reads the CloudFormation resource provider schemas that ship inside cfn-lint (the version
pinned in Tests/Oracles/requirements.txt; any other version is refused, so every machine
generates the same file) and writes, for each resource type Fanout emits, one line per
property path with what AWS enforces there: the JSON type, enum, pattern, length, range,
item count, required keys and whether unknown keys are refused. The resource's
create-only and read-only properties are listed too (`check` reads the create-only ones to
tell a resource that is replaced from one modified in place).

    python3 Scripts/generate-aws-constraints.py            # rewrite the committed file
    python3 Scripts/generate-aws-constraints.py -o PATH    # write elsewhere (the tests do)

What is left out, on purpose: `format` (cfn-lint's own names such as AWS::KMS::Key.Arn, no
regex), `anyOf`/`oneOf`/`allOf` branches (here they only combine formats), `uniqueItems`,
and cfn-lint's extension keywords (`requiredXor`, `dependentExcluded`).
"""
import argparse
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REQUIREMENTS = os.path.join(ROOT, "Tests", "Oracles", "requirements.txt")
OUTPUT = os.path.join(ROOT, "Sources", "Fanout", "Validation", "AWSConstraints.generated.swift")
REGION = "us-east-1"

# The resource types Fanout emits (generated or modelled), in output order.
TYPES = [
    "AWS::ApiGateway::Deployment",
    "AWS::ApiGateway::Method",
    "AWS::ApiGateway::Resource",
    "AWS::ApiGateway::RestApi",
    "AWS::CloudWatch::Alarm",
    "AWS::IAM::Role",
    "AWS::KMS::Key",
    "AWS::Lambda::EventSourceMapping",
    "AWS::Lambda::Function",
    "AWS::Lambda::Permission",
    "AWS::Logs::LogGroup",
    "AWS::SNS::Subscription",
    "AWS::SNS::Topic",
    "AWS::SQS::Queue",
    "AWS::SQS::QueuePolicy",
]

# Nested objects deeper than this are not described (no schema here goes past 5).
MAX_DEPTH = 8

JSON_TYPES = ["string", "integer", "number", "boolean", "array", "object"]


def pinned_version():
    with open(REQUIREMENTS, encoding="utf-8") as file:
        for line in file:
            match = re.match(r"\s*cfn-lint\s*==\s*([^\s#]+)", line)
            if match:
                return match.group(1)
    sys.exit(f"error: no 'cfn-lint==X.Y.Z' line in {REQUIREMENTS}")


def load_schemas(version):
    try:
        import cfnlint.version
        from cfnlint.schema.manager import PROVIDER_SCHEMA_MANAGER
    except ImportError:
        sys.exit(f"error: cfn-lint is not installed; run: python3 -m pip install cfn-lint=={version}")
    installed = cfnlint.version.__version__
    if installed != version:
        sys.exit(
            f"error: cfn-lint {installed} is installed but {REQUIREMENTS} pins {version}; "
            f"run: python3 -m pip install -r Tests/Oracles/requirements.txt")
    # The schemas as cfn-lint validates with them (its patches already applied).
    return {name: PROVIDER_SCHEMA_MANAGER.get_resource_schema(REGION, name).schema for name in TYPES}


def resolve(schema, node, chain):
    """`node` with `$ref`s followed; `None` when a reference loops back into `chain`."""
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        if not ref.startswith("#/") or ref in chain:
            return None, chain
        chain = chain + (ref,)
        target = schema
        for part in ref[2:].split("/"):
            target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node, chain


def scalar_text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def constraint(node):
    """The keywords of one schema node the Swift table carries."""
    types = node.get("type", [])
    types = [types] if isinstance(types, str) else list(types)
    result = {"types": [t for t in JSON_TYPES if t in types]}
    if "enum" in node:
        result["enum"] = [scalar_text(v) for v in node["enum"]]
    for key in ("pattern", "minLength", "maxLength", "minimum", "maximum", "minItems", "maxItems"):
        if key in node:
            result[key] = node[key]
    if node.get("required"):
        result["required"] = sorted(node["required"])
    if node.get("additionalProperties") is False:
        result["closed"] = True
    if node.get("patternProperties"):
        result["keyPattern"] = sorted(node["patternProperties"])[0]
    return result


def walk(schema, node, path, depth, chain, out, skipped):
    node, chain = resolve(schema, node, chain)
    if node is None:
        return
    out[path] = constraint(node)
    if depth >= MAX_DEPTH:
        skipped.append(path)
        return
    prefix = path + "." if path else ""
    for name, child in sorted(node.get("properties", {}).items()):
        walk(schema, child, prefix + name, depth + 1, chain, out, skipped)
    patterns = node.get("patternProperties", {})
    if len(patterns) > 1:
        sys.exit(f"error: {path} has {len(patterns)} patternProperties; the table has room for one")
    for child in patterns.values():
        walk(schema, child, prefix + "*", depth + 1, chain, out, skipped)
    items = node.get("items")
    if isinstance(items, dict):
        walk(schema, items, path + "[]", depth + 1, chain, out, skipped)


def pointer_paths(pointers, properties):
    """`/properties/Code/S3Bucket` → `Code.S3Bucket`, for the pointers naming a property."""
    paths = []
    for pointer in pointers or []:
        parts = pointer.split("/")
        if len(parts) >= 3 and parts[1] == "properties":
            paths.append(".".join(parts[2:]))
    return sorted(set(paths))


def swift_string(text):
    """A Swift string literal that reads as the schema writes it: a raw one when needed."""
    if "\\" not in text and '"' not in text and text.isprintable():
        return f'"{text}"'
    hashes = "#"
    while '"' + hashes in text or "\\" + hashes in text:
        hashes += "#"
    if "\n" in text or "\r" in text:
        return json.dumps(text)  # not expected; a plain literal keeps the line intact
    return f'{hashes}"{text}"{hashes}'


def swift_number(value):
    if isinstance(value, float) and not value.is_integer():
        return repr(value)
    return str(int(value))


def swift_list(strings):
    return "[" + ", ".join(swift_string(s) for s in strings) + "]"


def swift_line(path, c):
    arguments = [swift_string(path), "[" + ", ".join("." + t for t in c["types"]) + "]"]
    if "enum" in c:
        arguments.append("enumeration: " + swift_list(c["enum"]))
    if "pattern" in c:
        arguments.append("pattern: " + swift_string(c["pattern"]))
    for key in ("minLength", "maxLength", "minimum", "maximum", "minItems", "maxItems"):
        if key in c:
            arguments.append(f"{key}: {swift_number(c[key])}")
    if "required" in c:
        arguments.append("required: " + swift_list(c["required"]))
    if c.get("closed"):
        arguments.append("closed: true")
    if "keyPattern" in c:
        arguments.append("keyPattern: " + swift_string(c["keyPattern"]))
    return "PropertyConstraint(" + ", ".join(arguments) + "),"


def swift_identifier(type_name):
    return "aws" + "".join(type_name.split("::")[1:])


def render(version, schemas):
    lines = [
        f"// Generated by `python3 Scripts/generate-aws-constraints.py` from cfn-lint {version}'s",
        f"// CloudFormation resource provider schemas ({REGION}). Do not edit: change the script and run",
        "// it again. One line per property path: `Tags[]` is an item of a list, `Variables.*` a value",
        "// under a key that matches the object's `keyPattern`, `\"\"` the resource's Properties.",
        "",
        "extension AWSConstraints {",
        "    /// The version of cfn-lint whose schemas the table comes from.",
        f"    public static let cfnLintVersion = {swift_string(version)}",
        "",
        "    /// What AWS enforces on the properties of each resource type Fanout emits, by type name.",
        "    public static let resources: [String: ResourceConstraints] = [",
    ]
    for name in TYPES:
        lines.append(f"        {swift_string(name)}: {swift_identifier(name)},")
    lines.append("    ]")
    skipped_total = []
    for name in TYPES:
        schema = schemas[name]
        paths, skipped = {}, []
        root = {k: v for k, v in schema.items() if k in ("properties", "required", "additionalProperties")}
        root["type"] = "object"
        read_only = pointer_paths(schema.get("readOnlyProperties"), schema)
        walk(schema, root, "", 0, (), paths, skipped)
        skipped_total += [f"{name} {p}" for p in skipped]
        # Read-only properties are AWS's to set: they are listed, not described.
        for path in list(paths):
            if any(path == r or path.startswith(r + ".") or path.startswith(r + "[") for r in read_only):
                del paths[path]
        lines += [
            "",
            f"    static let {swift_identifier(name)} = ResourceConstraints(",
            f"        type: {swift_string(name)},",
            f"        createOnly: {swift_list(pointer_paths(schema.get('createOnlyProperties'), schema))},",
            f"        readOnly: {swift_list(read_only)},",
            "        properties: [",
        ]
        for path in sorted(paths):
            lines.append("            " + swift_line(path, paths[path]))
        lines.append("        ])")
    lines.append("}")
    return "\n".join(lines) + "\n", skipped_total


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--output", default=OUTPUT, help="where to write (default: %(default)s)")
    arguments = parser.parse_args()
    version = pinned_version()
    text, skipped = render(version, load_schemas(version))
    with open(arguments.output, "w", encoding="utf-8", newline="\n") as file:
        file.write(text)
    for entry in skipped:
        print(f"note: not described below {entry} (deeper than {MAX_DEPTH})", file=sys.stderr)
    print(f"wrote {arguments.output} ({text.count(chr(10))} lines, {len(TYPES)} resource types)", file=sys.stderr)


if __name__ == "__main__":
    main()
