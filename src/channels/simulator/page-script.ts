// Browser script of the simulator page, plain JS so there is no build step. Rules it keeps:
// - all text goes in with textContent, never innerHTML, because bot and person text is user data;
// - a person's messages are sent one at a time, in order, and a failed POST is retried with the same id, so the
//   engine drops the repeat if the first try did get logged;
// - one long-poll covers every pane (GET api/messages?phones=...): a poll per pane would use up the browser's six
//   connections per host and leave none for sending.
// String.raw keeps the regex backslashes intact; the script must not contain backticks or dollar-brace.
export const pageScript = String.raw`
"use strict";
(() => {
  const PRESETS = [
    // The people of the demo world (npm run db:seed): Neema organizes the wedding, Joseph is invited, Hamisi is its MC.
    { role: "Organizer / Mratibu", name: "Neema Mushi", phone: "+255754100201", preset: true },
    { role: "Guest / Mgeni", name: "Joseph Kimaro", phone: "+255765440918", preset: true },
    { role: "Provider / Mtoa huduma", name: "Hamisi Mbwana", phone: "+255752330486", preset: true },
  ];
  const E164 = /^\+[1-9]\d{7,14}$/;
  const START_COMMAND = /^\/start\s+([A-Za-z0-9_-]{1,64})$/;
  const STORAGE_KEY = "nuru-simulator-people";
  const POLL_SECONDS = 25;

  const panesEl = document.getElementById("panes");
  const liveEl = document.getElementById("live");
  const othersEl = document.getElementById("others");
  const othersList = document.getElementById("others-list");
  const tabsEl = document.getElementById("tabs");
  const phoneLayout = window.matchMedia("(max-width: 700px)");
  const panes = new Map();
  let active = null;
  let pollAfter = 0;
  let pollAbort = null;
  let pollRestart = false;

  const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function button(className, text, onClick) {
    const node = el("button", className, text);
    node.type = "button";
    node.addEventListener("click", onClick);
    return node;
  }

  // crypto.randomUUID exists only on https and localhost; a phone on the LAN opens the page over plain http.
  function newId() {
    if (crypto.randomUUID) return crypto.randomUUID();
    return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function clock(iso) {
    return new Date(iso || Date.now()).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }

  function loadSavedPeople() {
    try {
      const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) || "[]");
      if (!Array.isArray(saved)) return [];
      return saved
        .filter((p) => p && typeof p.phone === "string" && E164.test(p.phone))
        .map((p) => ({ name: String(p.name || "").slice(0, 80), phone: p.phone }));
    } catch {
      return [];
    }
  }

  function savePeople() {
    const added = [...panes.values()].filter((p) => !p.person.preset).map((p) => ({ name: p.person.name, phone: p.person.phone }));
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(added));
    } catch {
      // private mode: people just are not remembered across reloads
    }
  }

  function addPane(person) {
    const existing = panes.get(person.phone);
    if (existing) return existing;
    const root = el("section", "pane");
    root.setAttribute("aria-label", "Chat as " + (person.name || person.phone));
    const head = el("header", "pane-head");
    const who = el("div", "who");
    who.append(
      el("div", "role", person.role || person.name || "Person / Mtu"),
      el("div", "phone", (person.role && person.name ? person.name + " \u00b7 " : "") + person.phone),
    );
    head.append(el("div", "avatar", (person.name || person.role || "?").trim().charAt(0).toUpperCase() || "?"), who);
    if (!person.preset) {
      const close = button("close", "\u00d7", () => removePane(person.phone));
      close.title = "Remove / Ondoa";
      head.append(close);
    }
    const list = el("ol", "messages");
    list.setAttribute("aria-live", "polite");
    const empty = el("li", "empty", "Say hi to start\nSema habari kuanza");
    list.append(empty);
    const form = el("form", "composer");
    const input = el("input");
    input.type = "text";
    // No maxlength: a browser would cut a pasted text silently. Long texts are said to be long (below), and Nuru
    // itself answers one over 32,000 characters with the limit.
    input.autocomplete = "off";
    input.placeholder = "Message / Ujumbe";
    input.setAttribute("aria-label", "Message as " + (person.name || person.phone));
    const send = el("button", "", "\u27a4");
    send.type = "submit";
    send.title = "Send / Tuma";
    form.append(input, send);
    const longNote = el("div", "longnote");
    longNote.setAttribute("aria-live", "polite");
    input.addEventListener("input", () => {
      const n = input.value.length;
      longNote.textContent =
        n > 32000
          ? "Over 32,000 characters (" + n + "): Nuru will ask for shorter parts / Zaidi ya herufi 32,000: Nuru itaomba sehemu fupi"
          : n > 4096
            ? "Long message: " + n + " characters (WhatsApp and Telegram would show it in parts) / Ujumbe mrefu: herufi " + n
            : "";
    });
    root.append(head, list, longNote, form);
    panesEl.append(root);

    const tab = el("button");
    tab.type = "button";
    tab.setAttribute("role", "tab");
    const badge = el("span", "badge", "");
    tab.append(el("span", "", person.name || person.phone), badge);
    tab.title = person.phone;
    tab.addEventListener("click", () => activate(pane));
    tabsEl.append(tab);

    const pane = { person, root, list, empty, lastSeq: 0, queue: Promise.resolve(), posted: new Set(), unread: 0, tab, badge, longNote };
    root.addEventListener("pointerdown", () => activate(pane));
    root.addEventListener("focusin", () => activate(pane));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const text = input.value;
      if (!text.trim()) return;
      input.value = "";
      // "/start CODE" is how a deep link arrives on Telegram; here it is typed.
      const start = START_COMMAND.exec(text.trim());
      post(pane, start ? { startPayload: start[1] } : { text }, text);
    });
    panes.set(person.phone, pane);
    return pane;
  }

  /** The chat being looked at: shown alone on a phone, outlined on a wide screen; its unread mark is cleared. */
  function activate(pane) {
    if (active === pane) return;
    if (active) {
      active.root.classList.remove("active");
      active.tab.setAttribute("aria-selected", "false");
    }
    active = pane;
    pane.root.classList.add("active");
    pane.tab.setAttribute("aria-selected", "true");
    pane.unread = 0;
    pane.badge.textContent = "";
    pane.tab.scrollIntoView({ block: "nearest", inline: "nearest" });
    if (!phoneLayout.matches) pane.root.scrollIntoView({ behavior: "smooth", inline: "nearest", block: "nearest" });
    pane.list.scrollTop = pane.list.scrollHeight;
  }

  function removePane(phone) {
    const pane = panes.get(phone);
    if (!pane) return;
    pane.root.remove();
    pane.tab.remove();
    panes.delete(phone);
    if (active === pane) {
      active = null;
      const next = panes.values().next().value;
      if (next) activate(next);
    }
    savePeople();
    repoll();
  }

  /** actions: buttons shown under the text (choices, share phone). */
  function bubble(pane, who, text, at, actions) {
    pane.empty.remove();
    const list = pane.list;
    const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
    const item = el("li", "bubble " + who);
    item.append(el("span", "text", text));
    if (actions && actions.length) {
      const row = el("div", "choices");
      row.append(...actions);
      item.append(row);
    }
    const meta = el("span", "meta", clock(at));
    item.append(meta);
    list.append(item);
    if (nearBottom || who === "me") list.scrollTop = list.scrollHeight;
    return meta;
  }

  /** fresh: it just arrived (not history being loaded), so it counts as unread in a chat not being looked at. */
  function showMessage(pane, message, fresh) {
    if (message.seq <= pane.lastSeq) return; // already shown (history load and long-poll can overlap)
    pane.lastSeq = message.seq;
    if (message.mine) {
      // What this person sent: shown already if sent from this page, else (a reload, another tab) shown now.
      if (!pane.posted.has(message.mine.clientId)) bubble(pane, "me", message.text, message.at);
      return;
    }
    if (fresh && active !== pane) {
      pane.unread++;
      pane.badge.textContent = String(pane.unread);
      pane.badge.title = pane.unread + " new / mpya";
    }
    const actions = (message.choices || []).map((choice) =>
      button("", choice.label, () => post(pane, { choice: choice.value, shown: choice.label.slice(0, 300) }, choice.label)),
    );
    if (message.document) {
      // A file the bot sent (an export): downloaded from the simulator, named as the bot named it.
      const link = el("a", "file", "\ud83d\udcce " + message.document.filename + " (" + Math.max(1, Math.round(message.document.size / 1024)) + " KB)");
      link.href = message.document.url;
      link.download = message.document.filename;
      if (message.document.mimeType.indexOf("image/") === 0) {
        const picture = el("img", "picture");
        picture.src = message.document.url;
        picture.alt = message.document.filename;
        actions.push(picture);
      }
      actions.push(link);
    }
    if (message.requestPhone) {
      const phone = pane.person.phone;
      const share = () => post(pane, { contact: { phone }, shown: "\ud83d\udcf1 " + phone }, "\ud83d\udcf1 " + phone);
      actions.push(button("", "\ud83d\udcf1 Share my phone number / Tuma namba yangu", share));
    }
    bubble(pane, "bot", message.text, message.at, actions);
  }

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

  function openPerson(person) {
    const known = panes.has(person.phone);
    const pane = addPane(person);
    if (!known) {
      savePeople();
      loadHistory(pane);
      repoll();
      refreshOthers();
    }
    activate(pane);
    pane.root.querySelector("input").focus();
    if (phoneLayout.matches) document.getElementById("add-wrap").open = false;
  }

  document.getElementById("add-person").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const error = form.querySelector(".error");
    const phone = form.querySelector("[name=phone]").value.replace(/[\s().-]/g, "");
    const name = form.querySelector("[name=person]").value.trim().slice(0, 80);
    if (!E164.test(phone)) {
      error.textContent = "Use the international form, e.g. +255712345678 / Tumia mfumo wa kimataifa, mf. +255712345678";
      return;
    }
    error.textContent = "";
    form.reset();
    openPerson({ name, phone });
  });

  for (const person of [...PRESETS, ...loadSavedPeople()]) addPane(person);
  activate(panes.values().next().value);
  // On a phone adding a person starts folded away, so the chat has the screen.
  if (phoneLayout.matches) document.getElementById("add-wrap").open = false;
  pollForever(); // the first poll (after=0) brings every pane's history
  refreshOthers();
  setInterval(refreshOthers, 10000);
})();
`;
