//! ZIA `zia_url_categories` endpoints: predefined and custom URL categories (string ids such as
//! `NEWS_AND_MEDIA` and `CUSTOM_01`), URL list edits, and URL lookups.

use axum::http::Method;
use serde_json::{Map, Value, json};

use super::common::{bool_param, param, respond_refs, select, zia_invalid};
use super::zia;
use crate::engine::{self, Call, IdKind, Reply, ResourceDef};
use crate::errors::{ApiError, Kind};
use crate::product::Product;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

/// A seeded custom category: name, type, URLs, keywords, IP ranges.
type SeedCategory = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
);

/// Predefined categories: `(id, superCategory, display name, val)`.
pub const PREDEFINED: [(&str, &str, &str, i64); 24] = [
    ("NEWS_AND_MEDIA", "NEWS_AND_MEDIA", "News and Media", 23),
    (
        "SOCIAL_NETWORKING",
        "SOCIETY_AND_LIFESTYLE",
        "Social Networking",
        61,
    ),
    ("WEB_SEARCH", "INFORMATION_TECHNOLOGY", "Web Search", 68),
    ("WEB_MAIL", "INTERNET_COMMUNICATION", "Webmail", 52),
    ("ONLINE_CHAT", "INTERNET_COMMUNICATION", "Online Chat", 54),
    (
        "ONLINE_SHOPPING",
        "SHOPPING_AND_AUCTIONS",
        "Online Shopping",
        35,
    ),
    (
        "STREAMING_MEDIA",
        "ENTERTAINMENT_AND_RECREATION",
        "Streaming Media/MP3",
        49,
    ),
    ("GAMBLING", "GAMBLING", "Gambling", 18),
    ("FINANCE", "BUSINESS_AND_ECONOMY", "Finance", 8),
    (
        "CORPORATE_MARKETING",
        "BUSINESS_AND_ECONOMY",
        "Corporate Marketing",
        7,
    ),
    (
        "PROFESSIONAL_SERVICES",
        "BUSINESS_AND_ECONOMY",
        "Professional Services",
        9,
    ),
    (
        "OTHER_INFORMATION_TECHNOLOGY",
        "INFORMATION_TECHNOLOGY",
        "Other Information Technology",
        100,
    ),
    ("FILE_HOST", "INFORMATION_TECHNOLOGY", "File Host", 70),
    (
        "AI_ML_APPS",
        "INFORMATION_TECHNOLOGY",
        "AI & ML Applications",
        227,
    ),
    ("OTHER_EDUCATION", "EDUCATION", "Other Education", 12),
    ("TRAVEL", "TRAVEL", "Travel", 43),
    ("SPORTS", "SPORTS", "Sports", 41),
    ("JOB_SEARCH", "JOB_SEARCH", "Job Search", 20),
    ("ANONYMIZER", "SECURITY", "Anonymizer", 56),
    ("MALWARE_SITE", "SECURITY", "Malicious Content", 142),
    ("PHISHING", "SECURITY", "Phishing", 143),
    ("BOTNET", "SECURITY", "Botnet Callback", 144),
    ("SPYWARE_OR_ADWARE", "SECURITY", "Spyware/Adware", 145),
    (
        "MISCELLANEOUS_OR_UNKNOWN",
        "MISCELLANEOUS",
        "Miscellaneous or Unknown",
        106,
    ),
];

/// Super categories a custom category may belong to.
const SUPER_CATEGORIES: [&str; 16] = [
    "USER_DEFINED",
    "NEWS_AND_MEDIA",
    "SOCIETY_AND_LIFESTYLE",
    "INFORMATION_TECHNOLOGY",
    "INTERNET_COMMUNICATION",
    "SHOPPING_AND_AUCTIONS",
    "ENTERTAINMENT_AND_RECREATION",
    "GAMBLING",
    "BUSINESS_AND_ECONOMY",
    "EDUCATION",
    "TRAVEL",
    "SPORTS",
    "JOB_SEARCH",
    "SECURITY",
    "MISCELLANEOUS",
    "ADULT_MATERIAL",
];

