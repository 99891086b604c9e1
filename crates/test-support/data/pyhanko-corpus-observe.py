"""Observe pyHanko's verdict on every PDF of the corpus through its Python API.

Usage (with the judges' venv, which has pyHanko 0.38):
    python pyhanko-corpus-observe.py SHARED/corpora/pyhanko/pdf ANCHOR_DIR > observe.jsonl

Prints one JSON object per file: whether the strict and the lenient reader open it,
whether it is encrypted (and which test credential opens it), and for every signature
dictionary (document timestamps included) intact/valid/coverage/modification level, once
without trust and once trusting every *.pem of ANCHOR_DIR at the signer's claimed time.
The "notrust" results are what pyhanko-corpus.tsv records. Offering several CAs of the same
name at once confuses pyHanko's path building, so the trust results per architecture in
pyhanko-corpus.md come from the CLI, one architecture at a time.
"""

import glob
import json
import os
import sys
import traceback
from datetime import datetime, timezone

from asn1crypto import pem, x509
from pyhanko.pdf_utils.crypt import SimpleEnvelopeKeyDecrypter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import (
    validate_pdf_signature,
    validate_pdf_timestamp,
)
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko_certvalidator import ValidationContext

CORPUS = sys.argv[1]
ANCHORS = sys.argv[2]
CRYPTO = os.path.join(os.path.dirname(CORPUS.rstrip('/')), 'crypto')


def load_certs(path):
    with open(path, 'rb') as f:
        data = f.read()
    if pem.detect(data):
        return [x509.Certificate.load(der) for _, _, der in pem.unarmor(data, multiple=True)]
    return [x509.Certificate.load(data)]


ROOTS = [c for p in sorted(glob.glob(os.path.join(ANCHORS, '*.pem'))) for c in load_certs(p)]

DECRYPTERS = []
for key, cert, pw in [
    ('keys-rsa/signer.key.pem', 'testing-ca/interm/decrypter1.cert.pem', b'secret'),
    ('keys-rsa/signer.key.pem', 'testing-ca/interm/decrypter1-old.cert.pem', b'secret'),
    ('selfsigned.key.pem', 'selfsigned.cert.pem', b'secret'),
    (
        'keys-ecdsa/decrypter3.key.pem',
        os.path.join(
            os.path.dirname(os.path.abspath(__file__)),
            'pyhanko-pki/ecc-testing-ca-with-decrypters-decrypter3.pem',
        ),
        None,
    ),
]:
    try:
        DECRYPTERS.append(
            SimpleEnvelopeKeyDecrypter.load(
                os.path.join(CRYPTO, key), os.path.join(CRYPTO, cert), pw
            )
        )
    except Exception as e:  # pragma: no cover
        print('decrypter load failed', key, cert, e, file=sys.stderr)

PASSWORDS = ['usersecret', 'ownersecret', 'secret', '']


def err(e):
    return f'{type(e).__name__}: {e}'[:300]


def open_reader(path, strict):
    f = open(path, 'rb')
    r = PdfFileReader(f, strict=strict)
    return r


def try_decrypt(r):
    if not r.encrypted:
        return None
    last = None
    handler = type(r.security_handler).__name__
    if 'PubKey' in handler:
        for d in DECRYPTERS:
            try:
                res = r.decrypt_pubkey(d)
                if res.status.name != 'FAILED':
                    return f'pubkey ok ({res.status.name}) with {d.cert.subject.human_friendly[:40]}'
            except Exception as e:
                last = e
    else:
        for pw in PASSWORDS:
            try:
                res = r.decrypt(pw)
                if res.status.name != 'FAILED':
                    return f'password ok ({res.status.name}) with {pw!r}'
            except Exception as e:
                last = e
    return f'decrypt FAILED: {err(last) if last else "no credential"}'


