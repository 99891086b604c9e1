//! Cross-reference entries and the merged cross-reference table.

use crate::{Limit, PdfError};

/// One cross-reference entry (ISO 32000-1 §7.5.4 and §7.5.8.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum XrefEntry {
    /// A free object (`f` row, or type 0). Unknown xref-stream entry types (which the
    /// specification says denote the null object) are reported as `Free { next: 0, gen: 0 }`.
    Free {
        /// Next free object number.
        next: u32,
        /// Generation number to use if the number is reused.
        gen: u16,
    },
    /// An object stored directly in the file (`n` row, or type 1).
    InFile {
        /// Byte offset of the object's `N G obj` header.
        offset: u64,
        /// Generation number.
        gen: u16,
    },
    /// An object stored in an object stream (type 2); its generation number is 0.
    InObjectStream {
        /// Object number of the object stream.
        stream: u32,
        /// Index of the object within the object stream.
        index: u32,
    },
}

/// The merged table: for each object number, the entry from the newest section defining it.
#[derive(Debug, Default)]
pub(crate) struct XrefTable {
    slots: Vec<Option<XrefEntry>>,
}

impl XrefTable {
    /// Adds the entries of one (older) section: numbers already defined by a newer section
    /// are left alone. `bound` is the exclusive upper bound on object numbers.
    pub(crate) fn merge_older(
        &mut self,
        entries: &[(u32, XrefEntry)],
        bound: u32,
    ) -> Result<(), PdfError> {
        for &(num, entry) in entries {
            if num >= bound {
                return Err(PdfError::LimitExceeded(Limit::XrefEntries));
            }
            let i = num as usize;
            if i >= self.slots.len() {
                self.slots.resize(i + 1, None);
            }
            if self.slots[i].is_none() {
                self.slots[i] = Some(entry);
            }
        }
        Ok(())
    }

    /// The merged entry for `num`.
    pub(crate) fn get(&self, num: u32) -> Option<XrefEntry> {
        self.slots.get(num as usize).copied().flatten()
    }

    /// One past the highest object number with any entry (0 if none).
    pub(crate) fn end(&self) -> u32 {
        // Slot indices are object numbers, which are u32.
        self.slots
            .iter()
            .rposition(Option::is_some)
            .map_or(0, |i| (i as u32).saturating_add(1))
    }

    /// All `(number, entry)` pairs in ascending number order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (u32, XrefEntry)> + '_ {
        self.slots
            .iter()
            .enumerate()
            .filter_map(|(i, e)| e.map(|e| (i as u32, e)))
    }
}

/// Sorts one section's entries and rejects an object number listed twice in it.
pub(crate) fn check_section(entries: &mut [(u32, XrefEntry)], offset: u64) -> Result<(), PdfError> {
    entries.sort_by_key(|&(n, _)| n);
    if entries.windows(2).any(|w| w[0].0 == w[1].0) {
        return Err(PdfError::xref(
            offset,
            "an object number is listed twice in one section",
        ));
    }
    Ok(())
}
