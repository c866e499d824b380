//! Index upkeep: checking what a run reuses, removing what a failed run left behind, opening an
//! index for reading where it cannot be written, and giving its files ordinary permissions.
//!
//! This module owns the index directory's files as files: tantivy's checksums, segment files
//! that no commit references, the lock a reader takes and file modes. It knows nothing of
//! sections, reports or searching.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle, WritePtr,
};
use tantivy::Index;

/// The files of the last commit whose checksums do not match their contents (empty when the
/// index is sound). Reads every file of the index once.
pub fn damaged_files(index: &Index) -> tantivy::Result<Vec<PathBuf>> {
    let mut damaged: Vec<PathBuf> = index.validate_checksum()?.into_iter().collect();
    damaged.sort();
    Ok(damaged)
}

/// Whether a file name is a tantivy segment file: 32 hex digits, a dot, an extension.
fn is_segment_file(name: &str) -> bool {
    name.len() > 33
        && name.as_bytes()[32] == b'.'
        && name[..32].bytes().all(|b| b.is_ascii_hexdigit())
}

/// Removes the segment files no commit references: what a run that failed (full disk, killed)
/// left behind. Must only run while holding the writer lock, since a running indexer's new
/// segments are unreferenced until it commits. Returns the bytes freed.
pub fn remove_orphans(dir: &Path) -> u64 {
    let Ok(index) = Index::open_in_dir(dir) else {
        return 0;
    };
    let Ok(metas) = index.load_metas() else {
        return 0;
    };
    let live: HashSet<PathBuf> = metas.list_segment_files();
    let mut freed = 0;
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if is_segment_file(name) && !live.contains(Path::new(name)) {
            let len = entry.metadata().map(|m| m.len()).unwrap_or(0);
            if std::fs::remove_file(entry.path()).is_ok() {
                freed += len;
            }
        }
    }
    freed
}

/// Gives the index files ordinary permissions: readable by group and others, as files made
/// with the usual umask are (tantivy writes `meta.json` through a temporary file, mode 0600,
/// which would keep other users from searching a shared index).
pub fn ordinary_permissions(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let Ok(meta) = entry.metadata() else { continue };
        let mode = meta.permissions().mode();
        if meta.is_file() && mode & 0o044 != 0o044 {
            let _ = std::fs::set_permissions(
                entry.path(),
                std::fs::Permissions::from_mode(mode | 0o044),
            );
        }
    }
}

/// An index directory opened for searching: tantivy's readers take a lock file while they open
/// segments (so a writer's cleanup waits for them). Where that file cannot be created (a
/// read-only mount, another user's index) the search goes on without it: nothing can delete
/// files there anyway.
#[derive(Debug, Clone)]
pub struct ReadDirectory {
    inner: MmapDirectory,
}

impl ReadDirectory {
    /// Opens a directory for searching.
    pub fn open(dir: &Path) -> tantivy::Result<ReadDirectory> {
        Ok(ReadDirectory {
            inner: MmapDirectory::open(dir)?,
        })
    }
}

impl Directory for ReadDirectory {
    fn get_file_handle(
        &self,
        path: &Path,
    ) -> Result<std::sync::Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }
    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }
    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }
    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }
    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }
    fn atomic_write(&self, path: &Path, data: &[u8]) -> std::io::Result<()> {
        self.inner.atomic_write(path, data)
    }
    fn sync_directory(&self) -> std::io::Result<()> {
        self.inner.sync_directory()
    }
    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        match self.inner.acquire_lock(lock) {
            Err(LockError::IoError(_)) => Ok(DirectoryLock::from(Box::new(()))),
            other => other,
        }
    }
    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segment_file_names() {
        assert!(is_segment_file("0123456789abcdef0123456789abcdef.idx"));
        assert!(is_segment_file("0123456789abcdef0123456789abcdef.12.del"));
        assert!(!is_segment_file("meta.json"));
        assert!(!is_segment_file("govsearch-manifest.json"));
    }
}
