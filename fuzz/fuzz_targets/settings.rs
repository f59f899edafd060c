//! `factcheck.yaml` from arbitrary bytes: parsing never panics, and what
//! parses is saved as YAML that reads back as the same settings.
#![no_main]

use std::path::Path;

use factcheck::model::Config;
use factcheck::workspace::yaml;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("factcheck.yaml");
    if let Ok(config) = yaml::from_str::<Config>(path, text) {
        let written = yaml::to_string(&config).expect("parsed settings serialize");
        let back: Config = yaml::from_str(path, &written)
            .unwrap_or_else(|e| panic!("written settings do not read back: {e}\n{written}"));
        assert_eq!(back, config, "{written}");
    }
});
