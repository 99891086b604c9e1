#!/usr/bin/env bash
# Measures Sertel's signing against pyHanko and OpenSSL and checks the three speed goals:
#
#   a. 100 one-page letters in one `sertel sign` run (whole process, key-file scrypt included)
#      vs pyHanko's library signing the same 100 letters in one Python process (the clock runs
#      around the signing loop only: start-up, imports and key loading are not counted).
#      Goal: Sertel at least 30x faster.
#   b. one letter, whole process: `sertel sign` vs `pyhanko sign addsig ... pemder`.
#      Goal: Sertel faster.
#   c. a 1 GiB PDF: `sertel sign` vs `openssl dgst -sha256` on the same file (both with the file
#      in the page cache), and Sertel's peak RSS. Goals: at most 1.5x OpenSSL's time, < 64 MiB.
#
# Usage (from anywhere in the repository; run scripts/setup.sh first):
#   bash scripts/bench/sign-vs-pyhanko.sh
#
# Environment:
#   SERTEL_VENV            venv holding pyHanko (default: <repo>/.venv)
#   CARGO_TARGET_DIR       cargo's target folder (default: <repo>/target)
#   SERTEL_BENCH_DIR       work folder (default: a new folder under /var/tmp, removed at the end)
#   SERTEL_BENCH_RUNS      hyperfine runs per Sertel measurement (default 10; 3 for 1 GiB)
#   SERTEL_BENCH_PY_RUNS   pyHanko batch processes (default 3) and CLI runs (default 5)
#   SERTEL_BENCH_BIG_BYTES size of the large PDF (default 1073741824)
#   SERTEL_BENCH_LETTERS   letters in case a (default 100; the goal is stated for 100)
#   SERTEL_BENCH_SKIP_BUILD=1  use the release binaries already in the target folder
#   SERTEL_BENCH_MAX_LOAD  wait before each case until the 1-minute load average is below this
#                          (default 1.5) ...
#   SERTEL_BENCH_WAIT      ... for at most this many seconds (default 0: do not wait)
#   SERTEL_BENCH_KEEP=1    keep the work folder (the large PDFs are removed regardless)
#
# Prints a table of medians, ratios and PASS/FAIL per goal, with the load average before and
# after each case; writes it (and the hyperfine JSON) into the work folder too. Exits 0 when the
# measurements ran, whatever the verdicts; non-zero if something could not run.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
# shellcheck source=../lib.sh
source scripts/lib.sh

VENV="${SERTEL_VENV:-$ROOT/.venv}"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
RUNS="${SERTEL_BENCH_RUNS:-10}"
BIG_RUNS=3
PY_RUNS="${SERTEL_BENCH_PY_RUNS:-3}"
PY_CLI_RUNS=5
BIG_BYTES="${SERTEL_BENCH_BIG_BYTES:-1073741824}"
MAX_LOAD="${SERTEL_BENCH_MAX_LOAD:-1.5}"
WAIT="${SERTEL_BENCH_WAIT:-0}"
LETTERS="${SERTEL_BENCH_LETTERS:-100}"

for tool in hyperfine jq openssl /usr/bin/time; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "sign-vs-pyhanko: $tool is missing; run scripts/setup.sh" >&2
    exit 1
  }
done
if [ ! -x "$VENV/bin/python" ] || [ ! -x "$VENV/bin/pyhanko" ]; then
  echo "sign-vs-pyhanko: no pyHanko venv at $VENV; run scripts/setup.sh (or set SERTEL_VENV)" >&2
  exit 1
fi
need_cargo

if [ -n "${SERTEL_BENCH_DIR:-}" ]; then
  WORK="$SERTEL_BENCH_DIR"
  mkdir -p "$WORK"
else
  WORK="$(mktemp -d /var/tmp/sertel-bench.XXXXXX)"
