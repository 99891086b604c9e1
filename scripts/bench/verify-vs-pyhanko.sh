#!/usr/bin/env bash
# Measures Sertel's validation against pyHanko, pdfsig and OpenSSL and checks the goals of the
# validator, with every check on: integrity, the CMS signature, changes after signing, the
# signer's path to the test root as the only trust anchor, and revocation against current CRLs
# of both CAs (Sertel: `--revocation hard --offline`).
#
#   a. 100 signed one-page letters in one `sertel verify` run (whole process) vs pyHanko's
#      library validating the same 100 files in one Python process (the clock runs around the
#      validation loop only: start-up, imports and loading the root and CRLs are not counted).
#      Goal: Sertel at least 30x faster.
#   b. the same 100 files with `pdfsig` run once per file (a shell loop) vs the one
#      `sertel verify` run. Goal: Sertel at least 10x faster.
#   c. a 1 GiB signed PDF: `sertel verify` peak RSS (goal: < 128 MiB), and its time vs
#      `openssl dgst -sha256` on the same file (both with the file in the page cache), for
#      information.
#
# What each side is given:
#   Sertel   `sertel --json verify --trust root.pem --crl root.crl.pem --crl intermediate.crl.pem
#            --revocation hard --offline`, with an empty trust folder ($SERTEL_TRUST_DIR).
#            Accepted: conclusion TOTAL_PASSED.
#   pyHanko  scripts/bench/pyhanko_validate_batch.py: `validate_pdf_signature` with the test
#            root as the only trust root, the same two CRLs, revocation mode `require` (every
#            certificate below the root needs a status, as under Sertel's hard fail; pyHanko's
#            `hard-fail` would skip the issuing CA, which names no CRL distribution point), no
#            fetching, a fresh ValidationContext per file. Accepted: `bottom_line` and the
#            signature covers the whole file.
#   pdfsig   `pdfsig -nssdir DB -no-ocsp FILE`, DB an NSS database holding the test root
#            (trusted, C,C,C), the issuing CA (untrusted; NSS needs it to import its CRL) and
#            the same two CRLs. NSS wants the issuing CA's CRL (the signer names a distribution
#            point) but would accept the issuing CA without the root's CRL.
#            Accepted: "Signature is Valid.", "Certificate is Trusted.", "Total document signed".
# Before measuring, every letter must be accepted by all three, and each of the three must
# reject a letter once a CRL revokes its signer (so each really consults the CRLs).
#
# The CRLs are issued with `openssl ca -gencrl` from the CA keys `sertel-fixtures pki` writes
# (root.key.pem, intermediate.key.pem), nothing revoked, valid for 30 days from now. The letters
# are signed PAdES B-B by `sertel sign` with the RSA-3072 test signer.
#
# Usage (from anywhere in the repository; run scripts/setup.sh first):
#   bash scripts/bench/verify-vs-pyhanko.sh
#
# Environment (read by scripts/bench/common.sh, shared with sign-vs-pyhanko.sh):
#   SERTEL_VENV            venv holding pyHanko (default: <repo>/.venv)
#   CARGO_TARGET_DIR       cargo's target folder (default: <repo>/target)
#   SERTEL_BENCH_DIR       work folder (default: a new folder under /var/tmp, removed at the end);
#                          case c needs twice SERTEL_BENCH_BIG_BYTES free in it
#   SERTEL_BENCH_RUNS      hyperfine runs per Sertel measurement (default 10; 3 for 1 GiB)
#   SERTEL_BENCH_PY_RUNS   pyHanko batch processes (default 3)
#   SERTEL_BENCH_BIG_BYTES size of the large PDF (default 1073741824)
#   SERTEL_BENCH_LETTERS   letters in cases a and b (default 100; the goals are stated for 100)
#   SERTEL_BENCH_SKIP_BUILD=1  use the release binaries already in the target folder
#   SERTEL_BENCH_MAX_LOAD  wait before each case until the 1-minute load average is below this
#                          (default 1.5) ...
#   SERTEL_BENCH_WAIT      ... for at most this many seconds (default 0: do not wait)
#   SERTEL_BENCH_KEEP=1    keep the work folder (the large PDFs are removed regardless)
#
# Prints a table of medians, ratios and PASS/FAIL per goal, with the load average before and
# after each case; writes it (and the hyperfine JSON) into the work folder too. Exits 0 when the
# measurements ran, whatever the verdicts; non-zero if something could not run or a tool did
# not accept the files.
set -euo pipefail

