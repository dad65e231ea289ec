// CSS of the simulator page: phone-like chat panes side by side, one per person, snapping to full width on a phone.
// Kept apart from the script so each stays readable; page.ts inlines both (the page must have no external assets).
export const pageStyle = String.raw`
*, *::before, *::after { box-sizing: border-box; }
html, body { height: 100%; }
body {
  margin: 0; display: flex; flex-direction: column; height: 100vh; height: 100dvh;
  font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: #1c2b2a; background: #dfe5e4;
}
button, input { font: inherit; }
.top {
  display: flex; flex-wrap: wrap; align-items: center; gap: 8px 24px; padding: 12px 16px;
  background: #123c3a; color: #fff;
}
.top h1 { margin: 0; font-size: 20px; letter-spacing: .2px; }
.top h1 .sun { color: #f2b134; }
.intro { flex: 1 1 380px; min-width: 0; }
.lead { margin: 2px 0 0; font-size: 13px; color: #cfe3e0; }
.lead [lang=sw] { color: #f5d48a; }
.live { font-size: 12px; color: #9fc9c3; margin-left: 8px; font-weight: normal; }
.live.down { color: #ffb4a8; }
.add-wrap summary { display: none; cursor: pointer; font-weight: 600; color: #f2b134; }
.add { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.add input { width: 150px; padding: 7px 10px; border: 0; border-radius: 8px; }
.add button, .others button {
  padding: 7px 12px; border: 0; border-radius: 8px; background: #f2b134; color: #1c2b2a; font-weight: 600; cursor: pointer;
}
.add .error { flex-basis: 100%; font-size: 12px; color: #ffb4a8; min-height: 0; }
.add .error:empty { display: none; }
.others { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; padding: 8px 16px 0; font-size: 13px; }
.others[hidden] { display: none; }
.others-list { display: flex; flex-wrap: wrap; gap: 6px; }
.others button { background: #fff; border: 1px solid #b9c8c6; font-weight: normal; padding: 4px 10px; }
.tabs { display: flex; gap: 6px; padding: 8px 16px 0; overflow-x: auto; }
.tabs button {
  flex: none; display: flex; align-items: center; gap: 6px; padding: 5px 12px; border: 1px solid #b9c8c6; border-radius: 16px;
  background: #fff; color: #1c2b2a; cursor: pointer; white-space: nowrap;
}
.tabs button[aria-selected=true] { background: #1f5f5b; border-color: #1f5f5b; color: #fff; }
.badge { min-width: 20px; padding: 0 6px; border-radius: 10px; background: #25a244; color: #fff; font-size: 12px; font-weight: 700; text-align: center; }
.badge:empty { display: none; }
.pane.active { box-shadow: 0 0 0 3px #f2b134, 0 2px 10px rgba(0, 0, 0, .15); }
.longnote { padding: 0 14px 6px; font-size: 12px; color: #8a5a00; background: #f0f2f5; }
.longnote:empty { display: none; }
.panes {
  flex: 1; min-height: 0; display: flex; gap: 16px; padding: 16px; overflow-x: auto;
  scroll-snap-type: x mandatory; scroll-padding: 16px;
}
.pane {
  flex: 0 0 min(360px, calc(100vw - 32px)); display: flex; flex-direction: column; min-height: 0;
  border-radius: 18px; overflow: hidden; background: #efe7dd; box-shadow: 0 2px 10px rgba(0, 0, 0, .15);
  scroll-snap-align: start;
}
.pane-head { display: flex; align-items: center; gap: 10px; padding: 10px 12px; background: #1f5f5b; color: #fff; }
.avatar {
  flex: none; width: 36px; height: 36px; border-radius: 50%; display: grid; place-items: center;
  background: #f2b134; color: #123c3a; font-weight: 700;
}
.who { flex: 1; min-width: 0; }
.who .role { font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.who .phone { font-size: 12px; color: #cfe3e0; }
.close { border: 0; background: none; color: #cfe3e0; font-size: 22px; line-height: 1; cursor: pointer; padding: 0 4px; }
.messages {
  flex: 1; min-height: 0; overflow-y: auto; margin: 0; padding: 12px 10px; list-style: none;
  display: flex; flex-direction: column; gap: 6px;
}
.empty { white-space: pre-line; align-self: center; margin: auto 0; font-size: 13px; color: #6b7775; text-align: center; }
.bubble {
  max-width: 85%; padding: 6px 9px 4px; border-radius: 10px; box-shadow: 0 1px 1px rgba(0, 0, 0, .12);
  white-space: pre-wrap; overflow-wrap: anywhere;
}
.bubble.bot { align-self: flex-start; background: #fff; border-top-left-radius: 3px; }
.bubble.me { align-self: flex-end; background: #d9fdd3; border-top-right-radius: 3px; }
.meta { display: block; text-align: right; font-size: 11px; color: #6b7775; margin-top: 2px; white-space: nowrap; }
.meta.failed { color: #b3261e; white-space: normal; }
.choices { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; white-space: normal; }
.choices button {
  flex: 1 1 auto; padding: 6px 10px; border: 1px solid #c9d6d4; border-radius: 8px; background: #f6faf9;
  color: #1f5f5b; font-weight: 600; cursor: pointer;
}
.choices button:hover, .choices button:focus-visible { background: #e3f1ef; }
.choices .picture { flex-basis: 100%; max-width: 240px; border-radius: 6px; background: #fff; }
.choices .file { flex: 1 1 auto; padding: 6px 10px; border-radius: 8px; background: #e3f1ef; color: #1f5f5b; font-weight: 600; text-decoration: none; }
.composer { display: flex; gap: 8px; padding: 8px; background: #f0f2f5; }
.composer input { flex: 1; min-width: 0; padding: 9px 14px; border: 1px solid #cdd5d4; border-radius: 20px; background: #fff; }
.composer button {
  flex: none; width: 40px; height: 40px; border: 0; border-radius: 50%; background: #1f5f5b; color: #fff; cursor: pointer;
}
button:focus-visible, input:focus-visible { outline: 2px solid #f2b134; outline-offset: 1px; }
/* A phone: the header shrinks to one line, adding a person folds away, and one chat fills the screen at a time;
   the tabs above it say who else has news. */
@media (max-width: 700px) {
  .top { padding: 8px 12px; gap: 4px 12px; }
  .top h1 { font-size: 17px; }
  .lead { display: none; }
  .add-wrap summary { display: block; font-size: 14px; }
  .add-wrap:not([open]) .add { display: none; }
  .add-wrap[open] .add { margin-top: 6px; }
  .add input { flex: 1 1 130px; width: auto; }
  .others { padding: 6px 12px 0; }
  .tabs { padding: 6px 12px 0; }
  .panes { padding: 8px 12px 12px; overflow-x: hidden; }
  .pane { display: none; flex: 1 1 auto; }
  .pane.active { display: flex; box-shadow: 0 2px 10px rgba(0, 0, 0, .15); }
}
`;
