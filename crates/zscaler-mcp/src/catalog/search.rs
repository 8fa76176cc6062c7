//! Tool search for the `discover` tool mode: ranks the tools a caller may use against an
//! operator's free-text task ("block a URL category for finance", "which ZPA connectors are
//! down"), over names, titles, descriptions, parameter names and service/toolset words, with
//! Zscaler synonyms.
//!
//! Build one [`Index`] over the declarations a view exposes (once: about 15 ms for the whole
//! catalog in a release build), then [`Index::search`] (about 50 µs a query);
//! [`Index::explain`] says why a tool scores what it does.
//!
//! How a tool is ranked:
//! - Each tool is one BM25 document made of its name split on `_` with the service code spelled
//!   out (`zpa` also reads "private access"), its title, its description and its siblings' (the
//!   list, get, create, update and delete of the same thing: see `Entry::family`), its
//!   parameters' names and accepted values, its toolset id's words and its action's words (a
//!   delete also reads "remove"). Name words count three times, title words twice. The `bm25`
//!   crate weighs each word of a document (term saturation `k1`, length normalisation `b`
//!   against the catalog's average); the index adds the inverse document frequency over the
//!   indexed tools.
//! - Words are lower-cased and lightly stemmed (plural `-s`/`-es`/`-ies`, `-ing`, `-ed`, a final
//!   `-e`), the same on both sides; common English words are dropped ([`words`]).
//! - [`SYNONYMS`] adds, for a query phrase an operator would say, the catalog's phrase (and the
//!   reverse), counting half as much as the query's own words.
//! - BM25 is scaled to the best tool's ([`BM25_WEIGHT`]), then added: the share of a tool
//!   name's words (verbs aside) the query holds and of the query's words the name holds
//!   ([`NAME_WEIGHT`], [`COVER_WEIGHT`]), and the share it writes the same way, so that a
//!   plural picks the list ([`SURFACE_WEIGHT`]); a service the query names
//!   (`SERVICE_NAMES`, [`SERVICE_WEIGHT`]); the query's first word saying what to do
//!   ("which", "add", "rename", "remove"; [`ACTION_INTENT`], `POLICY_INTENT`) favours tools
//!   doing it, no such word favours reads ([`ACTION_WEIGHT`]); "all", "every" or a plural
//!   favour reads answering rows, "details" or an id the single record ([`KIND_WEIGHT`]); the
//!   name's own verb asked for ([`VERB_WEIGHT`]); a query naming a tool exactly ranks it first.
//! - Ties keep the order the tools were given in, so the same query always answers the same.

use std::collections::{HashMap, HashSet};

use bm25::{EmbedderBuilder, Tokenizer};

use crate::catalog::{Action, ToolDeclaration};
use crate::service::Service;

/// One ranked match.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub tool: &'static ToolDeclaration,
    /// Higher is better; only comparable within one search.
    pub score: f32,
}

/// The words a service's code stands for, added to each of its tools' documents.
const SERVICE_WORDS: &[(Service, &str)] = &[
    (Service::Zia, "zia internet access"),
    (Service::Zpa, "zpa private access"),
    (Service::Zdx, "zdx digital experience"),
    (Service::Zcc, "zcc client connector"),
    (Service::Ztw, "ztw cloud connector branch"),
    (Service::Zid, "zid zidentity identity"),
    (Service::Zeasm, "zeasm easm attack surface"),
    (Service::Zins, "zins insights analytics"),
    (Service::Zms, "zms microsegmentation"),
    (Service::Zcell, "zcell cellular sim"),
];

/// Phrases that name a service outright in a query (normalised like the query).
const SERVICE_NAMES: &[(Service, &[&str])] = &[
    (Service::Zia, &["zia", "internet access"]),
    (Service::Zpa, &["zpa", "private access"]),
    (Service::Zdx, &["zdx", "digital experience"]),
    (Service::Zcc, &["zcc", "client connector", "zapp"]),
    (
        Service::Ztw,
        &["ztw", "cloud connector", "branch connector"],
    ),
    (Service::Zid, &["zid", "zidentity", "identity"]),
    (Service::Zeasm, &["zeasm", "easm", "attack surface"]),
    (Service::Zins, &["zins", "insights", "z-insights"]),
    (Service::Zms, &["zms", "microsegmentation"]),
    (Service::Zcell, &["zcell", "cellular", "sim"]),
];

/// Words saying the query wants rows (a list) rather than one record.
const LIST_CUES: &[&str] = &["list", "all", "every", "each", "many"];

/// Words saying the query wants one record.
const RECORD_CUES: &[&str] = &["detail", "details", "single", "specific"];

/// The words an action stands for, added to each of its tools' documents.
const ACTION_WORDS: &[(Action, &str)] = &[
    (Action::Read, "list get show"),
    (Action::Create, "create add new"),
    (Action::Update, "update change modify edit"),
    (Action::Delete, "delete remove"),
];

/// Phrases saying what a query wants done (as written, lower case); the earliest in the query
/// decides, a longer phrase before a shorter one at the same place ("get rid" deletes).
pub const ACTION_INTENT: &[(Action, &[&str])] = &[
    (
        Action::Read,
        &[
            "which", "what", "who", "where", "when", "why", "how", "is", "are", "does", "do",
            "list", "show", "get", "find", "look up", "lookup", "search", "view", "display", "see",
            "check", "count", "give",
        ],
    ),
    (
        Action::Create,
        &[
            "create",
            "add",
            "new",
            "make",
            "set up",
            "setup",
            "define",
            "provision",
            "generate",
            "upload",
            "store",
            "publish",
            "start",
            "run",
            "build",
            "send",
            "register",
            "stand up",
            "spin up",
            "onboard",
        ],
    ),
    (
        Action::Update,
        &[
            "update", "change", "modify", "edit", "rename", "enable", "disable", "turn on",
            "turn off", "switch", "rotate", "set", "lower", "raise", "increase", "decrease",
            "adjust", "mark", "toggle", "replace", "move", "append",
        ],
    ),
    (
        Action::Delete,
        &[
            "delete",
            "remove",
            "decommission",
            "retire",
            "purge",
            "drop",
            "deprovision",
            "get rid",
            "take out",
            "take",
            "erase",
            "stop",
            "nuke",
            "kill",
            "scrap",
            "wipe",
            "strip",
        ],
    ),
];