BENCH_NAME=verify-vs-pyhanko
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"

BIG_RUNS=3
PDFSIG_RUNS=5

bench_require hyperfine jq openssl /usr/bin/time pdfsig certutil crlutil
bench_workdir
BIG="$WORK/besar.pdf"
BIG_SIGNED="$WORK/besar-signed.pdf"
BENCH_BIG_FILES=("$BIG" "$BIG_SIGNED")

bench_build
bench_fixtures
for key in root intermediate; do
  [ -f "$WORK/pki/$key.key.pem" ] ||
    bench_die "sertel-fixtures did not write $key.key.pem (an older build?): no CRLs can be issued"
done

# make_crl NAME CA [CERT]: a CRL issued by CA (root | intermediate), valid 30 days from now,
# written to $WORK/crl/NAME.crl.pem and .der; with CERT, that certificate is revoked in it.
make_crl() {
  local name=$1 ca=$2 dir="$WORK/crl/$1"
  mkdir -p "$dir"
  : > "$dir/index.txt"
  echo 1000 > "$dir/crlnumber"
  cat > "$dir/ca.cnf" <<EOF
[ ca ]
default_ca = test_ca
[ test_ca ]
database = $dir/index.txt
crlnumber = $dir/crlnumber
default_md = sha256
default_crl_days = 30
crl_extensions = crl_ext
[ crl_ext ]
authorityKeyIdentifier = keyid:always
EOF
  local ca_args=(-batch -config "$dir/ca.cnf" -keyfile "$WORK/pki/$ca.key.pem" -cert "$WORK/pki/$ca.pem")
  if [ $# -ge 3 ]; then
    openssl ca "${ca_args[@]}" -revoke "$3" 2>/dev/null
  fi
  openssl ca "${ca_args[@]}" -gencrl -out "$WORK/crl/$name.crl.pem" 2>/dev/null
  openssl crl -in "$WORK/crl/$name.crl.pem" -outform DER -out "$WORK/crl/$name.crl.der"
}

# make_nssdb DIR CRL_NAME...: an NSS database for pdfsig with the test root trusted for every
# use, the issuing CA known (not trusted) and the given CRLs imported.
make_nssdb() {
  local db=$1 crl
  shift
  mkdir -p "$db"
  certutil -N -d "sql:$db" --empty-password
  certutil -A -d "sql:$db" -n "Sertel Test Root CA" -t "C,C,C" -a -i "$WORK/pki/root.pem"
  certutil -A -d "sql:$db" -n "Sertel Test Issuing CA" -t ",," -a -i "$WORK/pki/intermediate.pem"
  for crl in "$@"; do
    crlutil -I -d "sql:$db" -t 1 -i "$WORK/crl/$crl.crl.der"
  done
}

# pdfsig_accepts FILE DB: pdfsig finds one signature, over the whole file, valid, from a
# trusted certificate.
pdfsig_accepts() {
  local out
  out="$(pdfsig -nssdir "sql:$2" -no-ocsp "$1" 2>&1)" || return 1
  [ "$(grep -c '^Signature #' <<<"$out")" = 1 ] &&
    grep -q 'Signature Validation: Signature is Valid\.' <<<"$out" &&
    grep -q 'Certificate Validation: Certificate is Trusted\.' <<<"$out" &&
    grep -q 'Total document signed' <<<"$out"
}

step "CRLs (openssl ca -gencrl), the NSS databases for pdfsig, the signed letters"
make_crl root root
make_crl intermediate intermediate
make_crl intermediate-revoked intermediate "$WORK/pki/signer-rsa-3072.pem"
make_nssdb "$WORK/nss" root intermediate
make_nssdb "$WORK/nss-revoked" root intermediate-revoked
# Only the anchors given on the command line count, not the user's trust folder.
mkdir -p "$WORK/trust-empty"
export SERTEL_TRUST_DIR="$WORK/trust-empty"
mkdir -p "$WORK/signed"
"${SIGN[@]}" --out-dir "$WORK/signed" "$WORK"/letters/surat-*.pdf >/dev/null
SIGNED=("$WORK"/signed/surat-*-signed.pdf)
[ "${#SIGNED[@]}" = "$LETTERS" ] || bench_die "Sertel did not write $LETTERS signed letters"
ONE_SIGNED="${SIGNED[0]}"

# The same checks on both sides; the *_REVOKED variants get the issuing CA's CRL that revokes
# the signer instead of the current one.
VERIFY_BASE=("$SERTEL" --json verify --trust "$WORK/pki/root.pem" --revocation hard --offline
  --crl "$WORK/crl/root.crl.pem")
VERIFY=("${VERIFY_BASE[@]}" --crl "$WORK/crl/intermediate.crl.pem")
VERIFY_REVOKED=("${VERIFY_BASE[@]}" --crl "$WORK/crl/intermediate-revoked.crl.pem")
PY_BASE=("$VENV/bin/python" scripts/bench/pyhanko_validate_batch.py --trust "$WORK/pki/root.pem"
  --revocation require --crl "$WORK/crl/root.crl.pem")
PY_VALIDATE=("${PY_BASE[@]}" --crl "$WORK/crl/intermediate.crl.pem")
PY_VALIDATE_REVOKED=("${PY_BASE[@]}" --crl "$WORK/crl/intermediate-revoked.crl.pem")

step "check: Sertel, pyHanko and pdfsig accept all $LETTERS letters"
mkdir -p "$WORK/check"
"${VERIFY[@]}" "${SIGNED[@]}" >"$WORK/check/sertel.json" || true
if ! jq -e --argjson n "$LETTERS" '(.files | length == $n)
    and all(.files[]; (.signatures | length == 1)
      and all(.signatures[]; .conclusion.indication == "TOTAL_PASSED"))' \
  "$WORK/check/sertel.json" >/dev/null; then
  jq -c '.files[] | [.file, [.signatures[] | .conclusion]]' "$WORK/check/sertel.json" >&2 || true
  bench_die "Sertel does not conclude TOTAL_PASSED on every letter (above)"
fi
echo "  Sertel: $(jq -r '[.files[].signatures[].conclusion.indication] | group_by(.) | map("\(length) \(.[0])") | join(", ")' "$WORK/check/sertel.json")"
if ! "${PY_VALIDATE[@]}" "${SIGNED[@]}" >"$WORK/check/pyhanko.json" 2>"$WORK/check/pyhanko.err"; then
  jq -c '.rejected[]' "$WORK/check/pyhanko.json" >&2 || cat "$WORK/check/pyhanko.err" >&2
  bench_die "pyHanko does not accept every letter (above)"
fi
echo "  pyHanko: $(jq -r '"\(.accepted) of \(.signatures) signatures accepted (revocation mode \(.revocation_mode), \(.crls) CRLs)"' "$WORK/check/pyhanko.json")"
rejected=0
for f in "${SIGNED[@]}"; do
  if ! pdfsig_accepts "$f" "$WORK/nss"; then
    echo "  pdfsig does not accept $f:" >&2
    pdfsig -nssdir "sql:$WORK/nss" -no-ocsp "$f" >&2 || true
    rejected=$((rejected + 1))
  fi
done
[ "$rejected" = 0 ] || bench_die "pdfsig does not accept $rejected letters (above)"
echo "  pdfsig: $LETTERS of $LETTERS letters: signature valid, certificate trusted, whole document signed"

step "check: each tool rejects a letter once a CRL revokes its signer"
"${VERIFY_REVOKED[@]}" "$ONE_SIGNED" >"$WORK/check/sertel-revoked.json" || true
SERTEL_REVOKED="$(jq -r '.files[0].signatures[0].conclusion | "\(.indication) \(.sub_indication)"' \
  "$WORK/check/sertel-revoked.json")"
[[ "$SERTEL_REVOKED" != TOTAL_PASSED* ]] || bench_die "Sertel accepts a revoked signer"
if "${PY_VALIDATE_REVOKED[@]}" "$ONE_SIGNED" \
  >"$WORK/check/pyhanko-revoked.json" 2>"$WORK/check/pyhanko-revoked.err"; then
  bench_die "pyHanko accepts a revoked signer"
fi
PY_REVOKED="$(jq -r '.rejected[0] | "\(.reason) \(.trust_problem)"' "$WORK/check/pyhanko-revoked.json")"
PDFSIG_REVOKED="$(pdfsig -nssdir "sql:$WORK/nss-revoked" -no-ocsp "$ONE_SIGNED" 2>&1 |
  sed -n 's/^ *- Certificate Validation: //p')"
