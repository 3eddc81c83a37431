//! Work on all cores, results in input order: std threads take the next item from a shared
//! counter, and the caller's thread hands results on in order as soon as their turn comes, so
//! a long corpus streams to disk instead of waiting in memory. (std only: rayon would add a
//! dependency for what these thirty lines do.)

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

pub fn ordered<T: Sync, R: Send>(items: &[T], jobs: usize, work: impl Fn(&T) -> R + Sync, mut sink: impl FnMut(R)) {
    let jobs = jobs.clamp(1, items.len().max(1));
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::sync_channel::<(usize, R)>(jobs * 2);
    let (work, next) = (&work, &next);
    std::thread::scope(|s| {
        for _ in 0..jobs {
            let tx = tx.clone();
            s.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= items.len() || tx.send((i, work(&items[i]))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut waiting = BTreeMap::new();
        let mut turn = 0;
        for (i, r) in rx {
            waiting.insert(i, r);
            while let Some(r) = waiting.remove(&turn) {
                sink(r);
                turn += 1;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_come_in_input_order() {
        let items: Vec<u64> = (0..200).collect();
        let mut got = Vec::new();
        // uneven work, so that threads finish out of order
        super::ordered(&items, 4, |&n| (0..(n % 7) * 10_000).fold(n, |a, b| a ^ b) ^ n, |r| got.push(r));
        let want: Vec<u64> = items.iter().map(|&n| (0..(n % 7) * 10_000).fold(n, |a, b| a ^ b) ^ n).collect();
        assert_eq!(got, want);
    }
}
