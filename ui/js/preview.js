// The Sign screen's page preview: the page (picture, or its outline when no picture can be
// drawn) at its true proportions, with the signature box the owner drags into place. Positions
// are kept in PDF points from the page's bottom-left corner, as the signature is written.

import { call } from "./bridge.js";
import { t } from "./i18n.js";
import { $, error, fileName, show } from "./dom.js";

// The frame's width on screen; its height follows the page's proportions.
const FRAME_WIDTH = 420;

let page = null; // the PagePreview shown: {page, pages, width, height, box_width, box_height}
let path = null;
let box = null; // {x, y} of the box in points, once dragged or placed
let onPlaced = () => {};
let specimen = () => false; // whether the box is the specimen (larger than the plain box)

// The box's width and height in points.
function size() {
  return specimen() ? [page.specimen_width, page.specimen_height] : [page.box_width, page.box_height];
}

function scale() {
  return FRAME_WIDTH / page.width;
}

function drawBox() {
  const s = scale();
  const [w, h] = size();
  const el = $("sign-preview-box");
  el.style.width = `${w * s}px`;
  el.style.height = `${h * s}px`;
  el.style.left = `${box.x * s}px`;
  el.style.top = `${(page.height - box.y - h) * s}px`;
  el.dataset.x = box.x.toFixed(0);
  el.dataset.y = box.y.toFixed(0);
}

function clamp(v, max) {
  return Math.min(Math.max(v, 0), Math.max(max, 0));
}

// Puts the box at (x, y) points, kept inside the page.
function place(x, y) {
  const [w, h] = size();
  box = { x: clamp(x, page.width - w), y: clamp(y, page.height - h) };
  drawBox();
}

async function load(pdf, number) {
  try {
    const shown = await call("sign_preview", { path: pdf, page: number });
    page = shown;
    path = pdf;
    const frame = $("sign-preview");
    frame.style.width = `${FRAME_WIDTH}px`;
    frame.style.height = `${page.height * scale()}px`;
    const img = $("sign-preview-image");
    if (shown.image) img.src = shown.image;
    else img.removeAttribute("src");
    show($("sign-preview-no-image"), !shown.image);
    $("sign-preview-file").textContent = fileName(pdf);
    $("sign-preview-page").textContent = t("sign.preview_page", { page: shown.page, pages: shown.pages });
    $("sign-preview-prev").disabled = shown.page <= 1;
    $("sign-preview-next").disabled = shown.page >= shown.pages;
    // Bottom right, 36 pt from the edges, until the owner drags it elsewhere.
    if (!box) place(page.width - size()[0] - 36, 36);
    else place(box.x, box.y);
    frame.dataset.page = String(shown.page);
    frame.dataset.ready = "true";
    show($("sign-preview-card"), true);
  } catch (e) {
    error($("sign-status"), e);
  }
}

// Shows `pdf` (its last page first: letters are signed at the end).
export async function showFile(pdf) {
  if (!pdf) {
    path = null;
    show($("sign-preview-card"), false);
    return;
  }
  if (pdf !== path) await load(pdf, 0);
}

// Re-words the page label (after a language change).
// Redraws the box (its size follows the specimen choice), kept inside the page.
export function resize() {
  if (page && box) place(box.x, box.y);
}

export function relabel() {
  if (page) $("sign-preview-page").textContent = t("sign.preview_page", { page: page.page, pages: page.pages });
}

export function placement() {
  return page && box ? { kind: "at", page: page.page, x: box.x, y: box.y } : null;
}

export function describe() {
  return page && box ? t("sign.placed_at", { page: page.page, x: box.x.toFixed(0), y: box.y.toFixed(0) }) : "";
}

function startDrag(down) {
  if (!page) return;
  down.preventDefault();
  const target = $("sign-preview-box");
  const s = scale();
  const start = { px: down.clientX, py: down.clientY, x: box.x, y: box.y };
  target.classList.add("dragging");
  target.setPointerCapture?.(down.pointerId);
  const move = (e) => place(start.x + (e.clientX - start.px) / s, start.y - (e.clientY - start.py) / s);
  const up = () => {
    target.classList.remove("dragging");
    target.removeEventListener("pointermove", move);
    target.removeEventListener("pointerup", up);
    target.removeEventListener("pointercancel", up);
    onPlaced();
  };
  target.addEventListener("pointermove", move);
  target.addEventListener("pointerup", up);
  target.addEventListener("pointercancel", up);
}

// A click on the page puts the box's centre there.
function clickPage(e) {
  if (!page || e.target !== $("sign-preview")) return;
  const rect = $("sign-preview").getBoundingClientRect();
  const s = scale();
  const [w, h] = size();
  place((e.clientX - rect.left) / s - w / 2, page.height - (e.clientY - rect.top) / s - h / 2);
  onPlaced();
}

// `placed` is told when the owner moves the box; `isSpecimen` says whether it is the specimen.
export function init(placed, isSpecimen) {
  onPlaced = placed;
  specimen = isSpecimen;
  $("sign-preview-box").addEventListener("pointerdown", startDrag);
  $("sign-preview").addEventListener("click", clickPage);
  $("sign-preview-prev").addEventListener("click", () => page && load(path, page.page - 1));
  $("sign-preview-next").addEventListener("click", () => page && load(path, page.page + 1));
}
