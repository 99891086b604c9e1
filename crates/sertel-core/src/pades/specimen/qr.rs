//! The QR code of the verification URL, drawn as vector rectangles (no raster image), so it
//! stays sharp at any zoom and prints cleanly.

use qrcode::{Color, EcLevel, QrCode};

use super::error::SpecimenError;
use super::num;

/// Light modules kept around the symbol (the standard asks for four; two suffice inside a
/// white square on a light box, and readers decode it).
pub const QUIET_ZONE: usize = 2;

/// A QR symbol: `width` × `width` modules, `true` for dark.
#[derive(Clone, Debug)]
pub struct QrSymbol {
    width: usize,
    dark: Vec<bool>,
}

impl QrSymbol {
    /// Encodes `url` at error correction level M.
    ///
    /// # Errors
    /// [`SpecimenError::VerifyUrlTooLong`] if it does not fit the largest QR version.
    pub fn encode(url: &str) -> Result<Self, SpecimenError> {
        let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M)
            .map_err(|_| SpecimenError::VerifyUrlTooLong(url.len()))?;
        Ok(QrSymbol {
            width: code.width(),
            dark: code
                .to_colors()
                .into_iter()
                .map(|c| c == Color::Dark)
                .collect(),
        })
    }

    /// Modules per side, without the quiet zone.
    pub fn width(&self) -> usize {
        self.width
    }

    fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark.get(y * self.width + x).copied().unwrap_or(false)
    }

    /// Content-stream operators drawing the symbol with its quiet zone as a `side` × `side`
    /// square whose lower-left corner is at (`x`, `y`): a white square, then one rectangle per
    /// horizontal run of dark modules, filled in one go.
    pub fn draw(&self, x: f64, y: f64, side: f64) -> String {
        let total = (self.width + 2 * QUIET_ZONE) as f64;
        let m = side / total;
        let mut out = format!(
            "q 1 1 1 rg {} {} {} {} re f 0 0 0 rg\n",
            num(x),
            num(y),
            num(side),
            num(side)
        );
        for row in 0..self.width {
            let top = y + side - (row + QUIET_ZONE) as f64 * m;
            let mut col = 0;
            while col < self.width {
                if !self.is_dark(col, row) {
                    col += 1;
                    continue;
                }
                let start = col;
                while col < self.width && self.is_dark(col, row) {
                    col += 1;
                }
                out.push_str(&format!(
                    "{} {} {} {} re\n",
                    num(x + (start + QUIET_ZONE) as f64 * m),
                    num(top - m),
                    num((col - start) as f64 * m),
                    num(m)
                ));
            }
        }
        out.push_str("f Q\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_cover_every_dark_module() {
        let q =
            QrSymbol::encode("https://tte.muaraenimkab.go.id/v/0123456789abcdef").expect("fits");
        let dark = q.dark.iter().filter(|d| **d).count();
        let drawn = q.draw(0.0, 0.0, 100.0);
        let mut covered = 0.0;
        let m = 100.0 / (q.width() + 2 * QUIET_ZONE) as f64;
        for line in drawn.lines().filter(|l| l.ends_with(" re")) {
            let w: f64 = line
                .split(' ')
                .nth(2)
                .and_then(|v| v.parse().ok())
                .unwrap_or(0.0);
            covered += (w / m).round();
        }
        assert!((covered - dark as f64).abs() < 0.5, "{covered} vs {dark}");
    }

    #[test]
    fn overlong_urls_are_refused() {
        let url = "x".repeat(4000);
        assert!(matches!(
            QrSymbol::encode(&url),
            Err(SpecimenError::VerifyUrlTooLong(4000))
        ));
    }
}
