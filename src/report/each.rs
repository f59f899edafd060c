//! `each(macro, items)`: a template's per-item part, rendered on every core.
//!
//! A report on a desk's archive is mostly its claims, one section each, and
//! a minijinja render runs on one thread. A template that writes its
//! per-claim part as a macro and calls `{{ each("claim_section", claims) }}`
//! instead of `{% for c in claims %}{{ claim_section(c) }}{% endfor %}` gets
//! the same text, rendered in parallel: the template is rendered once per
//! worker, each worker renders its share of every `each` call's items with
//! the macro as its own render defined it (so the macro sees exactly the
//! variables it would see in one render), and the first worker's text has
//! its calls replaced by every worker's parts, joined in order.
//!
//! Outside such a render (one core, or a template that never calls `each`)
//! `each` simply calls the macro item by item. A template that filters the
//! result of `each` instead of printing it is rendered in one piece, as the
//! placeholders do not survive a filter.

use std::cell::RefCell;
use std::hash::BuildHasher as _;

use minijinja::value::{Value, ValueKind};
use minijinja::{Error, ErrorKind, State, Template};
use rayon::prelude::*;

/// The name templates call.
pub const NAME: &str = "each";

/// What `each` does on this thread while a worker renders.
struct Worker {
    part: usize,
    parts: usize,
    nonce: u64,
    /// Per call, in call order: this worker's share of the items, rendered.
    calls: Vec<String>,
}

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
}

/// The `each` function: renders the macro `name` for every item of `items`.
pub fn each(state: &mut State, name: &str, items: Value) -> Result<Value, Error> {
    if !matches!(items.kind(), ValueKind::Seq | ValueKind::Iterable) {
        return Err(Error::new(
            ErrorKind::InvalidOperation,
            format!("each(\"{name}\", …) needs a list, not {}", items.kind()),
        ));
    }
    let items: Vec<Value> = items.try_iter()?.collect();
    let share = WORKER.with(|w| {
        w.borrow()
            .as_ref()
            .map(|w| (w.part, w.parts, w.nonce, w.calls.len()))
    });
    let Some((part, parts, nonce, call)) = share else {
        return Ok(Value::from_safe_string(render_items(state, name, &items)?));
    };
    let n = items.len();
    let mine = &items[n * part / parts..n * (part + 1) / parts];
    let text = render_items(state, name, mine)?;
    WORKER.with(|w| {
        if let Some(w) = w.borrow_mut().as_mut() {
            w.calls.push(text);
        }
    });
    Ok(Value::from_safe_string(placeholder(nonce, call)))
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

/// Renders `template` over `ctx`, its `each` calls spread over the cores
/// when it makes any; the text is the same as a plain render's.
pub fn render(template: &Template, ctx: Value) -> Result<String, Error> {
    let parts = rayon::current_num_threads();
    if parts < 2 || !template.source().contains(NAME) {
        return template.render(ctx);
    }
    // Unguessable, so no record's text can pass for a placeholder.
    let nonce = std::collections::hash_map::RandomState::new().hash_one(0x0eac);
    let rendered: Vec<Result<(String, Vec<String>), Error>> = (0..parts)
        .into_par_iter()
        .map(|part| {
            WORKER.with(|w| {
                *w.borrow_mut() = Some(Worker {
                    part,
                    parts,
                    nonce,
                    calls: Vec::new(),
                })
            });
            let text = template.render(ctx.clone());
            let calls = WORKER.with(|w| w.borrow_mut().take()).map(|w| w.calls);
            text.map(|t| (t, calls.unwrap_or_default()))
        })
        .collect();
    let mut done = Vec::with_capacity(parts);
    for r in rendered {
        done.push(r?);
    }
    let calls = done[0].1.len();
    if calls == 0 || done.iter().any(|(_, c)| c.len() != calls) {
        return template.render(ctx);
    }
    let (first, _) = &done[0];
    let mut out = String::with_capacity(
        first.len()
            + done
                .iter()
                .flat_map(|(_, c)| c)
                .map(String::len)
                .sum::<usize>(),
    );
    let mut rest = first.as_str();
    for call in 0..calls {
        let mark = placeholder(nonce, call);
        let Some(at) = rest.find(&mark) else {
            // Filtered away or changed: the plain render is the only safe text.
            return template.render(ctx);
        };
        out.push_str(&rest[..at]);
        for (_, parts) in &done {
            out.push_str(&parts[call]);
        }
        rest = &rest[at + mark.len()..];
    }
    out.push_str(rest);
    Ok(out)
}
