#!/usr/bin/env python3
"""Build pkits.tsv: NIST PKITS cases with the certificate path and CRLs each one needs.

Usage: pkits-generate.py PKITS_DATA_DIR > pkits.tsv

PKITS_DATA_DIR is cryptography_vectors/x509/PKITS_data of the PyPI package
cryptography-vectors. The case list (id, name, end-entity file) is written out below from
the PKITS test descriptions; every name starts with "Valid" or "Invalid", which is the
result PKITS expects with the default inputs (initial-policy-set = anyPolicy, no explicit
policy, policy mapping and anyPolicy not inhibited) and the trust anchor
TrustAnchorRootCertificate.crt.

The rest is derived from the data:
- path: walk up from the end entity to the trust anchor, choosing among the certificates
  whose subject matches the issuer name (compared case- and space-insensitively) the one
  whose key verifies the signature; when none verifies (the bad-signature tests) the name
  match alone decides, and when no name matches (the name-chaining tests) the signature
  alone decides.
- crls: what the test's LDAP directory (pkits.ldif of the package) publishes at the entries a
  path validator consults: the entry of the trust anchor and of every CA of the path, the
  entries that a path certificate names as a distribution point or as a CRL issuer in its
  cRLDistributionPoints, and the entries of the extra certificates below. Delta CRLs
  (section 4.15) are left out.
- other_certs: certificates outside the path whose key signs one of those CRLs (separate CRL
  keys, self-issued CRL signing keys, indirect CRL issuers), with the certificates that
  chain them to the trust anchor.
"""

import os
import sys

from asn1crypto import crl as asn1_crl
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import dsa, ec, padding, rsa

