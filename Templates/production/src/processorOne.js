// Drains the processorOne queue; put its own processing in the function passed to consume.
const { consume } = require('./lib/batch');

exports.handler = consume('processorOne', async (item) => {
  // processorOne's processing of one item goes here.
});
