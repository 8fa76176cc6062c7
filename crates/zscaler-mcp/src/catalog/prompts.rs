//! The MCP prompts: investigation plans a user picks by name, each naming the real tools of this
//! server and their real arguments. Prompts are data, like tools: a name, title, service,
//! description, described string arguments (required, or with a default) and a template whose
//! `{argument}` placeholders the caller's values fill. A template is a list of paragraphs, each
//! always present or present only when an optional argument was (or was not) given.
//!
//! A prompt is offered only when its service has at least one tool in the caller's view
//! ([`offered`]); `prompts/get` renders it ([`get`], [`render`]) into one user message.

use rmcp::model::{Prompt, PromptArgument};
use serde_json::{Map, Value};

use crate::service::Service;

/// What an argument's value must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Any text.
    Text,
    /// A whole number from 1 to `max`, in `unit`s; `why` explains the bound.
    Count {
        unit: &'static str,
        max: u32,
        why: &'static str,
    },
}

/// One described argument of a prompt. Arguments are strings (MCP); an empty value is "not
/// given", so the default (or, for a required argument, a refusal) applies.
#[derive(Debug, Clone, Copy)]
pub struct PromptArg {
    pub name: &'static str,
    pub description: &'static str,
    pub required: bool,
    /// Used when the caller gives no value; `""` means "not given" (the clauses that need the
    /// argument are left out).
    pub default: &'static str,
    pub check: Check,
}

impl PromptArg {
    const fn required(name: &'static str, description: &'static str) -> PromptArg {
        PromptArg {
            name,
            description,
            required: true,
            default: "",
            check: Check::Text,
        }
    }
    const fn optional(name: &'static str, description: &'static str) -> PromptArg {
        PromptArg {
            name,
            description,
            required: false,
            default: "",
            check: Check::Text,
        }
    }
    const fn count(
        name: &'static str,
        description: &'static str,
        default: &'static str,
        check: Check,
    ) -> PromptArg {
        PromptArg {
            name,
            description,
            required: false,
            default,
            check,
        }
    }
}

/// One paragraph of a template.
#[derive(Debug, Clone, Copy)]
pub enum Part {
    Always(&'static str),
    /// Only when the named argument has a value.
    Given(&'static str, &'static str),
    /// Only when the named argument has no value.
    Absent(&'static str, &'static str),
}

/// One prompt.
#[derive(Debug)]
pub struct PromptDeclaration {
    pub name: &'static str,
    pub title: &'static str,
    /// Offered only when this service has a tool in the caller's view.
    pub service: Service,
    pub description: &'static str,
    pub arguments: &'static [PromptArg],
    pub template: &'static [Part],
}

impl PromptDeclaration {
    /// The `prompts/list` entry.
    pub fn to_mcp_prompt(&self) -> Prompt {
        let arguments = self
            .arguments
            .iter()
            .map(|a| {
                PromptArgument::new(a.name)
                    .with_description(a.description)
                    .with_required(a.required)
            })
            .collect();
        Prompt::new(self.name, Some(self.description), Some(arguments)).with_title(self.title)
    }

