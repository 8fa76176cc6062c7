//! ZIA `zia_file_type_control` endpoints: file type control rules and the file type
//! categories they reference.

use axum::http::Method;
use serde_json::{Map, Value, json};

use super::common::{crud_routes, guard_delete, rule_record, rule_write, seeded_refs};
use super::zia;
use crate::engine::{self, Call, Reply, ResourceDef};
use crate::errors::ApiError;
use crate::product::Product;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

pub static FILE_TYPE_RULES: ResourceDef = ResourceDef {
    complete: complete_file_type_rule,
    ..zia("zia.file_type_rules", seed_file_type_rules)
};

/// Predefined file type categories plus the tenant's custom file types (read-only here).
pub static FILE_TYPE_CATEGORIES: ResourceDef = ResourceDef {
    needs_activation: false,
    filters: &[],
    ..zia("zia.file_type_categories", seed_categories)
};

pub static RESOURCES: &[&ResourceDef] = &[&FILE_TYPE_CATEGORIES, &FILE_TYPE_RULES];

pub fn routes() -> Vec<Route> {
    let mut all = vec![Route::new(
        Method::GET,
        "/zia/api/v1/fileTypeCategories",
        Op::Custom(list_categories),
    )];
    all.extend(crud_routes(
        "/zia/api/v1/fileTypeRules",
        "/zia/api/v1/fileTypeRules/{ruleId}",
        &FILE_TYPE_RULES,
        [create_rule, replace_rule, delete_rule],
    ));
    all
}

/// A query boolean as the SDK sends it (`True`/`False`) or lower case.
fn bool_param_or_false(call: &Call<'_>, name: &str) -> Result<bool, ApiError> {
    match call.query.first(name) {
        None | Some("") => Ok(false),
        Some(v) if v.eq_ignore_ascii_case("true") => Ok(true),
        Some(v) if v.eq_ignore_ascii_case("false") => Ok(false),
        Some(v) => Err(engine::invalid(
            Product::Zia,
            format!("Invalid value '{v}' for '{name}': expected true or false"),
        )),
    }
}

/// `GET /fileTypeCategories?enums=&excludeCustomFileTypes=`: `enums=true` names each category
/// by its enum (`FTCATEGORY_...`); `excludeCustomFileTypes=true` leaves out custom file types.
fn list_categories(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let enums = bool_param_or_false(call, "enums")?;
    let exclude_custom = bool_param_or_false(call, "excludeCustomFileTypes")?;
    let records: Vec<Value> = engine::records(call.tenant, &FILE_TYPE_CATEGORIES)
        .filter(|r| !(exclude_custom && r["isCustom"] == json!(true)))
        .map(|r| {
            let name = if enums { &r["enum"] } else { &r["name"] };
            json!({
                "id": r["id"].clone(),
                "name": name.clone(),
                "parent": r["parent"].clone(),
                "isCustom": r["isCustom"].clone(),
            })
        })
        .collect();
    crate::envelope::list(
        FILE_TYPE_CATEGORIES.envelope,
        Product::Zia,
        records,
        call.query,
        call.path,
    )
    .map(Reply::ok)
}

const CATEGORIES: [(i64, &str, &str, &str); 18] = [
    (
        1,
        "FTCATEGORY_WINDOWS_EXECUTABLES",
        "Windows Executables",
        "EXECUTABLE",
    ),
    (
        2,
        "FTCATEGORY_WINDOWS_LIBRARY",
        "Windows Library",
        "EXECUTABLE",
    ),
    (3, "FTCATEGORY_MSI", "Windows Installer", "EXECUTABLE"),
    (4, "FTCATEGORY_APK", "Android Application Package", "MOBILE"),
    (5, "FTCATEGORY_IOS_APP", "iOS Application", "MOBILE"),
    (6, "FTCATEGORY_MS_WORD", "Microsoft Word", "OFFICE_DOCUMENT"),
    (
        7,
        "FTCATEGORY_MS_EXCEL",
        "Microsoft Excel",
        "OFFICE_DOCUMENT",
    ),
    (
        8,
        "FTCATEGORY_MS_POWERPOINT",
        "Microsoft PowerPoint",
        "OFFICE_DOCUMENT",
    ),
    (9, "FTCATEGORY_PDF_DOCUMENT", "PDF Document", "DOCUMENT"),
    (10, "FTCATEGORY_ZIP", "ZIP Archive", "ARCHIVE"),
    (11, "FTCATEGORY_RAR", "RAR Archive", "ARCHIVE"),
    (12, "FTCATEGORY_7Z", "7-Zip Archive", "ARCHIVE"),
    (13, "FTCATEGORY_JAVASCRIPT", "JavaScript", "SCRIPT"),
    (14, "FTCATEGORY_POWERSHELL", "PowerShell Script", "SCRIPT"),
    (15, "FTCATEGORY_BAT", "Windows Batch Script", "SCRIPT"),
    (16, "FTCATEGORY_MP4", "MPEG-4 Video", "MEDIA"),
    (17, "FTCATEGORY_ISO", "ISO Disk Image", "DISK_IMAGE"),
    (18, "FTCATEGORY_SQL", "SQL File", "DATABASE"),
];

