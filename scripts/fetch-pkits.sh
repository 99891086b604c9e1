#!/usr/bin/env bash
# Installs the NIST PKITS path-validation vectors (PyPI package cryptography-vectors, pinned
# in scripts/requirements-judges.txt) into the judges' venv and prints their folder.
# The venv is $SERTEL_VENV, else .venv at the repository root (made by scripts/setup.sh).
# Idempotent: a second run only prints the folder.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV="${SERTEL_VENV:-.venv}"
if [ ! -x "$VENV/bin/python" ]; then
  echo "fetch-pkits: no venv at $VENV; run scripts/setup.sh first (or set SERTEL_VENV)" >&2
  exit 1
fi

PIN="$(grep -E '^cryptography-vectors==' scripts/requirements-judges.txt)"
WANT="${PIN#cryptography-vectors==}"
HAVE="$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("cryptography-vectors"))' 2>/dev/null || true)"
if [ "$HAVE" != "$WANT" ]; then
  echo "fetch-pkits: installing $PIN into $VENV" >&2
  "$VENV/bin/pip" install -q "$PIN"
fi

DIR="$("$VENV/bin/python" -c 'import cryptography_vectors, os; print(os.path.dirname(cryptography_vectors.__file__))')/x509/PKITS_data"
if [ ! -f "$DIR/pkits.ldif" ] || [ ! -d "$DIR/certs" ] || [ ! -d "$DIR/crls" ]; then
  echo "fetch-pkits: $DIR does not hold the PKITS data" >&2
  exit 1
fi
echo "$DIR"
