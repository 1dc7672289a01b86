"""moto 5.2.1's verdicts on a corpus of SNS filter policies and messages.

Reads the corpus (JSON, from the file given as the argument or from standard input):

    {"cases": [{"id": "...", "scope": "MessageAttributes" | "MessageBody",
                "policy": {...},
                "messages": [{"id": "...", "body": "...",
                              "attributes": {"name": {"Type": "String", "Value": "..."}}}]}]}

and prints one JSON object per case, one per line:

    {"id": "...", "refused": null | "moto's message", "verdicts": {"message id": true | false | "error: ..."}}

`refused` is what moto's policy validation (SNSBackend._validate_filter_policy, which
SetSubscriptionAttributes and Subscribe run) says; the verdicts come from
moto.sns.utils.FilterPolicyMatcher, which Publish runs for each subscription, with the
attributes in the shape Publish hands it ({"Type", "Value"}). A policy moto refuses is still
matched, so both answers are known. Exits 0 when every case was read; moto's own exceptions
while matching are verdicts ("error: ..."), not failures of this script.
"""
import json
import sys

import moto
from moto.sns.models import sns_backends
from moto.sns.utils import FilterPolicyMatcher

EXPECTED_MOTO = "5.2.1"


def main() -> int:
    if moto.__version__ != EXPECTED_MOTO:
        print(f"moto {moto.__version__} is installed; this oracle is pinned to {EXPECTED_MOTO} (Tests/Oracles/requirements.txt)", file=sys.stderr)
        return 2
    source = open(sys.argv[1], encoding="utf-8") if len(sys.argv) > 1 else sys.stdin
    corpus = json.load(source)
    backend = sns_backends["123456789012"]["us-east-1"]
    for case in corpus["cases"]:
        policy, scope = case["policy"], case["scope"]
        refused = None
        try:
            backend._validate_filter_policy(policy, scope)
        except Exception as error:  # moto raises SNSInvalidParameter, and InternalError for big numbers
            refused = f"{type(error).__name__}: {error}"
        verdicts = {}
        for message in case["messages"]:
            try:
                matcher = FilterPolicyMatcher(policy, scope)
                verdicts[message["id"]] = bool(matcher.matches(message.get("attributes") or {}, message["body"]))
            except Exception as error:
                verdicts[message["id"]] = f"error: {type(error).__name__}: {error}"
        print(json.dumps({"id": case["id"], "refused": refused, "verdicts": verdicts}, ensure_ascii=False, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
