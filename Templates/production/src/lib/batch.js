// What every consumer of the fan-out does with a batch. Raw message delivery is on, so each
// record's body is the published item itself. A record that fails is reported in
// batchItemFailures: only it is retried, and after 5 receives it moves to the dead-letter
// queue.
exports.consume = (name, process = async () => {}) => async (event) => {
  const batchItemFailures = [];
  for (const record of event.Records) {
    try {
      const item = JSON.parse(record.body);
      console.log(`${name} processing item:`, item);
      await process(item);
    } catch (error) {
      console.error(`${name} failed on message`, record.messageId, error);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};
