//! The simulated tenant's state: one ordered collection of JSON records per resource. Creates,
//! full replacements and deletes persist for the life of the process; reads see writes at once.

use crate::clock::Clock;
use std::collections::HashMap;

use indexmap::IndexMap;
use serde_json::Value;

use crate::engine::{IdKind, ResourceDef};

/// Records of one resource, in insertion order, keyed by id (as text).
#[derive(Debug, Clone, Default)]
pub struct Collection {
    pub records: IndexMap<String, Value>,
}

/// Tenant-wide identifiers the API paths carry.
#[derive(Debug, Clone)]
pub struct Identity {
    /// ZPA customer id (in ZPA paths; also the ZMS `customerId` variable).
    pub customer_id: String,
    /// ZCell customer id (in ZCell paths).
    pub zcell_customer_id: String,
}

#[derive(Debug, Clone)]
pub struct Tenant {
    pub identity: Identity,
    collections: HashMap<&'static str, Collection>,
    /// Counter for server-assigned ids; seeded so ids are deterministic.
    next_id: u64,
    /// ZIA configuration changes not yet activated.
    pub zia_pending: bool,
    /// Epoch seconds seeded timestamps are relative to (see [`crate::seed::resolve_anchor`]);
    /// kept so re-seeding and handlers use the same "now" as the seed.
    pub anchor: i64,
    /// What "now" is for handlers ([`Tenant::now`]); the server sets it from the config.
    pub clock: Clock,
}

impl Tenant {
    /// An empty tenant whose seeded data will be relative to `anchor` (epoch seconds).
    pub fn new(identity: Identity, first_id: u64, anchor: i64) -> Tenant {
        Tenant {
            identity,
            collections: HashMap::new(),
            next_id: first_id,
            zia_pending: false,
            anchor,
            clock: Clock::System,
        }
    }

    /// Now, in epoch seconds, by the tenant's clock.
    pub fn now(&self) -> i64 {
        self.clock.now_secs()
    }

    /// Now, in epoch milliseconds, by the tenant's clock.
    pub fn now_millis(&self) -> i64 {
        self.clock.now_millis()
    }

    pub fn collection(&self, key: &str) -> Option<&Collection> {
        self.collections.get(key)
    }

    pub fn collection_mut(&mut self, key: &'static str) -> &mut Collection {
        self.collections.entry(key).or_default()
    }

    /// A fresh id in the resource's style.
    pub fn new_id(&mut self, kind: IdKind) -> Value {
        self.next_id += 1;
        let n = self.next_id;
        match kind {
            IdKind::Int => Value::from(n),
            IdKind::NumericString => Value::String(format!("{}", 216_196_257_331_200_000u64 + n)),
            IdKind::Uuid => Value::String(format!(
                "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
                n.wrapping_mul(2_654_435_761) & 0xffff_ffff,
                (n >> 3) & 0xffff,
                n & 0xfff,
                (n >> 7) & 0xfff,
                n.wrapping_mul(40_503) & 0xffff_ffff_ffff
            )),
            IdKind::Slug => Value::String(format!("id{n}")),
            IdKind::Singleton => Value::String("singleton".to_string()),
        }
    }

    /// Inserts a record, assigning an id if it has none. Returns its id text.
    pub fn insert(&mut self, def: &'static ResourceDef, mut record: Value) -> String {
        if def.id_kind == IdKind::Singleton {
            self.collection_mut(def.key)
                .records
                .insert("singleton".to_string(), record);
            return "singleton".to_string();
        }
        let id = match record.get(def.id_field) {
            Some(v) if !v.is_null() => v.clone(),
            _ => {
                let id = self.new_id(def.id_kind);
                if let Value::Object(map) = &mut record {
                    // The id goes first, as the real APIs print it.
                    let mut with_id = serde_json::Map::with_capacity(map.len() + 1);
                    with_id.insert(def.id_field.to_string(), id.clone());
                    with_id.extend(std::mem::take(map));
                    *map = with_id;
                }
                id
            }
        };
        let key = id_text(&id);
        self.collection_mut(def.key)
            .records
            .insert(key.clone(), record);
        key
    }

    /// Seeds `defs` in order (a resource may reference those seeded before it).
    pub fn seed(
        &mut self,
        defs: &[&'static ResourceDef],
        seed: u64,
        scale: usize,
        adversarial: bool,
    ) {
        for def in defs {
            let started = std::time::Instant::now();
            let records = {
                let mut seeder = crate::seed::Seeder::new(seed, def.key, scale, adversarial, self);
                (def.seed)(&mut seeder)
            };
            self.collection_mut(def.key);
            let rows = records.len();
            for record in records {
                self.insert(def, record);
            }
            tracing::debug!(
                resource = def.key,
                rows,
                elapsed_ms = started.elapsed().as_millis() as u64,
                "seeded"
            );
        }
    }

    /// Ids (as JSON values) of every record of a resource, for seeds that reference others.
    pub fn ids(&self, key: &str, id_field: &str) -> Vec<Value> {
        self.collection(key)
            .map(|c| {
                c.records
                    .values()
                    .filter_map(|r| r.get(id_field).cloned())
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// An id value as the text used in paths and as the collection key.
pub fn id_text(id: &Value) -> String {
    match id {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
