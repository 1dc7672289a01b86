// HTTP trigger (POST /events): publishes each item of the request body {"items": [...]} to
// the SNS topic, which fans it out to every consumer's queue.
//
// The AWS SDK for JavaScript v3 (@aws-sdk/client-sns) is part of the Node.js 18+ Lambda
// runtimes, so nothing needs to be bundled. It is loaded on first use: the tests build the
// handler with createHandler and their own publish function, and need no npm package.

const reply = (statusCode, body) => ({
  statusCode,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

// The items of an API Gateway event's body, or a 400 reply saying what is wrong with it.
const readItems = (event) => {
  let text = (event && event.body) || '';
  if (event && event.isBase64Encoded) text = Buffer.from(text, 'base64').toString('utf8');
  let body;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return { error: reply(400, { message: `The request body is not valid JSON (${error.message}); send {"items": [...]}` }) };
  }
  if (body === null || typeof body !== 'object' || !Array.isArray(body.items)) {
    return { error: reply(400, { message: 'The request body must be a JSON object with an "items" array: {"items": [...]}' }) };
  }
  return { items: body.items };
};

// The handler, around publish(input): sends one SNS Publish request ({TopicArn, Message}).
exports.createHandler = ({ publish, topicArn }) => async (event) => {
  const { items, error } = readItems(event);
  if (error) return error;
  // Publish every item even when some fail, and say which failed: a client that retries
  // only those does not send the others twice.
  const results = await Promise.allSettled(
    items.map((item) => publish({ TopicArn: topicArn, Message: JSON.stringify(item) })),
  );
  const failed = results.flatMap((result, index) => (result.status === 'rejected' ? [index] : []));
  if (failed.length > 0) {
    console.error('Publishing failed for items', failed, results.filter((r) => r.status === 'rejected'));
    return reply(502, { message: `Published ${items.length - failed.length} of ${items.length} items; retry the failed ones`, failed });
  }
  return reply(200, { message: `Published ${items.length} items` });
};

// The SNS client of the Lambda runtime's AWS SDK, created once per container.
let sns;
const publishWithSDK = (input) => {
  const { SNSClient, PublishCommand } = require('@aws-sdk/client-sns');
  sns = sns || new SNSClient({});
  return sns.send(new PublishCommand(input));
};

exports.handler = (event) =>
  exports.createHandler({ publish: publishWithSDK, topicArn: process.env.SNS_TOPIC_ARN })(event);