[ "$PDFSIG_REVOKED" = "Certificate has been Revoked." ] ||
  bench_die "pdfsig does not see the revocation: $PDFSIG_REVOKED"
echo "  Sertel: $SERTEL_REVOKED; pyHanko: $PY_REVOKED; pdfsig: $PDFSIG_REVOKED"

VERIFY_ALL="$(printf '%q ' "${VERIFY[@]}") '$WORK'/signed/surat-*-signed.pdf"

step "a. $LETTERS letters, one Sertel process (hyperfine, $RUNS runs)"
settle
LOAD_BEFORE[a]="$(load1)"
hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$WORK/a-sertel.json" "$VERIFY_ALL"
A_SERTEL="$(median "$WORK/a-sertel.json")"
A_SERTEL_CPU="$(cpu_mean "$WORK/a-sertel.json")"

step "a. $LETTERS letters, one pyHanko process ($PY_RUNS processes, validation loop timed inside)"
: > "$WORK/a-pyhanko.jsonl"
for i in $(seq 1 "$PY_RUNS"); do
  "${PY_VALIDATE[@]}" "${SIGNED[@]}" | jq -c 'del(.rejected)' | tee -a "$WORK/a-pyhanko.jsonl"
  echo "  run $i/$PY_RUNS done (load $(load1))"
