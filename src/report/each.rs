//! `each(macro, items)`: a template's per-item part, rendered on every core
//! and written as it is rendered.
//!
//! A report on a desk's archive is mostly its claims, one section each, and
//! a minijinja render runs on one thread and returns one string. A template
//! that writes its per-claim part as a macro and calls
//! `{{ each("claim_section", claims) }}` instead of
//! `{% for c in claims %}{{ claim_section(c) }}{% endfor %}` gets the same
//! text, rendered in parallel and streamed:
//!
//! - one render, the *probe*, makes every `each` call print a placeholder
//!   and renders no item: its text is the report without the items;
//! - at the same time one render per core, the *workers*, each render the
//!   items of every `each` call in batches, worker `k` taking batches `k`,
//!   `k + cores`, …, with the macro as its own render defined it (so the
//!   macro sees exactly the variables it would see in one render), and hand
//!   each batch over a small channel;
//! - the calling thread writes the probe's text up to each placeholder, then
//!   that call's batches in order as they come, so no more than a few
//!   batches a worker are ever held, however long the report.
//!
//! Outside such a render (one core, or a template that never calls `each`)
//! `each` simply calls the macro item by item. A template that filters or
//! captures the result of `each` instead of printing it loses the
//! placeholders; the probe shows it before anything is written, and the
//! template is then rendered in one piece.

use std::cell::RefCell;
use std::hash::BuildHasher as _;
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use minijinja::value::{Value, ValueKind};
use minijinja::{Error, ErrorKind, State, Template};

/// The name templates call.
pub const NAME: &str = "each";

/// Items a worker renders at a time, and hands over as one piece.
const BATCH: usize = 64;
/// Batches a worker may have rendered ahead of the writer.
const AHEAD: usize = 4;

/// What `each` does on this thread during a parallel render.
enum Mode {
    /// Print placeholders, render nothing; note each call's item count.
    Probe { nonce: u64, counts: Vec<usize> },
    /// Render this worker's batches of every call and hand them over.
    Worker {
        part: usize,
        parts: usize,
        out: SyncSender<Result<String, Error>>,
        stop: Arc<AtomicBool>,
    },
}

thread_local! {
    static MODE: RefCell<Option<Mode>> = const { RefCell::new(None) };
}

/// The `each` function: renders the macro `name` for every item of `items`.
pub fn each(state: &mut State, name: &str, items: Value) -> Result<Value, Error> {
    if !matches!(items.kind(), ValueKind::Seq | ValueKind::Iterable) {
        return Err(Error::new(
            ErrorKind::InvalidOperation,
            format!("each(\"{name}\", …) needs a list, not {}", items.kind()),
        ));
    }
    // Checked here, where the error gets the call's line: in a parallel
    // render the items fail on another thread.
    if state.lookup(name).is_none() {
        return Err(Error::new(
            ErrorKind::UnknownFunction,
            format!("each(\"{name}\", …): the template defines no macro `{name}`"),
        ));
    }
    let items: Vec<Value> = items.try_iter()?.collect();
    // The mode is taken out while items render: a macro that calls `each`
    // itself renders those items in place.
    let Some(mode) = MODE.with(|m| m.borrow_mut().take()) else {
        return Ok(Value::from_safe_string(render_items(state, name, &items)?));
    };
    let (result, mode) = match mode {
        Mode::Probe { nonce, mut counts } => {
            let mark = placeholder(nonce, counts.len());
            counts.push(items.len());
            (
                Ok(Value::from_safe_string(mark)),
                Mode::Probe { nonce, counts },
            )
        }
        Mode::Worker {
            part,
            parts,
            out,
            stop,
        } => {
            let mut result = Ok(Value::from_safe_string(String::new()));
            for batch in items.chunks(BATCH).skip(part).step_by(parts) {
                if stop.load(Ordering::Relaxed) {
                    result = Err(stopped());
                    break;
                }
                let text = render_items(state, name, batch);
                let failed = text.is_err();
                if out.send(text).is_err() || failed {
                    result = Err(stopped());
                    break;
                }
            }
            let mode = Mode::Worker {
                part,
                parts,
                out,
                stop,
            };
            (result, mode)
        }
    };
    MODE.with(|m| *m.borrow_mut() = Some(mode));
    result
}

fn stopped() -> Error {
    Error::new(ErrorKind::InvalidOperation, "the render was stopped")
}

fn render_items(state: &mut State, name: &str, items: &[Value]) -> Result<String, Error> {
    let mut out = String::new();
    for item in items {
        out.push_str(&state.call_macro(name, std::slice::from_ref(item))?);
    }
    Ok(out)
}

fn placeholder(nonce: u64, call: usize) -> String {
    format!("\u{E000}each-{nonce:016x}-{call}\u{E000}")
}