def sig_status(s, vc, lenient_ku):
    kw = {}
    if lenient_ku:
        kw['key_usage_settings'] = KeyUsageConstraints(key_usage=set())
    if s.sig_object_type == '/DocTimeStamp':
        st = validate_pdf_timestamp(s, validation_context=vc)
    else:
        st = validate_pdf_signature(s, vc, **kw)
    out = {
        'intact': st.intact,
        'valid': st.valid,
        'trusted': getattr(st, 'trusted', None),
        'coverage': st.coverage.name if st.coverage is not None else None,
        'modification_level': (
            st.modification_level.name if getattr(st, 'modification_level', None) is not None else None
        ),
        'docmdp_ok': getattr(st, 'docmdp_ok', None),
        'bottom_line': getattr(st, 'bottom_line', None),
        'trust_problem': str(getattr(st, 'trust_problem_indic', None)),
        'md': st.md_algorithm,
        'mech': st.pkcs7_signature_mechanism,
        'summary': st.summary(),
    }
    if getattr(st, 'diff_result', None) is not None and not hasattr(
        st.diff_result, 'modification_level'
    ):
        out['diff'] = str(st.diff_result)[:200]
    ts = getattr(st, 'timestamp_validity', None)
    if ts is not None:
        out['ts'] = {
            'intact': ts.intact,
            'valid': ts.valid,
            'trusted': ts.trusted,
            'tsa': ts.signing_cert.subject.human_friendly[:60],
            'time': ts.timestamp.isoformat(),
        }
    return out


def observe(path):
    rec = {'file': os.path.relpath(path, CORPUS)}
    r = None
    try:
        r = open_reader(path, True)
        rec['strict'] = 'ok'
    except Exception as e:
        rec['strict'] = err(e)
    if r is None:
        try:
            r = open_reader(path, False)
            rec['lenient'] = 'ok'
        except Exception as e:
            rec['lenient'] = err(e)
            return rec
    try:
        rec['encrypted'] = bool(r.encrypted)
        if r.encrypted:
            rec['decrypt'] = try_decrypt(r)
    except Exception as e:
        rec['encrypted'] = 'error'
        rec['decrypt'] = err(e)
        return rec
    try:
        sigs = list(r.embedded_signatures)
    except Exception as e:
        rec['enumerate'] = err(e)
        return rec
    rec['signatures'] = []
    for s in sigs:
        srec = {'field': s.field_name, 'type': s.sig_object_type}
        try:
            srec['signer'] = s.signer_cert.subject.human_friendly[:80]
            srec['issuer'] = s.signer_cert.issuer.human_friendly[:80]
            srec['claimed'] = (
                s.self_reported_timestamp.isoformat()
                if s.self_reported_timestamp
                else None
            )
        except Exception as e:
            srec['signer'] = err(e)
        for label, trust in [('notrust', False), ('trust', True)]:
            for lenient in (False, True):
                key = label + ('_lenientku' if lenient else '')
                try:
                    if trust:
                        moment = s.self_reported_timestamp or datetime(
                            2020, 11, 1, tzinfo=timezone.utc
                        )
                        vc = ValidationContext(
                            trust_roots=ROOTS,
                            moment=moment,
                            allow_fetching=False,
                            revocation_mode='soft-fail',
                            weak_hash_algos=set(),
                        )
                    else:
                        vc = ValidationContext(trust_roots=[])
                    srec[key] = sig_status(s, vc, lenient)
                except Exception as e:
                    srec[key] = {'error': err(e)}
        rec['signatures'].append(srec)
    return rec


def main():
    files = sorted(
        glob.glob(os.path.join(CORPUS, '**', '*.pdf'), recursive=True)
    )
    for p in files:
        try:
            rec = observe(p)
        except Exception as e:
            rec = {'file': os.path.relpath(p, CORPUS), 'crash': err(e),
                   'tb': traceback.format_exc()[-500:]}
        print(json.dumps(rec, default=str), flush=True)


main()
