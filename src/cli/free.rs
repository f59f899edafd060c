//! Skipping destructors where freeing memory costs time and buys nothing: the
//! one place that does it, so the trick is visible and easy to take out.
//!
//! At newsroom scale (tens of thousands of claims, each a tree of small
//! strings) freeing every record one by one takes about as long as checking
//! them. A command that is about to print its outcome and exit hands the
//! records here instead: [`in_background`] frees them on a helper thread
//! while the output is written, [`at_exit`] leaves them to the operating
//! system. Neither may hold anything whose `Drop` does work that matters
//! (a lock, a temporary file, a buffered writer): only plain memory.

/// Frees `value` on a helper thread, so the caller goes on at once.
pub(crate) fn in_background<T: Send + 'static>(value: T) {
    std::thread::spawn(move || drop(value));
}

/// Never frees `value`: the process ends soon and the OS takes the memory back.
pub(crate) fn at_exit<T>(value: T) {
    std::mem::forget(value);
}
