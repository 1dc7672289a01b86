#!/usr/bin/env python3
"""Deploy a Fanout CloudFormation template to a local moto server and prove the fan-out.

Usage: moto_fanout.py TEMPLATE --stack NAME --region REGION [--code-dir DIR] [--expect-dead-letter-queues]
                      [--expect-alarms] [--nested] [--expect-authorization TYPE]

1. Starts `python -m moto.server` on 127.0.0.1 (a free port), keeps its PID and stops it by
   that PID however this script ends.
2. Creates the stack through the CloudFormation API. When the template takes the code from
   the ArtifactBucket/ArtifactKey parameters, zips --code-dir into a bucket first.
3. Applies what moto's CloudFormation silently skips, from the template itself: every
   AWS::SQS::QueuePolicy (SetQueueAttributes), AWS::SNS::Subscription (Subscribe) and
   AWS::CloudWatch::Alarm (PutMetricAlarm).
4. Disables the stack's event source mappings (moto would try to run the functions in Docker).
5. Publishes one message to every topic that has SQS subscribers and checks that it arrives
   exactly once in every subscribed queue, with the SNS envelope (parsed as JSON) or, with raw
   delivery, the message itself; and that each subscribed queue's policy allows
   sns.amazonaws.com to send from that topic (moto does not enforce policies). When some
   subscriptions filter, the message satisfies every filter, and a second message that no
   filter accepts must reach exactly the unfiltered queues. With --expect-dead-letter-queues,
   every subscribed queue must have a RedrivePolicy pointing at an existing queue. With
   --expect-alarms, CloudWatch (DescribeAlarms) must hold, for every subscribed queue, an
   AWS/SQS ApproximateAgeOfOldestMessage alarm whose QueueName dimension is that queue's name,
   and for its dead-letter queue an ApproximateNumberOfMessagesVisible alarm above 0 on the
   dead-letter queue's name; each notifying (AlarmActions and OKActions) an existing SNS topic.
With --nested, TEMPLATE is the root of `fanout emit cloudformation --split DIR`: first, as
`aws cloudformation package` does, every AWS::CloudFormation::Stack's local TemplateURL is
uploaded to an S3 bucket and replaced by that object's URL (the root is then sent as JSON).
moto 5.2.1 creates the nested stacks from those URLs (named ROOT-LOGICALID-SUFFIX, as AWS
does; the root's resource list gives each one's name); the queue
policies and subscriptions of every nested stack are applied as in step 3 with the values
the root passes as its parameters, and each nested stack's consumers are checked as in step 5
(their checks name the stack: "ConsumerStack3/BillingSubscription: ..."). moto cannot read
a nested stack's Outputs (GetAtt Stack.Outputs.X), so the root must not need them.
6. Checks the HTTP trigger's wiring: each API method's integration points at its function, and
   that function's permission names apigateway.amazonaws.com.
7. With --expect-authorization TYPE (AWS_IAM, COGNITO_USER_POOLS, or NONE for API-key
   methods): moto cannot run the Lambda behind the API (it needs Docker) nor check a SigV4
   signature, so instead of calling the trigger this reads each deployed method back from the
   API Gateway API: its authorizationType must be TYPE and the template's, and apiKeyRequired
   the template's. Stage throttling: moto's CloudFormation ignores a Deployment's
   StageDescription, so its ThrottlingRateLimit/ThrottlingBurstLimit are applied as
   CloudFormation applies them (UpdateStage on the */* method settings) and read back with
   GetStage: the stage must have them, as numbers API Gateway accepts.

Prints one line per check and closes with "N passed, M failed"; exits 1 when any check failed.
"""
import argparse
import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile

import boto3

import cfn_yaml


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
            print(f"ok: {what}")
        else:
            self.failed += 1
            print(f"FAILED: {what}")
        return ok


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_moto(port):
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 30
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"moto server exited with status {process.returncode}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/moto-api/", timeout=1)
            return process
        except OSError:
            time.sleep(0.2)
    stop(process.pid)
    raise RuntimeError("moto server did not answer within 30 s")