/// Words asking for a policy outcome ("block gambling sites"), which a new rule or a changed
/// setting gives: they favour creates and updates alike.
const POLICY_INTENT: &[&str] = &[
    "block", "allow", "deny", "permit", "prevent", "exempt", "bypass", "force", "require",
];

/// Name words that only say what the tool does (its action is weighed apart), with the actions
/// a query may ask for when it wants that tool: `zia_add_urls_to_category` is an update, and
/// "add a URL to a category" asks to create (add) or to change (add to).
const NAME_VERBS: &[(&str, &[Action])] = &[
    ("get", &[Action::Read]),
    ("list", &[Action::Read]),
    ("search", &[Action::Read]),
    ("create", &[Action::Create]),
    ("start", &[Action::Create]),
    ("add", &[Action::Create, Action::Update]),
    ("update", &[Action::Update]),
    ("bulk", &[]),
    ("delete", &[Action::Delete]),
    ("remove", &[Action::Delete, Action::Update]),
];

/// After an intent word, a preposition and a determiner turning it into a change of another
/// thing: "add a URL to the category", "remove a URL from our category" change the category
/// ("add a signature to catch ..." still creates).
const INTO: &[(&str, &[&str])] = &[
    ("add", &["to", "into"]),
    ("remove", &["from", "of"]),
    ("take", &["from", "of"]),
    ("append", &["to", "into"]),
    ("strip", &["from", "of"]),
];

/// Determiners after an [`INTO`] preposition.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "our", "my", "this", "that", "its", "their", "existing", "each",
];

