"""Read CloudFormation YAML as CloudFormation does: short-form tags in their long form.

`!Ref X` is {"Ref": "X"}, `!GetAtt A.B` is {"Fn::GetAtt": ["A", "B"]}, `!Sub s` is
{"Fn::Sub": s}, and so on for every `!Name`.
"""
import yaml


class Loader(yaml.SafeLoader):
    pass


def _long_form(loader, suffix, node):
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


Loader.add_multi_constructor("!", _long_form)


def load(text):
    """The template in `text` (YAML or JSON, which is YAML too) with intrinsics in long form."""
    return yaml.load(text, Loader=Loader)
