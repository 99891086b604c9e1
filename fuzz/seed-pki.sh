#!/usr/bin/env bash
# Makes a small PKI with OpenSSL and, from it, the seeds of the PKI fuzz targets (the corpus
# folders are not committed):
#   corpus/_fixtures/     root, issuing CA, end entity and OCSP responder certificates (DER),
#                         the time the seeds were made, the content the CMS seeds sign
#   corpus/ocsp_response/ OpenSSL responder answers (CA-signed and delegated, good / revoked /
#                         unknown, SHA-1 and SHA-256 CertIDs, with and without nonce, certs,
#                         nextUpdate, ResponderID by name and by key) and unsuccessful statuses
#   corpus/ocsp_request/  OpenSSL requests (one or two certificates, nonce or none, SHA-1/256)
#   corpus/cms_signed_data/ `openssl cms -sign` (detached and attached, RSA and ECDSA, with and
#                         without signed attributes and certificates) and `openssl ts` tokens
#   corpus/x509_certificate/ the fixture certificates and certificates with assorted extensions
#   corpus/crl/           `openssl ca -gencrl` CRLs (empty, with reasons, v1, with an IDP)
# The private keys live in a temporary folder and are deleted at the end.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
out="$here/corpus"
mkdir -p "$out/_fixtures" "$out/ocsp_response" "$out/ocsp_request" "$out/cms_signed_data" \
    "$out/x509_certificate" "$out/crl"
q() { "$@" >/dev/null 2>"$work/stderr" || { echo "failed: $*" >&2; cat "$work/stderr" >&2; return 1; }; }
der() { openssl x509 -in "$1" -outform DER -out "$2"; }

ec() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
rsa() { openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1" 2>/dev/null; }

cat > ext.cnf <<'CNF'
[root]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ca]
basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[leaf]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = emailProtection
subjectAltName = email:fuzz@muaraenimkab.go.id
authorityInfoAccess = OCSP;URI:http://127.0.0.1/ocsp, caIssuers;URI:http://127.0.0.1/ca.cer
crlDistributionPoints = URI:http://127.0.0.1/ca.crl
certificatePolicies = 1.3.6.1.4.1.64312.1.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[responder]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = OCSPSigning
noCheck = ignored
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[tsa]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, timeStamping
[constrained]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
nameConstraints = critical, permitted;dirName:dn_ok, permitted;email:.go.id, permitted;DNS:go.id, excluded;IP:10.0.0.0/255.0.0.0, excluded;URI:.example
policyConstraints = requireExplicitPolicy:1, inhibitPolicyMapping:0
inhibitAnyPolicy = 0
policyMappings = 1.2.3.4:1.2.3.5
[dn_ok]
C = ID
O = Fuzz
[odd]
subjectAltName = DNS:a.go.id, IP:127.0.0.1, URI:http://a.go.id/, otherName:1.2.3.4;UTF8:x, dirName:dn_ok
issuerAltName = email:ca@go.id
freshestCRL = URI:http://127.0.0.1/delta.crl
subjectInfoAccess = caRepository;URI:http://127.0.0.1/repo
1.3.6.1.4.1.99999.1 = critical, ASN1:NULL
CNF

days=7300
ec root.key
q openssl req -x509 -new -key root.key -subj "/C=ID/O=Sertel Fuzz/CN=Fuzz Root" -days $days \
    -out root.pem -addext "basicConstraints=critical,CA:true" \
    -addext "keyUsage=critical,keyCertSign,cRLSign"
sign() { # sign <name> <key> <subject> <issuer-cert> <issuer-key> <section> [extra x509 args]
    local name=$1 key=$2 subject=$3 icert=$4 ikey=$5 section=$6
    shift 6
    q openssl req -new -key "$key" -subj "$subject" -out "$name.csr"
    q openssl x509 -req -in "$name.csr" -CA "$icert" -CAkey "$ikey" -days $days -out "$name.pem" \
        -extfile ext.cnf -extensions "$section" -set_serial "0x$(openssl rand -hex 8)" "$@"
}
rsa ca.key
sign ca ca.key "/C=ID/O=Sertel Fuzz/CN=Fuzz Issuing CA" root.pem root.key ca
ec leaf.key
sign leaf leaf.key "/C=ID/O=Sertel Fuzz/CN=Fuzz Signer" ca.pem ca.key leaf
ec responder.key
sign responder responder.key "/C=ID/O=Sertel Fuzz/CN=Fuzz OCSP Responder" ca.pem ca.key responder
rsa leaf2.key
sign leaf2 leaf2.key "/C=ID/O=Sertel Fuzz/CN=Fuzz Revoked Signer" ca.pem ca.key leaf -sha384
rsa tsa.key
sign tsa tsa.key "/C=ID/O=Sertel Fuzz/CN=Fuzz TSA" ca.pem ca.key tsa
for c in root ca leaf responder; do der $c.pem "$out/_fixtures/$c.der"; done
date +%s > "$out/_fixtures/time"
printf 'Sertel fuzz content: Surat Keputusan Bupati Muara Enim\n' > "$out/_fixtures/content.bin"

