"""Validates the signatures of PDF files one after another with pyHanko's library in this one
process, and prints how long the validation took as JSON on stdout.

    python pyhanko_validate_batch.py --trust ROOT.pem [--crl CRL.pem ...] \
        [--revocation require|hard-fail|soft-fail|none] [--shared-context] FILE...

Every signature of every file is validated with `validate_pdf_signature`: integrity of the byte
ranges, the CMS signature value, the modifications after signing (pyHanko's difference
analysis), and the signer's certification path to ROOT (the only trust anchor: the operating
system's trust list is not used). Nothing is fetched from the network; revocation is checked
against the given CRLs under the given pyHanko revocation mode (`require`, the default: every
certificate of the path below the anchor needs a CRL or OCSP status, and an unknown status
fails the path). A signature is accepted when pyHanko's `bottom_line` holds and it covers the
whole file.

By default every file gets a fresh `ValidationContext` (the root and the CRLs are parsed once),
so no verdict is carried over from one file to the next; `--shared-context` uses one context
for the whole batch instead.

Python start-up, the imports and loading the root and CRLs are not timed: the clock runs
around the validation loop only (`loop_seconds`; `loop_cpu_seconds` is the CPU time the
process spent in it). The exit status is 0 when every signature was accepted, 1 otherwise;
the files that were not are listed in `rejected`.
"""

import argparse
import json
import sys
import time

from asn1crypto import crl as asn1_crl
from asn1crypto import pem
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext


def load_crls(paths):
    """Every CRL in the given files (PEM, one or more blocks, or DER)."""
    out = []
    for path in paths:
        with open(path, "rb") as f:
            data = f.read()
        if pem.detect(data):
            for _, _, der in pem.unarmor(data, multiple=True):
                out.append(asn1_crl.CertificateList.load(der))
        else:
            out.append(asn1_crl.CertificateList.load(data))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trust", required=True, help="the trust anchor (PEM or DER)")
    parser.add_argument("--crl", action="append", default=[], help="a CRL file; repeatable")
    parser.add_argument(
        "--revocation",
        default="require",
        choices=["require", "hard-fail", "soft-fail", "none"],
        help="pyHanko's revocation mode (default: require)",
    )
    parser.add_argument("--shared-context", action="store_true")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()

    root = load_cert_from_pemder(args.trust)
    crls = load_crls(args.crl)

    def context() -> ValidationContext:
        return ValidationContext(
            trust_roots=[root],
            crls=crls,
            allow_fetching=False,
            revocation_mode=args.revocation,
        )

    shared = context() if args.shared_context else None

    signatures = 0
    rejected = []
    per_file = []
    started = time.perf_counter()
    started_cpu = time.process_time()
    for path in args.files:
        t0 = time.perf_counter()
        vc = shared if shared is not None else context()
        with open(path, "rb") as f:
            reader = PdfFileReader(f)
            sigs = reader.embedded_signatures
            if not sigs:
                rejected.append({"file": path, "reason": "no signature"})
            for sig in sigs:
                signatures += 1
                status = validate_pdf_signature(sig, signer_validation_context=vc)
                if not (status.bottom_line and status.coverage == SignatureCoverageLevel.ENTIRE_FILE):
                    rejected.append(
                        {
                            "file": path,
                            "field": sig.field_name,
                            "reason": status.summary(),
                            "trust_problem": str(status.trust_problem_indic),
                        }
                    )
        per_file.append(time.perf_counter() - t0)
    done = time.perf_counter()
    done_cpu = time.process_time()

    first = per_file[0]
    per_file.sort()
    json.dump(
        {
            "files": len(per_file),
            "signatures": signatures,
            "accepted": signatures - len([r for r in rejected if "field" in r]),
            "rejected": rejected,
            "revocation_mode": args.revocation,
            "crls": len(crls),
            "shared_context": args.shared_context,
            "loop_seconds": done - started,
            "loop_cpu_seconds": done_cpu - started_cpu,
            "median_file_seconds": per_file[len(per_file) // 2],
            "first_file_seconds": first,
        },
        sys.stdout,
    )
    print()
    return 0 if not rejected else 1


if __name__ == "__main__":
    sys.exit(main())