/// Operator phrases and the catalog's phrases for the same thing, used both ways: a query
/// holding the operator's phrase also searches the catalog's ("app segment" finds tools saying
/// "application segment"), and one holding a catalog phrase also searches the operator's
/// (`get_zpa_app_segments_by_type` says "app segment"). Phrases match whole consecutive words
/// after normalisation (see [`words`]).
pub const SYNONYMS: &[(&str, &[&str])] = &[
    // ZPA
    ("app segment", &["application segment"]),
    ("app", &["application"]),
    ("private app", &["application segment"]),
    ("connector", &["app connector"]),
    ("connector group", &["app connector group"]),
    ("access policy", &["access rule", "access policy rule"]),
    ("reach", &["access"]),
    ("clientless", &["browser access", "ba"]),
    ("browser access", &["ba"]),
    ("privileged remote access", &["pra"]),
    ("privileged access", &["pra"]),
    ("jump host", &["pra"]),
    ("bastion", &["pra"]),
    ("browser isolation", &["isolation"]),
    ("cbi", &["isolation"]),
    ("rbi", &["isolation"]),
    ("waf", &["app protection"]),
    ("owasp", &["app protection"]),
    ("sql injection", &["app protection", "inspection"]),
    ("re-authentication", &["timeout", "reauth"]),
    ("reauthenticate", &["timeout"]),
    ("session length", &["timeout"]),
    ("bypass zpa", &["forwarding policy"]),
    ("client forwarding", &["forwarding policy"]),
    ("enrollment key", &["provisioning key"]),
    ("enroll", &["provisioning", "enrollment"]),
    ("pse", &["service edge"]),
    ("private service edge", &["service edge"]),
    ("broker", &["service edge"]),
    ("log streaming", &["lss"]),
    ("log receiver", &["lss config"]),
    ("siem", &["lss"]),
    ("syslog", &["lss"]),
    ("identity provider", &["idp"]),
    ("okta", &["idp", "scim", "saml"]),
    ("azure ad", &["idp"]),
    ("entra", &["idp"]),
    ("device posture", &["posture profile"]),
    ("cert", &["certificate"]),
    ("host", &["server"]),
    ("decommission", &["delete"]),
    // ZIA
    ("allow", &["rule"]),
    ("block", &["rule"]),
    ("deny", &["rule"]),
    ("firewall rule", &["cloud firewall rule", "filtering rule"]),
    ("firewall", &["cloud firewall"]),
    ("firewall policy", &["cloud firewall rule"]),
    ("url filter", &["url filtering"]),
    ("web filtering", &["url filtering"]),
    ("content filtering", &["url filtering"]),
    ("website", &["url"]),
    ("site", &["url", "location"]),
    ("domain", &["url"]),
    ("web category", &["url category"]),
    // Predefined URL categories an operator names when asking for a URL filtering rule.
    ("gambling", &["url category", "url filtering"]),
    ("social media", &["url category", "url filtering"]),
    ("social networking", &["url category", "url filtering"]),
    ("adult", &["url category", "url filtering"]),
    ("streaming media", &["url category", "url filtering"]),
    ("look up", &["lookup"]),
    ("categorize", &["url lookup", "category"]),
    ("classify", &["url lookup", "category"]),
    ("blocklist", &["denylist", "malicious url"]),
    ("blacklist", &["denylist", "malicious url"]),
    ("allowlist", &["exempt", "exception", "bypass"]),
    ("whitelist", &["exempt", "exception", "bypass"]),
    ("exception", &["exempt", "bypass"]),
    ("skip", &["bypass", "exempt"]),
    ("tls", &["ssl"]),
    ("decryption", &["ssl inspection"]),
    ("decrypt", &["ssl inspection"]),
    ("https inspection", &["ssl inspection"]),
    ("data loss", &["dlp"]),
    ("data loss prevention", &["dlp"]),
    ("data protection", &["dlp"]),
    ("credit card", &["dlp"]),
    ("advanced threat protection", &["atp"]),
    ("threat protection", &["atp"]),
    ("virus", &["malware"]),
    ("trojan", &["malware"]),
    ("detonate", &["sandbox"]),
    ("md5", &["hash"]),
    ("hash", &["md5"]),
    ("ip", &["ips"]),
    ("intrusion prevention", &["ips"]),
    ("intrusion", &["ips"]),
    ("snort", &["ips signature"]),
    ("executable", &["file type"]),
    ("download", &["file type"]),
    ("office", &["location"]),
    ("sub-location", &["location"]),
    ("public ip", &["static ip"]),
    ("egress ip", &["static ip"]),
    ("ipsec", &["vpn credential"]),
    ("psk", &["pre-shared key", "vpn credential"]),
    ("pre-shared key", &["vpn credential"]),
    ("ike", &["vpn credential"]),
    ("administrator", &["admin"]),
    ("source group", &["ip source group"]),
    ("destination group", &["ip destination group"]),
    ("service group", &["network service group", "svc group"]),
    ("network service group", &["svc group"]),
    ("network application", &["network app"]),
    ("schedule", &["time interval"]),
    ("business hours", &["time interval"]),
    ("working hours", &["time interval"]),
    ("time window", &["time interval"]),
    ("sanctioned", &["shadow it"]),
    ("unsanctioned", &["shadow it"]),
    ("discovered app", &["shadow it"]),
    ("cloud app", &["cloud application", "shadow it"]),
    ("file sharing", &["cloud app control"]),
    ("webmail", &["cloud app control"]),
    ("app control", &["cloud app control"]),
    ("activate", &["activation"]),
    ("apply change", &["activate"]),
    ("commit change", &["activate"]),
    ("push change", &["activate"]),
    ("go live", &["activate"]),
    ("unactivated", &["activation status", "pending"]),
    ("pending change", &["activation status"]),
    ("staged", &["activation"]),
    ("skip authentication", &["auth exempt"]),
    ("authentication", &["auth"]),
    ("tenant-wide", &["advanced settings"]),
    ("global settings", &["advanced settings"]),
    ("mobile app", &["mobile"]),
    ("city", &["geo"]),
    ("geolocation", &["geo"]),
    ("coordinates", &["geo"]),
    ("operating system", &["os"]),
    ("workload tag", &["workload group"]),
    // ZCC
    ("laptop", &["device"]),
    ("endpoint", &["device"]),
    ("machine", &["device"]),
    ("computer", &["device"]),
    ("workstation", &["device"]),
    ("phone", &["device"]),
    ("zscaler app", &["client connector"]),
    ("zapp", &["client connector"]),
    ("one-time password", &["otp"]),
    ("one-time code", &["otp"]),
    ("uninstall password", &["otp"]),
    ("disable password", &["otp"]),
    ("logout password", &["otp"]),
    ("passcode", &["otp"]),
    ("corporate network", &["trusted network"]),
    ("on-prem network", &["trusted network"]),
    // ZDX
    ("user experience", &["score", "digital experience"]),
    ("experience", &["score"]),
    ("slow", &["score"]),
    ("deep trace", &["deeptrace"]),
    ("trace", &["deeptrace"]),
    ("cloud path", &["cloudpath"]),
    ("network path", &["cloudpath"]),
    ("traceroute", &["cloudpath"]),
    ("hop", &["cloudpath"]),
    ("web probe", &["webprobe"]),
    ("root cause", &["analysis"]),
    ("rca", &["analysis"]),
    ("resolved alert", &["historical alert"]),
    ("past alert", &["historical alert"]),
    ("closed alert", &["historical alert"]),
    ("installed", &["software"]),
    ("inventory", &["software"]),
    ("program", &["software"]),
    ("cpu", &["health metrics", "process"]),
    ("memory", &["health metrics"]),
    // EASM
    ("exposure", &["finding"]),
    ("vulnerability", &["finding"]),
    ("typosquat", &["lookalike domain"]),
    ("typosquatting", &["lookalike domain"]),
    ("impersonation", &["lookalike domain"]),
    ("fake domain", &["lookalike domain"]),
    ("phishing domain", &["lookalike domain"]),
    ("org", &["organization"]),
    ("scanner", &["scan"]),
    // ZIdentity
    ("zidentity", &["zid", "identity"]),
    ("member", &["group users"]),
    ("account", &["user"]),
    // Z-Insights
    ("security incident", &["cyber incident"]),
    ("attack", &["cyber incident"]),
    ("internet of things", &["iot"]),
    ("casb", &["saas"]),
    ("internet traffic", &["web traffic"]),
    ("browsing", &["web traffic"]),
    ("firewall traffic", &["firewall session"]),
    ("dropped", &["action"]),
    ("allowed", &["action"]),
    ("phishing", &["threat super category"]),
    ("botnet", &["threat super category"]),
    ("breakdown", &["statistics"]),
    ("stats", &["statistics"]),
    ("distribution", &["statistics"]),
    // ZMS
    ("workload", &["resource"]),
    ("vm", &["resource"]),
    ("virtual machine", &["resource"]),
    ("pod", &["resource"]),
    ("container", &["resource"]),
    ("agent key", &["nonce"]),
    ("provisioning key", &["nonce"]),
    ("mfa secret", &["totp"]),
    ("application zone", &["app zone"]),
    ("unmatched traffic", &["default policy rule"]),
    ("disconnected", &["connection status"]),
    ("offline", &["connection status"]),
    // ZCell
    ("sim card", &["sim"]),
    ("iccid", &["sim"]),
    ("consumption", &["usage"]),
    ("geofence", &["anomaly policy"]),
    ("roaming", &["anomaly policy"]),
    ("imei change", &["anomaly policy"]),
    ("attach", &["network event"]),
    ("detach", &["network event"]),
    ("who changed", &["audit"]),
    ("change history", &["audit"]),
    ("masking", &["data handling"]),
    ("retention", &["data handling"]),
    ("privacy", &["data handling"]),
    ("where", &["map", "location"]),
    // ZTW
    ("cloud connector", &["ztw"]),
    ("branch connector", &["ztw"]),
    ("aws", &["public cloud", "cloud account"]),
    ("azure", &["public cloud", "cloud account"]),
    ("gcp", &["public cloud", "cloud account"]),
    ("onboarded", &["public cloud"]),
    ("iam role", &["discovery settings"]),
    ("external id", &["discovery settings"]),
    ("workload discovery", &["discovery settings"]),
    ("role", &["admin role"]),
];

