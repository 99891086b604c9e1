//! The signature specimen the app draws when the owner signs while signed in to the regency's
//! server: jabatan, name, pangkat/golongan and NIP from the saved profile, and a QR code of the
//! letter's public page `<server>/v/{id}`, where the server shows the letter once it is
//! registered. The box goes where the owner placed the signature, at the specimen's size.

use std::path::Path;

use sertel_core::pades::specimen::docid::ID_PLACEHOLDER;
use sertel_core::pades::specimen::DEFAULT_SIZE;
use sertel_core::pades::{Appearance, PageChoice, Placement as SpecimenPlacement, Specimen};
use sertel_core::profile::OwnerProfile;

use crate::placement::{rectangle, Placement};
use crate::DesktopError;

/// What every specimen of one signing session shows.
#[derive(Clone, Debug, PartialEq)]
pub struct SpecimenSource {
    /// The verification URL with `{id}` where each letter's id goes.
    pub verify_url: String,
    /// The profile's jabatan, name with titles, pangkat/golongan and NIP.
    pub profile: OwnerProfile,
}

impl SpecimenSource {
    /// The specimen of `profile`'s owner, verified at the server `server_url`.
    pub fn new(profile: &OwnerProfile, server_url: &str) -> SpecimenSource {
        SpecimenSource {
            verify_url: format!("{}/v/{ID_PLACEHOLDER}", server_url.trim_end_matches('/')),
            profile: profile.clone(),
        }
    }

    /// The appearance of a specimen placed as `placement` in the PDF at `pdf`; an invisible
    /// signature stays invisible (it has no specimen, so no QR code and nothing to register).
    pub fn appearance(&self, pdf: &Path, placement: Placement) -> Result<Appearance, DesktopError> {
        let Some(r) = rectangle(pdf, placement, DEFAULT_SIZE)? else {
            return Ok(Appearance::Invisible);
        };
        let page = match r.page {
            0 => PageChoice::Last,
            n => PageChoice::Number(n),
        };
        let text = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        Ok(Appearance::Specimen(Box::new(Specimen {
            placement: SpecimenPlacement::At {
                page,
                x: r.x,
                y: r.y,
                width: r.width,
                height: r.height,
            },
            jabatan: text(&self.profile.title),
            name_with_titles: text(&self.profile.full_name),
            pangkat: self.profile.rank.as_deref().and_then(text),
            nip: text(&self.profile.nip),
            verify_url: self.verify_url.clone(),
            ..Specimen::default()
        })))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::placement::Corner;

    fn profile() -> OwnerProfile {
        OwnerProfile {
            full_name: "Siti Rahmawati, S.Kom.".into(),
            nip: "198507142010012003".into(),
            nik: None,
            email: "siti.rahmawati@muaraenimkab.go.id".into(),
            title: "Pranata Komputer Ahli Muda".into(),
            unit: "Dinas Komunikasi dan Informatika".into(),
            rank: Some("Penata (III/c)".into()),
            phone: None,
        }
    }

    #[test]
    fn the_specimen_points_at_the_servers_page_and_names_the_owner() {
        let dir = tempfile::tempdir().unwrap();
        let pdf = crate::placement::tests::sample_pdf(dir.path(), 1);
        let source = SpecimenSource::new(&profile(), "http://127.0.0.1:8443/");
        assert_eq!(source.verify_url, "http://127.0.0.1:8443/v/{id}");
        let placed = source
            .appearance(
                &pdf,
                Placement::Visible {
                    page: 0,
                    corner: Corner::BottomRight,
                },
            )
            .unwrap();
        let Appearance::Specimen(s) = placed else {
            panic!("{placed:?}")
        };
        assert_eq!(s.nip.as_deref(), Some("198507142010012003"));
        assert_eq!(s.pangkat.as_deref(), Some("Penata (III/c)"));
        assert_eq!(s.jabatan.as_deref(), Some("Pranata Komputer Ahli Muda"));
        match s.placement {
            SpecimenPlacement::At {
                page,
                width,
                height,
                ..
            } => {
                assert_eq!(page, PageChoice::Last);
                assert_eq!((width, height), DEFAULT_SIZE);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            source.appearance(&pdf, Placement::Invisible).unwrap(),
            Appearance::Invisible
        );
    }
}
