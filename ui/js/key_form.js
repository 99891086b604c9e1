// A new key's form, shared by the owner's key (Key screen) and the agency's seal key (Seal
// screen): the algorithm, the passphrase with its strength meter, its repetition and the create
// button, drawn from the page's template with ids of one prefix (`${prefix}-passphrase`,
// `${prefix}-meter`, …). The key's and certificate's facts are worded here too.

import { call } from "./bridge.js";
import { apply, t } from "./i18n.js";
import { $, busy, el, error, status } from "./dom.js";

async function updateMeter(prefix) {
  const passphrase = $(`${prefix}-passphrase`).value;
  const fill = $(`${prefix}-meter-fill`);
  if (!passphrase) {
    fill.style.width = "0";
    fill.dataset.score = "";
    $(`${prefix}-meter-text`).textContent = "";
    $(`${prefix}-meter-hints`).replaceChildren();
    return;
  }
  const m = await call("key_meter", { passphrase });
  fill.style.width = `${((m.score + 1) / 5) * 100}%`;
  fill.dataset.score = String(m.score);
  $(`${prefix}-meter`).dataset.acceptable = String(m.acceptable);
  $(`${prefix}-meter-text`).textContent = t("key.meter", {
    level: t(`key.score_${m.score}`),
    time: m.crack_time,
  });
  const hints = m.acceptable ? [] : [m.problems, ...m.hints];
  $(`${prefix}-meter-hints`).replaceChildren(...hints.filter(Boolean).map((h) => el("li", {}, h)));
}

// The template's fields in place of the form's placeholder, their ids prefixed.
function drawFields(prefix) {
  const fields = $("new-key-fields").content.cloneNode(true);
  fields.querySelectorAll("[data-id]").forEach((node) => {
    node.id = `${prefix}-${node.dataset.id}`;
  });
  apply(fields);
  document.querySelector(`.new-key-fields[data-prefix="${prefix}"]`).replaceWith(fields);
}

// Draws and wires the form `${prefix}-create-form`: `command` makes the key, `onCreated` runs
// after. Returns what redraws the meter (after a language switch).
export function keyForm(prefix, command, onCreated) {
  drawFields(prefix);
  let timer = null;
  $(`${prefix}-passphrase`).addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => updateMeter(prefix), 150);
  });
  $(`${prefix}-create-form`).addEventListener("submit", async (event) => {
    event.preventDefault();
    const out = $(`${prefix}-create-status`);
    status(out, t("key.generating"));
    await busy($(`${prefix}-create`), $(`${prefix}-create-progress`), async () => {
      try {
        await call(command, {
          passphrase: $(`${prefix}-passphrase`).value,
          repeat: $(`${prefix}-repeat`).value,
          algorithmName: $(`${prefix}-algorithm`).value,
        });
        $(`${prefix}-passphrase`).value = "";
        $(`${prefix}-repeat`).value = "";
        status(out, t("key.created"), "ok");
        await onCreated();
      } catch (e) {
        error(out, e);
      }
    });
  });
  return () => updateMeter(prefix);
}

// The key's facts as [label, value] pairs.
export function keyFacts(info) {
  const k = info.key;
  return [
    [t("key.algorithm"), `${k.algorithm} (${k.bits} bit)`],
    [t("key.fingerprint"), k.fingerprint],
    [t(`key.origin_${k.origin}`), info.created_shown],
  ];
}

// The certificate's facts as [label, value] pairs (none without a certificate).
export function certificateFacts(c) {
  if (!c) return [];
  return [
    [t("key.holder"), c.holder],
    [t("key.issuer"), c.issuer],
    [t("key.serial"), c.serial],
    [t("key.valid_from"), c.not_before],
    [t("key.valid_until"), `${c.not_after} (${t(c.days_left >= 0 ? "key.days_left" : "key.expired", { days: Math.abs(c.days_left) })})`],
    [t("key.chain"), c.chain.join(" → ")],
  ];
}
