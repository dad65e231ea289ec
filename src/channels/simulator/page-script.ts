// Browser script of the simulator page, plain JS so there is no build step. Rules it keeps:
// - all text goes in with textContent, never innerHTML, because bot and person text is user data;
// - a person's messages are sent one at a time, in order, and a failed POST is retried with the same id, so the
//   engine drops the repeat if the first try did get logged;
// - one long-poll covers every pane (GET api/messages?phones=...): a poll per pane would use up the browser's six
//   connections per host and leave none for sending.
// The script is one IIFE in three files (a file each for the set-up and start, the panes, the network), joined in
// this order; the functions are hoisted declarations, so they may call each other across the parts.
// String.raw keeps the regex backslashes intact; the script must not contain backticks or dollar-brace.
import { networkScript } from "./page-script-network.js";
import { paneScript } from "./page-script-panes.js";

/** Constants, page elements, state and small helpers; opens the IIFE the last part closes. */
const setupScript = String.raw`
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
`;

/** Opening a person's pane, the add-a-person form, and the start: panes for the demo people, the first poll. */
const startScript = String.raw`
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

export const pageScript = setupScript + paneScript + networkScript + startScript;
