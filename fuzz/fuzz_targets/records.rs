//! Claim and snapshot records from arbitrary bytes: parsing never panics or
//! runs away, and whatever parses is written back as YAML that reads back
//! as the same record.
#![no_main]

use std::path::Path;

use factcheck::model::{Claim, SourceMeta};
use factcheck::workspace::yaml;
use libfuzzer_sys::fuzz_target;

fn round_trip<T>(text: &str)
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let path = Path::new("r.yaml");
    if let Ok(record) = yaml::from_str::<T>(path, text) {
        let written = yaml::to_string(&record).expect("a parsed record serializes");
        let back: T = yaml::from_str(path, &written)
            .unwrap_or_else(|e| panic!("written record does not read back: {e}\n{written}"));
        assert_eq!(back, record, "{written}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    round_trip::<Claim>(text);
    round_trip::<SourceMeta>(text);
});