/// Security classifications (reported in `urlClassificationsWithSecurityAlert`).
const SECURITY: [&str; 4] = ["MALWARE_SITE", "PHISHING", "BOTNET", "SPYWARE_OR_ADWARE"];

/// Domain hints for `urlLookup`: a URL containing the hint is classified in the category.
const HINTS: [(&str, &str); 46] = [
    ("cnn.com", "NEWS_AND_MEDIA"),
    ("bbc.", "NEWS_AND_MEDIA"),
    ("nytimes.com", "NEWS_AND_MEDIA"),
    ("reuters.com", "NEWS_AND_MEDIA"),
    ("facebook.com", "SOCIAL_NETWORKING"),
    ("linkedin.com", "SOCIAL_NETWORKING"),
    ("twitter.com", "SOCIAL_NETWORKING"),
    ("instagram.com", "SOCIAL_NETWORKING"),
    ("reddit.com", "SOCIAL_NETWORKING"),
    ("google.", "WEB_SEARCH"),
    ("bing.com", "WEB_SEARCH"),
    ("duckduckgo.com", "WEB_SEARCH"),
    ("gmail.com", "WEB_MAIL"),
    ("outlook.com", "WEB_MAIL"),
    ("mail.yahoo.com", "WEB_MAIL"),
    ("slack.com", "ONLINE_CHAT"),
    ("whatsapp.com", "ONLINE_CHAT"),
    ("amazon.", "ONLINE_SHOPPING"),
    ("ebay.", "ONLINE_SHOPPING"),
    ("youtube.com", "STREAMING_MEDIA"),
    ("netflix.com", "STREAMING_MEDIA"),
    ("spotify.com", "STREAMING_MEDIA"),
    ("casino", "GAMBLING"),
    ("poker", "GAMBLING"),
    ("bet365", "GAMBLING"),
    ("paypal.com", "FINANCE"),
    ("bank", "FINANCE"),
    ("zscaler.com", "PROFESSIONAL_SERVICES"),
    ("github.com", "OTHER_INFORMATION_TECHNOLOGY"),
    ("stackoverflow.com", "OTHER_INFORMATION_TECHNOLOGY"),
    ("dropbox.com", "FILE_HOST"),
    ("wetransfer.com", "FILE_HOST"),
    ("openai.com", "AI_ML_APPS"),
    ("chatgpt.com", "AI_ML_APPS"),
    ("claude.ai", "AI_ML_APPS"),
    ("gemini.google.com", "AI_ML_APPS"),
    (".edu", "OTHER_EDUCATION"),
    ("booking.com", "TRAVEL"),
    ("expedia.", "TRAVEL"),
    ("espn.com", "SPORTS"),
    ("indeed.com", "JOB_SEARCH"),
    ("torproject.org", "ANONYMIZER"),
    ("eicar", "MALWARE_SITE"),
    ("malware", "MALWARE_SITE"),
    ("phish", "PHISHING"),
    ("botnet", "BOTNET"),
];

pub static URL_CATEGORIES: ResourceDef = ResourceDef {
    id_kind: IdKind::Slug,
    name_field: Some("configuredName"),
    required: &[],
    filters: &[],
    ..zia("zia.url_categories", seed_categories)
};

pub static RESOURCES: &[&ResourceDef] = &[&URL_CATEGORIES];

