//! `sertel sign`'s appearance arguments: the plain box, the specimen, the agency's seal or the
//! paraf, placed at `--visible` or at a `--marker`.

use sertel_core::pades::specimen::footer::IssuerFooter;
use sertel_core::pades::specimen::{DEFAULT_MARKER, DEFAULT_PARAF_MARKER, DEFAULT_SEAL_MARKER};
use sertel_core::pades::{Appearance, EmptyField, PageChoice, Paraf, Placement, Specimen};
use x509_cert::Certificate;

use crate::args::SignArgs;
use crate::exit::CliError;

/// The kinds of visible mark that take the appearance flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Specimen,
    Seal,
    Paraf,
}

impl Mark {
    fn of(args: &SignArgs) -> Option<Mark> {
        match (args.specimen, args.seal, args.paraf) {
            (true, _, _) => Some(Mark::Specimen),
            (_, true, _) => Some(Mark::Seal),
            (_, _, true) => Some(Mark::Paraf),
            _ => None,
        }
    }

    fn flag(self) -> &'static str {
        match self {
            Mark::Specimen => "--specimen",
            Mark::Seal => "--seal",
            Mark::Paraf => "--paraf",
        }
    }

    fn default_marker(self) -> &'static str {
        match self {
            Mark::Specimen => DEFAULT_MARKER,
            Mark::Seal => DEFAULT_SEAL_MARKER,
            Mark::Paraf => DEFAULT_PARAF_MARKER,
        }
    }
}

/// Refuses a flag given for a mark it does not apply to.
fn check_flags(args: &SignArgs, mark: Option<Mark>) -> Result<(), CliError> {
    use Mark::{Paraf, Seal, Specimen};
    let placing = &[Specimen, Seal, Paraf][..];
    let flags: [(&str, bool, &[Mark]); 11] = [
        ("--marker", args.marker.is_some(), placing),
        ("--marker-first", args.marker_first, placing),
        ("--specimen-size", args.specimen_size.is_some(), placing),
        ("--page", args.page.is_some(), placing),
        ("--logo", args.logo.is_some(), &[Specimen, Seal]),
        ("--footer", args.footer.is_some(), &[Specimen, Seal]),
        (
            "--name-with-titles",
            args.name_with_titles.is_some(),
            placing,
        ),
        ("--jabatan", args.jabatan.is_some(), &[Specimen, Paraf]),
        ("--pangkat", args.pangkat.is_some(), &[Specimen]),
        ("--nip", args.nip.is_some(), &[Specimen]),
        ("--initials", args.initials.is_some(), &[Paraf]),
    ];
    let Some((flag, _, marks)) = flags
        .iter()
        .find(|(_, on, marks)| *on && !mark.is_some_and(|m| marks.contains(&m)))
    else {
        return Ok(());
    };
    let names: Vec<&str> = marks.iter().map(|m| m.flag()).collect();
    Err(CliError::usage(
        format!("{flag} hanya berlaku dengan {}", names.join(" atau ")),
        format!("{flag} applies only with {}", names.join(" or ")),
    ))
}

/// PAGE,X,Y,WIDTH,HEIGHT.
fn parse_box(spec: &str) -> Result<(usize, f64, f64, f64, f64), CliError> {
    let parts: Vec<&str> = spec.split(',').map(str::trim).collect();
    let bad = || {
        CliError::usage(
            format!("--visible harus berbentuk HALAMAN,X,Y,LEBAR,TINGGI (mis. 1,350,60,200,70), bukan {spec:?}"),
            format!("--visible must be PAGE,X,Y,WIDTH,HEIGHT (e.g. 1,350,60,200,70), not {spec:?}"),
        )
    };
    if parts.len() != 5 {
        return Err(bad());
    }
    let page: usize = parts[0].parse().map_err(|_| bad())?;
    let n: Vec<f64> = parts[1..]
        .iter()
        .map(|p| p.parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| bad())?;
    if n.iter().any(|v| !v.is_finite()) || n[2] < 20.0 || n[3] < 10.0 {
        return Err(bad());
    }
    Ok((page, n[0], n[1], n[2], n[3]))
}

fn parse_page(spec: &str) -> Result<PageChoice, CliError> {
    match spec.trim().to_ascii_lowercase().as_str() {
        "first" | "pertama" => Ok(PageChoice::First),
        "last" | "terakhir" => Ok(PageChoice::Last),
        n => match n.parse::<usize>() {
            Ok(n) if n >= 1 => Ok(PageChoice::Number(n)),
            _ => Err(CliError::usage(
                format!("--page harus first, last atau nomor halaman (1, 2, …), bukan {spec:?}"),
                format!("--page must be first, last or a page number (1, 2, …), not {spec:?}"),
            )),
        },
    }
}

fn parse_size(spec: &str) -> Result<(f64, f64), CliError> {
    let bad = || {
        CliError::usage(
            format!("--specimen-size harus berbentuk LEBARxTINGGI (mis. 270x125), bukan {spec:?}"),
            format!("--specimen-size must be WIDTHxHEIGHT (e.g. 270x125), not {spec:?}"),
        )
    };
    let (w, h) = spec.split_once(['x', 'X']).ok_or_else(bad)?;
    let w: f64 = w.trim().parse().map_err(|_| bad())?;
    let h: f64 = h.trim().parse().map_err(|_| bad())?;
    if !(w.is_finite() && h.is_finite()) {
        return Err(bad());
    }
    Ok((w, h))
}