done
LOAD_AFTER[a]="$(load1)"
A_PY="$(jsonl_median "$WORK/a-pyhanko.jsonl" loop_seconds)"
A_PY_CPU="$(jsonl_median "$WORK/a-pyhanko.jsonl" loop_cpu_seconds)"

step "b. $LETTERS letters: pdfsig once per file ($PDFSIG_RUNS runs), one Sertel process ($RUNS runs)"
settle
LOAD_BEFORE[b]="$(load1)"
hyperfine --style basic --warmup 1 --runs "$PDFSIG_RUNS" --export-json "$WORK/b-pdfsig.json" \
  "for f in '$WORK'/signed/surat-*-signed.pdf; do pdfsig -nssdir 'sql:$WORK/nss' -no-ocsp \"\$f\" >/dev/null || exit 1; done"
hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$WORK/b-sertel.json" "$VERIFY_ALL"
LOAD_AFTER[b]="$(load1)"
B_PDFSIG="$(median "$WORK/b-pdfsig.json")"
B_SERTEL="$(median "$WORK/b-sertel.json")"
B_PDFSIG_CPU="$(cpu_mean "$WORK/b-pdfsig.json")"
B_SERTEL_CPU="$(cpu_mean "$WORK/b-sertel.json")"

step "c. a $BIG_BYTES-byte signed PDF"
avail="$(df --output=avail -B1 "$WORK" | tail -n1 | tr -d ' ')"
[ "$avail" -ge $((2 * BIG_BYTES + 67108864)) ] ||
  bench_die "$WORK has $avail bytes free; case c needs $((2 * BIG_BYTES)) (set SERTEL_BENCH_DIR elsewhere)"
"$FIXTURES" big-pdf "$BIG" "$BIG_BYTES" >/dev/null
"${SIGN[@]}" --out "$BIG_SIGNED" "$BIG" >/dev/null
rm -f "$BIG"
"${VERIFY[@]}" "$BIG_SIGNED" >"$WORK/check/big.json" || true
jq -e '.files[0].signatures | length == 1 and all(.conclusion.indication == "TOTAL_PASSED")' \
  "$WORK/check/big.json" >/dev/null || {
  cat "$WORK/check/big.json" >&2
  bench_die "Sertel does not conclude TOTAL_PASSED on the large PDF"
}
settle
LOAD_BEFORE[c]="$(load1)"
# Each run starts with the file read once (into the page cache).
hyperfine --style basic --warmup 1 --runs "$BIG_RUNS" \
  --prepare "cat '$BIG_SIGNED' > /dev/null" \
  --export-json "$WORK/c-openssl.json" \
  "openssl dgst -sha256 '$BIG_SIGNED'"
