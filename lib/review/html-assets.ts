/** The styles and the script inlined into the HTML report: no external resource, works from disk. */

export const REPORT_CSS = `
:root { color-scheme: light dark; --bg: #fafafa; --card: #fff; --fg: #18181b; --muted: #71717a; --line: #e4e4e7;
  --accent: #4f46e5; --del-bg: #fee2e2; --del-fg: #991b1b; --ins-bg: #d1fae5; --ins-fg: #065f46; }
@media (prefers-color-scheme: dark) { :root { --bg: #09090b; --card: #18181b; --fg: #f4f4f5; --muted: #a1a1aa;
  --line: #3f3f46; --accent: #818cf8; --del-bg: #450a0a; --del-fg: #fca5a5; --ins-bg: #022c22; --ins-fg: #6ee7b7; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
header.top, main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
header.top { border-bottom: 1px solid var(--line); }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; }
a { color: var(--accent); }
.muted { color: var(--muted); }
.tiles { display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; margin: 0; list-style: none; }
.tile { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: .4rem .75rem; min-width: 7rem; }
.tile.zero { opacity: .6; }
.tile strong { display: block; font-size: 1.25rem; }
table { border-collapse: collapse; background: var(--card); border: 1px solid var(--line); width: 100%; }
th, td { text-align: left; padding: .3rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.scroll { overflow-x: auto; }
.groups { list-style: none; padding: 0; margin: 0; display: grid; gap: .25rem; }
.groups button { all: unset; cursor: pointer; color: var(--accent); }
.groups button:focus-visible { outline: 2px solid var(--accent); }
.filters { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; margin-bottom: .5rem; }
.filters label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); }
select { font: inherit; padding: .2rem; max-width: 22rem; background: var(--card); color: var(--fg); border: 1px solid var(--line); border-radius: .375rem; }
.changes { list-style: none; padding: 0; margin: 0; display: grid; gap: .5rem; }
.change { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: .5rem .75rem; }
.change.seen { opacity: .55; }
.change-head { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
.change-head .path { overflow-wrap: anywhere; }
.seen-toggle { margin-left: auto; font-size: 12px; white-space: nowrap; }
.badge { display: inline-block; border-radius: .25rem; padding: 0 .4rem; font-size: 11px; font-weight: 600; }
.v-error { background: #fee2e2; color: #991b1b; } .v-request { background: #ede9fe; color: #5b21b6; }
.v-response { background: #fef3c7; color: #78350f; } .v-added { background: #ccfbf1; color: #115e59; }
.v-removed { background: #e4e4e7; color: #27272a; } .v-noise { background: #e0f2fe; color: #075985; }
.v-identical { background: #d1fae5; color: #065f46; } .v-secret { background: #dc2626; color: #fff; }
@media (prefers-color-scheme: dark) {
  .v-error { background: #450a0a; color: #fca5a5; } .v-request { background: #2e1065; color: #c4b5fd; }
  .v-response { background: #451a03; color: #fcd34d; } .v-added { background: #042f2e; color: #5eead4; }
  .v-removed { background: #3f3f46; color: #e4e4e7; } .v-noise { background: #082f49; color: #7dd3fc; }
  .v-identical { background: #022c22; color: #6ee7b7; } }
.badge { text-transform: uppercase; letter-spacing: .03em; }
.summary-line { margin: .25rem 0; overflow-wrap: anywhere; }
details { margin-top: .25rem; } summary { cursor: pointer; color: var(--muted); }
.text { white-space: pre-wrap; overflow-wrap: anywhere; border-left: 3px solid var(--line); padding-left: .75rem; margin: .5rem 0; }
del { background: var(--del-bg); color: var(--del-fg); } ins { background: var(--ins-bg); color: var(--ins-fg); text-decoration: none; }
[hidden] { display: none !important; }
`;

/** Filters (verdict, suite, group; kept in the URL hash) and "mark as seen" (localStorage). */
export const REPORT_SCRIPT = `
(function () {
  var body = document.body;
  var storageKey = body.getAttribute("data-storage-key");
  var items = Array.prototype.slice.call(document.querySelectorAll("li.change"));
  var selects = { verdict: document.getElementById("f-verdict"), suite: document.getElementById("f-suite"), group: document.getElementById("f-group") };
  var status = document.getElementById("remaining");
  var seen = {};
  try { JSON.parse(localStorage.getItem(storageKey) || "[]").forEach(function (k) { seen[k] = true; }); } catch (e) {}
  function save() { try { localStorage.setItem(storageKey, JSON.stringify(Object.keys(seen))); } catch (e) {} }
  function matches(li) {
    var v = selects.verdict.value, s = selects.suite.value, g = selects.group.value;
    var verdict = li.getAttribute("data-verdict");
    if (v === "substantive" ? (verdict === "noise" || verdict === "identical") : (v && verdict !== v)) return false;
    if (s && li.getAttribute("data-suite") !== s) return false;
    if (g && (" " + li.getAttribute("data-groups") + " ").indexOf(" " + g + " ") < 0) return false;
    return true;
  }
  function update() {
    var shown = 0, left = 0;
    items.forEach(function (li) {
      var ok = matches(li), isSeen = !!seen[li.getAttribute("data-key")];
      li.hidden = !ok;
      li.classList.toggle("seen", isSeen);
      li.querySelector("input.seen-box").checked = isSeen;
      if (ok) { shown++; if (!isSeen) left++; }
    });
    status.textContent = left + " of " + shown + " shown changes not yet seen";
    var hash = ["verdict", "suite", "group"].filter(function (k) { return selects[k].value; })
      .map(function (k) { return k + "=" + encodeURIComponent(selects[k].value); }).join("&");
    if (location.hash.slice(1) !== hash) history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
  }
  location.hash.slice(1).split("&").forEach(function (pair) {
    var at = pair.indexOf("="), key = pair.slice(0, at), value = decodeURIComponent(pair.slice(at + 1));
    var select = selects[key];
    if (select && Array.prototype.some.call(select.options, function (o) { return o.value === value; })) select.value = value;
  });
  Object.keys(selects).forEach(function (k) { selects[k].addEventListener("change", update); });
  document.querySelectorAll("button[data-group]").forEach(function (button) {
    button.addEventListener("click", function () {
      selects.group.value = button.getAttribute("data-group");
      update();
      document.getElementById("changes").scrollIntoView();
    });
  });
  items.forEach(function (li) {
    li.querySelector("input.seen-box").addEventListener("change", function (event) {
      var key = li.getAttribute("data-key");
      if (event.target.checked) seen[key] = true; else delete seen[key];
      save();
      update();
    });
  });
  update();
})();
`;
