// HTTP trigger: publishes each item of the request body to the SNS topic, which fans it out
// to every subscribed queue. Uses the AWS SDK v3 that the Node.js Lambda runtimes include.
const { SNSClient, PublishCommand } = require('@aws-sdk/client-sns');

const sns = new SNSClient({});

exports.handler = async (event) => {
  let items;
  try {
    items = JSON.parse(event.body || '{}').items || [];
  } catch (error) {
    return { statusCode: 400, body: JSON.stringify({ message: 'The body must be JSON: {"items": [...]}' }) };
  }
  await Promise.all(items.map((item) => sns.send(new PublishCommand({
    TopicArn: process.env.SNS_TOPIC_ARN,
    Message: JSON.stringify(item),
  }))));
  return {
    statusCode: 200,
    body: JSON.stringify({ message: `Successfully initiated processing for ${items.length} items` }),
  };
};
