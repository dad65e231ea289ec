// whatsapp-web.js depends on puppeteer, whose own browser download cannot work where only the npm registry is
// reachable; Nuru drives the system Chromium (CHROMIUM_PATH) instead.
module.exports = { skipDownload: true };
