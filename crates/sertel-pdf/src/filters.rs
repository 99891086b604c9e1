//! Stream filter chains (ISO 32000-1 §7.4). Only `FlateDecode` (with predictors) is
//! implemented; any other filter is reported as unsupported.

use crate::flate::inflate;
use crate::predictor::Predictor;
use crate::{Dict, Limit, Limits, Name, Object, PdfError};

/// One decoding step.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Step {
    filter: Name,
    parms: Option<Dict>,
}

/// Resolves references appearing in `/Filter` and `/DecodeParms`.
pub(crate) type Resolve<'a> = &'a dyn Fn(&Object) -> Result<Object, PdfError>;

/// Builds the filter chain from a stream dictionary.
pub(crate) fn chain(
    dict: &Dict,
    resolve: Resolve<'_>,
    limits: &Limits,
) -> Result<Vec<Step>, PdfError> {
    if dict.contains_key(b"F") {
        return Err(PdfError::Unsupported(
            "stream data in an external file (/F)".into(),
        ));
    }
    let filter = match dict.get(b"Filter") {
        Some(o) => resolve(o)?,
        None => Object::Null,
    };
    let names: Vec<Name> = match filter {
        Object::Null => Vec::new(),
        Object::Name(n) => vec![n],
        Object::Array(items) => {
            if items.len() > limits.max_filters {
                return Err(PdfError::LimitExceeded(Limit::Filters));
            }
            let mut v = Vec::with_capacity(items.len());
            for item in &items {
                match resolve(item)? {
                    Object::Name(n) => v.push(n),
                    _ => return Err(PdfError::Invalid("/Filter array element is not a name")),
                }
            }
            v
        }
        _ => return Err(PdfError::Invalid("/Filter is not a name or an array")),
    };
    if names.len() > limits.max_filters {
        return Err(PdfError::LimitExceeded(Limit::Filters));
    }
    let parms = match dict.get(b"DecodeParms") {
        Some(o) => resolve(o)?,
        None => Object::Null,
    };
    let parms: Vec<Option<Dict>> = match parms {
        Object::Null => vec![None; names.len()],
        Object::Dictionary(d) if names.len() == 1 => vec![Some(d)],
        Object::Array(items) if items.len() == names.len() => {
            let mut v = Vec::with_capacity(items.len());
            for item in &items {
                match resolve(item)? {
                    Object::Null => v.push(None),
                    Object::Dictionary(d) => v.push(Some(d)),
                    _ => {
                        return Err(PdfError::Invalid(
                            "/DecodeParms element is not a dictionary",
                        ))
                    }
                }
            }
            v
        }
        _ => return Err(PdfError::Invalid("/DecodeParms does not match /Filter")),
    };
    Ok(names
        .into_iter()
        .zip(parms)
        .map(|(filter, parms)| Step { filter, parms })
        .collect())
}

/// Applies the chain to raw data. Each step's input and output together stay within
/// `max_decoded_stream_bytes`; predictors work in place.
pub(crate) fn decode(raw: Vec<u8>, steps: &[Step], limits: &Limits) -> Result<Vec<u8>, PdfError> {
    let mut data = raw;
    for (i, step) in steps.iter().enumerate() {
        data = match step.filter.as_bytes() {
            // Decryption happened when the raw data was read; only the identity crypt filter,
            // first in the chain, is left to apply here.
            b"Crypt" if i == 0 => {
                let name = step.parms.as_ref().and_then(|p| p.get_name(b"Name"));
                match name {
                    None => data,
                    Some(n) if n.as_bytes() == b"Identity" => data,
                    Some(n) => return Err(PdfError::Unsupported(format!("crypt filter {n}"))),
                }
            }
            b"FlateDecode" => {
                let predictor = Predictor::from_parms(step.parms.as_ref())?;
                let inflated = inflate(&data, limits)?;
                drop(data);
                match predictor {
                    Some(p) => p.decode(inflated)?,
                    None => inflated,
                }
            }
            other => {
                return Err(PdfError::Unsupported(format!(
                    "filter /{}",
                    other.escape_ascii()
                )))
            }
        };
    }
    Ok(data)
}
