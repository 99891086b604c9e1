//! The per-document work budget.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::{Limit, PdfError};

/// Work charged per parsed value, on top of the bytes lexed (values cost memory).
pub(crate) const WORK_PER_ELEMENT: u64 = 32;

/// Counts the bytes a document has read, lexed and inflated, and fails once the budget is
/// spent. This bounds total time and allocation even when a hostile file makes many objects
/// overlap (each read alone being within its own limits).
#[derive(Debug)]
pub(crate) struct Work {
    used: AtomicU64,
    budget: u64,
}

impl Work {
    /// A fresh counter with `budget` units.
    pub(crate) fn new(budget: u64) -> Self {
        Work {
            used: AtomicU64::new(0),
            budget,
        }
    }

    /// Charges `n` units.
    pub(crate) fn charge(&self, n: u64) -> Result<(), PdfError> {
        let before = self.used.fetch_add(n, Ordering::Relaxed);
        if before.saturating_add(n) > self.budget {
            return Err(PdfError::LimitExceeded(Limit::Work));
        }
        Ok(())
    }

    /// Fails if the budget is already spent (checked before starting any work, so a
    /// document whose budget ran out stops at once).
    pub(crate) fn check(&self) -> Result<(), PdfError> {
        if self.used.load(Ordering::Relaxed) > self.budget {
            return Err(PdfError::LimitExceeded(Limit::Work));
        }
        Ok(())
    }

    /// Units used so far.
    pub(crate) fn used(&self) -> u64 {
        self.used.load(Ordering::Relaxed)
    }
}
