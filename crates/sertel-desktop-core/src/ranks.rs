//! The ranks and grades (pangkat/golongan ruang) of Indonesian civil servants, I/a to IV/e,
//! as Peraturan Pemerintah Nomor 99 Tahun 2000 names them.

use serde::Serialize;

/// One rank with its grade.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Rank {
    /// The grade (golongan/ruang), e.g. `III/a`.
    pub grade: &'static str,
    /// The rank's name (pangkat), e.g. `Penata Muda`.
    pub name: &'static str,
}

impl Rank {
    /// How the rank is written on forms and in the profile: `Penata Muda (III/a)`.
    pub fn label(&self) -> String {
        format!("{} ({})", self.name, self.grade)
    }
}

const fn rank(grade: &'static str, name: &'static str) -> Rank {
    Rank { grade, name }
}

/// Every rank, lowest first.
pub const RANKS: [Rank; 17] = [
    rank("I/a", "Juru Muda"),
    rank("I/b", "Juru Muda Tingkat I"),
    rank("I/c", "Juru"),
    rank("I/d", "Juru Tingkat I"),
    rank("II/a", "Pengatur Muda"),
    rank("II/b", "Pengatur Muda Tingkat I"),
    rank("II/c", "Pengatur"),
    rank("II/d", "Pengatur Tingkat I"),
    rank("III/a", "Penata Muda"),
    rank("III/b", "Penata Muda Tingkat I"),
    rank("III/c", "Penata"),
    rank("III/d", "Penata Tingkat I"),
    rank("IV/a", "Pembina"),
    rank("IV/b", "Pembina Tingkat I"),
    rank("IV/c", "Pembina Utama Muda"),
    rank("IV/d", "Pembina Utama Madya"),
    rank("IV/e", "Pembina Utama"),
];

/// Whether `label` is one of [`RANKS`] as [`Rank::label`] writes it.
pub fn is_official(label: &str) -> bool {
    RANKS.iter().any(|r| r.label() == label.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_name_the_rank_then_the_grade() {
        assert_eq!(RANKS[8].label(), "Penata Muda (III/a)");
        assert!(is_official("Pembina Utama (IV/e)"));
        assert!(!is_official("Penata Muda (III/e)"));
    }

    #[test]
    fn every_grade_appears_once_in_order() {
        let grades: Vec<&str> = RANKS.iter().map(|r| r.grade).collect();
        let mut expected = Vec::new();
        for (group, last) in [("I", 'd'), ("II", 'd'), ("III", 'd'), ("IV", 'e')] {
            for c in 'a'..=last {
                expected.push(format!("{group}/{c}"));
            }
        }
        assert_eq!(grades, expected);
    }
}
