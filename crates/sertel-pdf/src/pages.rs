//! The page tree (ISO 32000-1 §7.7.3): listing pages and inherited attributes.

use std::collections::HashSet;
use std::sync::Arc;

use crate::{Dict, Document, Limit, ObjRef, Object, PdfError};

impl Document {
    /// A page-tree node (through the node cache).
    fn node(&self, r: ObjRef) -> Result<Arc<Dict>, PdfError> {
        let lock = || self.nodes.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(d) = lock().get(r) {
            return Ok(d);
        }
        match self.get(r)? {
            Object::Dictionary(d) => {
                let n = d.element_count();
                let d = Arc::new(d);
                lock().insert(r, Arc::clone(&d), n);
                Ok(d)
            }
            _ => Err(PdfError::Invalid("page tree node is not a dictionary")),
        }
    }

    /// The page objects in document order.
    ///
    /// Walks the tree from the catalog's `/Pages` without recursion. Every node must be an
    /// indirect dictionary of `/Type /Pages` (with a `/Kids` array of references) or
    /// `/Type /Page`; each kid's `/Parent` must point back at the node that lists it; no node
    /// may be reached twice (a cycle, or a node shared by two parents, is
    /// [`PdfError::Cycle`]). Depth and page count are bounded by the limits.
    pub fn pages(&self) -> Result<Vec<ObjRef>, PdfError> {
        let (_, catalog) = self.catalog()?;
        let root = catalog.get_ref(b"Pages").ok_or(PdfError::Invalid(
            "catalog /Pages missing or not a reference",
        ))?;
        let limits = self.limits();
        let max_nodes = limits.max_pages.saturating_mul(2).saturating_add(1);
        let mut pages = Vec::new();
        let mut seen: HashSet<ObjRef> = HashSet::new();
        // Each frame: a /Pages node and its kids still to visit.
        let mut stack: Vec<(ObjRef, Vec<ObjRef>, usize)> = Vec::new();
        let mut pending: Option<(ObjRef, Option<ObjRef>)> = Some((root, None));
        loop {
            if let Some((r, parent)) = pending.take() {
                if !seen.insert(r) {
                    return Err(PdfError::Cycle("the page tree (a node is reached twice)"));
                }
                if seen.len() > max_nodes {
                    return Err(PdfError::LimitExceeded(Limit::Pages));
                }
                let d = self.node(r)?;
                let listed_parent = match d.get(b"Parent") {
                    None => None,
                    Some(Object::Reference(p)) => Some(*p),
                    Some(_) => {
                        return Err(PdfError::Invalid("page tree /Parent is not a reference"))
                    }
                };
                if listed_parent != parent {
                    return Err(PdfError::Invalid(
                        "page tree node's /Parent does not point at the node listing it",
                    ));
                }
                if d.has_name(b"Type", b"Pages") {
                    if stack.len() >= limits.max_page_tree_depth {
                        return Err(PdfError::LimitExceeded(Limit::PageTreeDepth));
                    }
                    let kids = match d.get(b"Kids") {
                        Some(o) => self.resolve(o)?,
                        None => return Err(PdfError::Invalid("/Pages node without /Kids")),
                    };
                    let Object::Array(kids) = kids else {
                        return Err(PdfError::Invalid("/Kids is not an array"));
                    };
                    let mut refs = Vec::with_capacity(kids.len());
                    for k in &kids {
                        match k {
                            Object::Reference(kr) => refs.push(*kr),
                            _ => return Err(PdfError::Invalid("/Kids element is not a reference")),
                        }
                    }
                    stack.push((r, refs, 0));
                } else if d.has_name(b"Type", b"Page") {
                    if stack.is_empty() {
                        return Err(PdfError::Invalid(
                            "catalog /Pages is a page, not a page tree",
                        ));
                    }
                    if pages.len() >= limits.max_pages {
                        return Err(PdfError::LimitExceeded(Limit::Pages));
                    }
                    pages.push(r);
                } else {
                    return Err(PdfError::Invalid(
                        "page tree node is neither /Pages nor /Page",
                    ));
                }
            }
            let Some((node, kids, next)) = stack.last_mut() else {
                break;
            };
            match kids.get(*next) {
                Some(&kid) => {
                    *next += 1;
                    pending = Some((kid, Some(*node)));
                }
                None => {
                    stack.pop();
                }
            }
        }
        Ok(pages)
    }

    /// The value of `key` for `page`, looked up on the page and then up its `/Parent` chain
    /// (bounded by `max_page_tree_depth`, cycle-checked). A `null` value counts as absent.
    /// The value is returned as stored (it may be a reference). Intended for the inheritable
    /// attributes `/Resources`, `/MediaBox`, `/CropBox` and `/Rotate`.
    pub fn inherited(&self, page: ObjRef, key: &[u8]) -> Result<Option<Object>, PdfError> {
        let mut seen = HashSet::new();
        let mut cur = page;
        for _ in 0..=self.limits().max_page_tree_depth {
            if !seen.insert(cur) {
                return Err(PdfError::Cycle("a /Parent chain"));
            }
            let d = self.node(cur)?;
            if let Some(v) = d.get(key) {
                if !v.is_null() {
                    return Ok(Some(v.clone()));
                }
            }
            match d.get(b"Parent") {
                None => return Ok(None),
                Some(Object::Reference(p)) => cur = *p,
                Some(_) => return Err(PdfError::Invalid("page tree /Parent is not a reference")),
            }
        }
        Err(PdfError::LimitExceeded(Limit::PageTreeDepth))
    }
}
