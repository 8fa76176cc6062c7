//! The root fields of the query type and their resolution.

use super::*;

pub(super) const ROOTS: &[&str] = &[
    "agents",
    "agentGroups",
    "agentConnectionStatusStatistics",
    "agentVersionStatistics",
    "agentGroupTotpSecrets",
    "nonces",
    "nonce",
    "appCatalog",
    "appZones",
    "policyRules",
    "defaultPolicyRules",
    "resourceGroups",
    "resourceGroupMembers",
    "resourceGroupProtectionStatus",
    "resources",
    "resourceProtectionStatus",
    "metadata",
    "tagNamespaces",
    "tagKeys",
    "tagValues",
];

pub(super) fn resolve(
    tenant: &Tenant,
    ctx: &Ctx<'_>,
    field: &Field,
    path: &mut Vec<String>,
) -> Result<Value, GqlError> {
    if !ROOTS.contains(&field.name.as_str()) {
        return Err(GqlError::validation(
            format!(
                "Validation error (FieldUndefined@[{}]) : Field '{}' in type 'Query' is undefined",
                field.key(),
                field.name
            ),
            path,
        ));
    }
    let args = ctx.args(field);
    match args.get("customerId").and_then(|v| match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }) {
        None => {
            return Err(bad_arg(
                format!(
                    "Missing required argument 'customerId' on field '{}'",
                    field.name
                ),
                path,
            ));
        }
        Some(c) if c != tenant.identity.customer_id => {
            return Err(GqlError::fetching(
                format!("Customer '{c}' not found or not accessible with this token"),
                path,
            ));
        }
        Some(_) => {}
    }
    let raw = root_value(tenant, &field.name, &args, path)?;
    ctx.project(&raw, field, path)
}