CASES = [
    # 4.1 Signature Verification
    ("4.1.1", "Valid Signatures Test1", "ValidCertificatePathTest1EE"),
    ("4.1.2", "Invalid CA Signature Test2", "InvalidCASignatureTest2EE"),
    ("4.1.3", "Invalid EE Signature Test3", "InvalidEESignatureTest3EE"),
    ("4.1.4", "Valid DSA Signatures Test4", "ValidDSASignaturesTest4EE"),
    ("4.1.5", "Valid DSA Parameter Inheritance Test5", "ValidDSAParameterInheritanceTest5EE"),
    ("4.1.6", "Invalid DSA Signature Test6", "InvalidDSASignatureTest6EE"),
    # 4.2 Validity Periods
    ("4.2.1", "Invalid CA notBefore Date Test1", "InvalidCAnotBeforeDateTest1EE"),
    ("4.2.2", "Invalid EE notBefore Date Test2", "InvalidEEnotBeforeDateTest2EE"),
    ("4.2.3", "Valid pre2000 UTC notBefore Date Test3", "Validpre2000UTCnotBeforeDateTest3EE"),
    ("4.2.4", "Valid GeneralizedTime notBefore Date Test4", "ValidGeneralizedTimenotBeforeDateTest4EE"),
    ("4.2.5", "Invalid CA notAfter Date Test5", "InvalidCAnotAfterDateTest5EE"),
    ("4.2.6", "Invalid EE notAfter Date Test6", "InvalidEEnotAfterDateTest6EE"),
    ("4.2.7", "Invalid pre2000 UTC EE notAfter Date Test7", "Invalidpre2000UTCEEnotAfterDateTest7EE"),
    ("4.2.8", "Valid GeneralizedTime notAfter Date Test8", "ValidGeneralizedTimenotAfterDateTest8EE"),
    # 4.3 Verifying Name Chaining
    ("4.3.1", "Invalid Name Chaining EE Test1", "InvalidNameChainingTest1EE"),
    ("4.3.2", "Invalid Name Chaining Order Test2", "InvalidNameChainingOrderTest2EE"),
    ("4.3.3", "Valid Name Chaining Whitespace Test3", "ValidNameChainingWhitespaceTest3EE"),
    ("4.3.4", "Valid Name Chaining Whitespace Test4", "ValidNameChainingWhitespaceTest4EE"),
    ("4.3.5", "Valid Name Chaining Capitalization Test5", "ValidNameChainingCapitalizationTest5EE"),
    ("4.3.6", "Valid Name Chaining UIDs Test6", "ValidNameUIDsTest6EE"),
    ("4.3.7", "Valid RFC3280 Mandatory Attribute Types Test7", "ValidRFC3280MandatoryAttributeTypesTest7EE"),
    ("4.3.8", "Valid RFC3280 Optional Attribute Types Test8", "ValidRFC3280OptionalAttributeTypesTest8EE"),
    ("4.3.9", "Valid UTF8String Encoded Names Test9", "ValidUTF8StringEncodedNamesTest9EE"),
    ("4.3.10", "Valid Rollover from PrintableString to UTF8String Test10", "ValidRolloverfromPrintableStringtoUTF8StringTest10EE"),
    ("4.3.11", "Valid UTF8String Case Insensitive Match Test11", "ValidUTF8StringCaseInsensitiveMatchTest11EE"),
    # 4.4 Basic Certificate Revocation Tests
    ("4.4.1", "Missing CRL Test1", "InvalidMissingCRLTest1EE"),
    ("4.4.2", "Invalid Revoked CA Test2", "InvalidRevokedCATest2EE"),
    ("4.4.3", "Invalid Revoked EE Test3", "InvalidRevokedEETest3EE"),
    ("4.4.4", "Invalid Bad CRL Signature Test4", "InvalidBadCRLSignatureTest4EE"),
    ("4.4.5", "Invalid Bad CRL Issuer Name Test5", "InvalidBadCRLIssuerNameTest5EE"),
    ("4.4.6", "Invalid Wrong CRL Test6", "InvalidWrongCRLTest6EE"),
    ("4.4.7", "Valid Two CRLs Test7", "ValidTwoCRLsTest7EE"),
    ("4.4.8", "Invalid Unknown CRL Entry Extension Test8", "InvalidUnknownCRLEntryExtensionTest8EE"),
    ("4.4.9", "Invalid Unknown CRL Extension Test9", "InvalidUnknownCRLExtensionTest9EE"),
    ("4.4.10", "Invalid Unknown CRL Extension Test10", "InvalidUnknownCRLExtensionTest10EE"),
    ("4.4.11", "Invalid Old CRL nextUpdate Test11", "InvalidOldCRLnextUpdateTest11EE"),
    ("4.4.12", "Invalid pre2000 CRL nextUpdate Test12", "Invalidpre2000CRLnextUpdateTest12EE"),
    ("4.4.13", "Valid GeneralizedTime CRL nextUpdate Test13", "ValidGeneralizedTimeCRLnextUpdateTest13EE"),
    ("4.4.14", "Valid Negative Serial Number Test14", "ValidNegativeSerialNumberTest14EE"),
    ("4.4.15", "Invalid Negative Serial Number Test15", "InvalidNegativeSerialNumberTest15EE"),
    ("4.4.16", "Valid Long Serial Number Test16", "ValidLongSerialNumberTest16EE"),
    ("4.4.17", "Valid Long Serial Number Test17", "ValidLongSerialNumberTest17EE"),
    ("4.4.18", "Invalid Long Serial Number Test18", "InvalidLongSerialNumberTest18EE"),
    ("4.4.19", "Valid Separate Certificate and CRL Keys Test19", "ValidSeparateCertificateandCRLKeysTest19EE"),
    ("4.4.20", "Invalid Separate Certificate and CRL Keys Test20", "InvalidSeparateCertificateandCRLKeysTest20EE"),
    ("4.4.21", "Invalid Separate Certificate and CRL Keys Test21", "InvalidSeparateCertificateandCRLKeysTest21EE"),
    # 4.5 Verifying Paths with Self-Issued Certificates
    ("4.5.1", "Valid Basic Self-Issued Old With New Test1", "ValidBasicSelfIssuedOldWithNewTest1EE"),
    ("4.5.2", "Invalid Basic Self-Issued Old With New Test2", "InvalidBasicSelfIssuedOldWithNewTest2EE"),
    ("4.5.3", "Valid Basic Self-Issued New With Old Test3", "ValidBasicSelfIssuedNewWithOldTest3EE"),
    ("4.5.4", "Valid Basic Self-Issued New With Old Test4", "ValidBasicSelfIssuedNewWithOldTest4EE"),
    ("4.5.5", "Invalid Basic Self-Issued New With Old Test5", "InvalidBasicSelfIssuedNewWithOldTest5EE"),
    ("4.5.6", "Valid Basic Self-Issued CRL Signing Key Test6", "ValidBasicSelfIssuedCRLSigningKeyTest6EE"),
    ("4.5.7", "Invalid Basic Self-Issued CRL Signing Key Test7", "InvalidBasicSelfIssuedCRLSigningKeyTest7EE"),
    ("4.5.8", "Invalid Basic Self-Issued CRL Signing Key Test8", "InvalidBasicSelfIssuedCRLSigningKeyTest8EE"),
    # 4.6 Verifying Basic Constraints
    ("4.6.1", "Invalid Missing basicConstraints Test1", "InvalidMissingbasicConstraintsTest1EE"),
    ("4.6.2", "Invalid cA False Test2", "InvalidcAFalseTest2EE"),
    ("4.6.3", "Invalid cA False Test3", "InvalidcAFalseTest3EE"),
    ("4.6.4", "Valid basicConstraints Not Critical Test4", "ValidbasicConstraintsNotCriticalTest4EE"),
    ("4.6.5", "Invalid pathLenConstraint Test5", "InvalidpathLenConstraintTest5EE"),
    ("4.6.6", "Invalid pathLenConstraint Test6", "InvalidpathLenConstraintTest6EE"),
    ("4.6.7", "Valid pathLenConstraint Test7", "ValidpathLenConstraintTest7EE"),
    ("4.6.8", "Valid pathLenConstraint Test8", "ValidpathLenConstraintTest8EE"),
    ("4.6.9", "Invalid pathLenConstraint Test9", "InvalidpathLenConstraintTest9EE"),
    ("4.6.10", "Invalid pathLenConstraint Test10", "InvalidpathLenConstraintTest10EE"),
    ("4.6.11", "Invalid pathLenConstraint Test11", "InvalidpathLenConstraintTest11EE"),
    ("4.6.12", "Invalid pathLenConstraint Test12", "InvalidpathLenConstraintTest12EE"),
    ("4.6.13", "Valid pathLenConstraint Test13", "ValidpathLenConstraintTest13EE"),
    ("4.6.14", "Valid pathLenConstraint Test14", "ValidpathLenConstraintTest14EE"),
    ("4.6.15", "Valid Self-Issued pathLenConstraint Test15", "ValidSelfIssuedpathLenConstraintTest15EE"),
    ("4.6.16", "Invalid Self-Issued pathLenConstraint Test16", "InvalidSelfIssuedpathLenConstraintTest16EE"),
    ("4.6.17", "Valid Self-Issued pathLenConstraint Test17", "ValidSelfIssuedpathLenConstraintTest17EE"),
    # 4.7 Key Usage
    ("4.7.1", "Invalid keyUsage Critical keyCertSign False Test1", "InvalidkeyUsageCriticalkeyCertSignFalseTest1EE"),
    ("4.7.2", "Invalid keyUsage Not Critical keyCertSign False Test2", "InvalidkeyUsageNotCriticalkeyCertSignFalseTest2EE"),
    ("4.7.3", "Valid keyUsage Not Critical Test3", "ValidkeyUsageNotCriticalTest3EE"),
    ("4.7.4", "Invalid keyUsage Critical cRLSign False Test4", "InvalidkeyUsageCriticalcRLSignFalseTest4EE"),
    ("4.7.5", "Invalid keyUsage Not Critical cRLSign False Test5", "InvalidkeyUsageNotCriticalcRLSignFalseTest5EE"),
]

