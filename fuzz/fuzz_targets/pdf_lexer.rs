//! Parses arbitrary bytes as one PDF object; whatever parses must serialize, and the
//! serialization must be a fixed point (parse(write(x)) writes the same bytes again).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sertel_pdf::{parse_object, write_object, Limits};

fuzz_target!(|data: &[u8]| {
    let limits = Limits::strict();
    let Ok(obj) = parse_object(data, &limits) else {
        return;
    };
    let mut first = Vec::new();
    if let Err(e) = write_object(&mut first, &obj) {
        panic!("parsed object cannot be written: {e}");
    }
    let again = match parse_object(&first, &limits) {
        Ok(o) => o,
        Err(e) => panic!("written form does not parse: {e}: {}", first.escape_ascii()),
    };
    let mut second = Vec::new();
    if let Err(e) = write_object(&mut second, &again) {
        panic!("reparsed object cannot be written: {e}");
    }
    assert_eq!(first, second, "serialization is not a fixed point");
});
