//! Review reports: the minijinja environment, the template context, and the
//! Markdown escaping filters.

/// Built-in templates, compiled in; `init` copies them into a new workspace.
pub const BUILTIN_TEMPLATES: &[(&str, &str)] = &[];