hyperfine --style basic --warmup 1 --runs "$BIG_RUNS" \
  --prepare "cat '$BIG_SIGNED' > /dev/null" \
  --export-json "$WORK/c-sertel.json" \
  "$(printf '%q ' "${VERIFY[@]}") '$BIG_SIGNED'"
cat "$BIG_SIGNED" > /dev/null
/usr/bin/time -f %M -o "$WORK/c-rss.txt" "${VERIFY[@]}" "$BIG_SIGNED" >/dev/null
LOAD_AFTER[c]="$(load1)"
C_OPENSSL="$(median "$WORK/c-openssl.json")"
C_SERTEL="$(median "$WORK/c-sertel.json")"
C_RSS_KIB="$(tail -n1 "$WORK/c-rss.txt")"
rm -f "$BIG_SIGNED"

# verdicts and the table
A_RATIO="$(ratio "$A_PY" "$A_SERTEL" 1)"
B_RATIO="$(ratio "$B_PDFSIG" "$B_SERTEL" 1)"
C_RATIO="$(ratio "$C_SERTEL" "$C_OPENSSL" 2)"

{
  echo
  bench_header
  echo "$(pdfsig -v 2>&1 | head -n1); work folder $WORK ($(df --output=fstype "$WORK" | tail -n1 | tr -d ' '))"
  echo
  table_head
  row "a. $LETTERS letters, one process (pyHanko: loop)" "$(ms "$A_SERTEL")" "$(ms "$A_PY")" \
    "${A_RATIO}x" ">= 30x" "$(verdict "$(at_least "$A_RATIO" 30)")" "$(load a)"
  row "   per letter" "$(per "$A_SERTEL")" "$(per "$A_PY")" "" "" "" ""
  row "   CPU time (Sertel: mean user+sys)" "$(ms "$A_SERTEL_CPU")" "$(ms "$A_PY_CPU")" \
    "$(ratio "$A_PY_CPU" "$A_SERTEL_CPU" 1)x" "" "" ""
  row "b. $LETTERS letters, pdfsig once per file" "$(ms "$B_SERTEL")" "$(ms "$B_PDFSIG")" \
    "${B_RATIO}x" ">= 10x" "$(verdict "$(at_least "$B_RATIO" 10)")" "$(load b)"
  row "   per letter" "$(per "$B_SERTEL")" "$(per "$B_PDFSIG")" "" "" "" ""
  row "   CPU time (means, user+sys)" "$(ms "$B_SERTEL_CPU")" "$(ms "$B_PDFSIG_CPU")" \
    "$(ratio "$B_PDFSIG_CPU" "$B_SERTEL_CPU" 1)x" "" "" ""
  row "c. $((BIG_BYTES / 1048576)) MiB PDF vs openssl dgst -sha256" "$(ms "$C_SERTEL")" "$(ms "$C_OPENSSL")" \
    "${C_RATIO}x" "(info)" "" "$(load c)"
  row "c. peak RSS of sertel verify" "$(mib "$C_RSS_KIB") MiB" "" "" "< 128 MiB" \
    "$(verdict "$(below "$C_RSS_KIB" 131072)")" "$(load c)"
  echo
  echo "Ratios: a and b are pyHanko or pdfsig / Sertel (higher is better); c is Sertel / OpenSSL."
  echo "Sertel's time in b is measured again next to pdfsig's, under the same load. CPU time is"
  echo "  user + system of the whole process (hyperfine's mean; pyHanko: the loop only, median);"
  echo "  Sertel checks the files on 2 threads, so its CPU time exceeds its wall time on a quiet machine."
  echo "Checks: Sertel: --trust root.pem, the CRLs of both CAs, --revocation hard --offline (all TOTAL_PASSED);"
  echo "  pyHanko: the same root and CRLs, revocation mode require, no fetching, difference analysis (all accepted);"
  echo "  pdfsig: NSS database with the root trusted and both CRLs, -no-ocsp (all valid and trusted)."
  echo "Revoked signer: Sertel $SERTEL_REVOKED; pyHanko $PY_REVOKED; pdfsig $PDFSIG_REVOKED"
  bench_notes
} | tee "$WORK/table.txt"