    /// The argument names, for refusals: `user_or_device (required), application, since_hours`.
    fn accepted(&self) -> String {
        let names: Vec<String> = self
            .arguments
            .iter()
            .map(|a| {
                if a.required {
                    format!("{} (required)", a.name)
                } else {
                    a.name.to_string()
                }
            })
            .collect();
        names.join(", ")
    }
}

const ZDX_HOURS: Check = Check::Count {
    unit: "hours",
    max: 336,
    why: "ZDX keeps 14 days of data",
};

const ZCELL_DAYS: Check = Check::Count {
    unit: "days",
    max: 365,
    why: "the ZCell analytics window",
};

/// Every prompt, in the order `prompts/list` answers them.
pub static PROMPTS: &[PromptDeclaration] = &[
    PromptDeclaration {
        name: "zdx_troubleshoot_user_experience",
        title: "ZDX: Troubleshoot User Experience",
        service: Service::Zdx,
        description: "Plan a ZDX investigation of one user's or device's poor experience: find \
                      the device, read its scores, application probes and alerts over a window, \
                      and say where the problem sits.",
        arguments: &[
            PromptArg::required(
                "user_or_device",
                "The user's email address or ZDX user id, or a ZDX device id.",
            ),
            PromptArg::optional(
                "application",
                "Application name or ZDX app id to focus on; empty: the device's weakest \
                 applications.",
            ),
            PromptArg::count(
                "since_hours",
                "Hours back to look, 1-336 (ZDX keeps 14 days); default 24. Sent as the \
                     tools' since.",
                "24",
                ZDX_HOURS,
            ),
        ],
        template: &[
            Part::Always(
                "Investigate the digital experience of {user_or_device} over the last \
                 {since_hours} hours with the ZDX tools. Pass since: {since_hours} to every tool \
                 that takes it.",
            ),
            Part::Always(
                "1. Find the device. If {user_or_device} is an email address, call \
                 zdx_list_devices (emails: [\"{user_or_device}\"], since: {since_hours}); \
                 otherwise call zdx_get_device (device_id: \"{user_or_device}\", since: \
                 {since_hours}), and if that finds nothing, zdx_list_devices (user_ids: \
                 [\"{user_or_device}\"], since: {since_hours}). If several devices match, say \
                 which one you pick and why (for example the most recently active).",
            ),
            Part::Always(
                "2. Read the device with zdx_get_device (device_id, since: {since_hours}): its \
                 ZDX score, network and device health, and the user it belongs to.",
            ),
            Part::Given(
                "application",
                "3. Find the application \"{application}\": call zdx_list_applications (since: \
                 {since_hours}) and match it by name or id to get its app_id. Then \
                 zdx_get_application_score_trend (app_id, since: {since_hours}) shows when its \
                 score changed, and zdx_get_application_user (app_id, user_id, since: \
                 {since_hours}) this user's own score for it.",
            ),
            Part::Absent(
                "application",
                "3. Call zdx_list_applications (since: {since_hours}) and pick the applications \
                 with the lowest scores; for each, zdx_get_application_score_trend (app_id, \
                 since: {since_hours}) shows when the score dropped, and \
                 zdx_get_application_user (app_id, user_id, since: {since_hours}) this user's \
                 own score for it.",
            ),
            Part::Always(
                "4. For each application from step 3, call zdx_get_web_probes (device_id, \
                 app_id, since: {since_hours}) for page fetch, DNS and server response times, \
                 and zdx_list_cloudpath_probes (device_id, app_id, since: {since_hours}) for the \
                 hops where latency or loss appear (Wi-Fi, ISP, Zscaler service edge, \
                 destination).",
            ),
            Part::Always(
                "5. Call zdx_list_alerts (since: {since_hours}) and keep the alerts that cover \
                 this device, its location or the applications above; \
                 zdx_list_alert_affected_devices (alert_id, since: {since_hours}) confirms \
                 whether the device is affected.",
            ),
            Part::Always(
                "6. Summarize: where the problem most likely sits (device, local network, ISP, \
                 Zscaler, or the application), the evidence with times (scores, probe metrics, \
                 alerts), and next steps. If the evidence is not conclusive, propose a deep \
                 trace with zdx_start_deeptrace (device_id, session_name, app_id, web_probe_id, \
                 cloudpath_probe_id) with the ids from steps 3 and 4, but do not start one \
                 without the user's approval: it changes the tenant and may not be enabled.",
            ),
        ],
    },
    PromptDeclaration {
        name: "zcell_audit_data_usage",
        title: "ZCell: Audit Data Usage",
        service: Service::Zcell,
        description: "Plan an audit of the ZCell SIMs' cellular data usage over a number of \
                      days: the daily trend, the top countries and SIMs, usage out of line, and \
                      the data-usage policies that watch it.",
        arguments: &[
            PromptArg::count(
                "since_days",
                "Days back to look, 1-365; default 30. Sent as the tools' days.",
                "30",
                ZCELL_DAYS,
            ),
            PromptArg::optional(
                "country",
                "ISO alpha-2 country code (e.g. DE) to focus on; empty: every country.",
            ),
        ],
        template: &[
            Part::Always(
                "Audit the cellular data usage of the ZCell SIMs over the last {since_days} \
                 days. Pass days: {since_days} to every tool that takes it.",
            ),
            Part::Always("1. Start with the fleet overview from zcell_list_sim_analytics_summary."),
            Part::Always(
                "2. Call zcell_list_sim_usage_by_day (days: {since_days}) for the daily totals; \
                 note spikes and the days they happened.",
            ),
            Part::Always(
                "3. Call zcell_list_sim_usage_by_country (days: {since_days}, limit: 20) to see \
                 where the data was used.",
            ),
            Part::Given(
                "country",
                "4. Focus on {country}: find its share in step 3, list its SIMs with \
                 zcell_list_sims (location_country: \"{country}\"), and compare them in \
                 zcell_list_sim_usage_by_sim (days: {since_days}, limit: 100).",
            ),
            Part::Absent(
                "country",
                "4. Call zcell_list_sim_usage_by_sim (days: {since_days}, limit: 100) for the \
                 heaviest SIMs.",
            ),
            Part::Always(
                "5. For the top SIMs, read zcell_get_sim_details (icc_id) for their status, \
                 device and tags, and zcell_list_sim_usage_by_day (days: {since_days}, icc_id) \
                 for each one's own trend.",
            ),
            Part::Always(
                "6. Check the policies that watch usage: zcell_list_anomaly_policies (days: \
                 {since_days}, policy_type: \"DATA_USAGE\") with the violations each raised.",
            ),
            Part::Always(
                "7. Report the total and its trend, the top countries and SIMs, SIMs whose \
                 usage is out of line with their peers or tags, SIMs using data while not \
                 activated, and what to change (limits, policies, deactivation), without \
                 changing anything yourself.",
            ),
        ],
    },
    PromptDeclaration {
        name: "zcell_investigate_sim",
        title: "ZCell: Investigate a SIM",
        service: Service::Zcell,
        description: "Plan an investigation of one ZCell SIM: its details, data usage, \
                      location, network events and policy violations over a number of days.",
        arguments: &[
            PromptArg::required("iccid", "The SIM's ICCID (19-20 digits)."),
            PromptArg::count(
                "since_days",
                "Days back to look, 1-365; default 7. Sent as the tools' days.",
                "7",
                ZCELL_DAYS,
            ),
        ],
        template: &[
            Part::Always(
                "Investigate the ZCell SIM with ICCID {iccid} over the last {since_days} days. \
                 Pass days: {since_days} to every tool that takes it.",
            ),
            Part::Always(
                "1. Read the SIM with zcell_get_sim_details (icc_id: \"{iccid}\"): status, \
                 network status, IMEI binding, device, location and tags. If it is not found, \
                 search zcell_list_sims (iccid: [\"{iccid}\"]) and stop if that finds nothing \
                 either.",
            ),
            Part::Always(
                "2. Data usage: zcell_list_sim_usage_by_day (days: {since_days}, icc_id: \
                 \"{iccid}\"); note days out of line with the rest.",
            ),
            Part::Always(
                "3. Location: zcell_list_sim_analytics_map (icc_ids: [\"{iccid}\"]) for its last \
                 known position.",
            ),
            Part::Always(
                "4. Network activity: zcell_list_network_events (days: {since_days}, filter_by: \
                 [{\"field\": \"iccid\", \"values\": [\"{iccid}\"]}]) for attaches, detaches, \
                 sessions and location updates; look for roaming, repeated attach failures or a \
                 new IMEI.",
            ),
            Part::Always(
                "5. Policy violations: list the policies with zcell_list_anomaly_policies (days: \
                 {since_days}); for each one that raised violations, call \
                 zcell_list_iccid_violations (days: {since_days}, policy_id, iccid: \
                 \"{iccid}\").",
            ),
            Part::Always(
                "6. Summarize the SIM's state and history, whether anything looks wrong \
                 (unexpected country, usage spike, IMEI change, geofence exit), the evidence \
                 with timestamps, and recommended actions, without changing anything yourself.",
            ),
        ],
    },
    PromptDeclaration {
        name: "zcell_review_anomaly_policies",
        title: "ZCell: Review Anomaly Policies",
        service: Service::Zcell,
        description: "Plan a review of the ZCell anomaly policies over a number of days: what \
                      each caught, how it changed, which SIMs keep violating, and the gaps.",
        arguments: &[
            PromptArg::count(
                "since_days",
                "Days back to look, 1-365; default 30. Sent as the tools' days.",
                "30",
                ZCELL_DAYS,
            ),
            PromptArg::optional(
                "policy_type",
                "Policy type to review, e.g. GEO_FENCE, IMEI_CHANGE, DATA_USAGE, ROAMING; \
                 empty: every type.",
            ),
        ],
        template: &[
            Part::Always(
                "Review the ZCell anomaly policies and what they caught over the last \
                 {since_days} days. Pass days: {since_days} to every tool that takes it.",
            ),
            Part::Given(
                "policy_type",
                "1. List the {policy_type} policies with zcell_list_anomaly_policies (days: \
                 {since_days}, policy_type: \"{policy_type}\"), each with the violations it \
                 raised.",
            ),
            Part::Absent(
                "policy_type",
                "1. List every policy with zcell_list_anomaly_policies (days: {since_days}), \
                 each with the violations it raised, and group them by policy type (GEO_FENCE, \
                 IMEI_CHANGE, DATA_USAGE, ROAMING, ...).",
            ),
            Part::Always(
                "2. For each policy, read its change history with \
                 zcell_list_anomaly_policy_logs (policy_id): who changed it, when, and whether \
                 it was disabled.",
            ),
            Part::Always(
                "3. For the policies with violations, call zcell_list_anomaly_policy_violations \
                 (days: {since_days}, policy_id) and find the SIMs that violate repeatedly; \
                 zcell_get_sim_details (icc_id) tells what such a SIM is, and \
                 zcell_list_iccid_violations (days: {since_days}, policy_id, iccid) gives its \
                 history under that policy.",
            ),
            Part::Always(
                "4. Look for gaps: disabled policies, policies that never fire, policies that \
                 fire so often they are noise, and tags or location groups no policy covers \
                 (zcell_list_tags, zcell_list_sim_location_groups).",
            ),
            Part::Always(
                "5. Report per policy: type, state, violations in the window, the SIMs that \
                 violate most, and recommended changes (thresholds, scope, enable or disable), \
                 without changing anything yourself.",
            ),
        ],
    },
];

/// The prompts offered when these services have tools in the caller's view, in [`PROMPTS`]
/// order.
pub fn offered(services_with_tools: &[Service]) -> Vec<&'static PromptDeclaration> {
    PROMPTS
        .iter()
        .filter(|p| services_with_tools.contains(&p.service))
        .collect()
}

