// How this project starts Chromium outside Electron (the browser tests, the icon rendering): Debian's Chromium, or
// CHROMIUM_PATH; offline and quiet: no sandbox (containers), no GPU, no background network traffic of any kind.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const OFFLINE_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
