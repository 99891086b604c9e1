// Small DOM helpers shared by the screens.

export const $ = (id) => document.getElementById(id);

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k.startsWith("data-")) node.setAttribute(k, v);
    else node[k] = v;
  }
  for (const c of children) {
    if (c != null) node.append(c instanceof Node ? c : String(c));
  }
  return node;
}

export function show(node, visible) {
  node.classList.toggle("hidden", !visible);
}

// A status line: tone is "ok", "error" or "" (neutral).
export function status(node, text, tone = "") {
  node.textContent = text || "";
  // The line keeps its own classes (a card's line is found by them); only the tone changes.
  node.classList.remove("ok", "error");
  node.classList.add("status");
  if (tone) node.classList.add(tone);
  node.dataset.tone = tone;
  node.dataset.lang = document.documentElement.lang;
}

// After a language switch: status lines written in the other language are emptied (they told
// of an earlier action; their tone stays for whoever reads it).
export function clearStatusesNotIn(lang) {
  document.querySelectorAll(".status[data-lang]").forEach((node) => {
    if (node.dataset.lang !== lang) node.textContent = "";
  });
}

// Shows an error from Rust ({kind, message, detail}) in a status line.
export function error(node, e) {
  status(node, e && e.message ? e.message : String(e), "error");
  node.dataset.kind = (e && e.kind) || "";
  node.title = (e && e.detail) || "";
}

// Runs `work` with `button` disabled and `progress` shown.
export async function busy(button, progress, work) {
  button.disabled = true;
  if (progress) show(progress, true);
  try {
    return await work();
  } finally {
    button.disabled = false;
    if (progress) show(progress, false);
  }
}

// A definition list from [label, value] pairs (values may be empty and are then skipped).
export function facts(dl, pairs) {
  dl.replaceChildren();
  for (const [label, value] of pairs) {
    if (value == null || value === "") continue;
    dl.append(el("dt", {}, label), el("dd", {}, value));
  }
}

export function fileName(path) {
  return String(path).split(/[\\/]/).pop();
}

// An RFC 3339 time as every other time in the product is written (the specimen, the report, the
// key's facts): in WIB, the regency's time, whatever the laptop's zone: "25-11-2026 04:50 WIB".
export function fmtDate(s) {
  if (!s) return "";
  const d = new Date(s);
  if (isNaN(d)) return s;
  const wib = new Date(d.getTime() + 7 * 3600 * 1000);
  const two = (n) => String(n).padStart(2, "0");
  const day = `${two(wib.getUTCDate())}-${two(wib.getUTCMonth() + 1)}-${wib.getUTCFullYear()}`;
  return `${day} ${two(wib.getUTCHours())}:${two(wib.getUTCMinutes())} WIB`;
}

// The pages of a document drawn by Rust ({pages: [data URLs]}) as images in `view`.
export function drawPages(view, doc, label) {
  view.replaceChildren(...doc.pages.map((src, i) => el("img", { src, class: "doc-page", alt: `${label} ${i + 1}` })));
}