/// Words too common in questions to say anything about a tool.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "against",
    "all",
    "also",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "but",
    "by",
    "can",
    "could",
    "currently",
    "do",
    "does",
    "each",
    "every",
    "for",
    "from",
    "give",
    "had",
    "has",
    "have",
    "help",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "just",
    "let",
    "many",
    "me",
    "much",
    "my",
    "need",
    "now",
    "of",
    "on",
    "one",
    "only",
    "or",
    "our",
    "over",
    "please",
    "right",
    "so",
    "some",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "us",
    "want",
    "was",
    "we",
    "were",
    "what",
    "when",
    "which",
    "who",
    "whose",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
];

/// Points of the best tool's BM25 score (the others' in proportion).
pub const BM25_WEIGHT: f32 = 8.0;

/// Weight of the share of a tool name's words (verbs aside) the query holds.
pub const NAME_WEIGHT: f32 = 4.0;

/// Weight of the share of a tool name's words the query writes the same way (a plural asks for
/// the list: "connectors" is in `zpa_list_app_connectors`, "connector" in `zpa_get_app_connector`).
pub const SURFACE_WEIGHT: f32 = 1.5;

/// Weight of the share of the query's words a tool's name holds.
pub const COVER_WEIGHT: f32 = 2.0;

/// Weight of a tool of a service the query names.
pub const SERVICE_WEIGHT: f32 = 4.0;

/// Weight of a read answering rows (or one record) as the query asks.
pub const KIND_WEIGHT: f32 = 1.5;

/// Weight of a tool's name verb being a word of the query ("list" for `zid_list_groups`, "find"
/// for `zid_search_groups`).
pub const VERB_WEIGHT: f32 = 1.0;

/// Query words calling for a name verb.
const VERB_WORDS: &[(&str, &[&str])] = &[
    ("list", &["list", "all", "every"]),
    ("search", &["search", "find", "look"]),
    ("get", &["get", "details"]),
    ("add", &["add"]),
    ("remove", &["remove", "take"]),
    ("bulk", &["bulk", "several", "many", "multiple"]),
    ("start", &["start", "run"]),
];

/// Weight of a tool's action agreeing with what the query asks to do (half for a read when the
/// query does not say).
pub const ACTION_WEIGHT: f32 = 3.0;

/// What a query naming a tool exactly adds to it.
const EXACT_NAME: f32 = 1000.0;

/// How many times a field's words count in a tool's document.
const NAME_REPEAT: usize = 3;
const TITLE_REPEAT: usize = 2;

/// What the words synonyms add count, against 1 for the query's own.
const ADDED_WEIGHT: f32 = 0.5;

/// Splits a document already normalised into words (the documents are built here).
struct Spaces;

impl Tokenizer for Spaces {
    fn tokenize(&self, input_text: &str) -> Vec<String> {
        input_text.split_whitespace().map(str::to_string).collect()
    }
}

/// Per tool, what the signals beside BM25 need.
struct Entry {
    tool: &'static ToolDeclaration,
    /// The name's words, normalised, without the service code and verbs.
    name_words: Vec<String>,
    /// The same words as written (lower case, not stemmed): "connectors" in a list's name.
    name_surface: Vec<String>,
    /// The actions the name's own words say ("add" in `zia_add_urls_to_category`, an update).
    name_actions: Vec<Action>,
    /// The name's verbs.
    name_verbs: Vec<&'static str>,
    /// The tool answers rows (a list, or a `list`/`search` name).
    rows: bool,
}

/// A synonym entry: the operator's phrase and the catalog's, normalised into words.
struct Synonym {
    said: Vec<String>,
    meant: Vec<Vec<String>>,
}

/// A query, prepared once for scoring every tool.
struct Prepared {
    /// Its words, normalised.
    asked: Vec<String>,
    /// The words synonyms add.
    added: Vec<String>,
    /// Its words that a multi-word operator phrase holds but its catalog phrase does not:
    /// "browser" in "browser isolation" (catalog: "isolation") weighs like an added word.
    muted: Vec<String>,
    /// Its words as written, lower case.
    surface: HashSet<String>,
    /// The name verbs it calls for.
    verbs: Vec<&'static str>,
    /// What it asks to do, if it says: the actions agreeing with it.
    intent: Option<&'static [Action]>,
    /// It asks for rows (`true`) or one record (`false`), if it says.
    wants_list: Option<bool>,
    /// The services it names.
    services: Vec<Service>,
    /// Tool names it spells out.
    named: HashSet<String>,
}

impl Entry {
    /// The tool's family: its toolset and its name's object words ("ips" as "ip").
    fn family(&self) -> String {
        let objects: Vec<&str> = self
            .name_words
            .iter()
            .map(|w| w.trim_end_matches('s'))
            .collect();
        format!("{} {}", self.tool.toolset, objects.join(" "))
    }
}

impl Prepared {
    fn holds(&self, word: &str) -> bool {
        self.asked.iter().chain(&self.added).any(|w| w == word)
    }

    /// Each distinct word with its weight.
    fn terms(&self) -> Vec<(&str, f32)> {
        let mut terms: Vec<(&str, f32)> = Vec::new();
        for (word, weight) in self
            .asked
            .iter()
            .map(|w| {
                (
                    w,
                    if self.muted.contains(w) {
                        ADDED_WEIGHT
                    } else {
                        1.0
                    },
                )
            })
            .chain(self.added.iter().map(|w| (w, ADDED_WEIGHT)))
        {
            if !terms.iter().any(|(t, _)| t == word) {
                terms.push((word, weight));
            }
        }
        terms
    }
}

/// The parts of one tool's score.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Parts {
    /// BM25 over the tool's document, scaled to [`BM25_WEIGHT`] for the best tool.
    pub bm25: f32,
    /// Share of the name's words the query holds ([`NAME_WEIGHT`]), and of the query's words
    /// the name holds ([`COVER_WEIGHT`]).
    pub name: f32,
    /// Share of the name's words the query writes the same way ([`SURFACE_WEIGHT`]).
    pub surface: f32,
    /// The tool does what the query asks ([`ACTION_WEIGHT`]); a read answers rows or one
    /// record as asked ([`KIND_WEIGHT`]).
    pub action: f32,
    /// The tool is of a service the query names ([`SERVICE_WEIGHT`]).
    pub service: f32,
    /// The query names the tool.
    pub exact: f32,
}

