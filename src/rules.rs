//! The status rules of design §3, shared by `mark` (which refuses) and `check`
//! (which reports).

use crate::model::{Claim, Stance, Status};

/// Why `claim` may not have `status`, or `None` when the rule is met.
/// `note` is the reason given with the verdict; `evidence_intact` says whether
/// every evidence snapshot is present and hashes right (or names what is not).
pub fn unmet(
    claim: &Claim,
    status: Status,
    note: Option<&str>,
    evidence_intact: Result<(), String>,
) -> Option<String> {
    let has = |stance: Stance| claim.evidence.iter().any(|e| e.stance == stance);
    let note_given = note.is_some_and(|n| !n.trim().is_empty());
    match status {
        Status::Verified if !has(Stance::Supports) => Some(
            "`verified` needs at least one piece of evidence that supports the claim; \
             attach it with `factcheck evidence add CLAIM SOURCE --stance supports --excerpt …`"
                .into(),
        ),
        Status::Verified => evidence_intact.err().map(|why| {
            format!("`verified` needs every evidence snapshot present and intact: {why}")
        }),
        Status::Disputed if !has(Stance::Refutes) && !note_given => Some(
            "`disputed` needs evidence that refutes the claim, or a `--note` saying why it is disputed".into(),
        ),
        Status::Unverifiable if !note_given => {
            Some("`unverifiable` needs a `--note` saying what was tried".into())
        }
        _ => None,
    }
}
