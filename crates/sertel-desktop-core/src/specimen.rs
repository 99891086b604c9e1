//! The signature specimen the app draws when the owner signs while signed in to the regency's
//! server: jabatan, name, pangkat/golongan and NIP from the saved profile, and a QR code of the
//! letter's public page `<server>/v/{id}`, where the server shows the letter once it is
//! registered. The box goes where the owner placed the signature, at the specimen's size.
//!
//! Sealing with the agency's electronic seal draws the seal's specimen instead: headed
//! "Disegel secara elektronik oleh:", the agency's name and organisation from the seal
//! certificate, the same QR code, and the footer saying the letter was sealed.

use std::path::Path;

use sertel_core::pades::specimen::docid::ID_PLACEHOLDER;
use sertel_core::pades::specimen::DEFAULT_SIZE;
use sertel_core::pades::{Appearance, PageChoice, Placement as SpecimenPlacement, Specimen};
use sertel_core::profile::OwnerProfile;

use crate::placement::{rectangle, Placement};
use crate::DesktopError;

/// Whose specimen it is.
#[derive(Clone, Debug, PartialEq)]
pub enum Holder {
    /// The owner: the profile's jabatan, name with titles, pangkat/golongan and NIP.
    Owner(OwnerProfile),
    /// The agency's electronic seal: its name and organisation come from the seal
    /// certificate.
    Agency,
}

/// What every specimen of one signing session shows.
#[derive(Clone, Debug, PartialEq)]
pub struct SpecimenSource {
    /// The verification URL with `{id}` where each letter's id goes.
    pub verify_url: String,
    /// Whose specimen it is.
    pub holder: Holder,
}

impl SpecimenSource {
    /// The specimen of `holder`, verified at the server `server_url`.
    pub fn of(holder: Holder, server_url: &str) -> SpecimenSource {
        SpecimenSource {
            verify_url: format!("{}/v/{ID_PLACEHOLDER}", server_url.trim_end_matches('/')),
            holder,
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
        let placed = Specimen {
            placement: SpecimenPlacement::At {
                page,
                x: r.x,
                y: r.y,
                width: r.width,
                height: r.height,
            },
            verify_url: self.verify_url.clone(),
            ..Specimen::default()
        };
        Ok(match &self.holder {
            Holder::Owner(profile) => Appearance::Specimen(Box::new(Specimen {
                jabatan: text(&profile.title),
                name_with_titles: text(&profile.full_name),
                pangkat: profile.rank.as_deref().and_then(text),
                nip: text(&profile.nip),
                ..placed
            })),
            Holder::Agency => Appearance::Seal(Box::new(placed)),
        })
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
        let source = SpecimenSource::of(Holder::Owner(profile()), "http://127.0.0.1:8443/");
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

    #[test]
    fn the_seal_shows_the_agency_from_its_certificate_with_the_same_qr_code() {
        let dir = tempfile::tempdir().unwrap();
        let pdf = crate::placement::tests::sample_pdf(dir.path(), 1);
        let source = SpecimenSource::of(Holder::Agency, "http://127.0.0.1:8443");
        let placed = source
            .appearance(
                &pdf,
                Placement::Visible {
                    page: 1,
                    corner: Corner::BottomLeft,
                },
            )
            .unwrap();
        let Appearance::Seal(s) = placed else {
            panic!("{placed:?}")
        };
        assert_eq!(s.verify_url, "http://127.0.0.1:8443/v/{id}");
        // No person on a seal: the name is the certificate's CN, the agency.
        assert_eq!(
            (s.name_with_titles, s.nip, s.pangkat, s.jabatan),
            (None, None, None, None)
        );
    }
}
