module.exports = require('./order-env').OrderedNodeEnvironment
