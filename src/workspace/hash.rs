//! Streamed, parallel SHA-256: the only place that reads bytes to hash them
//! and decides how hashing is spread over the cores.
//!
//! A file is hashed while it streams through a fixed buffer, so a multi-GB
//! snapshot costs constant memory. A big file is read ahead by a helper thread
//! (copying out of the page cache runs beside the hashing rather than between
//! its blocks), but only when a core would otherwise sit idle. Many files are
//! hashed biggest first, one file per task: SHA-256 of one file runs on one
//! core, so a huge snapshot starts at once and the small ones share the other
//! cores, rather than the huge one starting last and running alone.
//!
//! What the digests mean (a snapshot's name, a cache) is the caller's business.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// Read buffer for hashing: large enough that syscalls are not the cost.
const BUF: usize = 256 * 1024;
/// Files at least this big are read ahead by a helper thread while the
/// caller hashes.
pub(crate) const READ_AHEAD_MIN: u64 = 16 << 20;
/// The read-ahead's block size, and how many blocks are in flight: a few MB
/// whatever the file's size.
const BLOCK: usize = 1 << 20;
const BLOCKS: usize = 3;

/// Hears how far long hashing has come: the total first, then each block.
/// `()` hears nothing; the command layer's progress bar listens.
pub trait Progress: Sync {
    /// Hashing of `total` bytes begins.
    fn start(&self, _total: u64) {}
    /// `n` more bytes were hashed.
    fn advance(&self, _n: u64) {}
}

impl Progress for () {}

/// Lowercase hex of a digest.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

/// Lowercase hex SHA-256 of bytes in memory.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// SHA-256 of everything `reader` yields, copying it to `sink` on the way.
pub fn hash_copy(reader: &mut impl Read, sink: &mut impl Write) -> io::Result<(String, u64)> {
    hash_through(reader, sink, BUF, &())
}

fn hash_through(
    reader: &mut impl Read,
    sink: &mut impl Write,
    buf_size: usize,
    progress: &dyn Progress,
) -> io::Result<(String, u64)> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; buf_size];
    let mut size = 0u64;
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(&buf[..n]);
        sink.write_all(&buf[..n])?;
        size += n as u64;
        progress.advance(n as u64);
    }
    Ok((hex(&hasher.finalize()), size))
}

/// SHA-256 and size of a file, streamed.
pub fn hash_file(path: &Path) -> Result<(String, u64)> {
    hash_file_with(path, true, &())
}

/// [`hash_file`], with a read-ahead thread for a big file only if
/// `read_ahead`: it pays when a core would otherwise sit idle, and costs
/// when every core is already hashing. `progress` hears of every block hashed.
fn hash_file_with(path: &Path, read_ahead: bool, progress: &dyn Progress) -> Result<(String, u64)> {
    let mut file = super::fs::open_regular(path)?;
    let len = file.metadata().map_or(0, |m| m.len());
    let hashed = if read_ahead && len >= READ_AHEAD_MIN {
        hash_read_ahead(file, progress)
    } else {
        // A buffer the size of the file: a record of a few hundred bytes
        // should not cost a 256 KB allocation.
        let buf_size = usize::try_from(len).map_or(BUF, |n| n.saturating_add(1).clamp(512, BUF));
        hash_through(&mut file, &mut io::sink(), buf_size, progress)
    };
    hashed.map_err(|e| Error::io("read", path, e))
}

/// Hashes a big file with a helper thread reading the next blocks meanwhile.
fn hash_read_ahead(mut file: File, progress: &dyn Progress) -> io::Result<(String, u64)> {
    let (full_tx, full_rx) = mpsc::sync_channel::<(Vec<u8>, usize)>(BLOCKS);
    let (empty_tx, empty_rx) = mpsc::channel::<Vec<u8>>();
    for _ in 0..BLOCKS {
        let _ = empty_tx.send(vec![0u8; BLOCK]);
    }
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || -> io::Result<()> {
            // Ends at the end of the file or on an error, either way dropping
            // `full_tx`, which ends the hashing loop below.
            while let Ok(mut block) = empty_rx.recv() {
                let n = fill(&mut file, &mut block)?;
                if n == 0 || full_tx.send((block, n)).is_err() || n < BLOCK {
                    break;
                }
            }
            Ok(())
        });
        let mut hasher = Sha256::new();
        let mut size = 0u64;
        for (block, n) in full_rx {
            hasher.update(&block[..n]);
            size += n as u64;
            progress.advance(n as u64);
            let _ = empty_tx.send(block);
        }
        reader
            .join()
            .map_err(|_| io::Error::other("the read-ahead thread panicked"))??;
        Ok((hex(&hasher.finalize()), size))
    })
}

