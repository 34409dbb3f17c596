module.exports = require('./order-env').OrderedJsdomEnvironment