pub fn routes() -> Vec<Route> {
    const ONE: &str = "/zia/api/v1/urlCategories/{categoryId}";
    vec![
        Route::new(
            Method::GET,
            "/zia/api/v1/urlCategories",
            Op::Custom(list_categories),
        ),
        Route::new(
            Method::POST,
            "/zia/api/v1/urlCategories",
            Op::Custom(create_category),
        ),
        Route::new(Method::GET, ONE, Op::Get(&URL_CATEGORIES)),
        Route::new(Method::PUT, ONE, Op::Custom(update_category)),
        Route::new(Method::DELETE, ONE, Op::Custom(delete_category)),
        Route::new(
            Method::POST,
            "/zia/api/v1/urlLookup",
            Op::Custom(url_lookup),
        ),
    ]
}

fn strings(map: &Map<String, Value>, field: &str) -> Result<Vec<String>, ApiError> {
    match map.get(field) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| {
                i.as_str()
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty() && s.len() <= 1024)
                    .ok_or_else(|| {
                        zia_invalid(format!(
                            "Invalid value for '{field}': expected a list of non-empty strings"
                        ))
                    })
            })
            .collect(),
        Some(_) => Err(zia_invalid(format!(
            "Invalid value for '{field}': expected a list of strings"
        ))),
    }
}

/// Recomputes the server-managed counters and fills every key.
fn finish(c: &mut Map<String, Value>) {
    let len =
        |c: &Map<String, Value>, k: &str| c.get(k).and_then(Value::as_array).map_or(0, Vec::len);
    for key in [
        "keywords",
        "keywordsRetainingParentCategory",
        "urls",
        "dbCategorizedUrls",
        "ipRanges",
        "ipRangesRetainingParentCategory",
        "scopes",
    ] {
        if !c.get(key).is_some_and(Value::is_array) {
            c.insert(key.to_string(), json!([]));
        }
    }
    c.entry("configuredName").or_insert(Value::Null);
    c.entry("description").or_insert(Value::Null);
    c.entry("editable").or_insert(json!(true));
    c.entry("type").or_insert(json!("URL_CATEGORY"));
    c.entry("val").or_insert(Value::Null);
    let counts = json!({
        "totalUrlCount": len(c, "urls"),
        "retainParentUrlCount": len(c, "dbCategorizedUrls"),
        "totalKeywordCount": len(c, "keywords"),
        "retainParentKeywordCount": len(c, "keywordsRetainingParentCategory"),
    });
    c.insert("urlKeywordCounts".into(), counts);
    c.insert("customUrlsCount".into(), json!(len(c, "urls")));
    c.insert(
        "urlsRetainingParentCategoryCount".into(),
        json!(len(c, "dbCategorizedUrls")),
    );
    c.insert("customIpRangesCount".into(), json!(len(c, "ipRanges")));
    c.insert(
        "ipRangesRetainingParentCategoryCount".into(),
        json!(len(c, "ipRangesRetainingParentCategory")),
    );
}

/// Checks the editable lists of a body: URLs (TLD categories take `.tld` entries), keywords,
/// IP ranges (CIDR).
fn check_lists(map: &Map<String, Value>, kind: &str) -> Result<(), ApiError> {
    for url in strings(map, "urls")? {
        if url.contains(char::is_whitespace) {
            return Err(zia_invalid(format!("Invalid URL '{url}'")));
        }
        if kind == "TLD_CATEGORY" && (!url.starts_with('.') || url[1..].contains('.')) {
            return Err(zia_invalid(format!(
                "Invalid TLD '{url}': a TLD category takes entries such as '.xyz'"
            )));
        }
    }
    strings(map, "keywords")?;
    for range in strings(map, "ipRanges")? {
        let (ip, bits) = range.split_once('/').unwrap_or((range.as_str(), "32"));
        let ok =
            ip.parse::<std::net::Ipv4Addr>().is_ok() && bits.parse::<u8>().is_ok_and(|b| b <= 32);
        if !ok {
            return Err(zia_invalid(format!(
                "Invalid value '{range}' for 'ipRanges': expected an IPv4 CIDR"
            )));
        }
    }
    Ok(())
}

