// node --test Tests/Handlers: the handler templates, with the AWS SDK replaced by a recorder
// (the Lambda runtime provides @aws-sdk/client-sns; this machine has no npm registry).
const { test } = require('node:test');
const assert = require('node:assert');
const Module = require('node:module');
const path = require('node:path');

const published = [];
let failOn = null;
const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === '@aws-sdk/client-sns') {
    return {
      SNSClient: class {
        async send(command) {
          if (failOn !== null && command.input.Message === failOn) throw new Error('throttled');
          published.push(command.input);
          return { MessageId: 'm' };
        }
      },
      PublishCommand: class { constructor(input) { this.input = input; } },
    };
  }
  return originalLoad.call(this, request, parent, isMain);
};

const templates = path.join(__dirname, '..', '..', 'Templates');
const sqsEvent = (...bodies) => ({ Records: bodies.map((body, index) => ({ messageId: `id-${index}`, body })) });
const quietly = async (run) => {
  const { log, error } = console;
  console.log = () => {};
  console.error = () => {};
  try { return await run(); } finally { Object.assign(console, { log, error }); }
};

for (const example of ['tutorial', 'production']) {
  test(`${example} trigger publishes each item to the topic`, async () => {
    published.length = 0;
    process.env.SNS_TOPIC_ARN = 'arn:aws:sns:eu-central-1:123456789012:topic';
    const { handler } = require(path.join(templates, example, 'src', 'trigger.js'));
    const response = await handler({ body: JSON.stringify({ items: [{ id: 1 }, { id: 2, priority: 'high' }] }) });
    assert.strictEqual(response.statusCode, 200);
    assert.match(JSON.parse(response.body).message, /2 items/);
    assert.deepStrictEqual(published, [
      { TopicArn: process.env.SNS_TOPIC_ARN, Message: '{"id":1}' },
      { TopicArn: process.env.SNS_TOPIC_ARN, Message: '{"id":2,"priority":"high"}' },
    ]);
  });
}

test('production trigger refuses a body without an items list', async () => {
  const { handler } = require(path.join(templates, 'production', 'src', 'trigger.js'));
  for (const body of ['not json', 'null', '{"items":5}', '{}']) {
    assert.strictEqual((await handler({ body })).statusCode, 400, body);
  }
});

test('production trigger publishes every item and names the ones that failed', async () => {
  published.length = 0;
  failOn = '{"id":2}';
  const { handler } = require(path.join(templates, 'production', 'src', 'trigger.js'));
  try {
    const response = await quietly(() => handler({ body: JSON.stringify({ items: [{ id: 1 }, { id: 2 }, { id: 3 }] }) }));
    assert.strictEqual(response.statusCode, 502);
    assert.deepStrictEqual(JSON.parse(response.body).failed, [1]);
    assert.deepStrictEqual(published.map((input) => input.Message), ['{"id":1}', '{"id":3}']);
  } finally {
    failOn = null;
  }
});

for (const name of ['processorOne', 'processorTwo', 'urgentProcessor']) {
  test(`production ${name} reports only the records it cannot read`, async () => {
    const { handler } = require(path.join(templates, 'production', 'src', `${name}.js`));
    const result = await quietly(() => handler(sqsEvent('{"id":1}', 'broken', '{"id":3}')));
    assert.deepStrictEqual(result, { batchItemFailures: [{ itemIdentifier: 'id-1' }] });
  });
}

for (const name of ['processorOne', 'processorTwo']) {
  test(`tutorial ${name} reads the SNS envelope and a raw body alike`, async () => {
    const { handler } = require(path.join(templates, 'tutorial', 'src', `${name}.js`));
    const envelope = JSON.stringify({ Type: 'Notification', Message: '{"id":1}' });
    const result = await quietly(() => handler(sqsEvent(envelope, '{"id":2}')));
    assert.strictEqual(result.statusCode, 200);
    await assert.rejects(quietly(() => handler(sqsEvent('broken'))));
  });
}
