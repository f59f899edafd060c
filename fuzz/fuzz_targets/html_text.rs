//! HTML to text: whatever page is snapshotted (deep nesting, wide tables,
//! broken tags, a legacy charset), reading its text never panics and gives
//! the same text every time — quotes' offsets count characters of it. The
//! time the conversion takes is bounded by libFuzzer's `-timeout`.
#![no_main]

use factcheck::text::{decode, decode_charset};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let once = decode(bytes, "text/html", "page");
    let again = decode(bytes, "text/html", "page");
    match (&once, &again) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "two readings of one page differ"),
        (Err(_), Err(_)) => {}
        _ => panic!("one reading failed and the other did not"),
    }
    // A page declared in a legacy charset goes through the same path.
    let _ = decode_charset(bytes.to_vec(), "text/html", Some("gbk"), "page");
});
