// The simulator page's script, part three of three (see page-script.ts): sending a person's messages one at a time
// with retries, the one long-poll for every pane, history, and the list of other chats. Functions of the one IIFE
// page-script.ts opens; they use its helpers and state, and showMessage() from page-script-panes.ts.
// String.raw keeps the regex backslashes intact; the script must not contain backticks or dollar-brace.
export const networkScript = String.raw`
  function post(pane, content, shownText) {
    const meta = bubble(pane, "me", shownText);
    const status = el("span", "", " \u2026");
    meta.append(status);
    const body = Object.assign({ from: pane.person.phone, id: newId() }, pane.person.name ? { name: pane.person.name } : {}, content);
    pane.posted.add(body.id);
    pane.longNote.textContent = "";
    pane.queue = pane.queue.then(() => deliver(pane, body, meta, status));
  }

  async function deliver(pane, body, meta, status) {
    for (let attempt = 0; panes.get(pane.person.phone) === pane; attempt++) {
      let response = null;
      try {
        response = await fetch("api/messages", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
      } catch {
        // network down or server restarting: retried below
      }
      if (response && response.status === 202) {
        setLive(true);
        status.textContent = " \u2713";
        status.title = "Nuru got it / Nuru imepokea";
        return;
      }
      if (response && response.status >= 400 && response.status < 500 && response.status !== 409) {
        const problem = await response.json().catch(() => ({}));
        meta.classList.add("failed");
        status.textContent = " \u2717 " + (problem.error || "refused (" + response.status + ")");
        return;
      }
      // 503 (not logged yet) or 409 (simulator starting): same id again, so a repeat is dropped by the engine.
      status.textContent = " retrying\u2026";
      await delay(Math.min(500 * 2 ** attempt, 10000));
    }
  }

  async function loadHistory(pane) {
    try {
      const response = await fetch("api/chats/" + encodeURIComponent(pane.person.phone) + "/messages?after=0&mine=1");
      if (response.ok) for (const message of await response.json()) showMessage(pane, message, false);
    } catch {
      // the long-poll shows new messages anyway
    }
  }

  function setLive(ok) {
    liveEl.textContent = ok ? "\u25cf live" : "\u25cb reconnecting\u2026";
    liveEl.classList.toggle("down", !ok);
  }

  function repoll() {
    pollRestart = true;
    if (pollAbort) pollAbort.abort();
  }

  // pollAfter only moves with this poll's answers: a history load for a new pane must not make it skip messages.
  async function pollForever() {
    let first = true;
    for (let failures = 0; ; ) {
      pollAbort = new AbortController();
      pollRestart = false;
      const phones = [...panes.keys()].join(",");
      try {
        // The first poll answers at once (it brings the history, and shows the page is live); later ones wait.
        const wait = first ? 0 : POLL_SECONDS;
        const url = "api/messages?after=" + pollAfter + "&wait=" + wait + "&mine=1&phones=" + encodeURIComponent(phones);
        const response = await fetch(url, { signal: pollAbort.signal, cache: "no-store" });
        if (!response.ok) throw new Error("poll answered " + response.status);
        for (const message of await response.json()) {
          pollAfter = Math.max(pollAfter, message.seq);
          const pane = panes.get(message.phone);
          if (pane) showMessage(pane, message, !first);
        }
        first = false;
        failures = 0;
        setLive(true);
      } catch {
        if (pollRestart) continue;
        failures++;
        setLive(false);
        await delay(Math.min(1000 * 2 ** failures, 15000));
      }
    }
  }

  // Chats the bot opened with someone who has no pane yet (an invited guest, a booked provider).
  async function refreshOthers() {
    try {
      const response = await fetch("api/chats", { cache: "no-store" });
      if (!response.ok) return;
      const others = (await response.json()).filter((chat) => !panes.has(chat.phone)).slice(0, 8);
      othersList.replaceChildren(
        ...others.map((chat) =>
          button("", (chat.name ? chat.name + " " : "") + chat.phone, () => openPerson({ name: chat.name || "", phone: chat.phone })),
        ),
      );
      othersEl.hidden = others.length === 0;
    } catch {
      // next round
    }
  }
`;
