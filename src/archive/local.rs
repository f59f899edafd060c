//! The local engine: the archive in one SQLite file (SQLite is compiled in,
//! so nothing is needed on the machine). Three tables: the entries, each
//! token's posting list as one blob (a query reads one row per token), and
//! the totals BM25 needs.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, params};

use super::{Engine, FIELD_COUNT, Meta, Tx};
use crate::error::{Error, Result};

/// Bumped when the stored layout changes: an older archive is refused with a hint.
const SCHEMA: i64 = 1;

pub struct Local {
    path: PathBuf,
    conn: Connection,
}

fn db_error(path: &Path, e: rusqlite::Error) -> Error {
    Error::refused(format!("archive `{}`: {e}", path.display()))
}

impl Local {
    /// Opens the archive at `path`; creates it (and its folder) when `create`.
    pub fn open(path: &Path, create: bool) -> Result<Local> {
        if !create && !path.is_file() {
            return Err(Error::usage(format!("no archive at `{}`", path.display()))
                .with_hint_in("fill one with `factcheck archive import FILE` or `factcheck archive add`, or name another with --archive", "用 `factcheck archive import FILE` 或 `factcheck archive add` 充实档案库，或用 `--archive` 指定另一个"));
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            crate::workspace::create_dir_all(dir)?;
        }
        let conn = Connection::open(path).map_err(|e| db_error(path, e))?;
        let setup = "PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA busy_timeout = 10000;
            CREATE TABLE IF NOT EXISTS docs (id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, body BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS postings (token TEXT PRIMARY KEY, list BLOB NOT NULL) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;";
        conn.execute_batch(setup).map_err(|e| db_error(path, e))?;
        let schema: Option<i64> = conn
            .query_row("SELECT value FROM meta WHERE key = 'schema'", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| db_error(path, e))?;
        match schema {
            Some(SCHEMA) => {}
            None => {
                conn.execute("INSERT INTO meta VALUES ('schema', ?1)", [SCHEMA])
                    .map_err(|e| db_error(path, e))?;
            }
            Some(other) => {
                return Err(Error::refused(format!(
                    "archive `{}` has layout {other}; this version reads layout {SCHEMA}",
                    path.display()
                ))
                .with_hint_in(
                    "import into a new archive file (--archive PATH)",
                    "导入到一个新的档案库文件（`--archive PATH`）",
                ));
            }
        }
        Ok(Local {
            path: path.to_path_buf(),
            conn,
        })
    }
}

impl Engine for Local {
    fn transaction(
        &mut self,
        write: bool,
        work: &mut dyn FnMut(&mut dyn Tx) -> Result<()>,
    ) -> Result<()> {
        let path = self.path.clone();
        let behavior = if write {
            rusqlite::TransactionBehavior::Immediate
        } else {
            rusqlite::TransactionBehavior::Deferred
        };
        let tx = self
            .conn
            .transaction_with_behavior(behavior)
            .map_err(|e| db_error(&path, e))?;
        let mut local = LocalTx {
            path: &path,
            tx: &tx,
        };
        work(&mut local)?;
        tx.commit().map_err(|e| db_error(&path, e))
    }

    fn describe(&self) -> String {
        format!("`{}`", self.path.display())
    }
}

struct LocalTx<'a> {
    path: &'a Path,
    tx: &'a rusqlite::Transaction<'a>,
}

impl LocalTx<'_> {
    fn err(&self, e: rusqlite::Error) -> Error {
        db_error(self.path, e)
    }
}

