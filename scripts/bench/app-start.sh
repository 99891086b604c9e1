#!/usr/bin/env bash
# Start-up of the desktop app under Xvfb: cold start to interactive, and idle memory.
#   bash scripts/bench/app-start.sh            (builds the release app once if needed)
# Environment:
#   CARGO_TARGET_DIR        cargo's target folder (default: <repo>/target)
#   SERTEL_BENCH_RUNS       starts measured (default 5)
#   SERTEL_BENCH_SKIP_BUILD 1: use the release binary as it is
#   SERTEL_BENCH_APP        another app binary to measure (implies no build), e.g. the debug one
#   WEBKIT_*                passed to the app (e.g. WEBKIT_DISABLE_COMPOSITING_MODE=1)
#
# Each run starts the release binary in a fresh, empty HOME (first-run profile screen) on a
# private Xvfb display. "Interactive" is when the UI has drawn its first screen and called the
# app_ready command, which writes the milliseconds since the process started to
# $SERTEL_READY_FILE; the script also times from just before exec until that file appears
# (polled every 5 ms). Memory is read 3 s after ready: the RSS of the app process, and the PSS
# (proportional set size: shared pages split between the processes sharing them) summed over
# its whole process tree — WebKitGTK runs the page in WebKitWebProcess and networking in
# WebKitNetworkProcess, which map the same large libraries, so summing their RSS would count
# those libraries three times.
# Goals: interactive within 1 s, idle memory (app RSS, and the tree's PSS) at most 150 MiB.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh

RUNS="${SERTEL_BENCH_RUNS:-5}"
TARGET="${CARGO_TARGET_DIR:-$PWD/target}"
APP="${SERTEL_BENCH_APP:-$TARGET/release/sertel-desktop}"

if [ "${SERTEL_BENCH_SKIP_BUILD:-0}" != 1 ] && [ -z "${SERTEL_BENCH_APP:-}" ]; then
  need_cargo
  step "app-start: release build"
  cargo build --release -p sertel-desktop --locked
fi
[ -x "$APP" ] || { echo "app-start: no release binary at $APP" >&2; exit 1; }
command -v Xvfb >/dev/null || { echo "app-start: Xvfb is required (apt install xvfb)" >&2; exit 1; }

work=$(mktemp -d)
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null && wait "$xvfb_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

display=99
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 400); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.025; done
[ -e "/tmp/.X11-unix/X$display" ] || { echo "app-start: Xvfb did not start" >&2; exit 1; }

# RSS in KiB of a process and of all its descendants.
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
pss_kib() { awk '/^Pss:/ { print $2 }' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
tree_pids() {
  local pid=$1
  echo "$pid"
  for child in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do tree_pids "$child"; done
}

now_ms() { date +%s%3N; }

step "app-start: $RUNS starts of $APP on :$display"
printf '%-4s %10s %10s %12s %13s  %s\n' run "wall ms" "in-app ms" "app RSS MiB" "tree PSS MiB" "processes (PSS MiB)"
walls=(); inapps=(); apps=(); trees=()
for run in $(seq 1 "$RUNS"); do
  home="$work/home-$run"
  mkdir -p "$home"
  ready="$work/ready-$run"
  start=$(now_ms)
  mapfile -t webkit_env < <(env | grep '^WEBKIT_' || true)
  env -i "${webkit_env[@]}" PATH="$PATH" DISPLAY=":$display" HOME="$home" XDG_CONFIG_HOME="$home/.config" \
    XDG_DATA_HOME="$home/.local/share" XDG_CACHE_HOME="$home/.cache" NO_AT_BRIDGE=1 \
    GDK_BACKEND=x11 SERTEL_READY_FILE="$ready" "$APP" >"$work/app-$run.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 6000); do [ -s "$ready" ] && break; sleep 0.005; done
  [ -s "$ready" ] || { echo "app-start: run $run never became ready" >&2; cat "$work/app-$run.log" >&2; exit 1; }
  wall=$(( $(now_ms) - start ))
  inapp=$(tr -d '\n' < "$ready")
  sleep 3
  app_rss=$(rss_kib "$app_pid")
  tree_rss=0
  parts=""
  for p in $(tree_pids "$app_pid"); do
    pss=$(pss_kib "$p")
    tree_rss=$(( tree_rss + pss ))
    parts="$parts $(cat /proc/"$p"/comm 2>/dev/null)=$(( pss / 1024 ))"
  done
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
  walls+=("$wall"); inapps+=("$inapp"); apps+=("$app_rss"); trees+=("$tree_rss")
  printf '%-4s %10s %10s %12.1f %13.1f %s\n' "$run" "$wall" "$inapp" \
    "$(awk -v k="$app_rss" 'BEGIN { print k / 1024 }')" "$(awk -v k="$tree_rss" 'BEGIN { print k / 1024 }')" "$parts"
done

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
wall=$(median "${walls[@]}")
inapp=$(median "${inapps[@]}")
tree_mib=$(awk -v k="$(median "${trees[@]}")" 'BEGIN { printf "%.1f", k / 1024 }')
app_mib=$(awk -v k="$(median "${apps[@]}")" 'BEGIN { printf "%.1f", k / 1024 }')
verdict() { if [ "$1" = 1 ]; then echo PASS; else echo FAIL; fi; }
echo
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
echo "cold start to interactive (median of $RUNS): ${wall} ms wall, ${inapp} ms in-app — goal <= 1000 ms: $(verdict $((wall <= 1000)))"
echo "idle memory (median): app RSS ${app_mib} MiB — goal <= 150 MiB: $(verdict "$(awk -v m="$app_mib" 'BEGIN { print (m <= 150) }')")"
echo "                       app + WebKit processes, PSS ${tree_mib} MiB — goal <= 150 MiB: $(verdict "$(awk -v m="$tree_mib" 'BEGIN { print (m <= 150) }')")"
