// The one wrapper through which the UI calls Rust.
async function call(command, args) {
  return window.__TAURI__.core.invoke(command, args || {});
}

call("core_version").then((v) => {
  document.getElementById("core-version").textContent = v;
});
