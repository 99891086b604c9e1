//! A small cache of page-tree nodes, so that looking up inherited attributes for every page
//! of a flat tree does not re-parse the shared parent (with its long `/Kids`) each time.

use std::collections::VecDeque;
use std::sync::Arc;

use crate::{Dict, ObjRef};

const ENTRIES: usize = 16;
const ELEMENTS: usize = 1 << 18;

/// Recently read page-tree dictionaries, bounded in count and in values held.
#[derive(Debug, Default)]
pub(crate) struct NodeCache {
    entries: VecDeque<(ObjRef, Arc<Dict>, usize)>,
    elements: usize,
}

impl NodeCache {
    /// Forgets every node (after the document's file key is set).
    pub(crate) fn clear(&mut self) {
        self.entries.clear();
        self.elements = 0;
    }

    /// The cached node `r`, marked as most recently used.
    pub(crate) fn get(&mut self, r: ObjRef) -> Option<Arc<Dict>> {
        let i = self.entries.iter().position(|(k, _, _)| *k == r)?;
        let e = self.entries.remove(i)?;
        let d = Arc::clone(&e.1);
        self.entries.push_back(e);
        Some(d)
    }

    /// Caches `d` (holding `elements` values) unless it alone exceeds the bound; evicts the
    /// least recently used entries.
    pub(crate) fn insert(&mut self, r: ObjRef, d: Arc<Dict>, elements: usize) {
        if elements > ELEMENTS {
            return;
        }
        while self.entries.len() >= ENTRIES || self.elements + elements > ELEMENTS {
            match self.entries.pop_front() {
                Some((_, _, n)) => self.elements -= n,
                None => break,
            }
        }
        self.elements += elements;
        self.entries.push_back((r, d, elements));
    }
}
