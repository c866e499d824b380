//! Giving the pages of mapped index files back to the kernel while merges read them.
//!
//! This module owns one piece of memory policy: advising the kernel that pages of a mapped
//! index file may be reclaimed (`MADV_PAGEOUT`), once for a range ([`page_out`]) or over and
//! over while merges run ([`SourcePager`]). It knows nothing of what the files hold.
//!
//! **Why.** A merge reads its sources through tantivy's file mappings, and every page it touches
//! stays mapped, and counted in the process's memory, until the merge ends. At 1 GB, two merges
//! of 1.3 million sections side by side held 1.46 GB of source pages (the stored text's whole
//! blocks are copied in one read), so they had run one after the other, with one core idle for
//! a fifth of the build. The kernel reads a page back if it is touched again, and for memory
//! that is not a file's (an index in RAM) the advice keeps the content (unlike
//! `MADV_DONTNEED`, which would give zeros), so it is only ever a cost, never a change.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tantivy::directory::OwnedBytes;

/// How often a [`SourcePager`] gives its files' pages back: a merge copies stored text at a
/// few hundred MB a second, so this bounds what it holds to a few tens of MB per merge.
const PAGER_PERIOD: Duration = Duration::from_millis(100);

/// Gives `advice` for the whole pages inside `bytes`; a failure (an older kernel) leaves them
/// as they were.
///
/// # Safety
///
/// The advice must not change what reading `bytes` gives: `MADV_PAGEOUT` anywhere,
/// `MADV_DONTNEED` only on a shared mapping of a file.
#[cfg(target_os = "linux")]
unsafe fn advise(bytes: &[u8], advice: libc::c_int) {
    // SAFETY: sysconf has no preconditions.
    let page = usize::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) })
        .unwrap_or(4096)
        .max(1);
    let base = bytes.as_ptr() as usize;
    let from = base.div_ceil(page) * page;
    let to = (base + bytes.len()) / page * page;
    if to > from {
        // SAFETY: [from, to) lies inside `bytes`, which the caller keeps alive, and the caller
        // vouches that the advice keeps its content.
        unsafe {
            libc::madvise(from as *mut libc::c_void, to - from, advice);
        }
    }
}

/// Gives the whole pages inside `bytes` back to the kernel. A failure (an older kernel, or a
/// system without the advice) leaves the pages where they are.
pub(crate) fn page_out(bytes: &[u8]) {
    // SAFETY: MADV_PAGEOUT only advises the kernel to reclaim the pages and never changes what
    // reading them gives.
    #[cfg(target_os = "linux")]
    unsafe {
        advise(bytes, libc::MADV_PAGEOUT);
    }
    #[cfg(not(target_os = "linux"))]
    let _ = bytes;
}

/// Takes the pages inside `bytes`, a part of a file mapped shared, out of the process's
/// mappings: they stay in the kernel's file cache, and touching them again maps them back
/// without reading the disk. Only for file mappings: on other memory this advice gives zeros.
#[cfg(target_os = "linux")]
fn unmap_file_pages(bytes: &[u8]) {
    // SAFETY: only called on what `FileMappings` shows to be a shared mapping of a file, where
    // MADV_DONTNEED drops the page table entries and the next read maps the same content back.
    unsafe {
        advise(bytes, libc::MADV_DONTNEED);
    }
}

/// The address ranges of the process's shared mappings of files, from `/proc/self/maps`.
#[cfg(target_os = "linux")]
struct FileMappings(Vec<std::ops::Range<usize>>);

#[cfg(target_os = "linux")]
impl FileMappings {
    fn read() -> FileMappings {
        let maps = std::fs::read_to_string("/proc/self/maps").unwrap_or_default();
        FileMappings(
            maps.lines()
                .filter_map(|line| {
                    // start-end perms offset dev inode path
                    let mut fields = line.split_whitespace();
                    let (start, end) = fields.next()?.split_once('-')?;
                    let perms = fields.next()?;
                    let inode = fields.nth(2)?;
                    let shared_file = perms.as_bytes().get(3) == Some(&b's') && inode != "0";
                    if !shared_file {
                        return None;
                    }
                    Some(
                        usize::from_str_radix(start, 16).ok()?
                            ..usize::from_str_radix(end, 16).ok()?,
                    )
                })
                .collect(),
        )
    }

