// Styles for everything PostCheck draws, inside its shadow root (the page's CSS cannot reach in,
// ours cannot leak out). Dark mode and reduced motion follow the user's system settings.
export const UI_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.pc { --bg: #fff; --fg: #1f1f1f; --muted: #5f6368; --line: #dadce0; --block: #c5221f; --warn: #a05a00; --info: #1a73e8;
  --block-bg: #fce8e6; --warn-bg: #fef3e0; --info-bg: #e8f0fe; --focus: #1a73e8; --shadow: 0 6px 28px rgba(0,0,0,.28);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); }
@media (prefers-color-scheme: dark) {
  .pc { --bg: #202124; --fg: #e8eaed; --muted: #9aa0a6; --line: #3c4043; --block: #f28b82; --warn: #fdd663; --info: #8ab4f8;
    --block-bg: #3c1f1e; --warn-bg: #3a2f12; --info-bg: #1c2a40; --focus: #8ab4f8; --shadow: 0 6px 28px rgba(0,0,0,.6); }
}
button { font: inherit; color: inherit; cursor: pointer; }
button:focus-visible, [tabindex]:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }

.badge { position: fixed; display: flex; align-items: center; gap: 4px; height: 24px; padding: 0 8px; border-radius: 12px;
  border: 1px solid var(--line); background: var(--bg); box-shadow: 0 1px 4px rgba(0,0,0,.25); font-size: 12px; font-weight: 600; pointer-events: auto; }
.badge[hidden], .overlay[hidden], .panel[hidden] { display: none; }
.badge .n { display: inline-flex; align-items: center; gap: 3px; }
.badge[data-state="clean"] { opacity: .75; padding: 0 7px; }
.badge .ok { color: #188038; }
@media (prefers-color-scheme: dark) { .badge .ok { color: #81c995; } }
.dot { width: 8px; height: 8px; border-radius: 50%; display: inline-block; }
.dot.block { background: var(--block); } .dot.warn { background: var(--warn); } .dot.info { background: var(--info); }

.panel { position: fixed; width: 360px; max-width: calc(100vw - 16px); max-height: 60vh; overflow: auto; padding: 12px;
  background: var(--bg); border: 1px solid var(--line); border-radius: 10px; box-shadow: var(--shadow); pointer-events: auto; }
.panel h2, .dialog h2 { font-size: 15px; margin: 0 0 8px; }
.head { display: flex; justify-content: space-between; align-items: start; gap: 8px; }
.close { border: 0; background: transparent; font-size: 18px; line-height: 1; padding: 2px 6px; border-radius: 6px; }
ul.findings { list-style: none; margin: 0; padding: 0; display: grid; gap: 10px; }
.finding { border-left: 4px solid var(--info); padding: 6px 8px; border-radius: 4px; background: var(--info-bg); }
.finding.block { border-color: var(--block); background: var(--block-bg); }
.finding.warn { border-color: var(--warn); background: var(--warn-bg); }
.sev { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; }
.finding.block .sev { color: var(--block); } .finding.warn .sev { color: var(--warn); } .finding.info .sev { color: var(--info); }
.msg { margin: 2px 0; }
.excerpt { font-style: italic; word-break: break-word; }
.cite { color: var(--muted); font-size: 12px; margin: 4px 0 0; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.actions button, .buttons button { border: 1px solid var(--line); background: var(--bg); border-radius: 6px; padding: 4px 10px; }
.actions button.fix, .buttons button.primary { background: var(--focus); border-color: var(--focus); color: #fff; }
@media (prefers-color-scheme: dark) { .actions button.fix, .buttons button.primary { color: #202124; } }

.backdrop { position: fixed; inset: 0; background: rgba(0,0,0,.45); display: grid; place-items: center; pointer-events: auto; }
.dialog { width: 460px; max-width: calc(100vw - 24px); max-height: 85vh; overflow: auto; padding: 18px; background: var(--bg);
  border-radius: 12px; box-shadow: var(--shadow); }
.dialog p { margin: 0 0 10px; }
.buttons { display: flex; justify-content: flex-end; gap: 8px; margin-top: 14px; }

.overlay { position: fixed; overflow: hidden; pointer-events: none; }
.mirror { position: absolute; left: 0; top: 0; color: transparent; white-space: pre-wrap; overflow-wrap: break-word; }
.mirror mark { color: transparent; background: transparent; text-decoration: underline wavy 2px; text-underline-offset: 3px; }
.mirror mark.block { background: rgba(234,67,53,.14); text-decoration-color: var(--block); }
.mirror mark.warn { background: rgba(251,188,4,.20); text-decoration-color: var(--warn); }
.mirror mark.info { text-decoration-style: dotted; text-decoration-color: var(--info); }
.box { position: absolute; border-bottom: 2px solid var(--info); }
.box.block { border-color: var(--block); background: rgba(234,67,53,.14); }
.box.warn { border-color: var(--warn); background: rgba(251,188,4,.20); }

.part { font-size: 11px; font-weight: 600; color: var(--muted); }
.notice { position: fixed; width: 320px; max-width: calc(100vw - 16px); padding: 8px 10px; background: var(--bg); border: 1px solid var(--line);
  border-left: 4px solid var(--focus); border-radius: 8px; box-shadow: var(--shadow); pointer-events: auto; }

.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

@media (prefers-reduced-motion: no-preference) {
  .panel, .dialog { animation: pc-in .12s ease-out; }
  @keyframes pc-in { from { opacity: 0; transform: translateY(4px); } to { opacity: 1; transform: none; } }
}
`;
