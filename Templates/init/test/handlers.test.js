// The handlers' tests: `npm test` (node --test). The trigger gets a recording publish
// function and the SDK test replaces @aws-sdk/client-sns, so no npm package is needed.
const { test } = require('node:test');
const assert = require('node:assert');
const Module = require('node:module');
const path = require('node:path');

const src = path.join(__dirname, '..', 'src');
const { createHandler } = require(path.join(src, 'trigger.js'));
const { consume, messageOf } = require(path.join(src, 'lib', 'batch.js'));

// The consumers the Infra package declares, one handler file each.
const consumers = [{{consumerList}}];

const topicArn = 'arn:aws:sns:us-east-1:123456789012:{{name}}-dev-events';
const sqsEvent = (...bodies) => ({ Records: bodies.map((body, index) => ({ messageId: `id-${index}`, body })) });
const quietly = async (run) => {
  const { log, error } = console;
  console.log = () => {};
  console.error = () => {};
  try { return await run(); } finally { Object.assign(console, { log, error }); }
};
const recorder = (failOn = null) => {
  const published = [];
  const publish = async (input) => {
    if (input.Message === failOn) throw new Error('throttled');
    published.push(input);
    return { MessageId: `m-${published.length}` };
  };
  return { published, publish };
};

test('the trigger publishes each item to the topic', async () => {
  const { published, publish } = recorder();
  const handler = createHandler({ publish, topicArn });
  const response = await handler({ body: JSON.stringify({ items: [{ id: 1 }, { id: 2, priority: 'high' }] }) });
  assert.strictEqual(response.statusCode, 200);
  assert.deepStrictEqual(JSON.parse(response.body), { message: 'Published 2 items' });
  assert.deepStrictEqual(published, [
    { TopicArn: topicArn, Message: '{"id":1}' },
    { TopicArn: topicArn, Message: '{"id":2,"priority":"high"}' },
  ]);
});

test('the trigger reads a base64-encoded body', async () => {
  const { published, publish } = recorder();
  const body = Buffer.from(JSON.stringify({ items: ['a'] })).toString('base64');
  const response = await createHandler({ publish, topicArn })({ body, isBase64Encoded: true });
  assert.strictEqual(response.statusCode, 200);
  assert.deepStrictEqual(published.map((input) => input.Message), ['"a"']);
});

test('the trigger answers 400 to a body that is not JSON, and publishes nothing', async () => {
  const { published, publish } = recorder();
  const response = await createHandler({ publish, topicArn })({ body: '{"items": [1,' });
  assert.strictEqual(response.statusCode, 400);
  assert.match(JSON.parse(response.body).message, /^The request body is not valid JSON \(.+\); send \{"items": \[\.\.\.\]\}$/);
  assert.deepStrictEqual(published, []);
});

test('the trigger answers 400 to JSON without an items array', async () => {
  const { published, publish } = recorder();
  const handler = createHandler({ publish, topicArn });
  for (const body of [undefined, '', 'null', '5', '{}', '{"items": 5}']) {
    const response = await handler({ body });
    assert.strictEqual(response.statusCode, 400, `body ${body}`);
    assert.match(JSON.parse(response.body).message, /JSON/, `body ${body}`);
  }
  assert.deepStrictEqual(published, []);
});

test('the trigger publishes every item and names the ones that failed', async () => {
  const { published, publish } = recorder('{"id":2}');
  const handler = createHandler({ publish, topicArn });
  const response = await quietly(() => handler({ body: JSON.stringify({ items: [{ id: 1 }, { id: 2 }, { id: 3 }] }) }));
  assert.strictEqual(response.statusCode, 502);
  assert.deepStrictEqual(JSON.parse(response.body).failed, [1]);
  assert.deepStrictEqual(published.map((input) => input.Message), ['{"id":1}', '{"id":3}']);
});

test('the deployed trigger publishes through the AWS SDK to SNS_TOPIC_ARN', async () => {
  const sent = [];
  const originalLoad = Module._load;
  Module._load = function load(request, parent, isMain) {
    if (request !== '@aws-sdk/client-sns') return originalLoad.call(this, request, parent, isMain);
    return {
      SNSClient: class { async send(command) { sent.push(command); return { MessageId: 'm' }; } },
      PublishCommand: class { constructor(input) { this.input = input; } },
    };
  };
  process.env.SNS_TOPIC_ARN = topicArn;
  try {
    const { handler } = require(path.join(src, 'trigger.js'));
    const response = await handler({ body: '{"items": [{"id": 7}]}' });
    assert.strictEqual(response.statusCode, 200);
    assert.deepStrictEqual(sent.map((command) => command.input), [{ TopicArn: topicArn, Message: '{"id":7}' }]);
  } finally {
    Module._load = originalLoad;
    delete process.env.SNS_TOPIC_ARN;
  }
});

test('a consumer reads raw messages and SNS envelopes alike', async () => {
  const seen = [];
  const handler = consume('test', async (item) => { seen.push(item); });
  const envelope = JSON.stringify({ Type: 'Notification', TopicArn: topicArn, Message: '{"id":1}' });
  const result = await handler(sqsEvent(envelope, '{"id":2}', '{"Type":"Notification"}'));
  assert.deepStrictEqual(result, { batchItemFailures: [] });
  assert.deepStrictEqual(seen, [{ id: 1 }, { id: 2 }, { Type: 'Notification' }]);
  assert.deepStrictEqual(messageOf({ body: '[1,2]' }), [1, 2]);
});

test('a consumer reports exactly the records whose processing threw', async () => {
  const handler = consume('test', async (item) => { if (item.id === 2) throw new Error('no stock'); });
  const result = await quietly(() => handler(sqsEvent('{"id":1}', '{"id":2}', '{"id":3}')));
  assert.deepStrictEqual(result, { batchItemFailures: [{ itemIdentifier: 'id-1' }] });
});

for (const name of consumers) {
  test(`${name} reports only the records it cannot read`, async () => {
    const { handler } = require(path.join(src, `${name}.js`));
    const result = await quietly(() => handler(sqsEvent('{"id":1}', 'not json', '{"id":3}')));
    assert.deepStrictEqual(result, { batchItemFailures: [{ itemIdentifier: 'id-1' }] });
  });
}