    /// Whether all of `bytes` lies in one shared file mapping.
    fn holds(&self, bytes: &[u8]) -> bool {
        let (start, end) = (
            bytes.as_ptr() as usize,
            bytes.as_ptr() as usize + bytes.len(),
        );
        self.0.iter().any(|m| m.start <= start && end <= m.end)
    }
}

/// A thread that gives the pages of some mapped files back every [`PAGER_PERIOD`] until it is
/// dropped. It holds the files' bytes, so they stay mapped (at the addresses the merges read
/// through: tantivy's directory shares one mapping per file) until then.
///
/// Files mapped from disk have their pages unmapped only (they stay in the kernel's file cache,
/// so a merge that reads a page again does not wait for the disk: paging them out instead made
/// two merges side by side take as long as one after the other); other memory (an index in
/// RAM) is paged out.
pub(crate) struct SourcePager {
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl SourcePager {
    /// Starts paging out `files`. Without a thread (the system refused one), nothing is paged
    /// out: the merges use more memory, and are otherwise the same.
    pub(crate) fn start(files: Vec<OwnedBytes>) -> SourcePager {
        let stop = Arc::new(AtomicBool::new(false));
        let thread = (!files.is_empty())
            .then(|| {
                let stop = Arc::clone(&stop);
                std::thread::Builder::new()
                    .name("govsearch-pager".to_string())
                    .spawn(move || {
                        #[cfg(target_os = "linux")]
                        let (mapped, other): (Vec<_>, Vec<_>) = {
                            let maps = FileMappings::read();
                            files.into_iter().partition(|f| maps.holds(f.as_slice()))
                        };
                        #[cfg(not(target_os = "linux"))]
                        let (mapped, other): (Vec<OwnedBytes>, _) = (Vec::new(), files);
                        while !stop.load(Ordering::Relaxed) {
                            std::thread::park_timeout(PAGER_PERIOD);
                            #[cfg(target_os = "linux")]
                            for file in &mapped {
                                unmap_file_pages(file.as_slice());
                            }
                            for file in &other {
                                page_out(file.as_slice());
                            }
                        }
                        drop(mapped);
                    })
                    .ok()
            })
            .flatten();
        SourcePager { stop, thread }
    }
}

impl Drop for SourcePager {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            thread.thread().unpark();
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::directory::{Directory, MmapDirectory};

    fn pattern(len: u32) -> Vec<u8> {
        (0..len).map(|i| (i * 7 % 251) as u8).collect()
    }

    /// Paging out never changes what the bytes read, for memory that is no file's (where
    /// discarding advice would read zeros): the pager must not take it for a file mapping.
    #[test]
    fn paged_out_memory_reads_the_same() {
        let data = pattern(64 * 4096);
        let bytes = OwnedBytes::new(data.clone());
        #[cfg(target_os = "linux")]
        assert!(!FileMappings::read().holds(bytes.as_slice()), "heap memory");
        page_out(bytes.as_slice());
        assert!(bytes.as_slice() == data.as_slice());
        let pager = SourcePager::start(vec![bytes.clone()]);
        std::thread::sleep(PAGER_PERIOD * 3);
        drop(pager);
        assert!(bytes.as_slice() == data.as_slice());
    }

    /// A file that tantivy's directory maps is recognised as one, and reads the same after its
    /// pages were taken out of the mappings, again and again.
    #[test]
    fn unmapped_file_pages_read_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let data = pattern(64 * 4096 + 123);
        std::fs::write(dir.path().join("f.store"), &data).unwrap();
        let directory = MmapDirectory::open(dir.path()).unwrap();
        let bytes = directory
            .open_read(std::path::Path::new("f.store"))
            .unwrap()
            .read_bytes()
            .unwrap();
        assert!(bytes.as_slice() == data.as_slice());
        #[cfg(target_os = "linux")]
        {
            assert!(
                FileMappings::read().holds(bytes.as_slice()),
                "a file mapping"
            );
            unmap_file_pages(bytes.as_slice());
            assert!(bytes.as_slice() == data.as_slice());
        }
        let pager = SourcePager::start(vec![bytes.clone()]);
        for _ in 0..3 {
            std::thread::sleep(PAGER_PERIOD);
            assert!(bytes.as_slice() == data.as_slice());
        }
        drop(pager);
        assert!(bytes.as_slice() == data.as_slice());
    }
}
