// The one bridge between the UI and Rust: every command goes through `call`, every event
// through `on`. Errors always arrive as {kind, message, detail}.

const tauri = window.__TAURI__;

export async function call(command, args = {}) {
  try {
    return await tauri.core.invoke(command, args);
  } catch (e) {
    if (e && typeof e === "object" && "kind" in e) throw e;
    throw { kind: "internal", message: String(e), detail: null };
  }
}

export function on(event, handler) {
  return tauri.event.listen(event, (e) => handler(e.payload));
}

// File dialogs (tauri-plugin-dialog), through the same bridge.
export async function chooseFiles({ multiple = false, extensions = ["pdf"], label = "PDF" } = {}) {
  const picked = await call("plugin:dialog|open", {
    options: { multiple, directory: false, filters: [{ name: label, extensions }] },
  });
  if (picked == null) return [];
  return Array.isArray(picked) ? picked : [picked];
}

export async function chooseSavePath(defaultPath, extensions, label) {
  return call("plugin:dialog|save", {
    options: { defaultPath, filters: [{ name: label, extensions }] },
  });
}
