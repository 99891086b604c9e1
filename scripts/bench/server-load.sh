#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR/../..
# Load test of sertel-server on loopback, bounded in time: the lifecycle sync endpoint
# (GET /api/v1/events, an owner's feed) and the OCSP responder (POST /ocsp), driven by oha;
# OCSP is compared with `openssl ocsp -index ... -port` as a responder on the same machine (same
# key type, RSA-3072, same request shape, no nonce). Prints requests/s and p99 latency, the
# machine's load (uptime) and the ratios to the goals:
#   sync  >= 10,000 req/s with p99 < 20 ms (SQLite)      OCSP >= 10 x openssl ocsp
#
#   bash scripts/bench/server-load.sh
#
# openssl ocsp answers one request per connection (HTTP/1.0, it closes after each answer), so
# OCSP is measured twice: with keep-alive (how the server is used by clients that keep their
# connection) and with a new connection per request (like for like with openssl); the goal's
# ratio is the like-for-like one. Requests with a nonce are signed every time (answers to
# nonce-less requests are reused while the status is unchanged): measured too, with keep-alive.
#
# Settings (environment): SERTEL_BENCH_DURATION seconds per measurement (default 10),
# SERTEL_BENCH_CONNECTIONS (default 64), SERTEL_BENCH_SKIP_BUILD=1 to use an already built
# release binary, SERTEL_BENCH_TOOLS where oha is installed when missing (default
# <target>/bench-tools; `cargo install oha --locked` from the crate registry), CARGO_TARGET_DIR.
# openssl, curl and python3 are needed.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

DURATION="${SERTEL_BENCH_DURATION:-10}"
CONNECTIONS="${SERTEL_BENCH_CONNECTIONS:-64}"
TARGET="${CARGO_TARGET_DIR:-$PWD/target}"
TOOLS="${SERTEL_BENCH_TOOLS:-$TARGET/bench-tools}"
BIN="$TARGET/release/sertel-server"
OHA_VERSION=1.16.0

die() { echo "server-load: $*" >&2; exit 1; }
for tool in openssl curl python3; do
  command -v "$tool" >/dev/null || die "$tool is required"
done
OHA=$(command -v oha || true)
[ -n "$OHA" ] || OHA="$TOOLS/bin/oha"
if [ ! -x "$OHA" ]; then
  need_cargo
  step "installing oha $OHA_VERSION into $TOOLS"
  CARGO_TARGET_DIR="$TOOLS/build" cargo install oha --version "$OHA_VERSION" --locked --root "$TOOLS"
fi
if [ "${SERTEL_BENCH_SKIP_BUILD:-0}" != 1 ]; then
  need_cargo
  step "building the release server"
  cargo build --release -p sertel-server --bin sertel-server
fi
[ -x "$BIN" ] || die "no $BIN"

WORK=$(mktemp -d /tmp/sertel-load.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
# Waits (at most 60 s) until the URL answers 200.
wait_for() {
  local deadline=$((SECONDS + 60))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1")" = 200 ]; do
    [ "$SECONDS" -lt "$deadline" ] || die "$1 does not answer"
    sleep 0.1
  done
}

step "starting the server (SQLite, loopback)"
DATA="$WORK/data"
PASSWORD="kata-sandi-beban-1"
printf '%s\n' "$PASSWORD" | "$BIN" --data-dir "$DATA" admin create \
  --email admin@muaraenimkab.go.id --name "Admin Beban" --password-stdin >/dev/null
PORT=$(free_port)
URL="http://127.0.0.1:$PORT"
SERTEL_LOG=warn "$BIN" --data-dir "$DATA" serve --bind "127.0.0.1:$PORT" >"$WORK/server.log" 2>&1 &
PIDS+=($!)
wait_for "$URL/api/v1/health"

