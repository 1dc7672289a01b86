// HTTP trigger: publishes each item of the request body to the SNS topic, which fans it out
// to every subscribed queue. Uses the AWS SDK v3 that the Node.js Lambda runtimes include
// (the tutorial's `require('aws-sdk')` is v2, which nodejs18.x and later no longer ship).
const { SNSClient, PublishCommand } = require('@aws-sdk/client-sns');

const sns = new SNSClient({});

exports.handler = async (event) => {
  try {
    const body = JSON.parse(event.body || '{}');
    const items = body.items || [];
    await Promise.all(items.map((item) => sns.send(new PublishCommand({
      TopicArn: process.env.SNS_TOPIC_ARN,
      Message: JSON.stringify(item),
    }))));
    return {
      statusCode: 200,
      body: JSON.stringify({ message: `Successfully initiated processing for ${items.length} items` }),
    };
  } catch (error) {
    console.error('Error:', error);
    return {
      statusCode: 500,
      body: JSON.stringify({ message: 'Error processing request', error: error.message }),
    };
  }
};