# 4.13 Name Constraints
for n, (kind, valid) in enumerate(
    [("DN", True), ("DN", False), ("DN", False), ("DN", True), ("DN", True),
     ("DN", True), ("DN", False), ("DN", False), ("DN", False), ("DN", False),
     ("DN", True), ("DN", False), ("DN", False), ("DN", True), ("DN", False),
     ("DN", False), ("DN", False), ("DN", True), ("DN", True), ("DN", False),
     ("RFC822", True), ("RFC822", False), ("RFC822", True), ("RFC822", False),
     ("RFC822", True), ("RFC822", False), ("DNandRFC822", True),
     ("DNandRFC822", False), ("DNandRFC822", False), ("DNS", True), ("DNS", False),
     ("DNS", True), ("DNS", False), ("URI", True), ("URI", False), ("URI", True),
     ("URI", False), ("DNS", False)],
    start=1,
):
    prefix = "Valid" if valid else "Invalid"
    label = {"DNandRFC822": "DN and RFC822"}.get(kind, kind)
    self_issued = "Self-Issued " if n in (19, 20) else ""
    CASES.append(
        (f"4.13.{n}", f"{prefix} {self_issued}{label} nameConstraints Test{n}",
         f"{prefix}{kind}nameConstraintsTest{n}EE")
    )

