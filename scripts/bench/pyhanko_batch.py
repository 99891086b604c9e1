"""Signs PDF files one after another with pyHanko's library in this one process, and prints
how long the signing took as JSON on stdout.

    python pyhanko_batch.py --key KEY.pem --cert CERT.pem [--chain CA.pem ...] \
        --out-dir DIR FILE...

The key is an unencrypted PEM/DER private key. Every file is signed PAdES B-B
(/SubFilter /ETSI.CAdES.detached, SHA-256) into a new invisible field, as an incremental
update written to DIR/NAME-signed.pdf.

Python start-up and the imports are not timed: the clock starts after the key and certificate
are loaded and stops after the last file is written. Loading the key is timed separately
(`load_seconds`).
"""

import argparse
import json
import os
import sys
import time

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--key", required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--chain", action="append", default=[])
    parser.add_argument("--out-dir", required=True)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()

    started = time.perf_counter()
    signer = signers.SimpleSigner.load(
        args.key, args.cert, ca_chain_files=tuple(args.chain), key_passphrase=None
    )
    if signer is None:
        print("pyhanko_batch: could not load the key or certificate", file=sys.stderr)
        return 1
    meta = signers.PdfSignatureMetadata(
        field_name="Signature1",
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
    )
    pdf_signer = signers.PdfSigner(meta, signer=signer)
    loaded = time.perf_counter()

    per_file = []
    for path in args.files:
        t0 = time.perf_counter()
        stem = os.path.splitext(os.path.basename(path))[0]
        out_path = os.path.join(args.out_dir, stem + "-signed.pdf")
        with open(path, "rb") as inf, open(out_path, "wb") as outf:
            writer = IncrementalPdfFileWriter(inf)
            pdf_signer.sign_pdf(writer, output=outf)
        per_file.append(time.perf_counter() - t0)
    done = time.perf_counter()

    first = per_file[0]
    per_file.sort()
    json.dump(
        {
            "files": len(per_file),
            "load_seconds": loaded - started,
            "loop_seconds": done - loaded,
            "median_file_seconds": per_file[len(per_file) // 2],
            "first_file_seconds": first,
        },
        sys.stdout,
    )
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