fn check_unique_name(call: &Call<'_>, name: &str, except: Option<&str>) -> Result<(), ApiError> {
    let clash = engine::records(call.tenant, &URL_CATEGORIES).any(|c| {
        engine::record_id(&URL_CATEGORIES, c).as_deref() != except
            && c.get("configuredName")
                .and_then(Value::as_str)
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
    });
    if clash {
        return Err(ApiError::new(
            Some(Product::Zia),
            Kind::Duplicate,
            format!("A URL category named '{name}' already exists"),
        ));
    }
    Ok(())
}

/// `GET /urlCategories`: `customOnly=true` keeps custom categories; `type` is `URL_CATEGORY`,
/// `TLD_CATEGORY` or `ALL`.
fn list_categories(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let custom_only = bool_param(call, "customOnly")?.unwrap_or(false);
    let kind = match param(call, "type") {
        None => None,
        Some(t) if t.eq_ignore_ascii_case("ALL") => None,
        Some(t) if t.eq_ignore_ascii_case("URL_CATEGORY") => Some("URL_CATEGORY"),
        Some(t) if t.eq_ignore_ascii_case("TLD_CATEGORY") => Some("TLD_CATEGORY"),
        Some(t) => {
            return Err(zia_invalid(format!(
                "Invalid value '{t}' for 'type': expected URL_CATEGORY, TLD_CATEGORY or ALL"
            )));
        }
    };
    let records = select(call, &URL_CATEGORIES, |c| {
        (!custom_only || c.get("customCategory").and_then(Value::as_bool) == Some(true))
            && kind.is_none_or(|k| c.get("type").and_then(Value::as_str) == Some(k))
    });
    respond_refs(call, URL_CATEGORIES.envelope, records)
}

/// `POST /urlCategories`: a custom category, id `CUSTOM_NN`.
fn create_category(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let Some(Value::Object(body)) = call.body else {
        return Err(zia_invalid("Request body must be a JSON object"));
    };
    let mut map = body.clone();
    let name = map
        .get("configuredName")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .ok_or_else(|| zia_invalid("Missing required field 'configuredName'"))?
        .to_string();
    let super_category = map
        .get("superCategory")
        .and_then(Value::as_str)
        .unwrap_or("USER_DEFINED")
        .to_string();
    if !SUPER_CATEGORIES.contains(&super_category.as_str()) {
        return Err(zia_invalid(format!(
            "Invalid value '{super_category}' for 'superCategory'"
        )));
    }
    let kind = map
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or("URL_CATEGORY")
        .to_string();
    if kind != "URL_CATEGORY" && kind != "TLD_CATEGORY" {
        return Err(zia_invalid(format!(
            "Invalid value '{kind}' for 'type': expected URL_CATEGORY or TLD_CATEGORY"
        )));
    }
    if map.get("customCategory").and_then(Value::as_bool) == Some(false) {
        return Err(zia_invalid(
            "Only custom categories can be created ('customCategory' must be true)",
        ));
    }
    check_lists(&map, &kind)?;
    check_unique_name(call, &name, None)?;
    let next = engine::records(call.tenant, &URL_CATEGORIES)
        .filter_map(|c| c.get("id").and_then(Value::as_str))
        .filter_map(|id| {
            id.strip_prefix("CUSTOM_")
                .and_then(|n| n.parse::<u32>().ok())
        })
        .max()
        .unwrap_or(0)
        + 1;
    let id = format!("CUSTOM_{next:02}");
    map.insert("id".into(), json!(id));
    map.insert("configuredName".into(), json!(name));
    map.insert("superCategory".into(), json!(super_category));
    map.insert("type".into(), json!(kind));
    map.insert("customCategory".into(), json!(true));
    map.insert("editable".into(), json!(true));
    map.insert("val".into(), json!(128 + next));
    finish(&mut map);
    let record = Value::Object(map);
    call.tenant.insert(&URL_CATEGORIES, record.clone());
    call.tenant.zia_pending = true;
    Ok(Reply::ok(record))
}

