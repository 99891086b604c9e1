// Translations: one JSON dictionary per language in ui/i18n/, Indonesian by default.

const dictionaries = {};
let current = "id";

export async function load(lang) {
  if (!dictionaries[lang]) {
    const response = await fetch(`i18n/${lang}.json`);
    dictionaries[lang] = await response.json();
  }
  current = lang;
  document.documentElement.lang = lang;
}

export function lang() {
  return current;
}

// The text for `key`, with {name} placeholders filled from `vars`.
export function t(key, vars = {}) {
  const text = (dictionaries[current] && dictionaries[current][key]) ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
}

// Translates every element marked with data-i18n (text) or data-i18n-placeholder.
export function apply(root = document) {
  root.querySelectorAll("[data-i18n]").forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  root.querySelectorAll("[data-i18n-placeholder]").forEach((el) => {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  });
}