def stop(pid):
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    for _ in range(50):
        try:
            finished, _ = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            return
        if finished:
            return
        time.sleep(0.1)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


def load_template(path):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    return text, cfn_yaml.load(text)


def zip_folder(folder):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for root, _, files in os.walk(folder):
            for name in sorted(files):
                path = os.path.join(root, name)
                archive.write(path, os.path.relpath(path, folder))
    return buffer.getvalue()


class Stack:
    """Physical IDs of the created stack, and a resolver for the template's intrinsics."""

    def __init__(self, clients, stack_name, template, parameters=None, label=""):
        self.clients = clients
        self.template = template
        self.name = stack_name
        self.parameters = parameters or {}
        # Check lines of a nested stack's resources start with "STACK/".
        self.label = label
        # moto lists the resource types it skipped as empty entries.
        resources = [r for r in clients["cloudformation"].describe_stack_resources(
            StackName=stack_name)["StackResources"] if r.get("LogicalResourceId")]
        self.physical = {r["LogicalResourceId"]: r.get("PhysicalResourceId") for r in resources}
        self.types = {r["LogicalResourceId"]: r["ResourceType"] for r in resources}

    def resolve(self, value):
        if isinstance(value, list):
            return [self.resolve(v) for v in value]
        if not isinstance(value, dict):
            return value
        if set(value) == {"Ref"}:
            if value["Ref"] in self.parameters:
                return self.parameters[value["Ref"]]
            return self.physical[value["Ref"]]
        if set(value) == {"Fn::GetAtt"}:
            logical, attribute = value["Fn::GetAtt"]
            if self.types.get(logical) == "AWS::SQS::Queue" and attribute == "Arn":
                return self.queue_arn(self.physical[logical])
            if self.types.get(logical) == "AWS::SQS::Queue" and attribute == "QueueName":
                return self.physical[logical].rstrip("/").split("/")[-1]
            raise KeyError(f"cannot resolve GetAtt {logical}.{attribute}")
        if set(value) == {"Fn::Join"}:
            delimiter, items = value["Fn::Join"]
            return delimiter.join(self.resolve(items))
        return {k: self.resolve(v) for k, v in value.items()}

    def queue_arn(self, url):
        attributes = self.clients["sqs"].get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])
        return attributes["Attributes"]["QueueArn"]

    def queue_url(self, arn):
        return self.clients["sqs"].get_queue_url(QueueName=arn.split(":")[-1])["QueueUrl"]

    def resources_of(self, type_name):
        return [(k, v) for k, v in self.template["Resources"].items() if v["Type"] == type_name]


def as_list(value):
    return value if isinstance(value, list) else [value]


def policy_allows_topic(policy, queue_arn, topic_arn):
    for statement in as_list(policy.get("Statement", [])):
        principal = statement.get("Principal", {})
        services = as_list(principal.get("Service", [])) if isinstance(principal, dict) else []
        actions = as_list(statement.get("Action", []))
        resources = as_list(statement.get("Resource", []))
        condition = statement.get("Condition", {})
        sources = []
        for operator in ("ArnEquals", "ArnLike"):
            sources += as_list(condition.get(operator, {}).get("aws:SourceArn", []))
        if (statement.get("Effect") == "Allow" and "sns.amazonaws.com" in services
                and ("sqs:SendMessage" in actions or "sqs:*" in actions)
                and queue_arn in resources and topic_arn in sources):
            return True
    return False


def publish(sns, topic_arn, message, attributes):
    """Publishes one message; a FIFO topic needs a group and a deduplication ID."""
    extra = {}
    if topic_arn.endswith(".fifo"):
        extra = {"MessageGroupId": "fanout", "MessageDeduplicationId": str(abs(hash((topic_arn, message))))}
    sns.publish(TopicArn=topic_arn, Message=message, MessageAttributes=attributes, **extra)


def receive_all(sqs, url):
    """Every message now in the queue, deleted as read, waiting up to 5 s for the first."""
    messages = []
    deadline = time.time() + 5
    while time.time() < deadline:
        batch = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=1).get("Messages", [])
        for message in batch:
            sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
        messages += batch
        if not batch and messages:
            break
    return messages


