//! Who makes a change, and how reviewers' names compare: `Tester`, `tester`
//! and `tester` with a zero-width space are one person, so no one can sign
//! off their own verdict under a look-alike name.

use unicode_normalization::UnicodeNormalization;

use super::Time;

/// Who makes a change, and when.
#[derive(Debug, Clone)]
pub struct Author {
    pub by: String,
    pub at: Time,
}

/// The form in which two reviewer names are compared: NFC, invisible
/// characters dropped, case folded, surrounding space trimmed. `Tester`,
/// `tester` and `tester` followed by a zero-width space are one person.
pub fn reviewer_key(name: &str) -> String {
    let visible: String = name.chars().filter(|c| !is_invisible(*c)).collect();
    visible.trim().nfc().collect::<String>().to_lowercase()
}

/// Whether two names are the same reviewer (see [`reviewer_key`]).
pub fn same_reviewer(a: &str, b: &str) -> bool {
    reviewer_key(a) == reviewer_key(b)
}

/// Characters that are invisible or reorder text when displayed: zero-width
/// spaces and joiners, bidirectional controls, the soft hyphen, fillers.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00ad}' | '\u{034f}' | '\u{061c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}'
        | '\u{180b}'..='\u{180f}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}' | '\u{3164}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}'
        | '\u{ffa0}' | '\u{fff9}'..='\u{fffb}' | '\u{e0000}'..='\u{e007f}')
}