fi
BIG="$WORK/besar.pdf"
BIG_OUT="$WORK/besar-signed.pdf"
cleanup() {
  rm -f "$BIG" "$BIG_OUT"
  if [ "${SERTEL_BENCH_KEEP:-0}" != 1 ] && [ -z "${SERTEL_BENCH_DIR:-}" ]; then
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

load1() { cut -d' ' -f1 /proc/loadavg; }

# Waits (bounded by $WAIT seconds) for the 1-minute load average to fall below $MAX_LOAD.
settle() {
  local waited=0
  while awk -v l="$(load1)" -v m="$MAX_LOAD" 'BEGIN { exit !(l >= m) }' && [ "$waited" -lt "$WAIT" ]; do
    sleep 10
    waited=$((waited + 10))
  done
}

# median SECONDS from a hyperfine JSON export
median() { jq -r '.results[0].median' "$1"; }

if [ "${SERTEL_BENCH_SKIP_BUILD:-0}" != 1 ]; then
  step "build (release)"
  cargo build --release --locked -p sertel-cli --bin sertel -p test-support --bin sertel-fixtures
fi
SERTEL="$TARGET/release/sertel"
FIXTURES="$TARGET/release/sertel-fixtures"
for bin in "$SERTEL" "$FIXTURES"; do
  [ -x "$bin" ] || { echo "sign-vs-pyhanko: $bin is missing (build it, or drop SERTEL_BENCH_SKIP_BUILD)" >&2; exit 1; }
done

step "fixtures in $WORK"
"$FIXTURES" pki "$WORK/pki"
"$FIXTURES" letters "$WORK/letters" "$LETTERS" 1
# The certificate file: the signer's certificate, then its issuing CA. Both tools embed the same
# two certificates.
cat "$WORK/pki/signer-rsa-3072.pem" "$WORK/pki/intermediate.pem" > "$WORK/cert.pem"
export SERTEL_BENCH_PASSPHRASE="bench: frasa sandi uji, bukan rahasia"
# A real key file: PKCS#8 under PBES2 with Sertel's default scrypt parameters
# (N = 2^14, r = 8, p = 4) and AES-256-CBC, so every `sertel sign` pays the KDF.
openssl pkcs8 -topk8 -v2 aes-256-cbc -scrypt -scrypt_N 16384 -scrypt_r 8 -scrypt_p 4 \
  -in "$WORK/pki/signer-rsa-3072.key.pem" -passout env:SERTEL_BENCH_PASSPHRASE \
  -out "$WORK/kunci.pem"
chmod 600 "$WORK/kunci.pem"
ONE="$WORK/letters/surat-001.pdf"

SIGN=("$SERTEL" sign --key "$WORK/kunci.pem" --cert "$WORK/cert.pem"
  --passphrase-env SERTEL_BENCH_PASSPHRASE)

step "check: both tools sign, and Sertel verifies pyHanko's output and its own"
mkdir -p "$WORK/check"
"${SIGN[@]}" --out "$WORK/check/sertel.pdf" "$ONE" >/dev/null
"$VENV/bin/python" scripts/bench/pyhanko_batch.py --key "$WORK/pki/signer-rsa-3072.key.pem" \
  --cert "$WORK/pki/signer-rsa-3072.pem" --chain "$WORK/pki/intermediate.pem" \
  --out-dir "$WORK/check" "$ONE" >/dev/null
for f in "$WORK/check/sertel.pdf" "$WORK/check/surat-001-signed.pdf"; do
  # The trust verdict depends on whether the test root is trusted here; what must hold is that
  # the file has a signature whose byte ranges and signature value check out.
  "$SERTEL" --json verify "$f" >"$WORK/check/verify.json" 2>/dev/null || true
  if ! jq -e '.files[0].signatures | length > 0 and all(.integrity == "passed" and .signature == "passed")' \
    "$WORK/check/verify.json" >/dev/null; then
    echo "sign-vs-pyhanko: $f does not verify:" >&2
    cat "$WORK/check/verify.json" >&2
    exit 1
  fi
done

declare -A LOAD_BEFORE LOAD_AFTER

step "a. $LETTERS letters, one Sertel process (hyperfine, $RUNS runs)"
settle
LOAD_BEFORE[a]="$(load1)"
hyperfine --style basic --warmup 1 --runs "$RUNS" \
  --prepare "rm -rf '$WORK/out-sertel' && mkdir -p '$WORK/out-sertel'" \
  --export-json "$WORK/a-sertel.json" \
  "$(printf '%q ' "${SIGN[@]}") --out-dir '$WORK/out-sertel' '$WORK'/letters/surat-*.pdf"
A_SERTEL="$(median "$WORK/a-sertel.json")"
[ "$(find "$WORK/out-sertel" -name '*-signed.pdf' | wc -l)" = "$LETTERS" ] || {
  echo "sign-vs-pyhanko: Sertel did not write $LETTERS signed letters" >&2
  exit 1
}

step "a. $LETTERS letters, one pyHanko process ($PY_RUNS processes, signing loop timed inside)"
: > "$WORK/a-pyhanko.jsonl"
for i in $(seq 1 "$PY_RUNS"); do
  rm -rf "$WORK/out-pyhanko" && mkdir -p "$WORK/out-pyhanko"
  "$VENV/bin/python" scripts/bench/pyhanko_batch.py --key "$WORK/pki/signer-rsa-3072.key.pem" \
    --cert "$WORK/pki/signer-rsa-3072.pem" --chain "$WORK/pki/intermediate.pem" \
    --out-dir "$WORK/out-pyhanko" "$WORK"/letters/surat-*.pdf | tee -a "$WORK/a-pyhanko.jsonl"
  echo "  run $i/$PY_RUNS done (load $(load1))"
done
LOAD_AFTER[a]="$(load1)"
A_PY="$(jq -s 'map(.loop_seconds) | sort | .[length / 2 | floor]' "$WORK/a-pyhanko.jsonl")"

step "b. one letter, whole process"
settle
LOAD_BEFORE[b]="$(load1)"
hyperfine --style basic --warmup 1 --runs "$RUNS" \
  --prepare "rm -f '$WORK/b-sertel.pdf'" \
  --export-json "$WORK/b-sertel.json" \
  "$(printf '%q ' "${SIGN[@]}") --out '$WORK/b-sertel.pdf' '$ONE'"
hyperfine --style basic --warmup 1 --runs "$PY_CLI_RUNS" \
  --prepare "rm -f '$WORK/b-pyhanko.pdf'" \
  --export-json "$WORK/b-pyhanko.json" \
  "'$VENV/bin/pyhanko' sign addsig --field Signature1 --use-pades pemder \
     --key '$WORK/pki/signer-rsa-3072.key.pem' --cert '$WORK/pki/signer-rsa-3072.pem' \
     --chain '$WORK/pki/intermediate.pem' --no-pass '$ONE' '$WORK/b-pyhanko.pdf'"
LOAD_AFTER[b]="$(load1)"
B_SERTEL="$(median "$WORK/b-sertel.json")"
B_PY="$(median "$WORK/b-pyhanko.json")"

step "c. a $BIG_BYTES-byte PDF"
"$FIXTURES" big-pdf "$BIG" "$BIG_BYTES" >/dev/null
settle
LOAD_BEFORE[c]="$(load1)"
# Each run starts with the input read once (into the page cache) and no output file.
hyperfine --style basic --warmup 1 --runs "$BIG_RUNS" \
  --prepare "cat '$BIG' > /dev/null" \
  --export-json "$WORK/c-openssl.json" \
  "openssl dgst -sha256 '$BIG'"
hyperfine --style basic --warmup 1 --runs "$BIG_RUNS" \
  --prepare "rm -f '$BIG_OUT' && cat '$BIG' > /dev/null" \
  --export-json "$WORK/c-sertel.json" \
  "$(printf '%q ' "${SIGN[@]}") --out '$BIG_OUT' '$BIG'"
rm -f "$BIG_OUT"
cat "$BIG" > /dev/null
/usr/bin/time -f %M -o "$WORK/c-rss.txt" "${SIGN[@]}" --out "$BIG_OUT" "$BIG" >/dev/null
LOAD_AFTER[c]="$(load1)"
C_OPENSSL="$(median "$WORK/c-openssl.json")"
C_SERTEL="$(median "$WORK/c-sertel.json")"
C_RSS_KIB="$(tail -n1 "$WORK/c-rss.txt")"
rm -f "$BIG" "$BIG_OUT"

# verdicts and the table
verdict() { awk -v c="$1" 'BEGIN { print (c ? "PASS" : "FAIL") }'; }
A_RATIO="$(awk -v p="$A_PY" -v s="$A_SERTEL" 'BEGIN { printf "%.1f", p / s }')"
B_RATIO="$(awk -v p="$B_PY" -v s="$B_SERTEL" 'BEGIN { printf "%.1f", p / s }')"
C_RATIO="$(awk -v s="$C_SERTEL" -v o="$C_OPENSSL" 'BEGIN { printf "%.2f", s / o }')"
C_RSS_MIB="$(awk -v k="$C_RSS_KIB" 'BEGIN { printf "%.1f", k / 1024 }')"
ms() { awk -v s="$1" 'BEGIN { printf "%.1f ms", s * 1000 }'; }
per() { awk -v s="$1" -v n="$LETTERS" 'BEGIN { printf "%.2f ms", s * 1000 / n }'; }
load() { printf '%s -> %s' "${LOAD_BEFORE[$1]}" "${LOAD_AFTER[$1]}"; }

{
  echo
  echo "Machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -n1); $(uptime)"
  echo "Sertel $("$SERTEL" --version | awk '{print $2}'), pyHanko $("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("pyHanko"))'), $(openssl version | cut -d' ' -f1-2), $(hyperfine --version)"
  echo
  printf '| %-44s | %-22s | %-22s | %-10s | %-9s | %-4s | %-14s |\n' \
    "case (medians)" "Sertel" "compared with" "ratio" "goal" "" "load 1m"
  printf '|%s|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..46})" "$(printf -- '-%.0s' {1..24})" \
    "$(printf -- '-%.0s' {1..24})" "$(printf -- '-%.0s' {1..12})" "$(printf -- '-%.0s' {1..11})" \
    "$(printf -- '-%.0s' {1..6})" "$(printf -- '-%.0s' {1..16})"
  printf '| %-44s | %-22s | %-22s | %-10s | %-9s | %-4s | %-14s |\n' \
    "a. $LETTERS letters, one process (pyHanko: loop)" "$(ms "$A_SERTEL")" "$(ms "$A_PY")" \
    "${A_RATIO}x" ">= 30x" "$(verdict "$(awk -v r="$A_RATIO" 'BEGIN { print (r >= 30) }')")" "$(load a)"
  printf '| %-44s | %-22s | %-22s | %-10s | %-9s | %-4s | %-14s |\n' \
    "   per letter" "$(per "$A_SERTEL")" "$(per "$A_PY")" "" "" "" ""
  printf '| %-44s | %-22s | %-22s | %-10s | %-9s | %-4s | %-14s |\n' \
    "b. one letter, whole process (pyhanko CLI)" "$(ms "$B_SERTEL")" "$(ms "$B_PY")" \
    "${B_RATIO}x" "> 1x" "$(verdict "$(awk -v p="$B_PY" -v s="$B_SERTEL" 'BEGIN { print (p > s) }')")" "$(load b)"
  printf '| %-44s | %-22s | %-22s | %-10s | %-9s | %-4s | %-14s |\n' \
    "c. $((BIG_BYTES / 1048576)) MiB PDF vs openssl dgst -sha256" "$(ms "$C_SERTEL")" "$(ms "$C_OPENSSL")" \
    "${C_RATIO}x" "<= 1.5x" "$(verdict "$(awk -v r="$C_RATIO" 'BEGIN { print (r <= 1.5) }')")" "$(load c)"
  printf '| %-44s | %-22s | %-22s | %-10s | %-9s | %-4s | %-14s |\n' \
    "c. peak RSS of sertel sign" "$C_RSS_MIB MiB" "" "" "< 64 MiB" \
    "$(verdict "$(awk -v k="$C_RSS_KIB" 'BEGIN { print (k < 65536) }')")" "$(load c)"
  echo
  echo "Ratios: a and b are pyHanko / Sertel (higher is better); c is Sertel / OpenSSL (lower is better)."
  echo "Load: the 1-minute load average before -> after the case (2 cores; above 1.5 the figures are noisy)."
  if [ "$LETTERS" != 100 ] || [ "$BIG_BYTES" != 1073741824 ]; then
    echo "Note: the goals are stated for 100 letters and a 1 GiB PDF; with other sizes the verdicts are only indicative."
  fi
} | tee "$WORK/table.txt"
