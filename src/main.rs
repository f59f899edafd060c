//! The `factcheck` binary: everything is in the library; this only exits
//! with the code [`factcheck::run`] returns.

/// mimalloc rather than the system allocator: reading and rendering a desk's
/// archive makes millions of small allocations on several threads, and on
/// the newsroom benchmark's 100,000 claims it cut `report` by a quarter and
/// `claim list` by two fifths (README, Performance).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(factcheck::run());
}
