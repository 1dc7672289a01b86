// Drains the processorTwo queue; put its own processing in the function passed to consume.
const { consume } = require('./lib/batch');

exports.handler = consume('processorTwo', async (item) => {
  // processorTwo's processing of one item goes here.
});
