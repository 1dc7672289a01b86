// What every consumer does with a batch of SQS messages.
//
// Fanout subscribes each queue with raw message delivery, so a record's body is the published
// item itself. Without raw delivery it is SNS's envelope ({"Type": "Notification",
// "Message": "<published text>", ...}); messageOf reads both.
//
// A record that fails (unreadable, or its processing throws) is reported in
// batchItemFailures: only it returns to the queue, and after 5 receives it moves to the
// dead-letter queue. The others are deleted.

exports.messageOf = (record) => {
  const body = JSON.parse(record.body);
  const isEnvelope = body !== null && typeof body === 'object' && body.Type === 'Notification'
    && typeof body.Message === 'string' && typeof body.TopicArn === 'string';
  return isEnvelope ? JSON.parse(body.Message) : body;
};

exports.consume = (name, processItem) => async (event) => {
  const batchItemFailures = [];
  for (const record of event.Records) {
    try {
      await processItem(exports.messageOf(record));
    } catch (error) {
      console.error(`${name} failed on message ${record.messageId}:`, error);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};
