//! The document identifier: 128 random bits per signature, written as 32 lowercase hex digits,
//! put into the QR code's verification URL and recorded in the signature dictionary, so the
//! regency's verification page can find the signed letter.

use super::error::SpecimenError;

/// The placeholder in a verification URL template.
pub const ID_PLACEHOLDER: &str = "{id}";

/// A fresh random document id (32 lowercase hex digits).
///
/// # Panics
/// If the operating system's random source fails (aws-lc aborts in that case anyway).
pub fn new_document_id() -> String {
    let mut bytes = [0u8; 16];
    aws_lc_rs::rand::fill(&mut bytes).expect("the system random source works");
    hex::encode(bytes)
}

/// The verification URL: `template` with `{id}` replaced by `id`.
///
/// # Errors
/// [`SpecimenError::VerifyUrlTemplate`] if the template has no `{id}`.
pub fn verify_url(template: &str, id: &str) -> Result<String, SpecimenError> {
    if !template.contains(ID_PLACEHOLDER) {
        return Err(SpecimenError::VerifyUrlTemplate(template.to_string()));
    }
    Ok(template.replace(ID_PLACEHOLDER, id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_random_hex() {
        let a = new_document_id();
        let b = new_document_id();
        assert_eq!(a.len(), 32);
        assert!(a
            .bytes()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        assert_ne!(a, b);
    }

    #[test]
    fn template_needs_the_placeholder() {
        assert_eq!(
            verify_url("https://tte.example.go.id/v/{id}", "ab").expect("template"),
            "https://tte.example.go.id/v/ab"
        );
        assert!(verify_url("https://tte.example.go.id/v/", "ab").is_err());
    }
}
