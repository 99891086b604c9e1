//! PDF stream objects.

use crate::Dict;

/// A stream: its dictionary and where its (still encoded) data is.
#[derive(Debug, Clone, PartialEq)]
pub struct Stream {
    /// The stream dictionary, as stored (its `/Length` may be an indirect reference).
    pub dict: Dict,
    /// The raw, still-encoded stream data or where to find it.
    pub data: StreamData,
}

/// Where a stream's raw (encoded) bytes are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StreamData {
    /// In the source file: `len` bytes at `offset`. Read with `Document::stream_raw`.
    InFile {
        /// Offset of the first data byte.
        offset: u64,
        /// Number of data bytes (the resolved `/Length`).
        len: u64,
    },
    /// In memory (streams built for writing, or data extracted from the file).
    InMemory(Vec<u8>),
}

impl Stream {
    /// A stream with in-memory data; the writer sets `/Length` from the data.
    pub fn new(dict: Dict, data: Vec<u8>) -> Self {
        Stream {
            dict,
            data: StreamData::InMemory(data),
        }
    }

    /// Length of the raw data in bytes.
    pub fn raw_len(&self) -> u64 {
        match &self.data {
            StreamData::InFile { len, .. } => *len,
            StreamData::InMemory(v) => v.len() as u64,
        }
    }
}