api() { # METHOD PATH TOKEN [JSON]
  local args=(-sS -X "$1" "$URL$2" -H "authorization: Bearer $3")
  [ $# -ge 4 ] && args+=(-H "content-type: application/json" --data "$4")
  curl "${args[@]}"
}
login() {
  curl -sS "$URL/api/v1/sessions" -H 'content-type: application/json' \
    --data "{\"email\":\"$1\",\"password\":\"$PASSWORD\"}" | json '["token"]'
}

step "one owner with an issued certificate"
ADMIN=$(login admin@muaraenimkab.go.id)
for side in badan dinas; do
  api POST /api/v1/users "$ADMIN" "{\"role\":\"verifier_$side\",\"email\":\"verifikator.$side@muaraenimkab.go.id\",\"full_name\":\"Verifikator $side\",\"password\":\"$PASSWORD\"}" >/dev/null
done
curl -sS "$URL/api/v1/owners" -H 'content-type: application/json' --data @- >/dev/null <<JSON
{"full_name":"Siti Rahmawati, S.Kom.","nip":"198507142010012003","nik":"1603015407850001",
 "email":"siti.rahmawati@muaraenimkab.go.id","title":"Pranata Komputer",
 "unit":"Dinas Komunikasi dan Informatika","password":"$PASSWORD"}
JSON
OWNER=$(login siti.rahmawati@muaraenimkab.go.id)
# The CSR's subject must be the one the server derives from the profile; openssl writes C and
# serialNumber as PrintableString, emailAddress as IA5String and the rest as UTF8String, as it does.
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$WORK/owner.key" \
  -out "$WORK/owner.csr" -utf8 -subj "/C=ID/ST=Sumatera Selatan/L=Muara Enim/O=Pemerintah Kabupaten Muara Enim/OU=Dinas Komunikasi dan Informatika/title=Pranata Komputer/CN=Siti Rahmawati, S.Kom./serialNumber=198507142010012003/emailAddress=siti.rahmawati@muaraenimkab.go.id" 2>/dev/null
printf '%%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n' >"$WORK/doc.pdf"
{ printf '\xff\xd8\xff\xe0\x00\x10JFIF\x00'; head -c 64 /dev/zero; printf '\xff\xd9'; } >"$WORK/ktp.jpg"
{ printf '\x89PNG\r\n\x1a\n'; head -c 64 /dev/zero; } >"$WORK/photo.png"
CONSENT=$(curl -sS "$URL/api/v1/consent" | json '["version"]')
APP=$(curl -sS "$URL/api/v1/applications" -H "authorization: Bearer $OWNER" \
  -H "idempotency-key: server-load-1" -F "csr=@$WORK/owner.csr" \
  -F "recommendation_letter=@$WORK/doc.pdf" -F "ktp=@$WORK/ktp.jpg" \
  -F "sk_jabatan=@$WORK/doc.pdf" -F "sk_pangkat=@$WORK/doc.pdf" -F "photo=@$WORK/photo.png" \
  -F "consent_version=$CONSENT" | json '["id"]')
for side in badan dinas; do
  TOKEN=$(login "verifikator.$side@muaraenimkab.go.id")
  STATE=$(api POST "/api/v1/applications/$APP/review" "$TOKEN" '{"decision":"approve"}' | json '["state"]')
done
[ "$STATE" = issued ] || die "the application is $STATE, not issued"
api GET "/api/v1/applications/$APP/certificate" "$OWNER" >"$WORK/owner.pem"
curl -sS "$URL/ca/regency-ca.crt" | openssl x509 -inform DER -out "$WORK/ca.pem"
openssl ocsp -issuer "$WORK/ca.pem" -cert "$WORK/owner.pem" -no_nonce -reqout "$WORK/req.der" >/dev/null
openssl ocsp -issuer "$WORK/ca.pem" -cert "$WORK/owner.pem" -reqout "$WORK/req-nonce.der" >/dev/null
openssl ocsp -issuer "$WORK/ca.pem" -cert "$WORK/owner.pem" -no_nonce -url "$URL/ocsp" \
  -CAfile "$WORK/ca.pem" 2>&1 | grep -q ': good' || die "the server's OCSP answer is not 'good'"

step "openssl ocsp as a responder (RSA-3072 CA, index with one valid certificate)"
openssl req -x509 -newkey rsa:3072 -nodes -keyout "$WORK/ossl-ca.key" -out "$WORK/ossl-ca.pem" \
  -subj "/CN=Bench OCSP CA" -days 2 2>/dev/null
SERIAL=$(openssl x509 -in "$WORK/owner.pem" -noout -serial | cut -d= -f2)
printf 'V\t%s\t\t%s\tunknown\t/CN=Siti Rahmawati\n' "$(date -u -d '+1 year' +%y%m%d%H%M%SZ)" "$SERIAL" >"$WORK/index.txt"
openssl ocsp -issuer "$WORK/ossl-ca.pem" -serial "0x$SERIAL" -no_nonce -reqout "$WORK/ossl-req.der" >/dev/null
OPORT=$(free_port)
openssl ocsp -index "$WORK/index.txt" -port "$OPORT" -rsigner "$WORK/ossl-ca.pem" \
  -rkey "$WORK/ossl-ca.key" -CA "$WORK/ossl-ca.pem" -ignore_err >"$WORK/openssl-ocsp.log" 2>&1 &
PIDS+=($!)
for i in $(seq 300); do
  openssl ocsp -issuer "$WORK/ossl-ca.pem" -serial "0x$SERIAL" -url "http://127.0.0.1:$OPORT" \
    -CAfile "$WORK/ossl-ca.pem" 2>/dev/null | grep -q ': good' && break
  [ "$i" = 300 ] && die "openssl ocsp does not answer"
  sleep 0.1
done

# Runs oha for DURATION seconds and prints "<requests/s> <p99 ms> <non-2xx> <errors>".
measure() {
  local out
  out=$("$OHA" --no-tui --output-format json -z "${DURATION}s" -c "$CONNECTIONS" "$@")
  echo "$out" >>"$WORK/oha.log"
  python3 - "$out" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
rps = r["summary"]["requestsPerSec"]
p99 = (r["latencyPercentiles"]["p99"] or 0) * 1000
codes = r.get("statusCodeDistribution", {})
bad = sum(n for c, n in codes.items() if not str(c).startswith("2"))
# oha counts the requests still in flight when the duration ends ("aborted due to deadline",
# at most one per connection) as errors; they are not.
errors = {k: n for k, n in r.get("errorDistribution", {}).items() if "deadline" not in k}
if errors:
    print("  oha errors: " + ", ".join(f"{k}: {n}" for k, n in errors.items()), file=sys.stderr)
print(f"{rps:.0f} {p99:.2f} {bad} {sum(errors.values())}")
PY
}
ocsp_post() { # URL FILE [oha options]
  local url=$1 file=$2
  shift 2
  measure -m POST -T application/ocsp-request -D "$file" "$@" "$url"
}

LOAD_BEFORE=$(uptime)
step "measuring (${DURATION}s each, $CONNECTIONS connections, $(nproc) cores)"
echo "before: $LOAD_BEFORE"
read -r SYNC_RPS SYNC_P99 SYNC_BAD SYNC_ERR < <(measure -H "authorization: Bearer $OWNER" "$URL/api/v1/events?after=0")
read -r OCSP_RPS OCSP_P99 OCSP_BAD OCSP_ERR < <(ocsp_post "$URL/ocsp" "$WORK/req.der")
read -r OCSPN_RPS OCSPN_P99 OCSPN_BAD OCSPN_ERR < <(ocsp_post "$URL/ocsp" "$WORK/req.der" --disable-keepalive)
read -r NONCE_RPS NONCE_P99 NONCE_BAD NONCE_ERR < <(ocsp_post "$URL/ocsp" "$WORK/req-nonce.der")
read -r OSSL_RPS OSSL_P99 OSSL_BAD OSSL_ERR < <(ocsp_post "http://127.0.0.1:$OPORT/" "$WORK/ossl-req.der" --disable-keepalive)
LOAD_AFTER=$(uptime)
echo "after:  $LOAD_AFTER"

python3 - "$SYNC_RPS" "$SYNC_P99" "$SYNC_BAD" "$SYNC_ERR" "$OCSP_RPS" "$OCSP_P99" "$OCSP_BAD" \
  "$OCSP_ERR" "$OCSPN_RPS" "$OCSPN_P99" "$OCSPN_BAD" "$OCSPN_ERR" "$OSSL_RPS" "$OSSL_P99" \
  "$OSSL_BAD" "$OSSL_ERR" "$NONCE_RPS" "$NONCE_P99" "$NONCE_BAD" "$NONCE_ERR" <<'PY'
import sys
v = list(map(float, sys.argv[1:]))
sync, ocsp, ocsp_new, ossl, nonce = v[0:4], v[4:8], v[8:12], v[12:16], v[16:20]
print()
print(f"{'endpoint':<46}{'req/s':>10}{'p99 ms':>10}")
def row(name, m):
    rps, p99, bad, err = m
    print(f"{name:<46}{rps:>10.0f}{p99:>10.2f}   non-2xx {bad:.0f}, errors {err:.0f}")
row("sync  GET /api/v1/events", sync)
row("OCSP  POST /ocsp, keep-alive", ocsp)
row("OCSP  POST /ocsp, new connection each", ocsp_new)
row("OCSP  POST /ocsp with nonce (signed each time)", nonce)
row("OCSP  openssl ocsp -index (new connection each)", ossl)
print()
print(f"sync: {sync[0] / 10000:.2f} x the 10,000 req/s goal; p99 {sync[1]:.2f} ms "
      f"({'within' if sync[1] < 20 else 'ABOVE'} the 20 ms goal)")
def ratio(a, b):
    return a / b if b else float("inf")
like = ratio(ocsp_new[0], ossl[0])
print(f"OCSP: {like:.1f} x openssl ocsp like for like ({like / 10:.2f} x the 10x goal); "
      f"{ratio(ocsp[0], ossl[0]):.1f} x with keep-alive; "
      f"{ratio(nonce[0], ossl[0]):.1f} x when every answer is signed")
PY
