//! ZIA network-service ports: `[direction, protocol, start, end?]` entries (e.g.
//! `["dest", "tcp", "8080", "8081"]`) sent as `destTcpPorts: [{start, end}]` and its kin.

use serde_json::{Map, Value};

use crate::catalog::conventions::BodyBuilder;

/// The body builder of a `ports` parameter.
pub static BODY: BodyBuilder = BodyBuilder {
    name: "zia_port_ranges",
    build: |value, body| {
        for (field, range) in port_ranges(value)? {
            match body
                .entry(field)
                .or_insert_with(|| Value::Array(Vec::new()))
            {
                Value::Array(list) => list.push(range),
                other => *other = Value::Array(vec![range]),
            }
        }
        Ok(())
    },
};

/// ZIA network-service port entries to `(field, {start, end})` pairs.
fn port_ranges(value: &Value) -> Result<Vec<(String, Value)>, String> {
    const SHAPE: &str = "each entry is [direction, protocol, start] or [direction, protocol, \
                         start, end], e.g. [\"dest\", \"tcp\", \"443\"]";
    let entries = value.as_array().ok_or(SHAPE)?;
    let mut out = Vec::with_capacity(entries.len());
    for e in entries {
        let parts: Vec<&str> = e
            .as_array()
            .ok_or(SHAPE)?
            .iter()
            .map(|v| v.as_str().ok_or(SHAPE))
            .collect::<Result<_, _>>()?;
        let (direction, protocol, start, end) = match parts.as_slice() {
            [d, p, s] => (*d, *p, *s, None),
            [d, p, s, e] => (*d, *p, *s, Some(*e)),
            _ => return Err(SHAPE.into()),
        };
        let direction = match direction.to_ascii_lowercase().as_str() {
            "src" | "source" => "src",
            "dest" | "dst" | "destination" => "dest",
            other => return Err(format!("direction '{other}' must be src or dest")),
        };
        let protocol = match protocol.to_ascii_lowercase().as_str() {
            "tcp" => "Tcp",
            "udp" => "Udp",
            other => return Err(format!("protocol '{other}' must be tcp or udp")),
        };
        let port = |s: &str| -> Result<u16, String> {
            s.trim()
                .parse::<u16>()
                .ok()
                .filter(|p| *p > 0)
                .ok_or_else(|| format!("port '{s}' must be a number from 1 to 65535"))
        };
        let start = port(start)?;
        let mut range = Map::new();
        range.insert("start".into(), start.into());
        if let Some(end) = end {
            let end = port(end)?;
            if end < start {
                return Err(format!("port range {start}-{end} ends before it starts"));
            }
            range.insert("end".into(), end.into());
        }
        out.push((format!("{direction}{protocol}Ports"), Value::Object(range)));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn port_entries_become_the_api_range_lists() {
        let out = port_ranges(&json!([
            ["dest", "tcp", "443"],
            ["src", "UDP", "1000", "2000"]
        ]))
        .unwrap();
        assert_eq!(
            out,
            vec![
                ("destTcpPorts".to_string(), json!({"start": 443})),
                (
                    "srcUdpPorts".to_string(),
                    json!({"start": 1000, "end": 2000})
                ),
            ]
        );
        assert!(
            port_ranges(&json!([["up", "tcp", "1"]]))
                .unwrap_err()
                .contains("src or dest")
        );
        assert!(
            port_ranges(&json!([["dest", "tcp", "70000"]]))
                .unwrap_err()
                .contains("65535")
        );
        assert!(
            port_ranges(&json!([["dest", "tcp", "9", "8"]]))
                .unwrap_err()
                .contains("before")
        );
    }
}
