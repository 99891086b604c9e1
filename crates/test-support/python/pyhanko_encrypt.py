"""Encrypts a PDF with pyHanko's public-key security handler (PDF 2.0, AES-256), for the
given recipient certificates, ignoring their keyUsage (pyHanko asks for keyEncipherment
even for EC keys, whose certificates carry keyAgreement).

Usage: python pyhanko_encrypt.py IN.pdf OUT.pdf CERT.pem [CERT.pem ...]
"""

import sys

from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.crypt.pubkey import RecipientEncryptionPolicy
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.writer import copy_into_new_writer


def main() -> int:
    infile, outfile, *cert_files = sys.argv[1:]
    certs = [load_cert_from_pemder(c) for c in cert_files]
    with open(infile, "rb") as inf:
        w = copy_into_new_writer(PdfFileReader(inf))
        w.encrypt_pubkey(
            certs,
            keylen_bytes=32,
            policy=RecipientEncryptionPolicy(ignore_key_usage=True),
        )
        with open(outfile, "wb") as outf:
            w.write(outf)
    return 0


if __name__ == "__main__":
    sys.exit(main())
