"""Validates every signature and document timestamp of a PDF with pyHanko, offline, from
the material inside the file only: its document security store (certificates, CRLs, OCSP
responses) and what the CMS structures carry. Revocation mode `require`: every certificate
below the trust root needs a status from that material, nothing is fetched.

Usage: python pyhanko_offline.py ROOT.pem FILE.pdf

Prints one line per signature: `<field> <kind> ok|FAILED <summary>`; exits 0 when every
signature passes, 1 otherwise, 2 when the file has none.
"""

import sys

from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko.sign.validation.dss import DocumentSecurityStore, NoDSSFoundError


def main() -> int:
    root = load_cert_from_pemder(sys.argv[1])
    kwargs = dict(trust_roots=[root], allow_fetching=False, revocation_mode="require")
    with open(sys.argv[2], "rb") as f:
        reader = PdfFileReader(f)
        try:
            dss = DocumentSecurityStore.read_dss(reader)
        except NoDSSFoundError:
            dss = None

        def context():
            if dss is None:
                from pyhanko_certvalidator import ValidationContext

                return ValidationContext(**kwargs)
            return dss.as_validation_context(kwargs)

        sigs = reader.embedded_signatures
        if not sigs:
            print("no signature")
            return 2
        ok = True
        for sig in sigs:
            if sig.sig_object_type == "/DocTimeStamp":
                kind = "timestamp"
                status = validate_pdf_timestamp(sig, validation_context=context())
            else:
                kind = "signature"
                status = validate_pdf_signature(
                    sig,
                    signer_validation_context=context(),
                    ts_validation_context=context(),
                )
            if kind == "timestamp":
                passed = bool(status.intact and status.valid and status.trusted)
            else:
                passed = bool(status.bottom_line)
            ok &= passed
            summary = status.summary().replace("\n", " ")
            print(f"{sig.field_name} {kind} {'ok' if passed else 'FAILED'} {summary}")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
