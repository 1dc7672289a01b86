#!/usr/bin/env python3
"""Check, as PyYAML (a YAML 1.1 reader, as the Serverless Framework's is) loads it, that a
serverless.yml describes a correct SNS -> SQS fan-out. Independent of Fanout's own code: it
knows the fan-out's rules, not how Fanout writes them.

Usage: serverless_fanout_structure.py SERVERLESS_YML HANDLER_DIR
Exit 0 when every check passes; 1 with the failed checks otherwise. Checks:
- every function's handler file exists under HANDLER_DIR (src/x.handler -> src/x.js, exporting it);
- every sqs event drains a declared queue by its ARN (!GetAtt Queue.Arn), with its visibility
  timeout at least 6 x the function's timeout (6 s by default);
- every drained queue has a dead-letter queue (RedrivePolicy to a declared queue);
- every drained queue is subscribed to a declared topic by its ARN, the subscription depends on a
  QueuePolicy that lists the queue and lets sns.amazonaws.com send to it only from that topic
  (ArnEquals aws:SourceArn), and delivers raw messages;
- every function that publishes (an environment variable holding !Ref Topic) may sns:Publish on
  that topic in the role's statements.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from cfn_yaml import load  # noqa: E402


def main(path, handler_dir):
    with open(path, encoding="utf-8") as f:
        doc = load(f.read())
    failures = []

    def check(condition, message):
        if not condition:
            failures.append(message)

    resources = doc.get("resources", {}).get("Resources", {})
    functions = doc.get("functions", {})
    statements = doc.get("provider", {}).get("iam", {}).get("role", {}).get("statements", [])
    default_timeout = doc.get("provider", {}).get("timeout", 6)

    def of_type(kind):
        return {k: v for k, v in resources.items() if v.get("Type") == kind}

    queues, topics = of_type("AWS::SQS::Queue"), of_type("AWS::SNS::Topic")
    policies, subscriptions = of_type("AWS::SQS::QueuePolicy"), of_type("AWS::SNS::Subscription")
    check(topics, "no topic is declared")

    for key, function in functions.items():
        module, _, export = function["handler"].rpartition(".")
        source = os.path.join(handler_dir, module + ".js")
        check(os.path.isfile(source), f"{key}: handler file {source} is missing")
        if os.path.isfile(source):
            with open(source, encoding="utf-8") as f:
                text = f.read()
            check(re.search(rf"exports\.{export}\b|export (const|async function|function) {export}\b", text),
                  f"{key}: {source} does not export {export}")
        for event in function.get("events", []):
            if "sqs" not in event:
                continue
            arn = event["sqs"]["arn"]
            queue_id = arn.get("Fn::GetAtt", [None])[0] if isinstance(arn, dict) else None
            check(queue_id in queues and arn["Fn::GetAtt"][1] == "Arn", f"{key}: sqs event does not name a declared queue's ARN: {arn}")
            if queue_id not in queues:
                continue
            props = queues[queue_id].get("Properties", {})
            timeout = function.get("timeout", default_timeout)
            check(props.get("VisibilityTimeout", 30) >= 6 * timeout,
                  f"{queue_id}: visibility timeout {props.get('VisibilityTimeout', 30)} < 6 x {timeout}")
            dlq = props.get("RedrivePolicy", {}).get("deadLetterTargetArn", {})
            check(isinstance(dlq, dict) and dlq.get("Fn::GetAtt", [None])[0] in queues, f"{queue_id}: no dead-letter queue")

            subs = [s for s in subscriptions.values()
                    if s["Properties"].get("Protocol") == "sqs"
                    and s["Properties"].get("Endpoint") == {"Fn::GetAtt": [queue_id, "Arn"]}]
            check(subs, f"{queue_id}: not subscribed to any topic")
            for sub in subs:
                topic = sub["Properties"].get("TopicArn", {}).get("Ref")
                check(topic in topics, f"{queue_id}: subscribed to {sub['Properties'].get('TopicArn')}, not a declared topic")
                check(sub["Properties"].get("RawMessageDelivery") is True, f"{queue_id}: subscription without raw delivery")
                depends = sub.get("DependsOn", [])
                depends = [depends] if isinstance(depends, str) else depends
                admitting = [p for p in depends if p in policies and admits(policies[p], queue_id, topic)]
                check(admitting, f"{queue_id}: the subscription from {topic} depends on no policy that admits it")

    for key, function in functions.items():
        for name, value in function.get("environment", {}).items():
            if isinstance(value, dict) and value.get("Ref") in topics:
                topic = value["Ref"]
                check(any(allows(s, "sns:Publish", {"Ref": topic}) for s in statements),
                      f"{key}: publishes to {topic} ({name}) without sns:Publish on it")

    for failure in failures:
        print("FAIL", failure)
    print(f"structure: {'failed' if failures else 'passed'} ({len(failures)} failures)")
    return 1 if failures else 0


def as_list(value):
    return value if isinstance(value, list) else [value]


def allows(statement, action, resource):
    return (statement.get("Effect") == "Allow" and action in as_list(statement.get("Action", []))
            and resource in as_list(statement.get("Resource", [])))


def admits(policy, queue_id, topic):
    props = policy["Properties"]
    if {"Ref": queue_id} not in props.get("Queues", []):
        return False
    for statement in props["PolicyDocument"]["Statement"]:
        principal = statement.get("Principal", {})
        source = statement.get("Condition", {}).get("ArnEquals", {}).get("aws:SourceArn")
        if (allows(statement, "sqs:SendMessage", {"Fn::GetAtt": [queue_id, "Arn"]})
                and principal == {"Service": "sns.amazonaws.com"}
                and {"Ref": topic} in as_list(source)):
            return True
    return False


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
