# shellcheck shell=bash source-path=SCRIPTDIR
# The settings and the variables the helpers set are used by the sourcing scripts.
# shellcheck disable=SC2034
# Shared helpers of the benchmark scripts in scripts/bench (sourced, not run).
#
# The sourcing script sets BENCH_NAME (its name, used in messages) first. Sourcing this file
# moves to the repository root, sources scripts/lib.sh and sets the settings every benchmark
# shares, from the environment:
#
#   SERTEL_VENV            venv holding pyHanko (default: <repo>/.venv)                -> VENV
#   CARGO_TARGET_DIR       cargo's target folder (default: <repo>/target)              -> TARGET
#   SERTEL_BENCH_RUNS      hyperfine runs per Sertel measurement (default 10)          -> RUNS
#   SERTEL_BENCH_PY_RUNS   pyHanko batch processes (default 3)                         -> PY_RUNS
#   SERTEL_BENCH_BIG_BYTES size of the large PDF (default 1073741824)                  -> BIG_BYTES
#   SERTEL_BENCH_LETTERS   letters in the batch cases (default 100)                    -> LETTERS
#   SERTEL_BENCH_MAX_LOAD  load average to wait for before each case (default 1.5)     -> MAX_LOAD
#   SERTEL_BENCH_WAIT      longest wait for it, in seconds (default 0: do not wait)    -> WAIT
#   SERTEL_BENCH_DIR, SERTEL_BENCH_KEEP, SERTEL_BENCH_SKIP_BUILD: see bench_workdir and
#   bench_build.

: "${BENCH_NAME:?set BENCH_NAME before sourcing common.sh}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT" || exit 1
# shellcheck source=../lib.sh
source scripts/lib.sh

VENV="${SERTEL_VENV:-$ROOT/.venv}"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
RUNS="${SERTEL_BENCH_RUNS:-10}"
PY_RUNS="${SERTEL_BENCH_PY_RUNS:-3}"
BIG_BYTES="${SERTEL_BENCH_BIG_BYTES:-1073741824}"
MAX_LOAD="${SERTEL_BENCH_MAX_LOAD:-1.5}"
WAIT="${SERTEL_BENCH_WAIT:-0}"
LETTERS="${SERTEL_BENCH_LETTERS:-100}"

# The passphrase of the benchmark key file (a throwaway test key).
export SERTEL_BENCH_PASSPHRASE="bench: frasa sandi uji, bukan rahasia"

bench_die() {
  echo "$BENCH_NAME: $*" >&2
  exit 1
}

# Checks that the given tools, the pyHanko venv and cargo are there.
bench_require() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || bench_die "$tool is missing; run scripts/setup.sh"
  done
  if [ ! -x "$VENV/bin/python" ] || [ ! -x "$VENV/bin/pyhanko" ]; then
    bench_die "no pyHanko venv at $VENV; run scripts/setup.sh (or set SERTEL_VENV)"
  fi
  need_cargo
}

# Sets WORK: $SERTEL_BENCH_DIR, or a new folder under /var/tmp that is removed at exit unless
# SERTEL_BENCH_KEEP=1. The files listed in BENCH_BIG_FILES (set by the caller once WORK is
# known) are removed at exit in any case.
BENCH_BIG_FILES=()
bench_workdir() {
  if [ -n "${SERTEL_BENCH_DIR:-}" ]; then
    WORK="$SERTEL_BENCH_DIR"
    mkdir -p "$WORK"
  else
    WORK="$(mktemp -d /var/tmp/sertel-bench.XXXXXX)"
  fi
  trap bench_cleanup EXIT
}
bench_cleanup() {
  if [ "${#BENCH_BIG_FILES[@]}" -gt 0 ]; then
    rm -f "${BENCH_BIG_FILES[@]}"
  fi
  if [ "${SERTEL_BENCH_KEEP:-0}" != 1 ] && [ -z "${SERTEL_BENCH_DIR:-}" ]; then
    rm -rf "$WORK"
  fi
}

# Builds the release binaries (unless SERTEL_BENCH_SKIP_BUILD=1) and sets SERTEL and FIXTURES.
bench_build() {
  if [ "${SERTEL_BENCH_SKIP_BUILD:-0}" != 1 ]; then
    step "build (release)"
    cargo build --release --locked -p sertel-cli --bin sertel -p test-support --bin sertel-fixtures
  fi
  SERTEL="$TARGET/release/sertel"
  FIXTURES="$TARGET/release/sertel-fixtures"
  local bin
  for bin in "$SERTEL" "$FIXTURES"; do
    [ -x "$bin" ] || bench_die "$bin is missing (build it, or drop SERTEL_BENCH_SKIP_BUILD)"
  done
}