pub(super) fn root_value(
    tenant: &Tenant,
    root: &str,
    args: &Map<String, Value>,
    path: &[String],
) -> Result<Value, GqlError> {
    let none = |_: &Value, _: &str, _: &Value| None;
    match root {
        "agents" => {
            let mut nodes = all(tenant, &AGENTS);
            search_sort(
                &mut nodes,
                args,
                &["name", "eyezId", "agentGroupName", "hostOs"],
                path,
            )?;
            connection(nodes, args, false, path)
        }
        "agentGroups" => {
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for a in records(tenant, &AGENTS) {
                *counts.entry(text(a, "_agentGroupEyezId")).or_default() += 1;
            }
            let mut nodes = all(tenant, &AGENT_GROUPS);
            for g in &mut nodes {
                let c = counts.get(&text(g, "eyezId")).copied().unwrap_or(0);
                g["agentCount"] = json!(c);
            }
            search_sort(&mut nodes, args, &["name", "eyezId"], path)?;
            connection(nodes, args, false, path)
        }
        "agentConnectionStatusStatistics" | "agentVersionStatistics" => {
            let mut agents = all(tenant, &AGENTS);
            search_sort(
                &mut agents,
                args,
                &["name", "eyezId", "agentGroupName", "hostOs"],
                path,
            )?;
            let versions = root == "agentVersionStatistics";
            let second = if versions {
                "currentSoftwareVersion"
            } else {
                "connectionStatus"
            };
            let mut groups: BTreeMap<(String, String), usize> = BTreeMap::new();
            for a in &agents {
                *groups
                    .entry((text(a, "agentType"), text(a, second)))
                    .or_default() += 1;
            }
            let total = agents.len();
            let rows: Vec<Value> = groups
                .into_iter()
                .map(|((t, v), count)| {
                    let mut row =
                        json!({"agentType": t, "count": count, "percentage": pct(count, total)});
                    row[if versions {
                        "version"
                    } else {
                        "connectionStatus"
                    }] = json!(v);
                    row
                })
                .collect();
            let key = if versions {
                "agentVersions"
            } else {
                "agentStatuses"
            };
            let mut out = json!({
                "totalCount": total,
                "totalPercentage": if total == 0 { 0.0 } else { 100.0 },
            });
            out[key] = Value::Array(rows);
            Ok(out)
        }
        "agentGroupTotpSecrets" => {
            let id = require_id(args, "eyezId", path)?;
            let g = records(tenant, &AGENT_GROUPS)
                .find(|g| text(g, "eyezId") == id)
                .ok_or_else(|| {
                    GqlError::fetching(format!("Agent group with eyezId '{id}' not found"), path)
                })?;
            let secret = text(g, "_totpSecret");
            let label = text(g, "name").replace(' ', "%20");
            Ok(json!({
                "eyezId": id,
                "totpSecret": secret,
                "totpQrCode": format!("otpauth://totp/Zscaler%20Microsegmentation:{label}?secret={secret}&issuer=Zscaler&algorithm=SHA1&digits=6&period=30"),
                "totpGenerationTimestamp": g["_totpGenerated"].as_i64().map(|t| t * 1000),
            }))
        }
        "nonces" => {
            let mut nodes = all(tenant, &NONCES);
            search_sort(
                &mut nodes,
                args,
                &["name", "eyezId", "agentGroupName"],
                path,
            )?;
            connection(nodes, args, false, path)
        }
        "nonce" => {
            let id = require_id(args, "eyezId", path)?;
            let n = records(tenant, &NONCES)
                .find(|n| text(n, "eyezId") == id)
                .ok_or_else(|| {
                    GqlError::fetching(format!("Nonce with eyezId '{id}' not found"), path)
                })?;
            Ok(json!({"nonce": n}))
        }
        "appCatalog" => {
            let mut nodes = all(tenant, &APP_CATALOG);
            apply_filter(
                &mut nodes,
                args,
                &["id", "name", "category"],
                "AppCatalogQueryFilter",
                &none,
                path,
            )?;
            apply_order_by(
                &mut nodes,
                args,
                &["name", "category", "creationTime", "modifiedTime"],
                path,
            )?;
            connection(nodes, args, false, path)
        }
        "appZones" => {
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for r in records(tenant, &RESOURCES_DEF).filter(|r| r["deleted"] != true) {
                for z in ids(r, "appZoneIds") {
                    *counts.entry(z).or_default() += 1;
                }
            }
            let mut nodes = all(tenant, &APP_ZONES);
            for z in &mut nodes {
                z["memberCount"] = json!(counts.get(&text(z, "id")).copied().unwrap_or(0));
            }
            apply_filter(
                &mut nodes,
                args,
                &["id", "appZoneName", "description"],
                "AppZoneFilter",
                &none,
                path,
            )?;
            apply_order_by(&mut nodes, args, &["appZoneName"], path)?;
            connection(nodes, args, false, path)
        }
        "policyRules" => {
            let mut nodes = all(tenant, &POLICY_RULES);
            apply_filter(
                &mut nodes,
                args,
                &["id", "name", "action"],
                "PolicyRuleFilter",
                &none,
                path,
            )?;
            let fetch_all = args.get("fetchAll").and_then(Value::as_bool) == Some(true);
            connection(nodes, args, fetch_all, path)
        }
        "defaultPolicyRules" => connection(all(tenant, &DEFAULT_RULES), args, false, path),
        "resourceGroups" => {
            let resources: Vec<&Value> = records(tenant, &RESOURCES_DEF)
                .filter(|r| r["deleted"] != true)
                .collect();
            let mut nodes = all(tenant, &RESOURCE_GROUPS);
            for g in &mut nodes {
                if g["type"] == "MANAGED" {
                    let id = text(g, "id");
                    let c = resources
                        .iter()
                        .filter(|r| ids(r, "_groupIds").contains(&id))
                        .count();
                    g["resourceMemberCount"] = json!(c);
                }
            }
            let members = |g: &Value, key: &str, cond: &Value| -> Option<bool> {
                let field = match key {
                    "resourceHostname" => "resourceHostname",
                    "resourceId" => "id",
                    _ => return None,
                };
                let id = text(g, "id");
                Some(resources.iter().any(|r| {
                    ids(r, "_groupIds").contains(&id)
                        && r.get(field).is_some_and(|v| string_condition(v, cond))
                }))
            };
            apply_filter(
                &mut nodes,
                args,
                &["id", "name", "resourceHostname", "resourceId"],
                "ResourceGroupsFilter",
                &members,
                path,
            )?;
            connection(nodes, args, false, path)
        }
        "resourceGroupMembers" => {
            let id = require_id(args, "id", path)?;
            if !records(tenant, &RESOURCE_GROUPS).any(|g| text(g, "id") == id) {
                return Err(GqlError::fetching(
                    format!("Resource group '{id}' not found"),
                    path,
                ));
            }
            let nodes: Vec<Value> = records(tenant, &RESOURCES_DEF)
                .filter(|r| r["deleted"] != true && ids(r, "_groupIds").iter().any(|g| g == id))
                .cloned()
                .collect();
            connection(nodes, args, false, path)
        }
        "resourceGroupProtectionStatus" => {
            let protected = protected_groups(tenant);
            let total = records(tenant, &RESOURCE_GROUPS).count();
            let p = records(tenant, &RESOURCE_GROUPS)
                .filter(|g| protected.contains(&text(g, "id")))
                .count();
            let node = json!({
                "protectedPercentage": pct(p, total),
                "protectedResourceGroupsCount": p,
                "unprotectedResourceGroupsCount": total - p,
                "totalResourceGroups": total,
            });
            connection(vec![node], args, false, path)
        }
        "resources" => {
            let include_deleted = args.get("includeDeleted").and_then(Value::as_bool) == Some(true);
            let mut nodes: Vec<Value> = records(tenant, &RESOURCES_DEF)
                .filter(|r| include_deleted || r["deleted"] != true)
                .cloned()
                .collect();
            apply_filter(
                &mut nodes,
                args,
                &[
                    "id",
                    "name",
                    "status",
                    "resourceType",
                    "cloudProvider",
                    "cloudRegion",
                    "platformOs",
                ],
                "ResourceQueryFilter",
                &none,
                path,
            )?;
            apply_order_by(&mut nodes, args, &["name"], path)?;
            connection(nodes, args, false, path)
        }
        "resourceProtectionStatus" => {
            let protected = protected_groups(tenant);
            let live: Vec<&Value> = records(tenant, &RESOURCES_DEF)
                .filter(|r| r["deleted"] != true)
                .collect();
            let total = live.len();
            let p = live
                .iter()
                .filter(|r| ids(r, "_groupIds").iter().any(|g| protected.contains(g)))
                .count();
            let node = json!({
                "protectedPercentage": pct(p, total),
                "protectedResourcesCount": p,
                "unprotectedResourcesCount": total - p,
                "totalResources": total,
            });
            connection(vec![node], args, false, path)
        }
        "metadata" => Ok(metadata(tenant)),
        "tagNamespaces" => {
            let mut nodes = all(tenant, &TAG_NAMESPACES);
            apply_filter(
                &mut nodes,
                args,
                &["name", "origin"],
                "NamespaceFilter",
                &none,
                path,
            )?;
            apply_order_by(&mut nodes, args, &["name"], path)?;
            connection(nodes, args, false, path)
        }
        "tagKeys" => {
            let ns = require_id(args, "namespaceId", path)?;
            if !records(tenant, &TAG_NAMESPACES).any(|n| text(n, "id") == ns) {
                return Err(GqlError::fetching(
                    format!("Tag namespace '{ns}' not found"),
                    path,
                ));
            }
            let values: Vec<&Value> = records(tenant, &TAG_VALUES).collect();
            let mut nodes: Vec<Value> = records(tenant, &TAG_KEYS)
                .filter(|k| text(k, "_namespaceId") == ns)
                .cloned()
                .collect();
            let special = |k: &Value, key: &str, cond: &Value| -> Option<bool> {
                match key {
                    "keyName" => Some(k.get("name").is_some_and(|n| string_condition(n, cond))),
                    "valueName" => {
                        let id = text(k, "id");
                        Some(values.iter().any(|v| {
                            text(v, "_tagId") == id
                                && v.get("name").is_some_and(|n| string_condition(n, cond))
                        }))
                    }
                    _ => None,
                }
            };
            apply_filter(
                &mut nodes,
                args,
                &["keyName", "valueName"],
                "TagKeyFilter",
                &special,
                path,
            )?;
            apply_order_by(&mut nodes, args, &["name"], path)?;
            connection(nodes, args, false, path)
        }
        "tagValues" => {
            let tag = require_id(args, "tagId", path)?;
            let origin = require_id(args, "namespaceOrigin", path)?;
            let Some(key) = records(tenant, &TAG_KEYS).find(|k| text(k, "id") == tag) else {
                return Err(GqlError::fetching(
                    format!("Tag key '{tag}' not found"),
                    path,
                ));
            };
            let ns_origin = records(tenant, &TAG_NAMESPACES)
                .find(|n| text(n, "id") == text(key, "_namespaceId"))
                .map(|n| text(n, "origin"))
                .unwrap_or_default();
            let mut nodes: Vec<Value> = if ns_origin == origin {
                records(tenant, &TAG_VALUES)
                    .filter(|v| text(v, "_tagId") == tag)
                    .cloned()
                    .collect()
            } else {
                Vec::new()
            };
            apply_filter(&mut nodes, args, &["name"], "TagValueFilter", &none, path)?;
            apply_order_by(&mut nodes, args, &["name"], path)?;
            connection(nodes, args, false, path)
        }
        _ => Err(GqlError::validation(
            format!("Field '{root}' in type 'Query' is undefined"),
            path,
        )),
    }
}

/// Event metadata: the vocabularies a client needs to read ZMS events and resources.
pub(super) fn metadata(tenant: &Tenant) -> Value {
    let mut types: Vec<String> = records(tenant, &RESOURCES_DEF)
        .map(|r| text(r, "resourceType"))
        .collect();
    types.sort();
    types.dedup();
    let mut regions: Vec<String> = records(tenant, &RESOURCES_DEF)
        .map(|r| text(r, "cloudRegion"))
        .collect();
    regions.sort();
    regions.dedup();
    json!({
        "customerId": tenant.identity.customer_id,
        "eventTypes": [
            "AGENT_CONNECTED", "AGENT_DISCONNECTED", "AGENT_UPGRADED", "POLICY_RULE_HIT",
            "POLICY_RULE_BLOCKED", "RESOURCE_DISCOVERED", "RESOURCE_DELETED", "TAG_ASSIGNED"
        ],
        "resourceTypes": types,
        "cloudProviders": PROVIDERS,
        "cloudRegions": regions,
        "policyActions": ["ALLOW", "BLOCK", "SIM_BLOCK"],
        "agentVersions": VERSIONS,
        "severities": ["INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL"],
    })
}
