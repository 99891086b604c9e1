//! Free text a person types into a form (a review's reason, a revocation's comment): trimmed,
//! bounded, no control characters but line breaks.

use crate::ApiError;

/// Longest free text, in characters.
pub const MAX_FREE_TEXT_LEN: usize = 2000;

/// The trimmed text, or why it is refused; `required` refuses an empty one.
pub fn free_text(field: &'static str, text: &str, required: bool) -> Result<String, ApiError> {
    let text = text.trim().to_owned();
    if text.chars().count() > MAX_FREE_TEXT_LEN || text.chars().any(|c| c.is_control() && c != '\n')
    {
        return Err(ApiError::InvalidField {
            field,
            reason: "at most 2000 characters, no control characters",
        });
    }
    if required && text.is_empty() {
        return Err(ApiError::MissingField(field));
    }
    Ok(text)
}
