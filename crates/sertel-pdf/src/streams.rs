//! Reading and decoding stream data.

use crate::{filters, Document, Limit, ObjRef, Object, PdfError, Stream, StreamData};

impl Document {
    /// The stream's raw (still encoded) bytes; at most `max_decoded_stream_bytes`.
    ///
    /// Once a file key is set ([`Document::set_file_key`]), data read from the file is
    /// decrypted (except cross-reference streams, unencrypted metadata and streams with an
    /// `/Identity` crypt filter); in-memory data is returned as it is.
    pub fn stream_raw(&self, s: &Stream) -> Result<Vec<u8>, PdfError> {
        let raw = self.stream_stored(s)?;
        match (&self.crypt, &s.data) {
            (Some(c), StreamData::InFile { .. }) if c.decrypts_stream(&s.dict)? => {
                self.reader.work.charge(raw.len() as u64)?;
                crate::crypt::aes256_decrypt(&c.key, &raw)
            }
            _ => Ok(raw),
        }
    }

    /// The stream's bytes exactly as stored in the file (still encrypted in an encrypted
    /// document); at most `max_decoded_stream_bytes`.
    pub fn stream_stored(&self, s: &Stream) -> Result<Vec<u8>, PdfError> {
        match &s.data {
            StreamData::InMemory(v) => {
                if v.len() as u64 > self.reader.limits.max_decoded_stream_bytes {
                    return Err(PdfError::LimitExceeded(Limit::DecodedStreamBytes));
                }
                Ok(v.clone())
            }
            StreamData::InFile { offset, len } => {
                if *len > self.reader.limits.max_decoded_stream_bytes {
                    return Err(PdfError::LimitExceeded(Limit::DecodedStreamBytes));
                }
                self.reader.read_vec(*offset, *len)
            }
        }
    }

    /// The stream's decoded bytes. Supports no filter and `FlateDecode` (with PNG predictors
    /// 10–15 and TIFF predictor 2); any other filter, or external data (`/F`), is
    /// [`PdfError::Unsupported`]. Output is bounded by `max_decoded_stream_bytes` and
    /// `max_decode_ratio`.
    pub fn stream_decoded(&self, s: &Stream) -> Result<Vec<u8>, PdfError> {
        self.decode_stream(s, &[])
    }

    pub(crate) fn decode_stream(&self, s: &Stream, stack: &[ObjRef]) -> Result<Vec<u8>, PdfError> {
        let resolve = |o: &Object| -> Result<Object, PdfError> {
            match o {
                Object::Reference(r) => {
                    let mut inner = stack.to_vec();
                    self.load(*r, &mut inner)
                }
                other => Ok(other.clone()),
            }
        };
        self.reader.work.check()?;
        let steps = filters::chain(&s.dict, &resolve, &self.reader.limits)?;
        let raw = self.stream_raw(s)?;
        let out = filters::decode(raw, &steps, &self.reader.limits)?;
        self.reader.work.charge(out.len() as u64)?;
        Ok(out)
    }

    /// Reads `n` raw bytes at `offset` (charged to the work budget).
    pub(crate) fn read_bytes(&self, offset: u64, n: u64) -> Result<Vec<u8>, PdfError> {
        self.reader.read_vec(offset, n)
    }
}