fn seed_categories(s: &mut Seeder<'_>) -> Vec<Value> {
    let mut all: Vec<Value> = CATEGORIES
        .iter()
        .map(|(id, enum_name, name, parent)| {
            json!({"id": id, "name": name, "enum": enum_name, "parent": parent, "isCustom": false})
        })
        .collect();
    for (i, name) in ["Internal Design Files", "Proprietary CAD Exports"]
        .iter()
        .enumerate()
    {
        let id = 1_000 + i64::try_from(i).unwrap_or(0);
        all.push(json!({
            "id": id,
            "name": s.text(name),
            "enum": format!("FTCATEGORY_CUSTOM_{id}"),
            "parent": "CUSTOM",
            "isCustom": true,
        }));
    }
    all
}

const FILTERING_ACTIONS: &[&str] = &["ALLOW", "BLOCK", "CAUTION"];

fn complete_file_type_rule(rule: &mut Map<String, Value>, now: i64) {
    if let Some(action) = rule.get("action").cloned() {
        rule.entry("filteringAction").or_insert(action);
    }
    rule.entry("filteringAction").or_insert(json!("BLOCK"));
    if let Some(action) = rule.get("filteringAction").cloned() {
        rule.entry("action").or_insert(action);
    }
    rule.entry("operation").or_insert(json!("DOWNLOAD"));
    rule.entry("protocols").or_insert(json!(["ANY_RULE"]));
    rule.entry("fileTypes").or_insert(json!([]));
    super::common::default_rule_flags_and_stamp(rule, now);
}

fn check_filtering_action(call: &Call<'_>) -> Result<(), ApiError> {
    if let Some(Value::Object(body)) = call.body
        && let Some(action) = body.get("filteringAction").filter(|v| !v.is_null())
        && !action
            .as_str()
            .is_some_and(|a| FILTERING_ACTIONS.contains(&a))
    {
        return Err(engine::invalid(
            Product::Zia,
            format!(
                "Invalid value {action} for 'filteringAction': expected ALLOW, BLOCK or CAUTION"
            ),
        ));
    }
    Ok(())
}

fn create_rule(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    check_filtering_action(call)?;
    rule_write(&FILE_TYPE_RULES, FILTERING_ACTIONS, call)
}
fn replace_rule(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    check_filtering_action(call)?;
    rule_write(&FILE_TYPE_RULES, FILTERING_ACTIONS, call)
}
fn delete_rule(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    guard_delete(&FILE_TYPE_RULES, call)
}

fn seed_file_type_rules(s: &mut Seeder<'_>) -> Vec<Value> {
    type Rule = (
        &'static str,
        &'static str,
        &'static str,
        &'static [&'static str],
    );
    const NAMES: [Rule; 5] = [
        (
            "Block Executable Downloads",
            "BLOCK",
            "DOWNLOAD",
            &["FTCATEGORY_WINDOWS_EXECUTABLES", "FTCATEGORY_MSI"],
        ),
        (
            "Caution on Office Macros",
            "CAUTION",
            "DOWNLOAD",
            &["FTCATEGORY_MS_WORD", "FTCATEGORY_MS_EXCEL"],
        ),
        (
            "Block Script Uploads",
            "BLOCK",
            "UPLOAD",
            &["FTCATEGORY_POWERSHELL", "FTCATEGORY_BAT"],
        ),
        (
            "Allow Archives for IT",
            "ALLOW",
            "UPLOAD_DOWNLOAD",
            &["FTCATEGORY_ZIP", "FTCATEGORY_7Z"],
        ),
        (
            "Block Disk Images",
            "BLOCK",
            "DOWNLOAD",
            &["FTCATEGORY_ISO"],
        ),
    ];
    let n = NAMES.len();
    (0..n)
        .map(|i| {
            let (name, action, operation, types) = match NAMES.get(i) {
                Some((name, action, operation, types)) => {
                    (name.to_string(), *action, *operation, *types)
                }
                None => (
                    format!("File type rule {i:05}"),
                    "BLOCK",
                    "DOWNLOAD",
                    &["FTCATEGORY_WINDOWS_EXECUTABLES"][..],
                ),
            };
            let mut rule = rule_record(s, &name, i + 1, action);
            rule.insert("filteringAction".into(), json!(action));
            rule.insert("operation".into(), json!(operation));
            rule.insert("fileTypes".into(), json!(types));
            rule.insert(
                "protocols".into(),
                json!(["HTTP_RULE", "HTTPS_RULE", "FTP_RULE"]),
            );
            rule.insert("activeContent".into(), json!(s.chance(0.3)));
            rule.insert("unscannable".into(), json!(s.chance(0.2)));
            rule.insert("passwordProtected".into(), json!(false));
            rule.insert("sizeQuota".into(), json!(null));
            rule.insert("minSize".into(), json!(0));
            rule.insert("maxSize".into(), json!(null));
            rule.insert("urlCategories".into(), json!([]));
            rule.insert("cloudApplications".into(), json!([]));
            rule.insert("deviceTrustLevels".into(), json!([]));
            rule.insert("capturePCAP".into(), json!(false));
            rule.insert("labels".into(), json!(seeded_refs(s, "zia.rule_labels", 1)));
            Value::Object(rule)
        })
        .collect()
}
