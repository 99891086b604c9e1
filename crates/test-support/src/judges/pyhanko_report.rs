//! Reading `pyhanko sign validate --pretty-print`: one section per signature field.

/// Whether pyHanko could chain the signer's certificate to a given trust root.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trust {
    /// "The signer's certificate is trusted."
    Trusted,
    /// "The signer's certificate is untrusted." (no path to a root, expired, wrong usage...)
    Untrusted,
    /// "The signer's certificate is revoked."
    Revoked,
}

/// How much of the file the signature's /ByteRange covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coverage {
    /// "The signature covers the entire file."
    EntireFile,
    /// "The signature does not cover the entire file." (later revisions, or a gap)
    Partial,
    /// No coverage line was printed (the signature could not be validated at all).
    Unknown,
}

/// What pyHanko's difference analysis says about changes after the signed revision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Modifications {
    /// The signature covers the whole file: nothing was changed.
    None,
    /// Only signature maintenance (DSS, document timestamps).
    LtaUpdates,
    /// Only further signatures and form filling.
    FormFilling,
    /// "Some modifications may be illegitimate".
    Suspicious,
    /// Difference analysis was skipped or not reported.
    NotAnalysed,
}

/// A timestamp token's verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenReport {
    /// The time the token asserts, as printed (ISO 8601).
    pub time: String,
    /// "The timestamp token is cryptographically sound."
    pub sound: bool,
    /// "The TSA certificate is trusted."
    pub trusted: bool,
}

/// pyHanko's verdict on one signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyHankoSignature {
    /// Signature field name.
    pub field: String,
    /// The signer certificate's subject, as pyHanko prints it.
    pub signer: String,
    /// "The signature is cryptographically sound.": the signed data's digest matches (intact)
    /// and the signature value verifies (valid). The CLI prints one sentence for both.
    pub sound: bool,
    /// The signer certificate's trust status.
    pub trust: Trust,
    /// Digest algorithm, e.g. `sha256`.
    pub digest_algorithm: String,
    /// Signature mechanism, e.g. `sha256_rsa`, `sha256_ecdsa`, `rsassa_pss`.
    pub mechanism: String,
    /// Signing time the signer claims, if any.
    pub signing_time: Option<String>,
    /// The signature timestamp token (PAdES B-T and up), if any.
    pub timestamp: Option<TokenReport>,
    /// The content timestamp token, if any.
    pub content_timestamp: Option<TokenReport>,
    /// How much of the file is covered.
    pub coverage: Coverage,
    /// What changed after signing.
    pub modifications: Modifications,
    /// The changes (if any) are compatible with the document modification policy.
    pub modifications_allowed: bool,
    /// pyHanko's bottom line: "The signature is judged VALID." (includes timestamp trust).
    pub judged_valid: bool,
    /// The message if pyHanko could not validate the signature at all.
    pub error: Option<String>,
    /// `sound && trusted && modifications_allowed && judged_valid`.
    pub ok: bool,
    /// This signature's section of the output, for assertion messages.
    pub raw: String,
}

/// Splits pretty-printed output into `(field, section text)` pairs.
fn sections(stdout: &str) -> Vec<(String, String)> {
    let lines: Vec<&str> = stdout.lines().collect();
    let is_rule = |l: &str| l.len() > 3 && l.bytes().all(|b| b == b'=');
    let mut starts = Vec::new();
    for i in 1..lines.len().saturating_sub(1) {
        if is_rule(lines[i - 1]) && is_rule(lines[i + 1]) && lines[i].starts_with("Field ") {
            let field = lines[i].split_once(": ").map_or("", |(_, name)| name);
            starts.push((i, field.to_owned()));
        }
    }
    let mut out = Vec::new();
    for (k, (i, field)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(lines.len(), |(next, _)| next - 1);
        out.push((field.clone(), lines[i + 2..end].join("\n")));
    }
    out
}

/// Text after `prefix` on the first line that starts with it.
fn after<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    text.lines().find_map(|l| l.trim().strip_prefix(prefix))
}

fn quoted(value: &str) -> String {
    value
        .trim()
        .trim_end_matches('.')
        .trim_matches(['"', '\''])
        .to_owned()
}

fn token(text: &str, nature: &str) -> Option<TokenReport> {
    let start = text.find(&format!("{nature} timestamp token: "))?;
    let block = &text[start..];
    let block = block.split("\n\n").next().unwrap_or(block);
    Some(TokenReport {
        time: quoted(after(block, &format!("{nature} timestamp token: "))?),
        sound: block.contains("The timestamp token is cryptographically sound."),
        trusted: block.contains("The TSA certificate is trusted."),
    })
}

fn signature(field: String, text: String) -> PyHankoSignature {
    let error = after(&text, "An error occurred while validating this signature:")
        .map(|m| m.trim().to_owned());
    let trust = if text.contains("The signer's certificate is trusted.") {
        Trust::Trusted
    } else if text.contains("The signer's certificate is revoked.") {
        Trust::Revoked
    } else {
        Trust::Untrusted
    };
    let coverage = if text.contains("The signature covers the entire file.") {
        Coverage::EntireFile
    } else if text.contains("The signature does not cover the entire file.") {
        Coverage::Partial
    } else {
        Coverage::Unknown
    };
    let modifications = if coverage == Coverage::EntireFile {
        Modifications::None
    } else if text.contains("All modifications relate to signature maintenance") {
        Modifications::LtaUpdates
    } else if text.contains("All modifications relate to signing and form filling") {
        Modifications::FormFilling
    } else if text.contains("Some modifications may be illegitimate") {
        Modifications::Suspicious
    } else {
        Modifications::NotAnalysed
    };
    let modifications_allowed = coverage == Coverage::EntireFile
        || text.contains("they appear to be compatible with the current document");
    let sound = error.is_none() && text.contains("The signature is cryptographically sound.");
    let judged_valid = text.contains("The signature is judged VALID.");
    PyHankoSignature {
        signer: after(&text, "Certificate subject:")
            .map(quoted)
            .unwrap_or_default(),
        digest_algorithm: after(&text, "The digest algorithm used was")
            .map(quoted)
            .unwrap_or_default(),
        mechanism: after(&text, "The signature mechanism used was")
            .map(quoted)
            .unwrap_or_default(),
        signing_time: after(&text, "Signing time as reported by signer:").map(quoted),
        timestamp: token(&text, "Signature"),
        content_timestamp: token(&text, "Content"),
        ok: sound && trust == Trust::Trusted && modifications_allowed && judged_valid,
        field,
        sound,
        trust,
        coverage,
        modifications,
        modifications_allowed,
        judged_valid,
        error,
        raw: text,
    }
}

/// Parses the pretty-printed output of `pyhanko sign validate`.
pub(crate) fn parse(stdout: &str) -> Vec<PyHankoSignature> {
    sections(stdout)
        .into_iter()
        .map(|(field, text)| signature(field, text))
        .collect()
}
