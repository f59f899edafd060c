//! Compiles in an id of this build: a hash of the crate's sources, settings
//! and locked dependencies. The workspace index (`.factcheck/index`) is keyed
//! on it, so records cached by one build are never trusted by another whose
//! model or rules may differ.

use std::fs;
use std::path::Path;

use sha2::{Digest, Sha256};

fn main() {
    let mut hasher = Sha256::new();
    for file in ["Cargo.toml", "Cargo.lock", "build.rs"] {
        println!("cargo:rerun-if-changed={file}");
        add(&mut hasher, Path::new(file));
    }
    println!("cargo:rerun-if-changed=src");
    add(&mut hasher, Path::new("src"));
    let id: String = hasher
        .finalize()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect();
    println!("cargo:rustc-env=FACTCHECK_BUILD_ID={id}");
}

/// Hashes `path`'s name and bytes, or every file under it in name order.
fn add(hasher: &mut Sha256, path: &Path) {
    let Ok(meta) = fs::metadata(path) else {
        return;
    };
    if meta.is_dir() {
        let Ok(entries) = fs::read_dir(path) else {
            return;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            add(hasher, &path);
        }
    } else if let Ok(bytes) = fs::read(path) {
        hasher.update(path.to_string_lossy().as_bytes());
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(&bytes);
    }
}
