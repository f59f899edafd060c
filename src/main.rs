//! The `factcheck` binary: everything is in the library; this only exits
//! with the code [`factcheck::run`] returns.

fn main() {
    std::process::exit(factcheck::run());
}
