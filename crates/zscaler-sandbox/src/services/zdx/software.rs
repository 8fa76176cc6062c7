//! Software inventory.

use super::*;

pub(super) fn installed(software: &Value, device_id: i64) -> bool {
    let salt = software["_salt"].as_u64().unwrap_or(7);
    let share = software["_share"].as_u64().unwrap_or(50);
    mix(device_id as u64, salt) % 100 < share
}

/// Devices in scope for the inventory filters (`loc`, `dept`, `geo`, `userIds`, `deviceIds`).
pub(super) fn inventory_devices<'t>(call: &'t Read<'_>) -> Result<Vec<&'t Value>, ApiError> {
    let scope = Scope::parse(call.query)?;
    let users = ints(call.query, &["userIds", "user_ids"])?;
    let devices = ints(call.query, &["deviceIds", "device_ids"])?;
    Ok(engine::records(call.tenant, &DEVICES)
        .filter(|d| scope.matches(d))
        .filter(|d| users.is_empty() || d["userid"].as_i64().is_some_and(|u| users.contains(&u)))
        .filter(|d| devices.is_empty() || d["id"].as_i64().is_some_and(|i| devices.contains(&i)))
        .collect())
}

/// `GET /inventory/software`: `{"software": [...], "next_offset"}` with per-title totals.
pub(super) fn list_software(call: &Read<'_>) -> Result<Reply, ApiError> {
    let devices = inventory_devices(call)?;
    let rows: Vec<Value> = engine::records(call.tenant, &SOFTWARE)
        .filter_map(|sw| {
            let hosts: Vec<&&Value> = devices
                .iter()
                .filter(|d| d["id"].as_i64().is_some_and(|id| installed(sw, id)))
                .collect();
            if hosts.is_empty() {
                return None;
            }
            let users: std::collections::BTreeSet<i64> =
                hosts.iter().filter_map(|d| d["userid"].as_i64()).collect();
            let mut v = public(sw);
            if let Value::Object(m) = &mut v {
                m.remove("software_version");
                m.insert("user_total".into(), json!(users.len()));
                m.insert("device_total".into(), json!(hosts.len()));
            }
            Some(v)
        })
        .collect();
    cursor("software", rows, call)
}

/// `GET /inventory/software/{key}`: one row per device that has the title installed.
pub(super) fn get_software(call: &Read<'_>) -> Result<Reply, ApiError> {
    let key = param(call, "softwareKey");
    let sw =
        engine::record(call.tenant, &SOFTWARE, key).ok_or_else(|| not_found("Software", key))?;
    let devices = inventory_devices(call)?;
    let rows: Vec<Value> = devices
        .into_iter()
        .filter(|d| d["id"].as_i64().is_some_and(|id| installed(sw, id)))
        .map(|d| {
            let id = d["id"].as_i64().unwrap_or_default();
            let installed_on = call.tenant.anchor - (mix(id as u64, 77) % (400 * 86_400)) as i64;
            json!({
                "software_key": sw["software_key"],
                "software_name": sw["software_name"],
                "software_version": sw["software_version"],
                "vendor": sw["vendor"],
                "software_group": sw["software_group"],
                "sw_install_type": sw["sw_install_type"],
                "os": d["software"]["os_name"],
                "device_id": id,
                "hostname": d["software"]["hostname"],
                "user_id": d["userid"],
                "username": d["user_email"],
                "install_date": installed_on,
            })
        })
        .collect();
    cursor("software", rows, call)
}
