// {{consumer}}: drains its own queue, one call of processItem per message (src/lib/batch.js
// reads the message and reports the ones that fail).
const { consume } = require('./lib/batch');

// {{consumer}}'s work on one published item goes here. Throw to have the message retried.
exports.processItem = async (item) => {
  console.log('{{consumer}} processing item:', item);
};

exports.handler = consume('{{consumer}}', (item) => exports.processItem(item));