/// The prompt named `name`, offered or not.
pub fn find(name: &str) -> Option<&'static PromptDeclaration> {
    PROMPTS.iter().find(|p| p.name == name)
}

fn names(prompts: &[&PromptDeclaration]) -> String {
    if prompts.is_empty() {
        return "none".to_string();
    }
    let names: Vec<&str> = prompts.iter().map(|p| p.name).collect();
    names.join(", ")
}

/// `prompts/get` for a caller whose view has tools of `services_with_tools`: the prompt and its
/// rendered text, or a refusal naming the unknown or not-offered prompt, or the argument.
pub fn get(
    name: &str,
    services_with_tools: &[Service],
    arguments: Option<&Map<String, Value>>,
) -> Result<(&'static PromptDeclaration, String), String> {
    let offered = offered(services_with_tools);
    match find(name) {
        None => Err(format!(
            "Unknown prompt: {name}. The prompts offered here: {}.",
            names(&offered)
        )),
        Some(prompt) if !offered.iter().any(|p| p.name == name) => Err(format!(
            "Prompt {name} is not offered here: its service {} ({}) has no tools in this \
             server's selection for this caller (see --services and --toolsets). The prompts \
             offered here: {}.",
            prompt.service.code().to_ascii_uppercase(),
            prompt.service.product_name(),
            names(&offered)
        )),
        Some(prompt) => render(name, arguments).map(|text| (prompt, text)),
    }
}

