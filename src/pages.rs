//! How the process asks the kernel for memory: the one place that says so.
//!
//! The allocator backs its arenas with transparent huge pages where the
//! kernel allows it (`madvise` mode): every first touch of a 2 MB page
//! zeroes and keeps all of it. A command reads a workspace's records once
//! and is gone, so that only costs memory: on the newsroom benchmark about
//! 30 MB of `check --full`'s peak and 35 MB of `report`'s on 10,000 claims,
//! for no time measured (README, Performance). Every command asks for
//! ordinary pages as it starts.

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
