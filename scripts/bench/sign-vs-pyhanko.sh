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
# Environment (read by scripts/bench/common.sh, shared with verify-vs-pyhanko.sh):
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

BENCH_NAME=sign-vs-pyhanko
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"

BIG_RUNS=3
PY_CLI_RUNS=5

bench_require hyperfine jq openssl /usr/bin/time
bench_workdir
BIG="$WORK/besar.pdf"
BIG_OUT="$WORK/besar-signed.pdf"
BENCH_BIG_FILES=("$BIG" "$BIG_OUT")

bench_build
bench_fixtures

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

step "a. $LETTERS letters, one Sertel process (hyperfine, $RUNS runs)"
settle
LOAD_BEFORE[a]="$(load1)"
hyperfine --style basic --warmup 1 --runs "$RUNS" \
  --prepare "rm -rf '$WORK/out-sertel' && mkdir -p '$WORK/out-sertel'" \
  --export-json "$WORK/a-sertel.json" \
  "$(printf '%q ' "${SIGN[@]}") --out-dir '$WORK/out-sertel' '$WORK'/letters/surat-*.pdf"
A_SERTEL="$(median "$WORK/a-sertel.json")"
[ "$(find "$WORK/out-sertel" -name '*-signed.pdf' | wc -l)" = "$LETTERS" ] ||
  bench_die "Sertel did not write $LETTERS signed letters"

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
A_PY="$(jsonl_median "$WORK/a-pyhanko.jsonl" loop_seconds)"

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
A_RATIO="$(ratio "$A_PY" "$A_SERTEL" 1)"
B_RATIO="$(ratio "$B_PY" "$B_SERTEL" 1)"
C_RATIO="$(ratio "$C_SERTEL" "$C_OPENSSL" 2)"

{
  echo
  bench_header
  echo
  table_head
  row "a. $LETTERS letters, one process (pyHanko: loop)" "$(ms "$A_SERTEL")" "$(ms "$A_PY")" \
    "${A_RATIO}x" ">= 30x" "$(verdict "$(at_least "$A_RATIO" 30)")" "$(load a)"
  row "   per letter" "$(per "$A_SERTEL")" "$(per "$A_PY")" "" "" "" ""
  row "b. one letter, whole process (pyhanko CLI)" "$(ms "$B_SERTEL")" "$(ms "$B_PY")" \
    "${B_RATIO}x" "> 1x" "$(verdict "$(below "$B_SERTEL" "$B_PY")")" "$(load b)"
  row "c. $((BIG_BYTES / 1048576)) MiB PDF vs openssl dgst -sha256" "$(ms "$C_SERTEL")" "$(ms "$C_OPENSSL")" \
    "${C_RATIO}x" "<= 1.5x" "$(verdict "$(at_most "$C_RATIO" 1.5)")" "$(load c)"
  row "c. peak RSS of sertel sign" "$(mib "$C_RSS_KIB") MiB" "" "" "< 64 MiB" \
    "$(verdict "$(below "$C_RSS_KIB" 65536)")" "$(load c)"
  echo
  echo "Ratios: a and b are pyHanko / Sertel (higher is better); c is Sertel / OpenSSL (lower is better)."
  bench_notes
} | tee "$WORK/table.txt"