/// Reads until `buf` is full or the file ends; returns how much was read.
fn fill(file: &mut File, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// One file to hash: what the caller calls it, where it is, and how big its
/// last stat said it was (the schedule's only input).
#[derive(Debug)]
pub struct Job<K> {
    pub key: K,
    pub path: PathBuf,
    pub size: u64,
}

/// Hashes every job's file in parallel, biggest first, one file per task,
/// telling `progress` of each block hashed. Returns each key with its file's
/// SHA-256 and size, or why it could not be read, in no particular order.
pub fn hash_files<K: Send>(
    mut jobs: Vec<Job<K>>,
    progress: &dyn Progress,
) -> Vec<(K, Result<(String, u64)>)> {
    jobs.sort_by_key(|job| std::cmp::Reverse(job.size));
    progress.start(jobs.iter().map(|j| j.size).sum());
    // Read ahead only while there are fewer big files than cores: otherwise
    // every core is hashing already and a reader thread only competes.
    let big = jobs.iter().filter(|j| j.size >= READ_AHEAD_MIN).count();
    let read_ahead = big < rayon::current_num_threads();
    jobs.into_par_iter()
        .with_max_len(1)
        .map(|job| {
            let hashed = hash_file_with(&job.path, read_ahead, progress);
            (job.key, hashed)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::sync::atomic::{AtomicU64, Ordering};

    use super::*;

    #[test]
    fn sha256_known_vectors() {
        let h = |data: &[u8]| hash_copy(&mut &data[..], &mut io::sink()).unwrap().0;
        assert_eq!(
            h(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            h(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let million_a = vec![b'a'; 1_000_000];
        assert_eq!(
            h(&million_a),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        );
        assert_eq!(sha256_hex(b"abc"), h(b"abc"));
    }

    #[test]
    fn hashing_a_streamed_file_of_tens_of_mb_matches_and_copies() {
        // 40 MB of a repeating pattern, read through a small reader so it streams.
        struct Pattern(u64);
        impl Read for Pattern {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let n = buf.len().min(self.0 as usize).min(7919);
                for (i, b) in buf[..n].iter_mut().enumerate() {
                    *b = (i % 251) as u8;
                }
                self.0 -= n as u64;
                Ok(n)
            }
        }
        let mut copy = Vec::new();
        let (streamed, size) = hash_copy(&mut Pattern(40 << 20), &mut copy).unwrap();
        assert_eq!(size, 40 << 20);
        assert_eq!(copy.len() as u64, size);
        assert_eq!(streamed, hex(&Sha256::digest(&copy)));
    }

    /// Sizes around every boundary: empty, small, the read-ahead threshold,
    /// and a big file that does not end on a block boundary.
    fn sizes() -> [usize; 7] {
        [
            0,
            1,
            511,
            4096,
            READ_AHEAD_MIN as usize - 1,
            READ_AHEAD_MIN as usize,
            (READ_AHEAD_MIN as usize) * 2 + 12345,
        ]
    }

    fn pattern(size: usize) -> Vec<u8> {
        (0..size).map(|i| (i * 7 % 251) as u8).collect()
    }

    #[test]
    fn big_files_hash_through_the_read_ahead_and_small_ones_directly() {
        let dir = tempfile::tempdir().unwrap();
        for size in sizes() {
            let bytes = pattern(size);
            let path = dir.path().join(format!("f{size}"));
            fs::write(&path, &bytes).unwrap();
            for read_ahead in [true, false] {
                let (hashed, len) = hash_file_with(&path, read_ahead, &()).unwrap();
                assert_eq!(len, size as u64);
                assert_eq!(hashed, sha256_hex(&bytes), "size {size}");
            }
        }
        let err = hash_file(&dir.path().join("missing"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("cannot read"), "{err}");
    }

    #[test]
    fn the_parallel_schedule_hashes_every_file_once_and_reports_every_byte() {
        let dir = tempfile::tempdir().unwrap();
        let mut jobs = Vec::new();
        let mut expected = Vec::new();
        for size in sizes() {
            let bytes = pattern(size);
            let path = dir.path().join(format!("f{size}"));
            fs::write(&path, &bytes).unwrap();
            expected.push((size, Some(sha256_hex(&bytes))));
            jobs.push(Job {
                key: size,
                path,
                size: size as u64,
            });
        }
        jobs.push(Job {
            key: usize::MAX,
            path: dir.path().join("missing"),
            size: 0,
        });
        expected.push((usize::MAX, None));
        #[derive(Default)]
        struct Seen {
            total: AtomicU64,
            done: AtomicU64,
        }
        impl Progress for Seen {
            fn start(&self, total: u64) {
                self.total.store(total, Ordering::Relaxed);
            }
            fn advance(&self, n: u64) {
                self.done.fetch_add(n, Ordering::Relaxed);
            }
        }
        let seen = Seen::default();
        let mut hashed: Vec<(usize, Option<String>)> = hash_files(jobs, &seen)
            .into_iter()
            .map(|(key, r)| (key, r.ok().map(|(hex, _)| hex)))
            .collect();
        hashed.sort();
        expected.sort();
        assert_eq!(hashed, expected);
        let total: usize = sizes().iter().sum();
        assert_eq!(seen.total.load(Ordering::Relaxed), total as u64);
        assert_eq!(seen.done.load(Ordering::Relaxed), total as u64);
    }
}