/// `PUT /urlCategories/{id}`: with `action=ADD_TO_LIST|REMOVE_FROM_LIST` edits only the URL
/// list; otherwise a full replacement of the editable fields (the id, type, super category of
/// a predefined category and the custom bool_param are kept).
fn update_category(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let id = call.params.last().unwrap_or_default().to_string();
    let Some(existing) = engine::record(call.tenant, &URL_CATEGORIES, &id).cloned() else {
        return Err(engine::not_found(&URL_CATEGORIES, &id));
    };
    let Some(Value::Object(body)) = call.body else {
        return Err(zia_invalid("Request body must be a JSON object"));
    };
    let Value::Object(mut record) = existing else {
        return Err(engine::not_found(&URL_CATEGORIES, &id));
    };
    let custom = record.get("customCategory").and_then(Value::as_bool) == Some(true);
    let kind = record
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or("URL_CATEGORY")
        .to_string();
    match param(call, "action") {
        Some(action @ ("ADD_TO_LIST" | "REMOVE_FROM_LIST")) => {
            let edit = strings(body, "urls")?;
            if edit.is_empty() {
                return Err(zia_invalid(format!(
                    "Field 'urls' must list at least one URL for {action}"
                )));
            }
            check_lists(body, &kind)?;
            let mut urls = strings(&record, "urls")?;
            if action == "ADD_TO_LIST" {
                for url in edit {
                    if !urls.iter().any(|u| u.eq_ignore_ascii_case(&url)) {
                        urls.push(url);
                    }
                }
            } else {
                urls.retain(|u| !edit.iter().any(|e| e.eq_ignore_ascii_case(u)));
            }
            record.insert("urls".into(), json!(urls));
        }
        Some(other) => {
            return Err(zia_invalid(format!(
                "Invalid value '{other}' for 'action': expected ADD_TO_LIST or REMOVE_FROM_LIST"
            )));
        }
        None => {
            check_lists(body, &kind)?;
            let mut replaced = body.clone();
            if custom {
                let name = replaced
                    .get("configuredName")
                    .and_then(Value::as_str)
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .ok_or_else(|| zia_invalid("Missing required field 'configuredName'"))?
                    .to_string();
                check_unique_name(call, &name, Some(&id))?;
                let super_category = replaced
                    .get("superCategory")
                    .and_then(Value::as_str)
                    .or_else(|| record.get("superCategory").and_then(Value::as_str))
                    .unwrap_or("USER_DEFINED")
                    .to_string();
                if !SUPER_CATEGORIES.contains(&super_category.as_str()) {
                    return Err(zia_invalid(format!(
                        "Invalid value '{super_category}' for 'superCategory'"
                    )));
                }
                replaced.insert("superCategory".into(), json!(super_category));
            } else {
                // A predefined category keeps its name and super category.
                for key in ["configuredName", "superCategory"] {
                    replaced.insert(key.into(), record.get(key).cloned().unwrap_or(Value::Null));
                }
            }
            for key in ["id", "customCategory", "type", "val", "editable", "scopes"] {
                replaced.insert(key.into(), record.get(key).cloned().unwrap_or(Value::Null));
            }
            record = replaced;
        }
    }
    finish(&mut record);
    let record = Value::Object(record);
    call.tenant
        .collection_mut(URL_CATEGORIES.key)
        .records
        .insert(id, record.clone());
    call.tenant.zia_pending = true;
    Ok(Reply::ok(record))
}

fn delete_category(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let id = call.params.last().unwrap_or_default().to_string();
    let Some(existing) = engine::record(call.tenant, &URL_CATEGORIES, &id) else {
        return Err(engine::not_found(&URL_CATEGORIES, &id));
    };
    if existing.get("customCategory").and_then(Value::as_bool) != Some(true) {
        return Err(zia_invalid(format!(
            "Predefined category {id} cannot be deleted"
        )));
    }
    engine::delete(&URL_CATEGORIES, call)
}

