//! Epoch timestamps also as RFC 3339: for a service whose answers carry epoch seconds in known
//! fields (its `Conventions::epoch_fields`), every object of the answer (record, rows, nested
//! objects) holding such a field gets a sibling `<field>_iso` with the same instant as an
//! RFC 3339 UTC string (`2026-12-03T15:12:08Z`). The API's own field and value are never
//! changed; an object that already has the sibling key keeps its own value; a value that is
//! not an integer number of seconds between 1970 and 9999 (null, text, milliseconds) gets no
//! sibling.

use serde_json::Value;

use super::Answer;

/// Adds the `<field>_iso` siblings to every record of `answer`.
pub fn add_iso_siblings(answer: &mut Answer, fields: &[&str]) {
    if fields.is_empty() {
        return;
    }
    match answer {
        Answer::Record(v) => annotate(v, fields),
        Answer::Rows { items, .. } => items.iter_mut().for_each(|v| annotate(v, fields)),
    }
}

/// Adds the `<field>_iso` siblings throughout `value`.
pub fn annotate(value: &mut Value, fields: &[&str]) {
    match value {
        Value::Array(items) => items.iter_mut().for_each(|v| annotate(v, fields)),
        Value::Object(map) => {
            map.values_mut().for_each(|v| annotate(v, fields));
            let mut siblings: Vec<(&str, String, String)> = fields
                .iter()
                .filter_map(|field| {
                    let iso = rfc3339(map.get(*field)?.as_i64()?)?;
                    let key = format!("{field}_iso");
                    (!map.contains_key(&key)).then_some((*field, key, iso))
                })
                .collect();
            if siblings.is_empty() {
                return;
            }
            // Each sibling right after its field (where the map keeps insertion order).
            for (key, v) in std::mem::take(map) {
                let at = siblings.iter().position(|(field, _, _)| *field == key);
                map.insert(key, v);
                if let Some(i) = at {
                    let (_, sibling, iso) = siblings.swap_remove(i);
                    map.insert(sibling, Value::String(iso));
                }
            }
        }
        _ => {}
    }
}

/// Epoch seconds as `YYYY-MM-DDTHH:MM:SSZ`; `None` outside 1970-01-01T00:00:01Z ..
/// 9999-12-31T23:59:59Z (zero is "unset" in these APIs; larger values are not seconds).
pub fn rfc3339(secs: i64) -> Option<String> {
    if !(1..=253_402_300_799).contains(&secs) {
        return None;
    }
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    Some(format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        s / 3600,
        s % 3600 / 60,
        s % 60
    ))
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::shaping::ListMeta;

    #[test]
    fn seconds_render_as_rfc3339_utc() {
        assert_eq!(rfc3339(1).as_deref(), Some("1970-01-01T00:00:01Z"));
        assert_eq!(
            rfc3339(951_782_400).as_deref(),
            Some("2000-02-29T00:00:00Z")
        );
        assert_eq!(
            rfc3339(1_796_310_728).as_deref(),
            Some("2026-12-03T15:12:08Z")
        );
        assert_eq!(
            rfc3339(253_402_300_799).as_deref(),
            Some("9999-12-31T23:59:59Z")
        );
        assert_eq!(rfc3339(0), None);
        assert_eq!(rfc3339(-5), None);
        // Milliseconds are not seconds.
        assert_eq!(rfc3339(1_796_310_728_000), None);
    }

    #[test]
    fn siblings_are_added_next_to_every_named_field_and_never_replace() {
        let fields = &["timestamp", "ended_at"];
        let mut answer = Answer::Rows {
            items: vec![
                json!({"id": 1, "timestamp": 1_796_310_728, "ended_at": null,
                       "datapoints": [{"timestamp": 1_796_310_428, "value": 3}]}),
                json!({"id": 2, "timestamp": 1_796_310_728, "timestamp_iso": "kept",
                       "ended_at": "soon"}),
            ],
            meta: ListMeta::complete(2),
        };
        add_iso_siblings(&mut answer, fields);
        let Answer::Rows { items, .. } = answer else {
            panic!("rows stay rows");
        };
        let keys: Vec<&String> = items[0]
            .as_object()
            .map(|m| m.keys().collect())
            .unwrap_or_default();
        let at = keys.iter().position(|k| *k == "timestamp");
        assert_eq!(
            at.and_then(|i| keys.get(i + 1)).map(|k| k.as_str()),
            Some("timestamp_iso")
        );
        assert_eq!(items[0]["timestamp"], json!(1_796_310_728));
        assert_eq!(items[0]["timestamp_iso"], json!("2026-12-03T15:12:08Z"));
        assert!(items[0].get("ended_at_iso").is_none());
        assert_eq!(
            items[0]["datapoints"][0]["timestamp_iso"],
            json!("2026-12-03T15:07:08Z")
        );
        assert_eq!(items[1]["timestamp_iso"], json!("kept"));
        assert!(items[1].get("ended_at_iso").is_none());

        let mut record = Answer::Record(json!({"timestamp": 1_796_310_728}));
        add_iso_siblings(&mut record, &[]);
        let Answer::Record(v) = record else {
            panic!("a record stays a record");
        };
        assert!(v.get("timestamp_iso").is_none());
    }
}
