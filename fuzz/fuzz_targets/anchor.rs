//! Quote anchoring and excerpt matching over arbitrary text: offsets stay in
//! bounds, a located quote is exactly the quoted words, a selector finds its
//! words again after the text shifts, and nothing panics.
#![no_main]

use factcheck::anchor::{self, Found};
use factcheck::model::SourceId;
use factcheck::text::SourceText;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (String, String, String, u8)| {
    let (text, quote, shift, occurrence) = input;
    let id = SourceId::from_hex(&"ab".repeat(32)).expect("64 hex digits");
    let st = SourceText::new(text.clone());
    let occurrence = (occurrence > 0).then_some(occurrence as usize % 4);
    if let Ok((s, e)) = anchor::locate(&st, &quote, occurrence, "fuzz") {
        assert!(s <= e && e <= st.char_len());
        assert_eq!(st.slice(s, e), quote);
        let selector = anchor::anchor(id, &st, s, e);
        assert_eq!(anchor::find(&st, &selector), Found::InPlace);
        // The same text with words put before it: the selector re-anchors.
        let shifted = SourceText::new(format!("{shift}{text}"));
        match anchor::find(&shifted, &selector) {
            Found::InPlace => {}
            Found::Moved { start, end } => {
                assert_eq!(shifted.slice(start, end), quote);
            }
            // Only a quote that is the whole text has no context to tell
            // it from a copy in the words put before it.
            Found::Lost => assert_eq!(quote, text, "lost a quote that is still there"),
        }
    }
    if let Some((s, e)) = st.find_excerpt(&quote) {
        assert!(s <= e && e <= st.char_len());
        assert!(st.contains_excerpt(&quote));
    }
    if let Some((s, e)) = st.closest_passage(&quote) {
        assert!(s <= e && e <= st.char_len());
    }
});
