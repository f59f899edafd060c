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

/// The form in which two reviewer names are compared: invisible characters
/// dropped, surrounding space trimmed, then compatibility-normalised (NFKC:
/// fullwidth `ａｌｉｃｅ` is `alice`), case folded (`STRASSE` is `straße`)
/// and reduced to its confusables skeleton (Unicode TR39: Greek `Αlice` is
/// `Alice`). `Tester`, `tester` and `tester` followed by a zero-width space
/// are one person.
pub fn reviewer_key(name: &str) -> String {
    name_key(name)
}

/// Two names that a reader could take for one another have the same key:
/// see [`reviewer_key`]. Also used for publishers.
pub fn name_key(name: &str) -> String {
    let visible: String = name.chars().filter(|c| !is_invisible(*c)).collect();
    let folded = case_fold(&visible.trim().nfkc().collect::<String>());
    let skeleton: String = unicode_security::skeleton(&folded).collect();
    // The skeleton's prototypes may be capitals (`I` for `l`'s look-alikes):
    // fold again, in NFC, so equal keys are equal strings.
    case_fold(&skeleton).nfc().collect()
}

/// Full case folding where it differs from lower-casing: `ß` and `ẞ` fold
/// to `ss`, final `ς` to `σ`.
fn case_fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'ß' => out.push_str("ss"),
            'ς' => out.push('σ'),
            c => out.push(c),
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_alike_names_are_one_name() {
        for (a, b) in [
            ("alice", "ａｌｉｃｅ"),
            ("Alice", "Αlice"),
            ("STRASSE", "Straße"),
            ("Reuters", "Ｒeuters"),
            ("tester", "Tester\u{200b}"),
            ("paypal", "pаypаl"),
        ] {
            assert_eq!(name_key(a), name_key(b), "{a} / {b}");
        }
        assert_ne!(name_key("alice"), name_key("alicia"));
        assert_ne!(name_key("李明"), name_key("李朋"));
    }
}