/// Renders the prompt named `name` with the caller's arguments (defaults applied). Refuses, with
/// a sentence naming it and the accepted names: an unknown prompt, an unknown argument, a value
/// that is not a string, a missing required argument, a count that is not a whole number in
/// range.
pub fn render(name: &str, arguments: Option<&Map<String, Value>>) -> Result<String, String> {
    let Some(prompt) = find(name) else {
        return Err(format!(
            "Unknown prompt: {name}. The prompts are: {}.",
            names(&PROMPTS.iter().collect::<Vec<_>>())
        ));
    };
    let empty = Map::new();
    let given = arguments.unwrap_or(&empty);
    for (key, value) in given {
        if !prompt.arguments.iter().any(|a| a.name == key) {
            return Err(format!(
                "Prompt {name} has no argument {key}; its arguments: {}.",
                prompt.accepted()
            ));
        }
        if !value.is_string() {
            return Err(format!(
                "Argument {key} of prompt {name} must be a string (prompt arguments are text), \
                 not {}; its arguments: {}.",
                kind(value),
                prompt.accepted()
            ));
        }
    }
    let mut values: Vec<(&str, String)> = Vec::with_capacity(prompt.arguments.len());
    for arg in prompt.arguments {
        let text = given
            .get(arg.name)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .unwrap_or(arg.default);
        if text.is_empty() && arg.required {
            return Err(format!(
                "Prompt {name} needs the argument {} ({}); its arguments: {}.",
                arg.name,
                arg.description,
                prompt.accepted()
            ));
        }
        let text = match arg.check {
            Check::Text => text.to_string(),
            Check::Count { unit, max, why } => match text.parse::<u32>() {
                Ok(n) if (1..=max).contains(&n) => n.to_string(),
                _ => {
                    return Err(format!(
                        "Argument {} of prompt {name} must be a whole number of {unit} from 1 \
                         to {max} ({why}), not \"{text}\".",
                        arg.name
                    ));
                }
            },
        };
        values.push((arg.name, text));
    }
    let has = |arg: &str| {
        values
            .iter()
            .any(|(name, value)| *name == arg && !value.is_empty())
    };
    let paragraphs: Vec<String> = prompt
        .template
        .iter()
        .filter_map(|part| match *part {
            Part::Always(text) => Some(text),
            Part::Given(arg, text) => has(arg).then_some(text),
            Part::Absent(arg, text) => (!has(arg)).then_some(text),
        })
        .map(|text| fill(text, &values))
        .collect();
    Ok(paragraphs.join("\n\n"))
}

