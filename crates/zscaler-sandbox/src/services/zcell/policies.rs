//! Policies, their logs and violations.

use super::*;

/// `GET /anomaly-policy?startDateTime&endDateTime&policyType&page&size`: each policy with its
/// `violations` counted within the window.
pub(super) fn list_policies(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let window = query_window(call, "startDateTime", "endDateTime", false)?;
    let policy_type = call.query.first("policyType").filter(|v| !v.is_empty());
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for v in engine::records(call.tenant, &VIOLATIONS) {
        if in_window(v, "timestamp", window)
            && let Some(p) = text(&v["policyId"])
        {
            *counts.entry(p).or_default() += 1;
        }
    }
    let records: Vec<Value> = engine::records(call.tenant, &POLICIES)
        .filter(|p| policy_type.is_none_or(|t| eq_ci(&p["policyType"], t)))
        .map(|p| {
            let mut p = p.clone();
            let n = text(&p["id"])
                .and_then(|id| counts.get(&id).copied())
                .unwrap_or(0);
            p["violations"] = json!(n);
            p
        })
        .collect();
    page_of(records, call)
}

/// `GET /anomaly-policy/{policyId}/logs`: the policy's change log, newest first.
pub(super) fn policy_logs(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let id = text(&policy(call)?["id"]).unwrap_or_default();
    let mut records: Vec<Value> = engine::records(call.tenant, &POLICY_LOGS)
        .filter(|l| text(&l["policyId"]).as_deref() == Some(id.as_str()))
        .cloned()
        .collect();
    newest_first(&mut records, "timestamp");
    page_of(records, call)
}

pub(super) fn violations_of(call: &Call<'_>, iccid: Option<&str>) -> Result<Vec<Value>, ApiError> {
    let window = query_window(call, "startDateTime", "endDateTime", false)?;
    let id = text(&policy(call)?["id"]).unwrap_or_default();
    let mut records: Vec<Value> = engine::records(call.tenant, &VIOLATIONS)
        .filter(|v| text(&v["policyId"]).as_deref() == Some(id.as_str()))
        .filter(|v| iccid.is_none_or(|i| v["iccid"].as_str() == Some(i)))
        .filter(|v| in_window(v, "timestamp", window))
        .cloned()
        .collect();
    newest_first(&mut records, "timestamp");
    Ok(records)
}

/// `GET /anomaly-policy/{policyId}/violations?startDateTime&endDateTime&page&size`.
pub(super) fn policy_violations(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let records = violations_of(call, None)?;
    page_of(records, call)
}

/// `GET /anomaly-policy/{policyId}/violations/{iccid}`: one SIM's violations, a bare array.
pub(super) fn iccid_violations(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let iccid = call.params.get("iccid").unwrap_or_default().to_string();
    policy(call)?;
    if engine::record(call.tenant, &SIMS, &iccid).is_none() {
        return Err(not_found(&SIMS, &iccid));
    }
    violations_of(call, Some(&iccid)).map(|v| Reply::ok(Value::Array(v)))
}
