//! Bounded, expiring in-memory records (registered clients, pending authorizations, codes,
//! tokens): every entry has a deadline, and a full store refuses new entries instead of growing
//! (expired ones are purged first). Keys are digests of secrets, never the secrets.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The store is at its cap with no expired entry to drop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Full;

pub struct Store<T> {
    cap: usize,
    map: Mutex<HashMap<String, (Instant, T)>>,
}

impl<T: Clone> Store<T> {
    pub fn new(cap: usize) -> Store<T> {
        Store {
            cap,
            map: Mutex::new(HashMap::new()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, (Instant, T)>> {
        // A panic while holding the lock leaves plain data behind; keep serving.
        self.map.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Keeps `value` under `key` for `ttl`.
    pub fn insert(&self, key: String, value: T, ttl: Duration) -> Result<(), Full> {
        let now = Instant::now();
        let mut map = self.lock();
        if map.len() >= self.cap && !map.contains_key(&key) {
            map.retain(|_, (deadline, _)| *deadline > now);
            if map.len() >= self.cap {
                return Err(Full);
            }
        }
        map.insert(key, (now + ttl, value));
        Ok(())
    }

    /// The live value under `key`.
    pub fn get(&self, key: &str) -> Option<T> {
        let map = self.lock();
        map.get(key)
            .filter(|(deadline, _)| *deadline > Instant::now())
            .map(|(_, v)| v.clone())
    }

    /// Removes and returns the live value under `key` (single use).
    pub fn take(&self, key: &str) -> Option<T> {
        let mut map = self.lock();
        map.remove(key)
            .filter(|(deadline, _)| *deadline > Instant::now())
            .map(|(_, v)| v)
    }

    /// Removes every entry `drop` selects; how many.
    pub fn remove_where(&self, drop: impl Fn(&T) -> bool) -> usize {
        let mut map = self.lock();
        let before = map.len();
        map.retain(|_, (_, v)| !drop(v));
        before - map.len()
    }

    /// Live entries.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        let now = Instant::now();
        self.lock().values().filter(|(d, _)| *d > now).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_expire_are_single_use_and_the_cap_holds() {
        let store = Store::new(2);
        store
            .insert("a".into(), 1, Duration::from_secs(60))
            .expect("a");
        store.insert("b".into(), 2, Duration::ZERO).expect("b");
        assert_eq!(store.get("a"), Some(1));
        assert_eq!(store.get("b"), None, "expired");
        // Full only counting live entries: the expired one makes room.
        store
            .insert("c".into(), 3, Duration::from_secs(60))
            .expect("c");
        assert_eq!(
            store.insert("d".into(), 4, Duration::from_secs(60)),
            Err(Full)
        );
        assert_eq!(store.take("a"), Some(1));
        assert_eq!(store.take("a"), None, "single use");
        assert_eq!(store.remove_where(|v| *v == 3), 1);
        assert_eq!(store.len(), 0);
    }
}
