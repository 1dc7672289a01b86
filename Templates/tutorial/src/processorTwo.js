// Drains queue Two. Without raw message delivery the SQS body is the SNS envelope
// ({"Type":"Notification","Message":"<published text>",...}); with it, the published text.
exports.handler = async (event) => {
  for (const record of event.Records) {
    const body = JSON.parse(record.body);
    const item = body.Type === 'Notification' && typeof body.Message === 'string'
      ? JSON.parse(body.Message)
      : body;
    console.log('Processing item in Queue Two:', item);
  }
  return { statusCode: 200, body: JSON.stringify({ message: 'Successfully processed messages in Queue Two' }) };
};