/// The predefined classification of a URL.
pub fn classify(url: &str) -> &'static str {
    let lower = url.to_lowercase();
    let host = lower
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default()
        .to_string();
    HINTS
        .iter()
        .find(|(hint, _)| host.contains(hint))
        .map_or("MISCELLANEOUS_OR_UNKNOWN", |(_, c)| c)
}

/// `POST /urlLookup`: a JSON array of 1 to 100 URLs.
fn url_lookup(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let Some(Value::Array(urls)) = call.body else {
        return Err(zia_invalid("Request body must be a JSON array of URLs"));
    };
    if urls.is_empty() || urls.len() > 100 {
        return Err(zia_invalid(format!(
            "Between 1 and 100 URLs can be looked up per request; got {}",
            urls.len()
        )));
    }
    let mut out = Vec::new();
    for url in urls {
        let Some(url) = url
            .as_str()
            .map(str::trim)
            .filter(|u| !u.is_empty() && u.len() <= 1024)
        else {
            return Err(zia_invalid(format!("Invalid URL {url}")));
        };
        let category = classify(url);
        let (classes, alerts) = if SECURITY.contains(&category) {
            (json!(["MISCELLANEOUS_OR_UNKNOWN"]), json!([category]))
        } else {
            (json!([category]), json!([]))
        };
        out.push(json!({"url": url, "urlClassifications": classes, "urlClassificationsWithSecurityAlert": alerts}));
    }
    Ok(Reply::ok(Value::Array(out)))
}

fn seed_categories(s: &mut Seeder<'_>) -> Vec<Value> {
    let mut out: Vec<Value> = PREDEFINED
        .iter()
        .map(|(id, sup, name, val)| {
            let mut c = Map::new();
            c.insert("id".into(), json!(id));
            c.insert("configuredName".into(), json!(name));
            c.insert("superCategory".into(), json!(sup));
            c.insert("customCategory".into(), json!(false));
            c.insert("editable".into(), json!(true));
            c.insert("description".into(), json!(format!("{id}_DESC")));
            c.insert("type".into(), json!("URL_CATEGORY"));
            c.insert("val".into(), json!(val));
            finish(&mut c);
            Value::Object(c)
        })
        .collect();
    let custom: [SeedCategory; 4] = [
        (
            "Approved SaaS",
            "URL_CATEGORY",
            &["salesforce.com", ".atlassian.net", "zoom.us"],
            &[],
            &[],
        ),
        (
            "Blocked Domains",
            "URL_CATEGORY",
            &["badsite.example", ".tracker.example"],
            &["crack", "keygen"],
            &[],
        ),
        (
            "Partner Portals",
            "URL_CATEGORY",
            &["portal.partner.example"],
            &["partner"],
            &["198.51.100.0/24"],
        ),
        ("Blocked TLDs", "TLD_CATEGORY", &[".zip", ".mov"], &[], &[]),
    ];
    for (i, (name, kind, urls, keywords, ranges)) in custom.iter().enumerate() {
        let mut c = Map::new();
        c.insert("id".into(), json!(format!("CUSTOM_{:02}", i + 1)));
        c.insert("configuredName".into(), json!(name));
        c.insert("superCategory".into(), json!("USER_DEFINED"));
        c.insert("customCategory".into(), json!(true));
        c.insert("editable".into(), json!(true));
        c.insert(
            "description".into(),
            json!(s.text(&format!("{name} (managed by the security team)"))),
        );
        c.insert("type".into(), json!(kind));
        c.insert("urls".into(), json!(urls));
        c.insert("keywords".into(), json!(keywords));
        c.insert("ipRanges".into(), json!(ranges));
        c.insert("val".into(), json!(129 + i as i64));
        finish(&mut c);
        out.push(Value::Object(c));
    }
    out
}