impl Parts {
    pub fn total(&self) -> f32 {
        self.bm25 + self.name + self.surface + self.action + self.service + self.exact
    }
}

/// A search index over a fixed set of tools.
pub struct Index {
    entries: Vec<Entry>,
    /// Per word, the tools whose document has it, in index order, with the word's BM25 weight
    /// in that document times its inverse document frequency.
    postings: HashMap<String, Vec<(usize, f32)>>,
    synonyms: Vec<Synonym>,
    /// Intent phrases, longest first.
    intents: Vec<(Action, Vec<String>)>,
    /// Service-naming phrases.
    service_names: Vec<(Service, Vec<String>)>,
}

impl Index {
    pub fn new(tools: &[&'static ToolDeclaration]) -> Index {
        let entries: Vec<Entry> = tools
            .iter()
            .map(|&tool| {
                let code = tool.service.map(Service::code);
                let parts: Vec<&str> = tool
                    .name
                    .split('_')
                    .filter(|w| Some(*w) != code && !STOP_WORDS.contains(w))
                    .collect();
                let name_actions = NAME_VERBS
                    .iter()
                    .filter(|(verb, _)| parts.contains(verb))
                    .flat_map(|(_, actions)| actions.iter().copied())
                    .collect();
                let name_verbs = NAME_VERBS
                    .iter()
                    .map(|(verb, _)| *verb)
                    .filter(|verb| parts.contains(verb))
                    .collect();
                let rows = tool.list || parts.contains(&"list") || parts.contains(&"search");
                let objects: Vec<&str> = parts
                    .into_iter()
                    .filter(|w| !NAME_VERBS.iter().any(|(verb, _)| verb == w))
                    .collect();
                Entry {
                    rows,
                    tool,
                    name_words: objects.iter().map(|w| stem(w)).collect(),
                    name_surface: objects.iter().map(|w| w.to_string()).collect(),
                    name_actions,
                    name_verbs,
                }
            })
            .collect();
        // Tools on the same thing (same toolset, same name but for the verb: the list, get,
        // create, update and delete of one object) share what their descriptions say about
        // it, so that the action the query asks for, not which sibling's description happens
        // to use its words, picks among them.
        let families: Vec<String> = entries.iter().map(Entry::family).collect();
        let mut members: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, family) in families.iter().enumerate() {
            members.entry(family.as_str()).or_default().push(i);
        }
        let documents: Vec<String> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let siblings: Vec<&str> = members[families[i].as_str()]
                    .iter()
                    .filter(|j| **j != i)
                    .map(|j| entries[*j].tool.description)
                    .collect();
                document(e.tool, &siblings).join(" ")
            })
            .collect();
        let corpus: Vec<&str> = documents.iter().map(String::as_str).collect();
        let embedder =
            EmbedderBuilder::<u32, Spaces>::with_tokenizer_and_fit_to_corpus(Spaces, &corpus)
                .build();
        let mut postings: HashMap<String, Vec<(usize, f32)>> = HashMap::new();
        for (i, text) in documents.iter().enumerate() {
            // The embedding holds one value per word of the document, in order; a repeated
            // word has the same value each time.
            let embedding = embedder.embed(text);
            for (word, value) in text.split_whitespace().zip(embedding.values()) {
                let list = postings.entry(word.to_string()).or_default();
                if list.last().is_none_or(|(last, _)| *last != i) {
                    list.push((i, *value));
                }
            }
        }
        let n = tools.len() as f32;
        for list in postings.values_mut() {
            // BM25's inverse document frequency, as the bm25 crate's scorer computes it.
            let df = list.len() as f32;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            for (_, value) in list.iter_mut() {
                *value *= idf;
            }
        }
        let synonyms = SYNONYMS
            .iter()
            .map(|(said, meant)| Synonym {
                said: words(said),
                meant: meant.iter().map(|m| words(m)).collect(),
            })
            .filter(|s| !s.said.is_empty())
            .collect();
        let mut intents: Vec<(Action, Vec<String>)> = ACTION_INTENT
            .iter()
            .flat_map(|(action, list)| list.iter().map(|p| (*action, raw_words(p))))
            .collect();
        intents.sort_by_key(|(_, p)| std::cmp::Reverse(p.len()));
        let service_names = SERVICE_NAMES
            .iter()
            .flat_map(|(service, list)| list.iter().map(|p| (*service, words(p))))
            .collect();
        Index {
            entries,
            postings,
            synonyms,
            intents,
            service_names,
        }
    }

    /// The best matches of `query` among the indexed tools, best first, at most `limit`,
    /// keeping only tools of `service` and of `action` when given. An empty query with a
    /// filter lists the filtered tools in catalog order.
    pub fn search(
        &self,
        query: &str,
        service: Option<Service>,
        action: Option<Action>,
        limit: usize,
    ) -> Vec<Hit> {
        let keep = |e: &Entry| {
            service.is_none_or(|s| e.tool.service == Some(s))
                && action.is_none_or(|a| e.tool.action == a)
        };
        let q = self.prepare(query);
        if q.asked.is_empty() && q.named.is_empty() {
            return self
                .entries
                .iter()
                .filter(|e| keep(e))
                .take(limit)
                .map(|e| Hit {
                    tool: e.tool,
                    score: 0.0,
                })
                .collect();
        }
        let bm25 = self.bm25(&q);
        let best = bm25
            .iter()
            .zip(&self.entries)
            .filter(|(_, e)| keep(e))
            .filter_map(|(s, _)| *s)
            .fold(0.0f32, f32::max);
        let mut scored: Vec<(usize, f32)> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(i, e)| keep(e) && (bm25[*i].is_some() || q.named.contains(e.tool.name)))
            .map(|(i, e)| (i, self.parts(e, &q, bm25[i], best).total()))
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        scored
            .into_iter()
            .take(limit)
            .map(|(i, score)| Hit {
                tool: self.entries[i].tool,
                score,
            })
            .collect()
    }

    /// Why `tool` scores what it does for `query` (unfiltered): the parts of its score and the
    /// query's words, those synonyms added in brackets; `None` for a tool not indexed.
    pub fn explain(&self, query: &str, tool: &str) -> Option<(Parts, String)> {
        let (i, entry) = self
            .entries
            .iter()
            .enumerate()
            .find(|(_, e)| e.tool.name == tool)?;
        let q = self.prepare(query);
        let bm25 = self.bm25(&q);
        let best = bm25.iter().filter_map(|s| *s).fold(0.0f32, f32::max);
        let words = format!("{} [{}]", q.asked.join(" "), q.added.join(" "));
        Some((self.parts(entry, &q, bm25[i], best), words))
    }

    /// Each tool's BM25 score for the query (`None`: no word in common).
    fn bm25(&self, q: &Prepared) -> Vec<Option<f32>> {
        let mut scores = vec![None; self.entries.len()];
        for (word, weight) in q.terms() {
            for (i, value) in self.postings.get(word).into_iter().flatten() {
                *scores[*i].get_or_insert(0.0) += weight * value;
            }
        }
        scores
    }

    fn prepare(&self, query: &str) -> Prepared {
        let asked = words(query);
        let (mut added, muted) = self.expand(&asked);
        // An e-mail address is a login name.
        if query.contains('@') {
            for w in words("user login name") {
                if !asked.contains(&w) && !added.contains(&w) {
                    added.push(w);
                }
            }
        }
        let raw = raw_words(query);
        let intent = self.intent(&raw);
        let list_cue = raw.iter().any(|w| {
            LIST_CUES.contains(&w.as_str())
                || (w.len() > 3
                    && w.ends_with('s')
                    && stem(w).len() < w.len()
                    && !STOP_WORDS.contains(&w.as_str()))
        });
        let record_cue = raw.iter().any(|w| {
            RECORD_CUES.contains(&w.as_str())
                || (w.len() >= 4 && w.chars().all(|c| c.is_ascii_digit()))
        });
        let wants_list = match (list_cue, record_cue) {
            (true, false) => Some(true),
            (false, true) => Some(false),
            _ => None,
        };
        let mut services: Vec<Service> = Vec::new();
        // "identity provider" names no service (ZPA's IdPs), "identity" alone does.
        let mut scan = asked.clone();
        if let Some(at) = scan
            .windows(2)
            .position(|w| w[0] == "identity" && w[1] == "provider")
        {
            scan.drain(at..at + 2);
        }
        for (service, phrase) in &self.service_names {
            if contains_phrase(&scan, phrase) && !services.contains(service) {
                services.push(*service);
            }
        }
        let verbs = VERB_WORDS
            .iter()
            .filter(|(_, said)| raw.iter().any(|w| said.contains(&w.as_str())))
            .map(|(verb, _)| *verb)
            .collect();
        let lowered = query.to_lowercase();
        let surface = lowered
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        let named = lowered
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|w| w.contains('_'))
            .map(str::to_string)
            .collect();
        Prepared {
            asked,
            added,
            muted,
            surface,
            verbs,
            intent,
            wants_list,
            services,
            named,
        }
    }

    fn parts(&self, entry: &Entry, q: &Prepared, bm25: Option<f32>, best: f32) -> Parts {
        let mut parts = Parts::default();
        if let Some(score) = bm25.filter(|_| best > 0.0) {
            parts.bm25 = BM25_WEIGHT * score / best;
        }
        if !entry.name_words.is_empty() {
            let n = entry.name_words.len() as f32;
            let held = entry.name_words.iter().filter(|w| q.holds(w)).count() as f32;
            parts.name = NAME_WEIGHT * held / n + COVER_WEIGHT * held / q.asked.len().max(1) as f32;
            let same = entry
                .name_surface
                .iter()
                .filter(|w| q.surface.contains(*w))
                .count() as f32;
            parts.surface = SURFACE_WEIGHT * same / n;
        }
        let action = entry.tool.action;
        parts.action = match q.intent {
            Some(asked)
                if asked.contains(&action)
                    || entry.name_actions.iter().any(|a| asked.contains(a)) =>
            {
                ACTION_WEIGHT
            }
            None if action == Action::Read => ACTION_WEIGHT / 2.0,
            _ => 0.0,
        };
        if action == Action::Read && q.wants_list == Some(entry.rows) {
            parts.action += KIND_WEIGHT;
        }
        if entry.name_verbs.iter().any(|v| q.verbs.contains(v)) {
            parts.action += VERB_WEIGHT;
        }
        if entry.tool.service.is_some_and(|s| q.services.contains(&s)) {
            parts.service = SERVICE_WEIGHT;
        }
        if q.named.contains(entry.tool.name) {
            parts.exact = EXACT_NAME;
        }
        parts
    }

    /// The words synonyms add to a query's words (none it already has): the catalog's phrases
    /// for an operator's phrase it holds, the operator's phrase for a catalog phrase it holds.
    fn expand(&self, asked: &[String]) -> (Vec<String>, Vec<String>) {
        let mut muted: Vec<String> = Vec::new();
        for s in &self.synonyms {
            if s.said.len() > 1 && contains_phrase(asked, &s.said) {
                for w in &s.said {
                    if !s.meant.iter().any(|m| m.contains(w)) && !muted.contains(w) {
                        muted.push(w.clone());
                    }
                }
            }
        }
        let mut added: Vec<String> = Vec::new();
        let mut add = |phrase: &[String]| {
            for w in phrase {
                if !asked.contains(w) && !added.contains(w) {
                    added.push(w.clone());
                }
            }
        };
        for s in &self.synonyms {
            if contains_phrase(asked, &s.said) {
                s.meant.iter().for_each(|m| add(m));
            } else if s.meant.iter().any(|m| contains_phrase(asked, m)) {
                add(&s.said);
            }
        }
        (added, muted)
    }

    /// What the query asks to do: the actions agreeing with the earliest of its intent
    /// phrases ("add" followed by "to the" changes the thing added to; "block" creates a rule or
    /// changes a setting).
    fn intent(&self, raw: &[String]) -> Option<&'static [Action]> {
        (0..raw.len()).find_map(|at| {
            if POLICY_INTENT.contains(&raw[at].as_str()) {
                return Some(&[Action::Create, Action::Update][..]);
            }
            let (action, phrase) = self
                .intents
                .iter()
                .find(|(_, p)| !p.is_empty() && raw[at..].starts_with(p))?;
            let into = INTO
                .iter()
                .find(|(verb, _)| *verb == phrase[0])
                .is_some_and(|(_, after)| {
                    raw[at + 1..].windows(2).any(|w| {
                        after.contains(&w[0].as_str()) && DETERMINERS.contains(&w[1].as_str())
                    })
                });
            Some(if into {
                &[Action::Update][..]
            } else {
                match action {
                    Action::Read => &[Action::Read][..],
                    Action::Create => &[Action::Create][..],
                    Action::Update => &[Action::Update][..],
                    Action::Delete => &[Action::Delete][..],
                }
            })
        })
    }
}

