//! The server engine: a desk's shared archive in PostgreSQL
//! (`FACTCHECK_ARCHIVE=postgres://user@host/db`), the server a newsroom
//! already runs. The same three tables as the local engine (prefixed
//! `factcheck_archive_`), batched into one statement per kind of row, and a
//! transaction-scoped advisory lock so two writers never merge posting
//! lists at once.

use std::collections::HashMap;

use postgres::{Client, NoTls};

use super::{Engine, FIELD_COUNT, Meta, Tx};
use crate::error::{Error, Result};

/// Bumped when the stored layout changes.
const SCHEMA: i64 = 1;
/// The advisory lock writers take (any number, the same in every writer).
const WRITE_LOCK: i64 = 0x0066_6163_7463_686b;

pub struct Server {
    /// The URL without its password, for messages.
    shown: String,
    client: Client,
}

fn db_error(shown: &str, e: postgres::Error) -> Error {
    Error::refused(format!("archive {shown}: {e}"))
}

/// `postgres://user:secret@host/db` → `postgres://user@host/db`.
fn without_password(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{}{user}{}", &url[..scheme + 3], &url[at..])
        }
        _ => url.to_string(),
    }
}

impl Server {
    pub fn open(url: &str) -> Result<Server> {
        let shown = format!("`{}`", without_password(url));
        let mut client = Client::connect(url, NoTls).map_err(|e| {
            db_error(&shown, e).with_hint_in(
                "check that the server runs and the URL is right",
                "请确认服务器在运行、网址无误",
            )
        })?;
        client
            .batch_execute(
                "SELECT pg_advisory_lock(7);
                 CREATE TABLE IF NOT EXISTS factcheck_archive_docs (id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, body BYTEA NOT NULL);
                 CREATE TABLE IF NOT EXISTS factcheck_archive_postings (token TEXT PRIMARY KEY, list BYTEA NOT NULL);
                 CREATE TABLE IF NOT EXISTS factcheck_archive_meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL);
                 INSERT INTO factcheck_archive_meta VALUES ('schema', 1) ON CONFLICT DO NOTHING;
                 SELECT pg_advisory_unlock(7);",
            )
            .map_err(|e| db_error(&shown, e))?;
        let schema: i64 = client
            .query_one(
                "SELECT value FROM factcheck_archive_meta WHERE key = 'schema'",
                &[],
            )
            .map_err(|e| db_error(&shown, e))?
            .get(0);
        if schema != SCHEMA {
            return Err(Error::refused(format!(
                "archive {shown} has layout {schema}; this version reads layout {SCHEMA}"
            )));
        }
        Ok(Server { shown, client })
    }
}

impl Engine for Server {
    fn transaction(
        &mut self,
        write: bool,
        work: &mut dyn FnMut(&mut dyn Tx) -> Result<()>,
    ) -> Result<()> {
        let shown = self.shown.clone();
        let mut tx = self.client.transaction().map_err(|e| db_error(&shown, e))?;
        if write {
            tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])
                .map_err(|e| db_error(&shown, e))?;
        } else {
            tx.batch_execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                .map_err(|e| db_error(&shown, e))?;
        }
        let mut server = ServerTx {
            shown: &shown,
            tx: &mut tx,
        };
        work(&mut server)?;
        tx.commit().map_err(|e| db_error(&shown, e))
    }

    fn describe(&self) -> String {
        self.shown.clone()
    }
}

struct ServerTx<'a, 'b> {
    shown: &'a str,
    tx: &'a mut postgres::Transaction<'b>,
}

impl ServerTx<'_, '_> {
    fn err(&self, e: postgres::Error) -> Error {
        db_error(self.shown, e)
    }
}

fn id32(id: u32) -> i32 {
    i32::try_from(id).unwrap_or(i32::MAX)
}

fn id_back(id: i32) -> u32 {
    u32::try_from(id).unwrap_or(0)
}

impl Tx for ServerTx<'_, '_> {
    fn docs_by_url(&mut self, urls: &[&str]) -> Result<HashMap<String, (u32, Vec<u8>)>> {
        let rows = self
            .tx
            .query(
                "SELECT url, id, body FROM factcheck_archive_docs WHERE url = ANY($1)",
                &[&urls],
            )
            .map_err(|e| self.err(e))?;
        Ok(rows
            .into_iter()
            .map(|r| (r.get(0), (id_back(r.get(1)), r.get(2))))
            .collect())
    }