# Writes the test PKI into $WORK/pki, $LETTERS one-page letters into $WORK/letters, the
# certificate file $WORK/cert.pem and the key file $WORK/kunci.pem; sets ONE (the first letter)
# and SIGN (a `sertel sign` command line without inputs or outputs).
bench_fixtures() {
  step "fixtures in $WORK"
  "$FIXTURES" pki "$WORK/pki"
  "$FIXTURES" letters "$WORK/letters" "$LETTERS" 1
  # The certificate file: the signer's certificate, then its issuing CA. Both tools embed the
  # same two certificates.
  cat "$WORK/pki/signer-rsa-3072.pem" "$WORK/pki/intermediate.pem" > "$WORK/cert.pem"
  # A real key file: PKCS#8 under PBES2 with Sertel's default scrypt parameters
  # (N = 2^14, r = 8, p = 4) and AES-256-CBC, so every `sertel sign` pays the KDF.
  openssl pkcs8 -topk8 -v2 aes-256-cbc -scrypt -scrypt_N 16384 -scrypt_r 8 -scrypt_p 4 \
    -in "$WORK/pki/signer-rsa-3072.key.pem" -passout env:SERTEL_BENCH_PASSPHRASE \
    -out "$WORK/kunci.pem"
  chmod 600 "$WORK/kunci.pem"
  ONE="$WORK/letters/surat-001.pdf"
  SIGN=("$SERTEL" sign --key "$WORK/kunci.pem" --cert "$WORK/cert.pem"
    --passphrase-env SERTEL_BENCH_PASSPHRASE)
}

load1() { cut -d' ' -f1 /proc/loadavg; }

# Waits (bounded by $WAIT seconds) for the 1-minute load average to fall below $MAX_LOAD.
settle() {
  local waited=0
  while awk -v l="$(load1)" -v m="$MAX_LOAD" 'BEGIN { exit !(l >= m) }' && [ "$waited" -lt "$WAIT" ]; do
    sleep 10
    waited=$((waited + 10))
  done
}

# The 1-minute load average before and after each case, by case letter.
declare -A LOAD_BEFORE LOAD_AFTER
load() { printf '%s -> %s' "${LOAD_BEFORE[$1]}" "${LOAD_AFTER[$1]}"; }

# median SECONDS from a hyperfine JSON export
median() { jq -r '.results[0].median' "$1"; }
# mean CPU SECONDS (user + system) from a hyperfine JSON export
cpu_mean() { jq -r '.results[0].user + .results[0].system' "$1"; }

# median of FIELD over the JSON lines of FILE (one line per batch process)
jsonl_median() { jq -s "map(.$2) | sort | .[length / 2 | floor]" "$1"; }

# PASS when the awk condition holds, FAIL otherwise, e.g. verdict "$(awk ... )"
verdict() { awk -v c="$1" 'BEGIN { print (c ? "PASS" : "FAIL") }'; }
# ratio A B DIGITS: A / B with DIGITS decimals
ratio() { awk -v a="$1" -v b="$2" -v d="$3" 'BEGIN { printf "%.*f", d, a / b }'; }
# at_least X GOAL / at_most X GOAL / below X GOAL: 1 or 0, for verdict
at_least() { awk -v x="$1" -v g="$2" 'BEGIN { print (x >= g) }'; }
at_most() { awk -v x="$1" -v g="$2" 'BEGIN { print (x <= g) }'; }
below() { awk -v x="$1" -v g="$2" 'BEGIN { print (x < g) }'; }
ms() { awk -v s="$1" 'BEGIN { printf "%.1f ms", s * 1000 }'; }
per() { awk -v s="$1" -v n="$LETTERS" 'BEGIN { printf "%.2f ms", s * 1000 / n }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

# The machine and the versions of the tools, two lines ahead of a table.
bench_header() {
  echo "Machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -n1); $(uptime)"
  echo "Sertel $("$SERTEL" --version | awk '{print $2}'), pyHanko $("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("pyHanko"))'), $(openssl version | cut -d' ' -f1-2), $(hyperfine --version)"
}

# One row of a results table: case, Sertel, compared with, ratio, goal, verdict, load.
row() {
  printf '| %-44s | %-22s | %-22s | %-10s | %-9s | %-4s | %-14s |\n' "$@"
}
table_head() {
  row "case (medians)" "Sertel" "compared with" "ratio" "goal" "" "load 1m"
  printf '|%s|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..46})" "$(printf -- '-%.0s' {1..24})" \
    "$(printf -- '-%.0s' {1..24})" "$(printf -- '-%.0s' {1..12})" "$(printf -- '-%.0s' {1..11})" \
    "$(printf -- '-%.0s' {1..6})" "$(printf -- '-%.0s' {1..16})"
}

# The notes under a table: how to read the load column, and whether the sizes are the goals'.
bench_notes() {
  echo "Load: the 1-minute load average before -> after the case (2 cores; above 1.5 the figures are noisy)."
  if [ "$LETTERS" != 100 ] || [ "$BIG_BYTES" != 1073741824 ]; then
    echo "Note: the goals are stated for 100 letters and a 1 GiB PDF; with other sizes the verdicts are only indicative."
  fi
}