/// `phrase` occurs in `words` as consecutive words.
fn contains_phrase(words: &[String], phrase: &[String]) -> bool {
    !phrase.is_empty() && words.windows(phrase.len()).any(|w| w == phrase)
}

/// A tool's document: its normalised words, fields weighted by repetition.
fn document(tool: &ToolDeclaration, siblings: &[&str]) -> Vec<String> {
    let mut doc = Vec::new();
    let code = tool.service.map(Service::code);
    let name: Vec<String> = words(tool.name)
        .into_iter()
        .filter(|w| Some(w.as_str()) != code)
        .collect();
    for _ in 0..NAME_REPEAT {
        doc.extend(name.iter().cloned());
    }
    let title = words(tool.title);
    for _ in 0..TITLE_REPEAT {
        doc.extend(title.iter().cloned());
    }
    doc.extend(words(&without_identifiers(tool.description)));
    for description in siblings {
        doc.extend(words(&without_identifiers(description)));
    }
    for p in tool.params {
        doc.extend(words(p.name));
        for value in p.one_of {
            doc.extend(words(value));
        }
    }
    doc.extend(words(tool.toolset));
    if let Some(service) = tool.service {
        doc.extend(words(service_words(service)));
    }
    doc.extend(words(action_words(tool.action)));
    doc
}

