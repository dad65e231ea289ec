// The simulator page as one self-contained HTML string: inline CSS and JS, no build step, no external assets, so it
// works wherever the router is mounted. The Content-Security-Policy allows exactly these inline blocks (by hash) and
// requests to this origin only, a second line of defence behind the script's textContent-only rendering.
import { createHash } from "node:crypto";
import { pageScript } from "./page-script.js";
import { pageStyle } from "./page-style.js";

const body = `
<header class="top">
  <div class="intro">
    <h1><span class="sun" aria-hidden="true">&#9728;</span> Nuru simulator <span id="live" class="live">&#9675; connecting&hellip;</span></h1>
    <p class="lead">Try every Nuru flow by chatting as several people side by side, no WhatsApp or Telegram account needed.
      <span lang="sw">Jaribu Nuru kwa kuzungumza kama watu kadhaa kwa pamoja, bila akaunti ya WhatsApp wala Telegram.</span></p>
  </div>
  <details id="add-wrap" class="add-wrap" open>
    <summary>+ Add a person / Ongeza mtu</summary>
    <form id="add-person" class="add" autocomplete="off">
      <input name="person" maxlength="80" placeholder="Name / Jina" aria-label="Name / Jina">
      <input name="phone" required inputmode="tel" placeholder="+255712345678" aria-label="Phone / Simu">
      <button type="submit">Add / Ongeza</button>
      <div class="error" role="alert"></div>
    </form>
  </details>
</header>
<nav id="tabs" class="tabs" role="tablist" aria-label="People / Watu"></nav>
<nav id="others" class="others" hidden aria-label="Other chats">
  <span>Other chats / Mazungumzo mengine:</span><span id="others-list" class="others-list"></span>
</nav>
<main id="panes" class="panes"></main>`;

function cspHash(source: string): string {
  return `'sha256-${createHash("sha256").update(source, "utf8").digest("base64")}'`;
}

export const simulatorPage = {
  html: `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Nuru simulator</title>
<link rel="icon" href="data:,">
<style>${pageStyle}</style>
</head>
<body>${body}
<script>${pageScript}</script>
</body>
</html>
`,
  contentSecurityPolicy: [
    "default-src 'none'",
    `script-src ${cspHash(pageScript)}`,
    `style-src ${cspHash(pageStyle)}`,
    "connect-src 'self'",
    // The bot's pictures (an entry pass, a chart) come from this simulator's api/files.
    "img-src data: 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; "),
};