impl Tx for LocalTx<'_> {
    fn docs_by_url(&mut self, urls: &[&str]) -> Result<HashMap<String, (u32, Vec<u8>)>> {
        let mut st = self
            .tx
            .prepare_cached("SELECT id, body FROM docs WHERE url = ?1")
            .map_err(|e| self.err(e))?;
        let mut out = HashMap::new();
        for &url in urls {
            let row: Option<(u32, Vec<u8>)> = st
                .query_row([url], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()
                .map_err(|e| self.err(e))?;
            if let Some(row) = row {
                out.insert(url.to_string(), row);
            }
        }
        Ok(out)
    }

    fn docs(&mut self, ids: &[u32]) -> Result<Vec<(u32, Vec<u8>)>> {
        let mut st = self
            .tx
            .prepare_cached("SELECT body FROM docs WHERE id = ?1")
            .map_err(|e| self.err(e))?;
        let mut out = Vec::with_capacity(ids.len());
        for &id in ids {
            let body: Option<Vec<u8>> = st
                .query_row([id], |r| r.get(0))
                .optional()
                .map_err(|e| self.err(e))?;
            out.extend(body.map(|b| (id, b)));
        }
        Ok(out)
    }

    fn put_docs(&mut self, docs: &[(u32, String, Vec<u8>)]) -> Result<()> {
        let mut st = self
            .tx
            .prepare_cached("INSERT OR REPLACE INTO docs (id, url, body) VALUES (?1, ?2, ?3)")
            .map_err(|e| self.err(e))?;
        for (id, url, body) in docs {
            st.execute(params![id, url, body])
                .map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    fn delete_docs(&mut self, ids: &[u32]) -> Result<()> {
        let mut st = self
            .tx
            .prepare_cached("DELETE FROM docs WHERE id = ?1")
            .map_err(|e| self.err(e))?;
        for id in ids {
            st.execute([id]).map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    fn urls_with_prefix(&mut self, prefix: &str) -> Result<Vec<String>> {
        let mut st = self
            .tx
            .prepare_cached("SELECT url FROM docs WHERE substr(url, 1, length(?1)) = ?1")
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([prefix], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<String>>>()
            .map_err(|e| self.err(e))
    }

    fn postings(&mut self, tokens: &[&str]) -> Result<Vec<(String, Vec<u8>)>> {
        let mut st = self
            .tx
            .prepare_cached("SELECT list FROM postings WHERE token = ?1")
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for &t in tokens {
            let list: Option<Vec<u8>> = st
                .query_row([t], |r| r.get(0))
                .optional()
                .map_err(|e| self.err(e))?;
            out.extend(list.map(|l| (t.to_string(), l)));
        }
        Ok(out)
    }

    fn put_postings(&mut self, lists: &[(String, Vec<u8>)]) -> Result<()> {
        let mut put = self
            .tx
            .prepare_cached("INSERT OR REPLACE INTO postings (token, list) VALUES (?1, ?2)")
            .map_err(|e| self.err(e))?;
        let mut delete = self
            .tx
            .prepare_cached("DELETE FROM postings WHERE token = ?1")
            .map_err(|e| self.err(e))?;
        for (token, list) in lists {
            if list.is_empty() {
                delete.execute([token]).map_err(|e| self.err(e))?;
            } else {
                put.execute(params![token, list]).map_err(|e| self.err(e))?;
            }
        }
        Ok(())
    }

    fn meta(&mut self) -> Result<Meta> {
        let mut st = self
            .tx
            .prepare_cached("SELECT value FROM meta WHERE key = ?1")
            .map_err(|e| self.err(e))?;
        let mut values = [0i64; 2 + FIELD_COUNT];
        for (v, key) in values.iter_mut().zip(Meta::KEYS) {
            *v = st
                .query_row([key], |r| r.get(0))
                .optional()
                .map_err(|e| self.err(e))?
                .unwrap_or(0);
        }
        Ok(Meta::from_values(values))
    }

    fn set_meta(&mut self, meta: &Meta) -> Result<()> {
        let mut st = self
            .tx
            .prepare_cached("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)")
            .map_err(|e| self.err(e))?;
        for (key, v) in Meta::KEYS.iter().zip(meta.values()) {
            st.execute(params![key, v]).map_err(|e| self.err(e))?;
        }
        Ok(())
    }
}