# Certificates.
for c in root ca leaf responder leaf2 tsa; do der $c.pem "$out/x509_certificate/$c.der"; done
ec other.key
sign constrained other.key "/C=ID/O=Sertel Fuzz/CN=Constrained" root.pem root.key constrained
sign odd other.key "/C=ID/O=Sertel Fuzz/CN=Odd Names" ca.pem ca.key odd
q openssl x509 -req -in odd.csr -CA ca.pem -CAkey ca.key -days 30 -out v1.pem -set_serial 7
q openssl x509 -req -in odd.csr -CA ca.pem -CAkey ca.key -days 30 -out pss.pem -set_serial 8 \
    -extfile ext.cnf -extensions leaf -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest
openssl genpkey -algorithm ED25519 -out ed.key 2>/dev/null
q openssl req -x509 -new -key ed.key -subj "/CN=Ed25519 Root/emailAddress=root@go.id" -days 30 -out ed.pem
for c in constrained odd v1 pss ed; do der $c.pem "$out/x509_certificate/$c.der"; done

# OCSP.
serial() { openssl x509 -in "$1" -noout -serial | cut -d= -f2; }
when="$(date -u -d '3 days ago' +%y%m%d%H%M%SZ)"
printf 'V\t491231235959Z\t\t%s\tunknown\t/CN=leaf\n' "$(serial leaf.pem)" > index.txt
printf 'R\t491231235959Z\t%s,keyCompromise\t%s\tunknown\t/CN=leaf2\n' "$when" "$(serial leaf2.pem)" >> index.txt
n=0
for cert in leaf leaf2 responder; do
    for opts in "-sha1" "-sha256" "-sha1 -no_nonce"; do
        # shellcheck disable=SC2086
        q openssl ocsp $opts -issuer ca.pem -cert $cert.pem -reqout req$n.der
        cp req$n.der "$out/ocsp_request/$cert-$n.der"
        for signer in "-rsigner ca.pem -rkey ca.key" "-rsigner responder.pem -rkey responder.key" \
            "-rsigner responder.pem -rkey responder.key -resp_key_id" \
            "-rsigner responder.pem -rkey responder.key -resp_no_certs"; do
            for validity in "-ndays 3650" ""; do
                # shellcheck disable=SC2086
                q openssl ocsp -index index.txt -CA ca.pem $signer -reqin req$n.der \
                    -respout "$out/ocsp_response/$cert-$n-$RANDOM.der" $validity
            done
        done
        n=$((n + 1))
    done
done
q openssl ocsp -issuer ca.pem -cert leaf.pem -cert leaf2.pem -reqout multi.der
cp multi.der "$out/ocsp_request/multi.der"
q openssl ocsp -index index.txt -CA ca.pem -rsigner ca.pem -rkey ca.key -reqin multi.der \
    -respout "$out/ocsp_response/multi.der" -ndays 3650
for status in 1 2 3 5 6; do printf '\x30\x03\x0a\x01\x0'"$status" > "$out/ocsp_response/status-$status.der"; done

# CMS and timestamp tokens.
content="$out/_fixtures/content.bin"
m=0
for who in leaf leaf2; do
    for opts in "" "-nodetach" "-noattr" "-nocerts" "-md sha384" "-cades"; do
        # shellcheck disable=SC2086
        q openssl cms -sign -binary -in "$content" -signer $who.pem -inkey $who.key -outform DER \
            -out "$out/cms_signed_data/$who-$m.der" $opts
        m=$((m + 1))
    done
done
cat > ts.cnf <<'CNF'
[tsa]
default_tsa = tsa_config
[tsa_config]
serial = ts_serial
signer_cert = tsa.pem
certs = ca.pem
signer_key = tsa.key
default_policy = 1.3.6.1.4.1.64312.1.3.1
digests = sha256, sha384, sha512
signer_digest = sha256
accuracy = secs:1
ess_cert_id_alg = sha256
CNF
echo 01 > ts_serial
for d in sha256 sha512; do
    q openssl ts -query -data "$content" -$d -cert -out q.tsq
    q openssl ts -reply -config ts.cnf -section tsa_config -queryfile q.tsq -out r.tsr
    q openssl ts -reply -in r.tsr -token_out -out "$out/cms_signed_data/token-$d.der"
done

# CRLs.
mkdir -p ca
: > ca/index.txt
echo 1000 > ca/crlnumber
cat > ca.cnf <<CNF
[ca]
default_ca = fuzz
[fuzz]
database = $work/ca/index.txt
crlnumber = $work/ca/crlnumber
default_md = sha256
default_crl_days = 3650
[crl_idp]
issuingDistributionPoint = critical, @idp
authorityKeyIdentifier = keyid
[idp]
fullname = URI:http://127.0.0.1/ca.crl
onlysomereasons = keyCompromise, CACompromise
onlyuser = TRUE
CNF
q openssl ca -config ca.cnf -gencrl -cert ca.pem -keyfile ca.key -out empty.pem
cp index.txt ca/index.txt
q openssl ca -config ca.cnf -gencrl -cert ca.pem -keyfile ca.key -out revoked.pem
q openssl ca -config ca.cnf -gencrl -cert ca.pem -keyfile ca.key -out idp.pem \
    -crlexts crl_idp
rm ca/crlnumber
: > ca/index.txt
q openssl ca -config <(grep -v crlnumber ca.cnf) -gencrl -cert ca.pem -keyfile ca.key -out v1.pem
for c in empty revoked idp v1; do openssl crl -in $c.pem -outform DER -out "$out/crl/$c.der"; done

for d in ocsp_response ocsp_request cms_signed_data x509_certificate crl; do
    echo "$d: $(ls "$out/$d" | wc -l) seeds"
done
