/**
 * Replaces `@stdlib/assert-has-generator-support` in the renderer bundle. The original detects generator
 * support by calling `eval`, which our Content-Security-Policy (no 'unsafe-eval') rightly blocks and reports
 * as a violation. Every runtime the renderer targets (Chromium >= 120 in Electron and browsers) has native
 * generators, so the answer is a constant; stdlib's continued-fraction code then takes its generator path.
 * CommonJS, because stdlib `require`s it.
 */
module.exports = function hasGeneratorSupport() {
  return true;
};