# 4.14 Distribution Points
for n, (stem, name, valid) in enumerate(
    [("distributionPoint", "distributionPoint", True),
     ("distributionPoint", "distributionPoint", False),
     ("distributionPoint", "distributionPoint", False),
     ("distributionPoint", "distributionPoint", True),
     ("distributionPoint", "distributionPoint", True),
     ("distributionPoint", "distributionPoint", False),
     ("distributionPoint", "distributionPoint", True),
     ("distributionPoint", "distributionPoint", False),
     ("distributionPoint", "distributionPoint", False),
     ("NoissuingDistributionPoint", "No issuingDistributionPoint", True),
     ("onlyContainsUserCerts", "onlyContainsUserCerts CRL", False),
     ("onlyContainsCACerts", "onlyContainsCACerts CRL", False),
     ("onlyContainsCACerts", "onlyContainsCACerts CRL", True),
     ("onlyContainsAttributeCerts", "onlyContainsAttributeCerts", False),
     ("onlySomeReasons", "onlySomeReasons", False),
     ("onlySomeReasons", "onlySomeReasons", False),
     ("onlySomeReasons", "onlySomeReasons", False),
     ("onlySomeReasons", "onlySomeReasons", True),
     ("onlySomeReasons", "onlySomeReasons", True),
     ("onlySomeReasons", "onlySomeReasons", False),
     ("onlySomeReasons", "onlySomeReasons", False),
     ("IDPwithindirectCRL", "IDP with indirectCRL", True),
     ("IDPwithindirectCRL", "IDP with indirectCRL", False),
     ("IDPwithindirectCRL", "IDP with indirectCRL", True),
     ("IDPwithindirectCRL", "IDP with indirectCRL", True),
     ("IDPwithindirectCRL", "IDP with indirectCRL", False),
     ("cRLIssuer", "cRLIssuer", False),
     ("cRLIssuer", "cRLIssuer", True),
     ("cRLIssuer", "cRLIssuer", True),
     ("cRLIssuer", "cRLIssuer", True),
     ("cRLIssuer", "cRLIssuer", False),
     ("cRLIssuer", "cRLIssuer", False),
     ("cRLIssuer", "cRLIssuer", True),
     ("cRLIssuer", "cRLIssuer", False),
     ("cRLIssuer", "cRLIssuer", False)],
    start=1,
):
    prefix = "Valid" if valid else "Invalid"
    CASES.append((f"4.14.{n}", f"{prefix} {name} Test{n}", f"{prefix}{stem}Test{n}EE"))

CASES += [
    # 4.16 Private Certificate Extensions
    ("4.16.1", "Valid Unknown Not Critical Certificate Extension Test1", "ValidUnknownNotCriticalCertificateExtensionTest1EE"),
    ("4.16.2", "Invalid Unknown Critical Certificate Extension Test2", "InvalidUnknownCriticalCertificateExtensionTest2EE"),
]