# The properties of AWS::CloudWatch::Alarm that PutMetricAlarm takes under the same name.
ALARM_PARAMETERS = ("AlarmName", "AlarmDescription", "ActionsEnabled", "OKActions", "AlarmActions",
                    "InsufficientDataActions", "MetricName", "Namespace", "Statistic", "ExtendedStatistic",
                    "Dimensions", "Period", "Unit", "EvaluationPeriods", "DatapointsToAlarm", "Threshold",
                    "ComparisonOperator", "TreatMissingData")


def check_alarms(clients, checks, logical, alarms, queue_name, metric, threshold=None):
    """One alarm on `metric` of the queue named `queue_name`, notifying existing topics."""
    found = [a for a in alarms if a["Namespace"] == "AWS/SQS" and a["MetricName"] == metric
             and {"Name": "QueueName", "Value": queue_name} in a.get("Dimensions", [])]
    if not checks.check(len(found) == 1, f"{logical}: one {metric} alarm on {queue_name} ({len(found)})"):
        return
    alarm = found[0]
    if threshold is not None:
        checks.check(alarm["Threshold"] == threshold and alarm["ComparisonOperator"] == "GreaterThanThreshold",
                     f"{logical}: {alarm['AlarmName']} fires above {threshold} ({alarm['ComparisonOperator']} {alarm['Threshold']})")
    actions = alarm.get("AlarmActions", [])
    topics_exist = bool(actions) and all(
        clients["sns"].get_topic_attributes(TopicArn=arn)["Attributes"]["TopicArn"] == arn for arn in actions)
    checks.check(topics_exist and alarm.get("OKActions") == actions,
                 f"{logical}: {alarm['AlarmName']} notifies {', '.join(a.split(':')[-1] for a in actions)}")


def package_nested(clients, args, template, bucket):
    """What `aws cloudformation package` does to nested stacks: uploads each local
    TemplateURL and points the stack at the uploaded object. Returns the templates by stack."""
    clients["s3"].create_bucket(Bucket=bucket, **bucket_location(args.region))
    folder = os.path.dirname(os.path.abspath(args.template))
    nested = {}
    for logical, resource in template["Resources"].items():
        if resource["Type"] != "AWS::CloudFormation::Stack":
            continue
        path = resource["Properties"]["TemplateURL"]
        text, nested[logical] = load_template(os.path.join(folder, path))
        clients["s3"].put_object(Bucket=bucket, Key=path, Body=text.encode("utf-8"))
        resource["Properties"]["TemplateURL"] = f"https://s3.{args.region}.amazonaws.com/{bucket}/{path}"
    return nested


def bucket_location(region):
    return {} if region == "us-east-1" else {"CreateBucketConfiguration": {"LocationConstraint": region}}


