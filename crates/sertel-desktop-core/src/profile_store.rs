//! The owner's profile, kept in the data folder: saved only when every check passes.

use sertel_core::profile::{OwnerProfile, RegencyProfile};

use crate::json_file::{read_json, write_json};
use crate::{profile_check, AppPaths, DesktopError};

/// The saved profile, if any.
pub fn load(paths: &AppPaths) -> Result<Option<OwnerProfile>, DesktopError> {
    read_json(&paths.profile())
}

/// Trims every field and drops the spaces people type inside the NIP, NIK and phone number.
pub fn normalize(profile: &OwnerProfile) -> OwnerProfile {
    let compact = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
    let optional = |s: &Option<String>, f: &dyn Fn(&str) -> String| {
        s.as_deref().map(f).filter(|v: &String| !v.is_empty())
    };
    OwnerProfile {
        full_name: profile.full_name.trim().to_owned(),
        nip: compact(&profile.nip),
        nik: optional(&profile.nik, &compact),
        email: profile.email.trim().to_owned(),
        title: profile.title.trim().to_owned(),
        unit: profile.unit.trim().to_owned(),
        rank: optional(&profile.rank, &|s| s.trim().to_owned()),
        phone: optional(&profile.phone, &|s| s.trim().to_owned()),
    }
}

/// Checks and saves `profile` (normalized) atomically; returns what was saved.
pub fn save(
    paths: &AppPaths,
    profile: &OwnerProfile,
    regency: &RegencyProfile,
) -> Result<OwnerProfile, DesktopError> {
    let profile = normalize(profile);
    let problems = profile_check::problems(&profile, regency);
    if !problems.is_empty() {
        return Err(DesktopError::Profile(problems));
    }
    write_json(&paths.profile(), &profile)?;
    Ok(profile)
}