/// Where the mark goes: the `--visible` box (its page overridden by `--page`), else the
/// marker.
fn placement(args: &SignArgs, mark: Mark) -> Result<Placement, CliError> {
    Ok(match (&args.visible, &args.marker) {
        (Some(_), Some(_)) => {
            return Err(CliError::usage(
                "pilih salah satu: --visible atau --marker",
                "choose one of --visible and --marker",
            ))
        }
        (Some(spec), None) => {
            let (page, x, y, width, height) = parse_box(spec)?;
            let page = match &args.page {
                Some(p) => parse_page(p)?,
                None if page == 0 => PageChoice::Last,
                None => PageChoice::Number(page),
            };
            Placement::At {
                page,
                x,
                y,
                width,
                height,
            }
        }
        (None, marker) => Placement::Marker {
            text: marker
                .clone()
                .unwrap_or_else(|| mark.default_marker().into()),
            first: args.marker_first,
            size: args.specimen_size.as_deref().map(parse_size).transpose()?,
        },
    })
}

/// The `--empty-field NAME=PAGE,X,Y,W,H|MARKER` arguments.
pub fn empty_fields(args: &SignArgs) -> Result<Vec<EmptyField>, CliError> {
    args.empty_field
        .iter()
        .map(|spec| {
            let Some((name, place)) = spec.split_once('=').filter(|(n, p)| {
                !n.trim().is_empty() && !p.trim().is_empty()
            }) else {
                return Err(CliError::usage(
                    format!("--empty-field harus berbentuk NAMA=HALAMAN,X,Y,LEBAR,TINGGI atau NAMA=PENANDA, bukan {spec:?}"),
                    format!("--empty-field must be NAME=PAGE,X,Y,WIDTH,HEIGHT or NAME=MARKER, not {spec:?}"),
                ));
            };
            let numeric = place.split(',').count() == 5
                && place.split(',').all(|p| p.trim().parse::<f64>().is_ok());
            let placement = if numeric {
                let (page, x, y, width, height) = parse_box(place)?;
                Placement::At {
                    page: if page == 0 {
                        PageChoice::Last
                    } else {
                        PageChoice::Number(page)
                    },
                    x,
                    y,
                    width,
                    height,
                }
            } else {
                Placement::Marker {
                    text: place.to_string(),
                    first: false,
                    size: None,
                }
            };
            Ok(EmptyField {
                name: name.trim().to_string(),
                placement,
            })
        })
        .collect()
}

/// The specimen (or seal) the arguments describe, for a signer whose certificate is
/// `certificate`.
fn specimen(args: &SignArgs, mark: Mark, certificate: &Certificate) -> Result<Specimen, CliError> {
    let flag = mark.flag();
    let verify_url = args.verify_url.clone().ok_or_else(|| {
        CliError::usage(
            format!(
                "{flag} memerlukan --verify-url (mis. https://tte.muaraenimkab.go.id/v/{{id}})"
            ),
            format!("{flag} needs --verify-url (e.g. https://tte.muaraenimkab.go.id/v/{{id}})"),
        )
    })?;
    let issuer =
        sertel_core::pades::specimen::footer::issuer_display(&certificate.tbs_certificate.issuer);
    Ok(Specimen {
        placement: placement(args, mark)?,
        jabatan: args.jabatan.clone(),
        name_with_titles: args.name_with_titles.clone(),
        pangkat: args.pangkat.clone(),
        nip: args.nip.clone(),
        logo: args.logo.clone(),
        verify_url,
        issuer_footers: args
            .footer
            .iter()
            .map(|text| IssuerFooter {
                issuer: issuer.clone(),
                text: text.clone(),
            })
            .collect(),
        default_footer: args.footer.clone(),
    })
}

/// The appearance the arguments describe.
pub fn appearance(args: &SignArgs, certificate: &Certificate) -> Result<Appearance, CliError> {
    let mark = Mark::of(args);
    check_flags(args, mark)?;
    Ok(match mark {
        Some(Mark::Specimen) => {
            Appearance::Specimen(Box::new(specimen(args, Mark::Specimen, certificate)?))
        }
        Some(Mark::Seal) => Appearance::Seal(Box::new(specimen(args, Mark::Seal, certificate)?)),
        Some(Mark::Paraf) => Appearance::Paraf(Box::new(Paraf {
            placement: placement(args, Mark::Paraf)?,
            name: args.name_with_titles.clone(),
            initials: args.initials.clone(),
            jabatan: args.jabatan.clone(),
        })),
        None => match &args.visible {
            Some(spec) => {
                let (page, x, y, width, height) = parse_box(spec)?;
                Appearance::Visible {
                    page,
                    x,
                    y,
                    width,
                    height,
                }
            }
            None => Appearance::Invisible,
        },
    })
}
