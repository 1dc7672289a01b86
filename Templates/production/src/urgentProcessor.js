// Drains the urgentProcessor queue; put its own processing in the function passed to consume.
const { consume } = require('./lib/batch');

exports.handler = consume('urgentProcessor', async (item) => {
  // urgentProcessor's processing of one item goes here.
});
