// HTTP trigger: publishes each item of the request body to the SNS topic, which fans it out
// to every subscribed queue. Uses the AWS SDK v3 that the Node.js Lambda runtimes include.
const { SNSClient, PublishCommand } = require('@aws-sdk/client-sns');

const sns = new SNSClient({});

const reply = (statusCode, body) => ({ statusCode, body: JSON.stringify(body) });

exports.handler = async (event) => {
  let items;
  try {
    items = JSON.parse(event.body || '{}').items;
  } catch (error) {
    items = undefined;
  }
  if (!Array.isArray(items)) {
    return reply(400, { message: 'The body must be JSON: {"items": [...]}' });
  }
  // Publish every item even when some fail, and say which failed: a client that retries
  // only those does not send the others twice.
  const results = await Promise.allSettled(items.map((item) => sns.send(new PublishCommand({
    TopicArn: process.env.SNS_TOPIC_ARN,
    Message: JSON.stringify(item),
  }))));
  const failed = results.flatMap((result, index) => (result.status === 'rejected' ? [index] : []));
  if (failed.length > 0) {
    console.error('Publishing failed for items', failed, results.filter((r) => r.status === 'rejected'));
    return reply(502, { message: `Published ${items.length - failed.length} of ${items.length} items`, failed });
  }
  return reply(200, { message: `Successfully initiated processing for ${items.length} items` });
};
