// The simulator page's script, part two of three (see page-script.ts): a pane per person (its tab, its messages,
// its composer) and how a message is shown in it. Functions of the one IIFE page-script.ts opens; they use its
// helpers (el, button, clock) and state (panes, active), and post() from page-script-network.ts.
// String.raw keeps the regex backslashes intact; the script must not contain backticks or dollar-brace.
export const paneScript = String.raw`
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
`;