/// `text` without the identifiers it cites (other tools, parameters): not this tool's words.
fn without_identifiers(text: &str) -> String {
    text.split_whitespace()
        .filter(|w| !w.contains('_'))
        .collect::<Vec<_>>()
        .join(" ")
}

fn service_words(service: Service) -> &'static str {
    SERVICE_WORDS
        .iter()
        .find(|(s, _)| *s == service)
        .map_or("", |(_, w)| w)
}

fn action_words(action: Action) -> &'static str {
    ACTION_WORDS
        .iter()
        .find(|(a, _)| *a == action)
        .map_or("", |(_, w)| w)
}

/// Lower-cased words of `text` (split on anything but letters and digits, so `snake_case` and
/// "one-time" split too), stop words and bare numbers dropped, each stemmed.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
        .map(|w| stem(&w))
        .collect()
}

/// Every word of `text` as written, lower-cased (for intent phrases: "provisioning" in
/// "provisioning key" does not ask to provision).
fn raw_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Light suffix stripping, the same for documents and queries: plurals (`-s`, `-es`, `-ies`),
/// `-ing` and `-ed` (a doubled final consonant undone: "scanning" → "scan"), then a final `-e`
/// ("rules", "ruled", "rule" agree; "devices" and "device" too).
pub fn stem(word: &str) -> String {
    let mut w = word.to_string();
    let n = w.len();
    if n > 4 && w.ends_with("ies") {
        w.truncate(n - 3);
        w.push('y');
    } else if n > 4
        && ["sses", "xes", "ches", "shes", "zes"]
            .iter()
            .any(|s| w.ends_with(s))
    {
        w.truncate(n - 2);
    } else if n > 3 && w.ends_with('s') && !["ss", "us", "is"].iter().any(|s| w.ends_with(s)) {
        w.truncate(n - 1);
    }
    let n = w.len();
    if n > 6 && w.ends_with("ing") {
        w.truncate(n - 3);
        undouble(&mut w);
    } else if n > 5 && w.ends_with("ed") {
        w.truncate(n - 2);
        undouble(&mut w);
    }
    if w.len() > 4 && w.ends_with('e') {
        w.pop();
    }
    w
}