def run(args, endpoint, checks):
    session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing",
                                    region_name=args.region)
    clients = {name: session.client(name, endpoint_url=endpoint)
               for name in ("cloudformation", "sqs", "sns", "s3", "lambda", "apigateway", "cloudwatch")}
    body, template = load_template(args.template)

    nested = {}
    if args.nested:
        nested = package_nested(clients, args, template, "fanout-templates")
        checks.check(len(nested) >= 2, f"the root deploys {len(nested)} nested stacks (at least two)")
        body = json.dumps(template)

    parameters = []
    if "ArtifactBucket" in template.get("Parameters", {}):
        bucket, key = "fanout-artifacts", "code.zip"
        clients["s3"].create_bucket(Bucket=bucket, **bucket_location(args.region))
        clients["s3"].put_object(Bucket=bucket, Key=key, Body=zip_folder(args.code_dir))
        parameters = [{"ParameterKey": "ArtifactBucket", "ParameterValue": bucket},
                      {"ParameterKey": "ArtifactKey", "ParameterValue": key}]

    cloudformation = clients["cloudformation"]
    cloudformation.create_stack(StackName=args.stack, TemplateBody=body, Parameters=parameters,
                                Capabilities=["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"])
    status = cloudformation.describe_stacks(StackName=args.stack)["Stacks"][0]["StackStatus"]
    if not checks.check(status == "CREATE_COMPLETE", f"stack {args.stack} created ({status})"):
        return
    root = Stack(clients, args.stack, template,
                 parameters={p["ParameterKey"]: p["ParameterValue"] for p in parameters})
    stacks = [root]
    for logical, nested_template in nested.items():
        passed = root.resolve(template["Resources"][logical]["Properties"].get("Parameters", {}))
        nested_name = root.physical.get(logical)
        nested_status = cloudformation.describe_stacks(StackName=nested_name)["Stacks"][0]["StackStatus"]
        checks.check(nested_status == "CREATE_COMPLETE", f"nested stack {logical} created ({nested_status})")
        stacks.append(Stack(clients, nested_name, nested_template, parameters=passed, label=logical + "/"))
    stack = root

    # moto's CloudFormation skips these two types: apply them from the template.
    for owner in stacks:
        for logical, resource in owner.resources_of("AWS::SQS::QueuePolicy"):
            properties = owner.resolve(resource["Properties"])
            for url in properties["Queues"]:
                clients["sqs"].set_queue_attributes(
                    QueueUrl=url, Attributes={"Policy": json.dumps(properties["PolicyDocument"])})
    subscriptions = []
    for owner, logical, resource in [(owner, logical, resource) for owner in stacks
                                     for logical, resource in owner.resources_of("AWS::SNS::Subscription")]:
        properties = owner.resolve(resource["Properties"])
        logical = owner.label + logical
        attributes = {}
        for name in ("RawMessageDelivery", "FilterPolicy", "FilterPolicyScope", "RedrivePolicy"):
            if name in properties:
                value = properties[name]
                attributes[name] = (json.dumps(value) if isinstance(value, dict)
                                    else str(value).lower() if isinstance(value, bool) else str(value))
        arn = clients["sns"].subscribe(TopicArn=properties["TopicArn"], Protocol=properties["Protocol"],
                                       Endpoint=properties["Endpoint"], Attributes=attributes,
                                       ReturnSubscriptionArn=True)["SubscriptionArn"]
        subscriptions.append((logical, properties))
        if "RedrivePolicy" in properties:
            applied = clients["sns"].get_subscription_attributes(SubscriptionArn=arn)["Attributes"].get("RedrivePolicy")
            target = json.loads(applied).get("deadLetterTargetArn") if applied else None
            checks.check(bool(target) and bool(stack.queue_url(target)),
                         f"{logical}: the subscription has a dead-letter queue ({target})")

    # moto's CloudFormation skips alarms too (it only warns): put them from the template.
    for owner in stacks:
        for logical, resource in owner.resources_of("AWS::CloudWatch::Alarm"):
            properties = owner.resolve(resource["Properties"])
            parameters = {k: properties[k] for k in ALARM_PARAMETERS if k in properties}
            parameters.setdefault("AlarmName", f"{owner.name}-{logical}")
            parameters["Threshold"] = float(parameters["Threshold"])
            clients["cloudwatch"].put_metric_alarm(**parameters)
    alarms = clients["cloudwatch"].describe_alarms()["MetricAlarms"]

    for mapping in clients["lambda"].list_event_source_mappings()["EventSourceMappings"]:
        clients["lambda"].update_event_source_mapping(UUID=mapping["UUID"], Enabled=False)

    topics = []
    for _, properties in subscriptions:
        if properties["Protocol"] == "sqs" and properties["TopicArn"] not in topics:
            topics.append(properties["TopicArn"])
    checks.check(bool(topics), f"the template subscribes queues to {len(topics)} topic(s)")
    for topic_arn in topics:
        edges = [(logical, properties) for logical, properties in subscriptions
                 if properties["TopicArn"] == topic_arn and properties["Protocol"] == "sqs"]
        filtered = [logical for logical, properties in edges if "FilterPolicy" in properties]
        # A message every filter accepts: each filter key gets the first value it allows.
        body, attributes = {"id": 1, "data": "test data 1"}, {}
        for _, properties in edges:
            for key, allowed in properties.get("FilterPolicy", {}).items():
                value = next((v for v in as_list(allowed) if isinstance(v, str)), "fanout")
                if properties.get("FilterPolicyScope") == "MessageBody":
                    body.setdefault(key, value)
                else:
                    attributes.setdefault(key, {"DataType": "String", "StringValue": value})
        message = json.dumps(body)
        publish(clients["sns"], topic_arn, message, attributes)
        for logical, properties in edges:
            queue_arn = properties["Endpoint"]
            url = stack.queue_url(queue_arn)
            received = receive_all(clients["sqs"], url)
            checks.check(len(received) == 1,
                         f"{logical}: {queue_arn.split(':')[-1]} received the message exactly once ({len(received)})")
            if received:
                text = received[0]["Body"]
                if properties.get("RawMessageDelivery") is True:
                    checks.check(text == message, f"{logical}: raw body is the published message")
                else:
                    envelope = json.loads(text)
                    checks.check(envelope.get("Type") == "Notification"
                                 and envelope.get("TopicArn") == topic_arn
                                 and envelope.get("Message") == message,
                                 f"{logical}: body is the SNS envelope around the published message")
            policy_text = clients["sqs"].get_queue_attributes(
                QueueUrl=url, AttributeNames=["Policy"]).get("Attributes", {}).get("Policy")
            policy = json.loads(policy_text) if policy_text else {}
            checks.check(policy_allows_topic(policy, queue_arn, topic_arn),
                         f"{logical}: queue policy lets sns.amazonaws.com send from the topic")
            if args.expect_dead_letter_queues:
                redrive = clients["sqs"].get_queue_attributes(
                    QueueUrl=url, AttributeNames=["RedrivePolicy"]).get("Attributes", {}).get("RedrivePolicy")
                target = json.loads(redrive).get("deadLetterTargetArn") if redrive else None
                exists = bool(target) and bool(stack.queue_url(target))
                checks.check(exists, f"{logical}: {queue_arn.split(':')[-1]} has a dead-letter queue ({target})")
            if args.expect_alarms:
                check_alarms(clients, checks, logical, alarms, queue_arn.split(":")[-1], "ApproximateAgeOfOldestMessage")
                redrive = clients["sqs"].get_queue_attributes(
                    QueueUrl=url, AttributeNames=["RedrivePolicy"]).get("Attributes", {}).get("RedrivePolicy")
                target = json.loads(redrive).get("deadLetterTargetArn") if redrive else None
                if checks.check(bool(target), f"{logical}: its dead-letter queue can have an alarm ({target})"):
                    check_alarms(clients, checks, logical, alarms, target.split(":")[-1],
                                 "ApproximateNumberOfMessagesVisible", threshold=0.0)
        if filtered:
            # A message no filter accepts: filtered queues stay empty, the others get it once.
            miss_body = {"id": 2, "data": "test data 2"}
            miss_attributes = {}
            for _, properties in edges:
                for key in properties.get("FilterPolicy", {}):
                    if properties.get("FilterPolicyScope") == "MessageBody":
                        miss_body[key] = "fanout-no-match"
                    else:
                        miss_attributes[key] = {"DataType": "String", "StringValue": "fanout-no-match"}
            publish(clients["sns"], topic_arn, json.dumps(miss_body), miss_attributes)
            for logical, properties in edges:
                received = receive_all(clients["sqs"], stack.queue_url(properties["Endpoint"]))
                expected = 0 if logical in filtered else 1
                checks.check(len(received) == expected,
                             f"{logical}: a message {'its filter rejects was dropped' if expected == 0 else 'without a filter match arrived once'} ({len(received)})")

    for logical, resource in stack.resources_of("AWS::ApiGateway::Method"):
        properties = resource["Properties"]
        function_logical = next(item["Fn::GetAtt"][0] for item in properties["Integration"]["Uri"]["Fn::Join"][1]
                                if isinstance(item, dict) and "Fn::GetAtt" in item)
        function_name = stack.physical[function_logical]
        api_id = stack.physical[properties["RestApiId"]["Ref"]]
        resource_ref = properties["ResourceId"]
        resource_id = (stack.physical[resource_ref["Ref"]] if "Ref" in resource_ref
                       else clients["apigateway"].get_rest_api(restApiId=api_id)["rootResourceId"])
        method = clients["apigateway"].get_method(restApiId=api_id, resourceId=resource_id,
                                                  httpMethod=properties["HttpMethod"])
        uri = method.get("methodIntegration", {}).get("uri", "")
        checks.check(function_name in uri and uri.endswith("/invocations"),
                     f"{logical}: integration invokes {function_name}")
        statements = json.loads(clients["lambda"].get_policy(FunctionName=function_name)["Policy"])["Statement"]
        checks.check(any(s.get("Principal", {}).get("Service") == "apigateway.amazonaws.com"
                         and s.get("Action") == "lambda:InvokeFunction" for s in statements),
                     f"{logical}: {function_name} lets apigateway.amazonaws.com invoke it")
        if args.expect_authorization:
            deployed = method.get("authorizationType")
            checks.check(deployed == args.expect_authorization == properties.get("AuthorizationType"),
                         f"{logical}: the deployed method takes {deployed} authorisation "
                         f"(expected {args.expect_authorization}, template {properties.get('AuthorizationType')})")
            checks.check(bool(method.get("apiKeyRequired")) == bool(properties.get("ApiKeyRequired")),
                         f"{logical}: the deployed method's apiKeyRequired is {bool(method.get('apiKeyRequired'))}, as in the template")

    if args.expect_authorization:
        for logical, resource in stack.resources_of("AWS::ApiGateway::Deployment"):
            properties = resource["Properties"]
            description = properties.get("StageDescription", {})
            if "ThrottlingRateLimit" not in description and "ThrottlingBurstLimit" not in description:
                continue
            api_id = stack.physical[properties["RestApiId"]["Ref"]]
            stage = properties["StageName"]
            operations = [{"op": "replace", "path": f"/*/*/throttling/{key}", "value": str(description[name])}
                          for key, name in (("rateLimit", "ThrottlingRateLimit"), ("burstLimit", "ThrottlingBurstLimit"))
                          if name in description]
            clients["apigateway"].update_stage(restApiId=api_id, stageName=stage, patchOperations=operations)
            settings = clients["apigateway"].get_stage(restApiId=api_id, stageName=stage).get("methodSettings", {}).get("*/*", {})
            rate, burst = settings.get("throttlingRateLimit"), settings.get("throttlingBurstLimit")
            checks.check(rate == float(description.get("ThrottlingRateLimit", rate))
                         and burst == int(description.get("ThrottlingBurstLimit", burst)),
                         f"{logical}: stage {stage} throttles every method at {rate} requests/s, bursts of {burst}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("template")
    parser.add_argument("--stack", required=True)
    parser.add_argument("--region", required=True)
    parser.add_argument("--code-dir", default=".")
    parser.add_argument("--expect-dead-letter-queues", action="store_true",
                        help="check that every subscribed queue has a dead-letter queue")
    parser.add_argument("--expect-authorization", metavar="TYPE",
                        help="every API method must take this AuthorizationType (and the stage its throttling)")
    parser.add_argument("--expect-alarms", action="store_true",
                        help="check the CloudWatch alarms on every subscribed queue and its dead-letter queue")
    parser.add_argument("--nested", action="store_true",
                        help="TEMPLATE is the root of a split: package and deploy its nested stacks too")
    args = parser.parse_args()
    checks = Checks()
    port = free_port()
    process = start_moto(port)
    try:
        run(args, f"http://127.0.0.1:{port}", checks)
    except Exception as error:  # a crash is a failed check, with the reason
        import traceback
        traceback.print_exc()
        checks.check(False, f"{type(error).__name__}: {error}")
    finally:
        stop(process.pid)
    print(f"moto: {checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed or not checks.passed else 0


if __name__ == "__main__":
    sys.exit(main())
