//! How the process asks the kernel for memory: the one place that says so.
//!
//! The allocator backs its arenas with transparent huge pages where the
//! kernel allows it (`madvise` mode). Other commands keep that (`report`
//! timed the same with and without, within the noise), but `check --full`
//! touches its records once while
//! it hashes: every first touch of a 2 MB page zeroes and keeps all of it,
//! which on the newsroom benchmark cost about 30 MB of peak memory (README,
//! Performance).

/// Asks the kernel for ordinary 4 KB pages from now on for the whole
/// process, whatever the allocator advises. Best effort: where the kernel
/// does not support it, nothing changes.
pub(crate) fn small_pages() {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    // SAFETY: PR_SET_THP_DISABLE takes only integers, reads and writes no
    // memory of ours, and only changes how later page faults are served.
    unsafe {
        let _ = libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}