ANCHOR = "TrustAnchorRootCertificate"


def read_ldif(path):
    """Directory entries: (dn, certificate labels, CRL labels) per entry of pkits.ldif."""
    entries, cur = [], None
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("dn:"):
                cur = {"dn": line[3:].strip(), "certs": [], "crls": []}
                entries.append(cur)
            elif cur is not None and ";binary:<" in line:
                attr, _, ref = line.partition(";binary:<")
                label = os.path.basename(ref.strip())
                if attr in ("cACertificate", "userCertificate"):
                    cur["certs"].append(label[:-4])
                elif attr in ("certificateRevocationList", "authorityRevocationList"):
                    cur["crls"].append(label[:-4])
    return entries
ANY_POLICY = "2.5.29.32.0"


def norm(name):
    """RFC 5280 comparison form of an asn1crypto Name (case and spaces folded)."""
    return name.hashable


def verifies(issuer_key, signed):
    """Whether issuer_key verifies the signature of a certificate or CRL."""
    try:
        if isinstance(issuer_key, rsa.RSAPublicKey):
            issuer_key.verify(
                signed.signature,
                signed.tbs_certlist_bytes if isinstance(signed, x509.CertificateRevocationList) else signed.tbs_certificate_bytes,
                padding.PKCS1v15(),
                signed.signature_hash_algorithm,
            )
        elif isinstance(issuer_key, dsa.DSAPublicKey):
            issuer_key.verify(
                signed.signature,
                signed.tbs_certlist_bytes if isinstance(signed, x509.CertificateRevocationList) else signed.tbs_certificate_bytes,
                signed.signature_hash_algorithm,
            )
        elif isinstance(issuer_key, ec.EllipticCurvePublicKey):
            issuer_key.verify(
                signed.signature,
                signed.tbs_certlist_bytes if isinstance(signed, x509.CertificateRevocationList) else signed.tbs_certificate_bytes,
                ec.ECDSA(signed.signature_hash_algorithm),
            )
        else:
            return False
        return True
    except Exception:
        return False