/// The JSON kind of a value, for refusals.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Replaces each `{name}` of a declared argument by its value, in one pass (a value containing
/// braces is not expanded again); other braces stay as written.
fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let found = after.find('}').and_then(|close| {
            let key = &after[..close];
            values
                .iter()
                .find(|(name, _)| *name == key)
                .map(|(_, value)| (close, value))
        });
        match found {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::catalog::all_tools;

    fn args(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(map) => map,
            other => panic!("test arguments must be an object: {other}"),
        }
    }

    fn ok(name: &str, value: Value) -> String {
        match render(name, Some(&args(value))) {
            Ok(text) => text,
            Err(e) => panic!("{name} did not render: {e}"),
        }
    }

    fn refused(name: &str, value: Value) -> String {
        match render(name, Some(&args(value))) {
            Ok(text) => panic!("{name} rendered instead of refusing:\n{text}"),
            Err(e) => e,
        }
    }

    #[test]
    fn the_four_prompts_match_the_reference_names_titles_services_and_arguments() {
        type Row = (
            &'static str,
            &'static str,
            Service,
            Vec<(&'static str, bool, &'static str)>,
        );
        let table: Vec<Row> = PROMPTS
            .iter()
            .map(|p| {
                (
                    p.name,
                    p.title,
                    p.service,
                    p.arguments
                        .iter()
                        .map(|a| (a.name, a.required, a.default))
                        .collect(),
                )
            })
            .collect();
        assert_eq!(
            table,
            vec![
                (
                    "zdx_troubleshoot_user_experience",
                    "ZDX: Troubleshoot User Experience",
                    Service::Zdx,
                    vec![
                        ("user_or_device", true, ""),
                        ("application", false, ""),
                        ("since_hours", false, "24")
                    ]
                ),
                (
                    "zcell_audit_data_usage",
                    "ZCell: Audit Data Usage",
                    Service::Zcell,
                    vec![("since_days", false, "30"), ("country", false, "")]
                ),
                (
                    "zcell_investigate_sim",
                    "ZCell: Investigate a SIM",
                    Service::Zcell,
                    vec![("iccid", true, ""), ("since_days", false, "7")]
                ),
                (
                    "zcell_review_anomaly_policies",
                    "ZCell: Review Anomaly Policies",
                    Service::Zcell,
                    vec![("since_days", false, "30"), ("policy_type", false, "")]
                ),
            ]
        );
    }

    #[test]
    fn every_argument_is_described_and_every_default_passes_its_check() {
        for p in PROMPTS {
            assert!(!p.description.is_empty(), "{}", p.name);
            for a in p.arguments {
                assert!(a.description.ends_with('.'), "{}.{}", p.name, a.name);
                if a.required {
                    assert!(a.default.is_empty(), "{}.{}", p.name, a.name);
                }
                if let Check::Count { .. } = a.check {
                    assert!(
                        a.description.contains(&format!("default {}.", a.default)),
                        "{}.{} states its default",
                        p.name,
                        a.name
                    );
                }
            }
            // Rendering with only the required arguments applies every default.
            let mut given = Map::new();
            for a in p.arguments.iter().filter(|a| a.required) {
                given.insert(a.name.into(), "x".into());
            }
            assert!(render(p.name, Some(&given)).is_ok(), "{}", p.name);
        }
    }

    /// `{name}` placeholders in a text.
    fn placeholders(text: &str) -> Vec<&str> {
        text.split('{')
            .skip(1)
            .filter_map(|s| s.split_once('}').map(|(k, _)| k))
            .filter(|k| !k.is_empty() && k.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            .collect()
    }

    #[test]
    fn templates_use_only_declared_arguments_and_clauses_name_optional_ones() {
        for p in PROMPTS {
            let declared = |n: &str| p.arguments.iter().find(|a| a.name == n);
            for part in p.template {
                let text = match *part {
                    Part::Always(t) => t,
                    Part::Given(arg, t) | Part::Absent(arg, t) => {
                        let a = declared(arg).unwrap_or_else(|| panic!("{}: {arg}", p.name));
                        assert!(!a.required && a.default.is_empty(), "{}: {arg}", p.name);
                        t
                    }
                };
                for key in placeholders(text) {
                    assert!(declared(key).is_some(), "{}: {{{key}}}", p.name);
                }
            }
        }
    }

    /// The argument names in a parenthesized list after a tool name: `(a: 1, b, c: [{..}])`.
    fn mentioned_args(after: &str) -> Vec<String> {
        let Some(inner) = after.strip_prefix(" (") else {
            return Vec::new();
        };
        let (mut depth, mut quoted, mut piece, mut out) = (0, false, String::new(), Vec::new());
        for c in inner.chars() {
            match c {
                '"' => quoted = !quoted,
                '(' | '[' | '{' if !quoted => depth += 1,
                ']' | '}' if !quoted => depth -= 1,
                ')' if !quoted && depth == 0 => break,
                ')' if !quoted => depth -= 1,
                ',' if !quoted && depth == 0 => {
                    out.push(std::mem::take(&mut piece));
                    continue;
                }
                _ => {}
            }
            piece.push(c);
        }
        out.push(piece);
        out.iter()
            .map(|p| p.split(':').next().unwrap_or_default().trim().to_string())
            .collect()
    }

    #[test]
    fn templates_name_real_tools_of_their_service_with_real_arguments() {
        for p in PROMPTS {
            let all = args(json!({
                "user_or_device": "user@example.com", "application": "Outlook",
                "iccid": "8988228066612345678", "country": "DE", "policy_type": "ROAMING"
            }));
            let own: Map<String, Value> = all
                .into_iter()
                .filter(|(k, _)| p.arguments.iter().any(|a| a.name == k))
                .collect();
            let text = render(p.name, Some(&own)).unwrap_or_else(|e| panic!("{e}"));
            let prefix = format!("{}_", p.service.code());
            let mut mentioned = 0;
            let mut rest = text.as_str();
            while let Some(i) = rest.find(&prefix) {
                let word: String = rest[i..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                let after = &rest[i + word.len()..];
                rest = after;
                let Some(tool) = all_tools().find(|t| t.name == word) else {
                    panic!("{}: {word} is not a tool of this server", p.name);
                };
                assert_eq!(tool.service, Some(p.service), "{}: {word}", p.name);
                for arg in mentioned_args(after) {
                    assert!(
                        tool.params.iter().any(|q| q.name == arg),
                        "{}: {word} has no argument {arg:?}",
                        p.name
                    );
                }
                mentioned += 1;
            }
            assert!(mentioned >= 5, "{} names its tools ({mentioned})", p.name);
        }
    }

    #[test]
    fn zdx_renders_with_defaults_and_with_an_application() {
        let text = ok(
            "zdx_troubleshoot_user_experience",
            json!({"user_or_device": "jdoe@example.com"}),
        );
        assert!(
            text.starts_with(
                "Investigate the digital experience of jdoe@example.com over the last 24 hours"
            ),
            "{text}"
        );
        assert!(
            text.contains("zdx_list_devices (emails: [\"jdoe@example.com\"], since: 24)"),
            "{text}"
        );
        assert!(
            text.contains("pick the applications with the lowest scores"),
            "{text}"
        );
        assert!(!text.contains("Find the application"), "{text}");
        assert!(
            !text.contains('{') || text.contains("{\""),
            "no placeholder left: {text}"
        );

        let text = ok(
            "zdx_troubleshoot_user_experience",
            json!({"user_or_device": " 4711 ", "application": "Outlook", "since_hours": "048"}),
        );
        assert!(
            text.contains("Investigate the digital experience of 4711 over the last 48 hours"),
            "{text}"
        );
        assert!(text.contains("Find the application \"Outlook\""), "{text}");
        assert!(text.contains("zdx_list_alerts (since: 48)"), "{text}");
        assert!(!text.contains("lowest scores"), "{text}");
        // An empty optional argument is "not given"; an empty count takes its default.
        let text = ok(
            "zdx_troubleshoot_user_experience",
            json!({"user_or_device": "d1", "application": " ", "since_hours": ""}),
        );
        assert!(
            text.contains("lowest scores") && text.contains("since: 24"),
            "{text}"
        );
    }

    #[test]
    fn zcell_prompts_render_days_and_optional_clauses() {
        let text = ok("zcell_audit_data_usage", json!({}));
        assert!(text.contains("over the last 30 days"), "{text}");
        assert!(
            text.contains("zcell_list_sim_usage_by_day (days: 30)"),
            "{text}"
        );
        assert!(
            text.contains("heaviest SIMs") && !text.contains("location_country"),
            "{text}"
        );
        let text = ok(
            "zcell_audit_data_usage",
            json!({"country": "DE", "since_days": "90"}),
        );
        assert!(
            text.contains("zcell_list_sims (location_country: \"DE\")"),
            "{text}"
        );
        assert!(
            text.contains("(days: 90, limit: 100)") && !text.contains("heaviest"),
            "{text}"
        );

        let text = ok(
            "zcell_investigate_sim",
            json!({"iccid": "8988228066612345678"}),
        );
        assert!(
            text.contains("zcell_get_sim_details (icc_id: \"8988228066612345678\")"),
            "{text}"
        );
        assert!(text.contains("over the last 7 days"), "{text}");
        assert!(
            text.contains(
                "filter_by: [{\"field\": \"iccid\", \"values\": [\"8988228066612345678\"]}]"
            ),
            "literal braces stay: {text}"
        );

        let text = ok("zcell_review_anomaly_policies", json!({}));
        assert!(
            text.contains("List every policy") && text.contains("(days: 30)"),
            "{text}"
        );
        let text = ok(
            "zcell_review_anomaly_policies",
            json!({"policy_type": "GEO_FENCE", "since_days": "1"}),
        );
        assert!(
            text.contains("policy_type: \"GEO_FENCE\"") && text.contains("last 1 days"),
            "{text}"
        );
        assert!(!text.contains("List every policy"), "{text}");
    }

    #[test]
    fn no_arguments_at_all_is_the_same_as_an_empty_object() {
        assert_eq!(
            render("zcell_audit_data_usage", None),
            render("zcell_audit_data_usage", Some(&Map::new()))
        );
        let e = render("zcell_investigate_sim", None).expect_err("iccid is required");
        assert!(e.contains("needs the argument iccid"), "{e}");
    }

    #[test]
    fn every_refusal_names_the_problem_and_the_accepted_names() {
        let e = refused("zdx_nope", json!({}));
        assert!(e.starts_with("Unknown prompt: zdx_nope."), "{e}");
        assert!(e.contains("zdx_troubleshoot_user_experience, zcell_audit_data_usage, zcell_investigate_sim, zcell_review_anomaly_policies"), "{e}");

        let accepted = "its arguments: user_or_device (required), application, since_hours.";
        let zdx = "zdx_troubleshoot_user_experience";
        for missing in [
            json!({}),
            json!({"user_or_device": ""}),
            json!({"user_or_device": "  "}),
        ] {
            let e = refused(zdx, missing);
            assert!(
                e.contains("needs the argument user_or_device") && e.ends_with(accepted),
                "{e}"
            );
        }
        let e = refused(zdx, json!({"user_or_device": "a", "since": "24"}));
        assert!(
            e.contains("has no argument since;") && e.ends_with(accepted),
            "{e}"
        );
        for (value, kind) in [
            (json!(24), "a number"),
            (Value::Null, "null"),
            (json!(true), "a boolean"),
            (json!(["a"]), "an array"),
            (json!({"a": 1}), "an object"),
        ] {
            let e = refused(zdx, json!({"user_or_device": "a", "since_hours": value}));
            assert!(
                e.contains("Argument since_hours of prompt zdx_troubleshoot_user_experience must be a string")
                    && e.contains(&format!("not {kind};"))
                    && e.ends_with(accepted),
                "{e}"
            );
        }
        for bad in ["0", "337", "-1", "1.5", "24h", "abc", "99999999999"] {
            let e = refused(zdx, json!({"user_or_device": "a", "since_hours": bad}));
            assert_eq!(
                e,
                format!(
                    "Argument since_hours of prompt zdx_troubleshoot_user_experience must be a whole \
                     number of hours from 1 to 336 (ZDX keeps 14 days of data), not \"{bad}\"."
                )
            );
        }
        assert!(
            ok(zdx, json!({"user_or_device": "a", "since_hours": "336"}))
                .contains("last 336 hours")
        );
        for p in [
            "zcell_audit_data_usage",
            "zcell_investigate_sim",
            "zcell_review_anomaly_policies",
        ] {
            for bad in ["0", "366", "x"] {
                let mut given = args(json!({"since_days": bad}));
                if p == "zcell_investigate_sim" {
                    given.insert("iccid".into(), "1".into());
                }
                let e = render(p, Some(&given)).expect_err("out of range");
                assert!(
                    e.contains("since_days") && e.contains("from 1 to 365"),
                    "{p}: {e}"
                );
            }
            let e = refused(p, json!({"days": "7"}));
            assert!(e.contains("has no argument days"), "{p}: {e}");
        }
    }

    #[test]
    fn a_value_is_inserted_once_not_expanded_again() {
        let text = ok(
            "zdx_troubleshoot_user_experience",
            json!({"user_or_device": "{since_hours}", "application": "{x}"}),
        );
        assert!(
            text.contains("experience of {since_hours} over the last 24 hours"),
            "{text}"
        );
        assert!(text.contains("application \"{x}\""), "{text}");
    }

    #[test]
    fn prompts_are_offered_only_for_services_with_tools() {
        let names = |s: &[Service]| offered(s).iter().map(|p| p.name).collect::<Vec<_>>();
        assert!(names(&[]).is_empty());
        assert!(names(&[Service::Zia, Service::Zpa]).is_empty());
        assert_eq!(names(&[Service::Zdx]), ["zdx_troubleshoot_user_experience"]);
        assert_eq!(
            names(&[Service::Zcell, Service::Zia]),
            [
                "zcell_audit_data_usage",
                "zcell_investigate_sim",
                "zcell_review_anomaly_policies"
            ]
        );
        assert_eq!(names(&[Service::Zcell, Service::Zdx]).len(), 4);
        assert_eq!(
            names(&[Service::Zcell, Service::Zdx])[0],
            "zdx_troubleshoot_user_experience"
        );
    }

    #[test]
    fn get_refuses_unknown_and_not_offered_prompts_and_renders_offered_ones() {
        let e = get("nope", &[Service::Zdx], None).expect_err("unknown");
        assert_eq!(
            e,
            "Unknown prompt: nope. The prompts offered here: zdx_troubleshoot_user_experience."
        );
        let e = get("zcell_investigate_sim", &[Service::Zdx], None).expect_err("not offered");
        assert!(e.starts_with("Prompt zcell_investigate_sim is not offered here: its service ZCELL (Zscaler Cellular)"), "{e}");
        assert!(
            e.ends_with("offered here: zdx_troubleshoot_user_experience."),
            "{e}"
        );
        let e = get("zdx_troubleshoot_user_experience", &[], None).expect_err("not offered");
        assert!(e.ends_with("The prompts offered here: none."), "{e}");
        let (p, text) = get(
            "zcell_investigate_sim",
            &[Service::Zcell],
            Some(&args(json!({"iccid": "123"}))),
        )
        .expect("renders");
        assert_eq!(p.name, "zcell_investigate_sim");
        assert!(text.contains("ICCID 123"), "{text}");
        let e = get("zcell_investigate_sim", &[Service::Zcell], None).expect_err("missing");
        assert!(e.contains("needs the argument iccid"), "{e}");
    }

    #[test]
    fn the_mcp_entry_has_title_and_described_arguments() {
        let p = serde_json::to_value(PROMPTS[0].to_mcp_prompt()).expect("serializes");
        assert_eq!(p["name"], "zdx_troubleshoot_user_experience");
        assert_eq!(p["title"], "ZDX: Troubleshoot User Experience");
        assert_eq!(p["arguments"][0]["name"], "user_or_device");
        assert_eq!(p["arguments"][0]["required"], true);
        assert_eq!(p["arguments"][2]["required"], false);
        for a in p["arguments"].as_array().expect("arguments") {
            assert!(
                a["description"].as_str().is_some_and(|d| !d.is_empty()),
                "{a}"
            );
        }
    }
}
