//! `dismissed.yaml` on disk: read (absent is empty) and written whole,
//! sorted, atomically, under the workspace lock.

use super::{Lock, Workspace, read_to_string, write_atomic, yaml};
use crate::error::Result;
use crate::model::{Dismissal, Dismissed};

/// The record of dismissed sentences, at the workspace's root.
pub const DISMISSED_FILE: &str = "dismissed.yaml";

impl Workspace {
    /// The dismissed sentences (empty when there is no record).
    pub fn load_dismissed(&self) -> Result<Vec<Dismissal>> {
        let path = self.root().join(DISMISSED_FILE);
        if std::fs::symlink_metadata(&path).is_err() {
            return Ok(Vec::new());
        }
        let raw = read_to_string(&path)?;
        if raw.trim().is_empty() {
            return Ok(Vec::new());
        }
        let file: Dismissed = yaml::from_str(&self.rel(&path), &raw)?;
        Ok(file.dismissed)
    }

    /// Writes the dismissed sentences, sorted by snapshot and place.
    pub fn save_dismissed(&self, dismissed: Vec<Dismissal>, _lock: &Lock) -> Result<()> {
        let mut file = Dismissed { dismissed };
        file.dismissed
            .sort_by(|a, b| (&a.source, a.start, a.end).cmp(&(&b.source, b.start, b.end)));
        let text = yaml::to_string(&file)?;
        write_atomic(&self.root().join(DISMISSED_FILE), text.as_bytes())
    }
}