    fn docs(&mut self, ids: &[u32]) -> Result<Vec<(u32, Vec<u8>)>> {
        let ids: Vec<i32> = ids.iter().copied().map(id32).collect();
        let rows = self
            .tx
            .query(
                "SELECT id, body FROM factcheck_archive_docs WHERE id = ANY($1)",
                &[&ids],
            )
            .map_err(|e| self.err(e))?;
        Ok(rows
            .into_iter()
            .map(|r| (id_back(r.get(0)), r.get(1)))
            .collect())
    }

    fn put_docs(&mut self, docs: &[(u32, String, Vec<u8>)]) -> Result<()> {
        for chunk in docs.chunks(5000) {
            let ids: Vec<i32> = chunk.iter().map(|d| id32(d.0)).collect();
            let urls: Vec<&str> = chunk.iter().map(|d| d.1.as_str()).collect();
            let bodies: Vec<&[u8]> = chunk.iter().map(|d| d.2.as_slice()).collect();
            self.tx
                .execute(
                    "INSERT INTO factcheck_archive_docs (id, url, body)
                     SELECT * FROM unnest($1::int4[], $2::text[], $3::bytea[])
                     ON CONFLICT (id) DO UPDATE SET url = EXCLUDED.url, body = EXCLUDED.body",
                    &[&ids, &urls, &bodies],
                )
                .map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    fn delete_docs(&mut self, ids: &[u32]) -> Result<()> {
        let ids: Vec<i32> = ids.iter().copied().map(id32).collect();
        self.tx
            .execute(
                "DELETE FROM factcheck_archive_docs WHERE id = ANY($1)",
                &[&ids],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    fn urls_with_prefix(&mut self, prefix: &str) -> Result<Vec<String>> {
        let rows = self
            .tx
            .query(
                "SELECT url FROM factcheck_archive_docs WHERE left(url, length($1)) = $1",
                &[&prefix],
            )
            .map_err(|e| self.err(e))?;
        Ok(rows.into_iter().map(|r| r.get(0)).collect())
    }

    fn postings(&mut self, tokens: &[&str]) -> Result<Vec<(String, Vec<u8>)>> {
        let rows = self
            .tx
            .query(
                "SELECT token, list FROM factcheck_archive_postings WHERE token = ANY($1)",
                &[&tokens],
            )
            .map_err(|e| self.err(e))?;
        let mut out: Vec<(String, Vec<u8>)> =
            rows.into_iter().map(|r| (r.get(0), r.get(1))).collect();
        // In the query's order, as the local engine returns them, so sums
        // of floating-point scores add up in the same order.
        out.sort_by_key(|(t, _)| tokens.iter().position(|q| q == t));
        Ok(out)
    }

    fn put_postings(&mut self, lists: &[(String, Vec<u8>)]) -> Result<()> {
        let (gone, kept): (Vec<_>, Vec<_>) = lists.iter().partition(|(_, l)| l.is_empty());
        let gone: Vec<&str> = gone.iter().map(|(t, _)| t.as_str()).collect();
        self.tx
            .execute(
                "DELETE FROM factcheck_archive_postings WHERE token = ANY($1)",
                &[&gone],
            )
            .map_err(|e| self.err(e))?;
        for chunk in kept.chunks(5000) {
            let tokens: Vec<&str> = chunk.iter().map(|(t, _)| t.as_str()).collect();
            let bodies: Vec<&[u8]> = chunk.iter().map(|(_, l)| l.as_slice()).collect();
            self.tx
                .execute(
                    "INSERT INTO factcheck_archive_postings (token, list)
                     SELECT * FROM unnest($1::text[], $2::bytea[])
                     ON CONFLICT (token) DO UPDATE SET list = EXCLUDED.list",
                    &[&tokens, &bodies],
                )
                .map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    fn meta(&mut self) -> Result<Meta> {
        let rows = self
            .tx
            .query(
                "SELECT key, value FROM factcheck_archive_meta WHERE key = ANY($1)",
                &[&Meta::KEYS.as_slice()],
            )
            .map_err(|e| self.err(e))?;
        let mut values = [0i64; 2 + FIELD_COUNT];
        for r in rows {
            let key: &str = r.get(0);
            if let Some(i) = Meta::KEYS.iter().position(|k| *k == key) {
                values[i] = r.get(1);
            }
        }
        Ok(Meta::from_values(values))
    }

    fn set_meta(&mut self, meta: &Meta) -> Result<()> {
        let values = meta.values().to_vec();
        self.tx
            .execute(
                "INSERT INTO factcheck_archive_meta (key, value)
                 SELECT * FROM unnest($1::text[], $2::int8[])
                 ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                &[&Meta::KEYS.as_slice(), &values],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_not_shown() {
        assert_eq!(
            without_password("postgres://desk:s3cret@db.example/news"),
            "postgres://desk@db.example/news"
        );
        assert_eq!(without_password("postgres:///news"), "postgres:///news");
    }
}
