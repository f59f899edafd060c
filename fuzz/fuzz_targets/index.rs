//! `.factcheck/index` from arbitrary bytes: whatever the index holds, the
//! claims a workspace loads are the ones its files hold, and loading never
//! panics.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

use factcheck::model::Claim;
use factcheck::workspace::Workspace;
use libfuzzer_sys::fuzz_target;

const CLAIM: &str = include_str!("../corpus/records/seed-claim.yaml");

/// A workspace with one claim, its file an hour old (so an index may
/// vouch for it), and the claim as its file holds it.
fn fixture() -> &'static (PathBuf, Vec<Claim>) {
    static FIXTURE: OnceLock<(PathBuf, Vec<Claim>)> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder").keep();
        let claim: Claim = factcheck::workspace::yaml::from_str(std::path::Path::new("c.yaml"), CLAIM)
            .expect("the seed claim parses");
        let file = format!("claims/{}.yaml", claim.id);
        Workspace::init(&dir, &[(file.as_str(), CLAIM)]).expect("a workspace");
        std::fs::File::options()
            .write(true)
            .open(dir.join(&file))
            .and_then(|f| f.set_modified(SystemTime::now() - Duration::from_secs(3600)))
            .expect("age the claim file");
        (dir, vec![claim])
    })
}

fuzz_target!(|data: &[u8]| {
    let (dir, claims) = fixture();
    let index = dir.join(".factcheck/index");
    std::fs::write(&index, data).expect("write the index");
    let ws = Workspace::find(Some(dir)).expect("the workspace opens");
    assert_eq!(&ws.load_claims().expect("the claims load"), claims);
});