def main():
    root = sys.argv[1]
    # Names and extensions come from asn1crypto, which reads every file; signatures are
    # checked with cryptography, which refuses keys without DSA parameters (those fall
    # back to name matching).
    certs, parsed = {}, {}
    for f in sorted(os.listdir(os.path.join(root, "certs"))):
        if f.endswith(".crt"):
            with open(os.path.join(root, "certs", f), "rb") as fh:
                der = fh.read()
            certs[f[:-4]] = asn1_x509.Certificate.load(der)
            try:
                parsed[f[:-4]] = x509.load_der_x509_certificate(der)
            except ValueError:
                parsed[f[:-4]] = None
    crls, parsed_crls = {}, {}
    for f in sorted(os.listdir(os.path.join(root, "crls"))):
        if f.endswith(".crl"):
            with open(os.path.join(root, "crls", f), "rb") as fh:
                der = fh.read()
            crls[f[:-4]] = asn1_crl.CertificateList.load(der)
            parsed_crls[f[:-4]] = x509.load_der_x509_crl(der)

    entries = read_ldif(os.path.join(root, "pkits.ldif"))
    for e in entries:
        try:
            der = x509.Name.from_rfc4514_string(e["dn"]).public_bytes()
            e["names"] = {asn1_x509.Name.load(der).hashable}
        except Exception:
            e["names"] = set()
        # An entry also answers to the subject names of the certificates it holds.
        e["names"] |= {norm(certs[c].subject) for c in e["certs"] if c in certs}

    def entry_crls(names=(), labels=()):
        found = []
        for e in entries:
            if e["names"] & set(names) or set(e["certs"]) & set(labels):
                found += [c for c in e["crls"] if c in crls]
        return found

    def dp_names(label):
        """Directory names of the distribution points of a certificate."""
        cert = certs[label]
        names = []
        for dp in cert.crl_distribution_points_value or []:
            point = dp["distribution_point"]
            if not isinstance(point, asn1_x509.DistributionPointName):
                continue
            if point.name == "full_name":
                names += [norm(gn.chosen) for gn in point.chosen if gn.name == "directory_name"]
            else:
                # nameRelativeToCRLIssuer: below the CRL issuer, or the certificate issuer.
                bases = [gn.chosen for gn in dp["crl_issuer"] or []
                         if gn.name == "directory_name"] or [cert.issuer]
                for base in bases:
                    rdns = asn1_x509.RDNSequence(list(base.chosen) + [point.chosen])
                    names.append(asn1_x509.Name(name="", value=rdns).hashable)
        return names

    # Issuer candidates: anything that is not a test's end-entity certificate.
    issuers = {k: c for k, c in certs.items() if not k.endswith("EE")}

    def key_of(label):
        try:
            return parsed[label].public_key()
        except Exception:
            return None

    def signed(label):
        return parsed.get(label)

    def parents(label, exclude):
        cert = certs[label]
        by_name = [k for k, c in issuers.items()
                   if k not in exclude and norm(c.subject) == norm(cert.issuer)]
        verified = [k for k in by_name if signed(label) and verifies(key_of(k), signed(label))]
        if verified:
            return verified
        if by_name:
            return by_name
        return [k for k in issuers
                if k not in exclude and signed(label) and verifies(key_of(k), signed(label))]

    def build(label, seen):
        """Labels from the certificate below the anchor down to `label`, or None."""
        if label == ANCHOR:
            return []
        for p in parents(label, seen | {label}):
            if p == ANCHOR:
                return [label]
            rest = build(p, seen | {label})
            if rest is not None:
                return rest + [label]
        return None

    def crl_issuer_names(label):
        names = []
        for dp in certs[label].crl_distribution_points_value or []:
            for gn in dp["crl_issuer"] or []:
                if gn.name == "directory_name":
                    names.append(norm(gn.chosen))
        return names

    out = ["# NIST PKITS (Test Certificates 2011) cases for sections 4.1-4.7, 4.13, 4.14 and 4.16,",
           "# made by pkits-generate.py from cryptography-vectors' PKITS_data; paths are relative",
           "# to that folder, top-down with the end entity last. See pkits.md.",
           "id\tname\texpected\ttrust_anchor\tpath\tcrls\tother_certs\t"
           "initial_policy_set\texplicit_policy\tinhibit_policy_mapping\tinhibit_any_policy"]
    for case_id, name, ee in CASES:
        assert ee in certs, f"{case_id}: {ee}.crt missing"
        assert name.split()[0] in ("Valid", "Invalid", "Missing"), name
        expected = "valid" if name.startswith("Valid") else "invalid"
        path = build(ee, set())
        assert path is not None, f"{case_id}: no path for {ee}"
        in_path = set(path) | {ANCHOR}
        cas = [ANCHOR] + path[:-1]
        names = set()
        for k in path:
            names |= set(dp_names(k)) | set(crl_issuer_names(k))
        other = []
        while True:
            chosen = sorted(set(entry_crls(names=names, labels=cas + other)))
            added = False
            for k in chosen:
                signer = [s for s in issuers if verifies(key_of(s), parsed_crls[k])
                          and norm(certs[s].subject) == norm(crls[k].issuer)]
                if not signer or any(s in in_path or s in other for s in signer):
                    continue
                chain = build(signer[0], set())
                if chain is None:
                    continue
                for s in chain:
                    if s not in in_path and s not in other:
                        other.append(s)
                        names |= set(dp_names(s)) | set(crl_issuer_names(s))
                        added = True
            if not added:
                break
        out.append("\t".join([
            case_id, name, expected, f"certs/{ANCHOR}.crt",
            ",".join(f"certs/{k}.crt" for k in path),
            ",".join(f"crls/{k}.crl" for k in chosen),
            ",".join(f"certs/{k}.crt" for k in other),
            ANY_POLICY, "false", "false", "false",
        ]))
    print("\n".join(out))


main()