/// "scann" → "scan", "mapp" → "map"; "install" keeps its `ll`.
fn undouble(w: &mut String) {
    let b = w.as_bytes();
    let n = b.len();
    if n >= 2 && b[n - 1] == b[n - 2] && !b"aeioulsz".contains(&b[n - 1]) {
        w.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::all_tools;
    use crate::catalog::toolsets::ZIA_MISC;

    fn service_tools() -> Vec<&'static ToolDeclaration> {
        all_tools().filter(|t| t.service.is_some()).collect()
    }

    fn index() -> Index {
        Index::new(&service_tools())
    }

    fn names(hits: &[Hit]) -> Vec<&'static str> {
        hits.iter().map(|h| h.tool.name).collect()
    }

    fn top(index: &Index, query: &str) -> &'static str {
        index
            .search(query, None, None, 1)
            .first()
            .map_or("", |h| h.tool.name)
    }

    #[test]
    fn service_filter_keeps_only_that_service() {
        let hits = index().search("list the rules", Some(Service::Zpa), None, 100);
        assert!(hits.len() > 5);
        assert!(hits.iter().all(|h| h.tool.service == Some(Service::Zpa)));
    }

    #[test]
    fn action_filter_keeps_only_that_action() {
        let index = index();
        let hits = index.search("rule", None, Some(Action::Delete), 100);
        assert!(hits.len() > 5);
        assert!(hits.iter().all(|h| h.tool.action == Action::Delete));
        let both = index.search("rule", Some(Service::Zia), Some(Action::Create), 100);
        assert!(!both.is_empty());
        assert!(
            both.iter()
                .all(|h| h.tool.service == Some(Service::Zia) && h.tool.action == Action::Create)
        );
    }

    #[test]
    fn empty_query_with_a_filter_lists_the_filtered_tools_in_catalog_order() {
        let index = index();
        let zcc: Vec<&str> = service_tools()
            .into_iter()
            .filter(|t| t.service == Some(Service::Zcc))
            .map(|t| t.name)
            .collect();
        assert_eq!(zcc.len(), 4);
        // Blank, punctuation only, and stop words only are all empty queries.
        for query in ["", "   ", "?!", "what is the"] {
            let hits = index.search(query, Some(Service::Zcc), None, 10);
            assert_eq!(names(&hits), zcc, "{query:?}");
            assert!(hits.iter().all(|h| h.score == 0.0));
        }
        let deletes = index.search("", None, Some(Action::Delete), 3);
        assert_eq!(deletes.len(), 3);
        assert!(deletes.iter().all(|h| h.tool.action == Action::Delete));
    }

    #[test]
    fn limit_caps_the_hits() {
        let index = index();
        assert_eq!(index.search("list", None, None, 3).len(), 3);
        assert_eq!(index.search("list", None, None, 1).len(), 1);
        assert!(index.search("list", None, None, 0).is_empty());
        assert!(index.search("list", None, None, 10_000).len() <= service_tools().len());
    }

    #[test]
    fn words_sharing_nothing_with_the_catalog_find_nothing() {
        assert!(index().search("xyzzy plugh", None, None, 5).is_empty());
    }

    #[test]
    fn same_query_same_answer_and_scores_descend() {
        let (a, b) = (index(), index());
        for query in [
            "which ZPA connectors are down",
            "block gambling sites",
            "sim usage",
        ] {
            let first = a.search(query, None, None, 20);
            let again = a.search(query, None, None, 20);
            let other = b.search(query, None, None, 20);
            assert_eq!(names(&first), names(&again));
            assert_eq!(names(&first), names(&other));
            assert!(
                first.windows(2).all(|w| w[0].score >= w[1].score),
                "{query}"
            );
        }
    }

    static SAME_A: ToolDeclaration = ZIA_MISC.get("zia_get_alpha", "Same title", "Same words.");
    static SAME_B: ToolDeclaration = ZIA_MISC.get("zia_get_bravo", "Same title", "Same words.");

    #[test]
    fn ties_keep_the_order_given() {
        let forward = Index::new(&[&SAME_A, &SAME_B]);
        let hits = forward.search("same words", None, None, 2);
        assert_eq!(hits[0].score, hits[1].score);
        assert_eq!(names(&hits), ["zia_get_alpha", "zia_get_bravo"]);
        let backward = Index::new(&[&SAME_B, &SAME_A]);
        let hits = backward.search("same words", None, None, 2);
        assert_eq!(names(&hits), ["zia_get_bravo", "zia_get_alpha"]);
    }

    #[test]
    fn synonyms_reach_the_catalog_words() {
        let index = index();
        // The catalog says "application segment" and "device".
        let hits = index.search("app segments", Some(Service::Zpa), Some(Action::Read), 3);
        assert!(
            names(&hits).contains(&"zpa_list_application_segments"),
            "{:?}",
            names(&hits)
        );
        let hits = index.search("laptops", Some(Service::Zcc), None, 1);
        assert_eq!(names(&hits), ["zcc_list_devices"]);
        // One-time password is `otp` in the name.
        assert_eq!(
            top(&index, "one-time password for a device"),
            "zcc_get_device_otp"
        );
        let (_, words) = index
            .explain("deep trace", "zdx_start_deeptrace")
            .expect("indexed");
        assert!(
            words.contains(&format!("[{}", stem("deeptrace"))),
            "{words}"
        );
    }

    #[test]
    fn the_action_asked_picks_among_siblings() {
        let index = index();
        assert_eq!(top(&index, "create a GRE tunnel"), "zia_create_gre_tunnel");
        assert_eq!(
            top(&index, "delete the GRE tunnel"),
            "zia_delete_gre_tunnel"
        );
        assert_eq!(
            top(&index, "which GRE tunnels exist"),
            "zia_list_gre_tunnels"
        );
        // "add ... to the ..." changes the thing added to.
        assert_eq!(
            top(&index, "add a URL to the custom category"),
            "zia_add_urls_to_category"
        );
        // A plural asks for the list, a singular with an id for the record.
        assert_eq!(top(&index, "ZPA app connectors"), "zpa_list_app_connectors");
        assert_eq!(
            top(&index, "ZPA app connector 72058304855015574"),
            "zpa_get_app_connector"
        );
    }

    #[test]
    fn a_named_service_ranks_its_tools_first() {
        let index = index();
        assert_eq!(
            index.search("list departments in ZDX", None, None, 1)[0]
                .tool
                .service,
            Some(Service::Zdx)
        );
        assert_eq!(
            index.search("list departments in internet access", None, None, 1)[0]
                .tool
                .service,
            Some(Service::Zia)
        );
    }

    #[test]
    fn an_exact_tool_name_ranks_first() {
        let index = index();
        for tool in service_tools() {
            assert_eq!(top(&index, tool.name), tool.name);
        }
        assert_eq!(
            top(&index, "run zpa_list_lss_log_types please"),
            "zpa_list_lss_log_types"
        );
    }

    #[test]
    fn stemming_is_light_and_symmetric() {
        assert_eq!(stem("policies"), "policy");
        assert_eq!(stem("devices"), stem("device"));
        assert_eq!(stem("rules"), stem("rule"));
        assert_eq!(stem("scanning"), "scan");
        assert_eq!(stem("filtering"), "filter");
        assert_eq!(stem("installed"), "install");
        assert_eq!(stem("processes"), "process");
        for kept in ["status", "address", "analysis", "dns", "ips", "zia"] {
            assert_eq!(stem(kept), kept);
        }
        assert_eq!(
            words("The ZPA app_segments on port 22!"),
            ["zpa", "app", "segment", "port"]
        );
    }

    #[test]
    fn every_table_phrase_keeps_a_word() {
        for (said, meant) in SYNONYMS {
            assert!(!words(said).is_empty(), "synonym {said:?}");
            for m in *meant {
                assert!(!words(m).is_empty(), "synonym {said:?} -> {m:?}");
            }
        }
        for (_, list) in SERVICE_NAMES {
            for p in *list {
                assert!(!words(p).is_empty(), "service name {p:?}");
            }
        }
        for (_, list) in ACTION_INTENT {
            for p in *list {
                assert!(!raw_words(p).is_empty(), "intent {p:?}");
            }
        }
    }
}