/// Renders `template` over `ctx` into `out`, its `each` calls spread over
/// the cores when it makes any; the text is the same as a plain render's.
/// An error while writing stops the render and is returned.
pub fn render_to(template: &Template, ctx: &Value, out: &mut dyn Write) -> Result<(), Error> {
    let parts = rayon::current_num_threads();
    if parts < 2 || !template.source().contains(NAME) {
        return template
            .render_captured_to(ctx.clone(), &mut *out)
            .map(|_| ());
    }
    // Unguessable, so no record's text can pass for a placeholder.
    let nonce = std::collections::hash_map::RandomState::new().hash_one(0x0eac);
    let stop = Arc::new(AtomicBool::new(false));
    std::thread::scope(|scope| {
        let mut batches = Vec::with_capacity(parts);
        let mut workers = Vec::with_capacity(parts);
        for part in 0..parts {
            let (tx, rx) = sync_channel(AHEAD);
            batches.push(rx);
            let stop = Arc::clone(&stop);
            workers.push(scope.spawn(move || {
                set_mode(Some(Mode::Worker {
                    part,
                    parts,
                    out: tx,
                    stop,
                }));
                // A worker's own text is the probe's with its batches in
                // place of the placeholders: only the batches are wanted.
                let done = template.render_captured_to(ctx.clone(), std::io::sink());
                set_mode(None);
                done.map(|_| ())
            }));
        }
        let probe = scope
            .spawn(move || {
                set_mode(Some(Mode::Probe {
                    nonce,
                    counts: Vec::new(),
                }));
                let text = template.render(ctx.clone());
                let counts = match set_mode(None) {
                    Some(Mode::Probe { counts, .. }) => counts,
                    _ => Vec::new(),
                };
                text.map(|t| (t, counts))
            })
            .join()
            .unwrap_or_else(|_| Err(panicked()));
        let running = Running {
            stop: &stop,
            batches,
            workers,
        };
        let (text, counts) = match probe {
            Ok(probe) => probe,
            Err(e) => return running.finish(Err(e)),
        };
        // Every call's placeholder, in call order, in the text: else the
        // template did something with them, and it is rendered in one piece.
        let mut pieces = Vec::with_capacity(counts.len());
        let mut rest = text.as_str();
        for call in 0..counts.len() {
            let mark = placeholder(nonce, call);
            let Some(at) = rest.find(&mark) else {
                running.abandon();
                return template
                    .render_captured_to(ctx.clone(), &mut *out)
                    .map(|_| ());
            };
            pieces.push(&rest[..at]);
            rest = &rest[at + mark.len()..];
        }
        let written = (|| {
            for (piece, count) in pieces.iter().zip(&counts) {
                write(out, piece)?;
                for batch in 0..count.div_ceil(BATCH) {
                    let text = running.batches[batch % parts]
                        .recv()
                        .map_err(|_| stopped())??;
                    write(out, &text)?;
                }
            }
            write(out, rest)
        })();
        running.finish(written)
    })
}

/// The workers of a parallel render, and what they hand over.
struct Running<'a, 'scope> {
    stop: &'a AtomicBool,
    batches: Vec<Receiver<Result<String, Error>>>,
    workers: Vec<std::thread::ScopedJoinHandle<'scope, Result<(), Error>>>,
}

impl Running<'_, '_> {
    /// Stops the workers and waits for them, whatever they did.
    fn abandon(self) {
        self.stop.store(true, Ordering::Relaxed);
        drop(self.batches);
        for worker in self.workers {
            let _ = worker.join();
        }
    }

    /// Waits for the workers, stopping them first if the text could not be
    /// written: that error is the render's. After a complete text, a worker
    /// that failed outside its items fails the render.
    fn finish(self, written: Result<(), Error>) -> Result<(), Error> {
        if written.is_err() {
            self.stop.store(true, Ordering::Relaxed);
        }
        drop(self.batches);
        let mut failed = None;
        for worker in self.workers {
            let done = worker.join().unwrap_or_else(|_| Err(panicked()));
            if let Err(e) = done {
                failed.get_or_insert(e);
            }
        }
        written?;
        failed.map_or(Ok(()), Err)
    }
}

fn set_mode(mode: Option<Mode>) -> Option<Mode> {
    MODE.with(|m| std::mem::replace(&mut *m.borrow_mut(), mode))
}

fn panicked() -> Error {
    Error::new(
        ErrorKind::InvalidOperation,
        "rendering the template panicked",
    )
}

fn write(out: &mut dyn Write, text: &str) -> Result<(), Error> {
    out.write_all(text.as_bytes()).map_err(|e| {
        Error::new(ErrorKind::WriteFailure, "I/O error during rendering").with_source(e)
    })
}
