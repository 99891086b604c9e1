//! The owner's official e-mail address: syntax and the regency's required domain.
//!
//! Only the everyday form is accepted (`local@domain`, dot-atom local part, no quoted strings, no
//! IP literals): it goes into the certificate as an IA5String `rfc822Name` and must be typed by
//! people. Addresses are compared and stored in lower case.
//!
//! Sub-domains are refused by default: the certificate vouches for an address on the regency's
//! own mail domain (`muaraenimkab.go.id`), whose mailboxes the regency administers; a unit's
//! sub-domain (`dinkes.muaraenimkab.go.id`) is accepted only if the regency profile allows it.

use crate::i18n::{Lang, Localized};

/// The e-mail rule of a regency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmailPolicy {
    /// The required domain, e.g. `muaraenimkab.go.id`.
    pub domain: String,
    /// Whether addresses on sub-domains of `domain` are accepted too.
    pub allow_subdomains: bool,
}

impl Default for EmailPolicy {
    fn default() -> Self {
        EmailPolicy {
            domain: "muaraenimkab.go.id".into(),
            allow_subdomains: false,
        }
    }
}

/// What is wrong with an e-mail address.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EmailError {
    /// No address was given.
    #[error("the e-mail address is empty")]
    Empty,
    /// Longer than 254 characters, or a local part longer than 64.
    #[error("the e-mail address is too long")]
    TooLong,
    /// Not of the form `name@domain`.
    #[error("the e-mail address must have the form name@domain")]
    Syntax,
    /// The part before `@` has characters or dots where they are not allowed.
    #[error("the part before @ is not valid")]
    LocalPart,
    /// The part after `@` is not a valid domain name.
    #[error("the domain {0:?} is not valid")]
    Domain(String),
    /// The domain is not the regency's.
    #[error("the address must be on {required}, not {domain}")]
    WrongDomain {
        /// The domain given.
        domain: String,
        /// The required domain.
        required: String,
    },
}

impl Localized for EmailError {
    fn kind(&self) -> &'static str {
        match self {
            EmailError::Empty => "email_empty",
            EmailError::TooLong => "email_too_long",
            EmailError::Syntax => "email_syntax",
            EmailError::LocalPart => "email_local_part",
            EmailError::Domain(_) => "email_domain_invalid",
            EmailError::WrongDomain { .. } => "email_wrong_domain",
        }
    }

    fn message(&self, lang: Lang) -> String {
        use EmailError as E;
        match (self, lang) {
            (E::Empty, Lang::Id) => "Alamat e-mail wajib diisi.".into(),
            (E::Empty, Lang::En) => "The e-mail address is required.".into(),
            (E::TooLong, Lang::Id) => "Alamat e-mail terlalu panjang.".into(),
            (E::TooLong, Lang::En) => "The e-mail address is too long.".into(),
            (E::Syntax, Lang::Id) => "Alamat e-mail harus berbentuk nama@domain.".into(),
            (E::Syntax, Lang::En) => "The e-mail address must look like name@domain.".into(),
            (E::LocalPart, Lang::Id) => {
                "Bagian sebelum @ hanya boleh berisi huruf, angka, titik, dan tanda . _ - + \
                 (tanpa titik di awal, di akhir, atau berurutan)."
                    .into()
            }
            (E::LocalPart, Lang::En) => {
                "The part before @ may contain letters, digits and . _ - + only (no dot at the \
                 start, the end, or twice in a row)."
                    .into()
            }
            (E::Domain(d), Lang::Id) => format!("Domain \"{d}\" tidak sah."),
            (E::Domain(d), Lang::En) => format!("The domain \"{d}\" is not valid."),
            (E::WrongDomain { domain, required }, Lang::Id) => {
                format!("Gunakan alamat e-mail dinas @{required}, bukan @{domain}.")
            }
            (E::WrongDomain { domain, required }, Lang::En) => {
                format!("Use your official @{required} address, not @{domain}.")
            }
        }
    }
}

fn is_atext(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~-".contains(c)
}

fn valid_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    domain.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.chars().all(|c| c.is_ascii_alphabetic()))
}

/// Checks an address against the syntax rules and the policy's domain; returns it trimmed and in
/// lower case.
pub fn validate_email(email: &str, policy: &EmailPolicy) -> Result<String, EmailError> {
    let email = email.trim().to_ascii_lowercase();
    if email.is_empty() {
        return Err(EmailError::Empty);
    }
    if email.chars().count() > 254 {
        return Err(EmailError::TooLong);
    }
    let (local, domain) = email.rsplit_once('@').ok_or(EmailError::Syntax)?;
    if local.is_empty() || domain.is_empty() {
        return Err(EmailError::Syntax);
    }
    if local.len() > 64 {
        return Err(EmailError::TooLong);
    }
    if local.starts_with('.')
        || local.ends_with('.')
        || local.contains("..")
        || !local.chars().all(|c| c == '.' || is_atext(c))
    {
        return Err(EmailError::LocalPart);
    }
    if !valid_domain(domain) {
        return Err(EmailError::Domain(domain.to_owned()));
    }
    let required = policy.domain.trim().to_ascii_lowercase();
    let on_domain = domain == required
        || (policy.allow_subdomains && domain.ends_with(&format!(".{required}")));
    if !on_domain {
        return Err(EmailError::WrongDomain {
            domain: domain.to_owned(),
            required,
        });
    }
    Ok(email)
}
