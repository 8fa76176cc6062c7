//! A small GraphQL front end shared by Z-Insights and ZMS: it parses the query document the SDK
//! sends (operations, variables with types and defaults, fields with aliases and arguments,
//! inline fragments, named fragments, `@include`/`@skip`), coerces the variables, hands each
//! root field to the service's resolver and projects the resolved JSON onto the selection set.
//! Failures come back the GraphQL way: HTTP 200 with `{"data": null, "errors": [...]}`.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use crate::engine::{Call, Reply};
use crate::errors::{ApiError, Kind};
use crate::product::Product;

/// A literal or variable reference in the query document.
#[derive(Debug, Clone)]
pub enum GValue {
    Var(String),
    Int(i64),
    Float(f64),
    Str(String),
    Bool(bool),
    Null,
    Enum(String),
    List(Vec<GValue>),
    Object(Vec<(String, GValue)>),
}

#[derive(Debug, Clone)]
pub struct Field {
    pub alias: Option<String>,
    pub name: String,
    pub args: Vec<(String, GValue)>,
    pub directives: Vec<Directive>,
    pub selections: Vec<Selection>,
    pub line: usize,
    pub column: usize,
}

impl Field {
    /// The key this field answers under (alias or name).
    pub fn key(&self) -> &str {
        self.alias.as_deref().unwrap_or(&self.name)
    }
}

#[derive(Debug, Clone)]
pub struct Directive {
    pub name: String,
    pub args: Vec<(String, GValue)>,
}

#[derive(Debug, Clone)]
pub enum Selection {
    Field(Field),
    Inline {
        on: Option<String>,
        directives: Vec<Directive>,
        selections: Vec<Selection>,
    },
    Spread {
        name: String,
        directives: Vec<Directive>,
    },
}

#[derive(Debug, Clone)]
pub enum TypeRef {
    Named(String),
    List(Box<TypeRef>),
    NonNull(Box<TypeRef>),
}

impl TypeRef {
    fn render(&self) -> String {
        match self {
            TypeRef::Named(n) => n.clone(),
            TypeRef::List(t) => format!("[{}]", t.render()),
            TypeRef::NonNull(t) => format!("{}!", t.render()),
        }
    }
}

#[derive(Debug, Clone)]
pub struct VarDef {
    pub name: String,
    pub ty: TypeRef,
    pub default: Option<GValue>,
}

#[derive(Debug, Clone)]
pub struct Operation {
    pub kind: String,
    pub name: Option<String>,
    pub vars: Vec<VarDef>,
    pub selections: Vec<Selection>,
}

#[derive(Debug, Clone, Default)]
pub struct Document {
    pub operations: Vec<Operation>,
    pub fragments: HashMap<String, (String, Vec<Selection>)>,
}

/// One entry of the `errors` array.
#[derive(Debug, Clone)]
pub struct GqlError {
    pub message: String,
    pub path: Vec<String>,
    pub classification: &'static str,
    pub location: Option<(usize, usize)>,
}

impl GqlError {
    pub fn validation(message: impl Into<String>, path: &[String]) -> GqlError {
        GqlError {
            message: message.into(),
            path: path.to_vec(),
            classification: "ValidationError",
            location: None,
        }
    }
    pub fn fetching(message: impl Into<String>, path: &[String]) -> GqlError {
        GqlError {
            message: message.into(),
            path: path.to_vec(),
            classification: "DataFetchingException",
            location: None,
        }
    }
    fn at(mut self, field: &Field) -> GqlError {
        if self.location.is_none() {
            self.location = Some((field.line, field.column));
        }
        self
    }
    fn to_json(&self) -> Value {
        let mut e = json!({
            "message": self.message,
            "path": self.path,
            "extensions": {"classification": self.classification},
        });
        if let (Some((line, column)), Value::Object(m)) = (self.location, &mut e) {
            m.insert(
                "locations".to_string(),
                json!([{"line": line, "column": column}]),
            );
        }
        e
    }
}

// ---------------------------------------------------------------------------------------------
// Lexer and parser
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Punct(char),
    Spread,
    Name(String),
    Int(i64),
    Float(f64),
    Str(String),
}

struct Lexed {
    tok: Tok,
    line: usize,
    column: usize,
}

fn syntax(message: impl Into<String>, line: usize, column: usize) -> GqlError {
    GqlError {
        message: format!(
            "Invalid Syntax : {} at line {line}, column {column}",
            message.into()
        ),
        path: Vec::new(),
        classification: "InvalidSyntax",
        location: Some((line, column)),
    }
}

fn lex(src: &str) -> Result<Vec<Lexed>, GqlError> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line, mut line_start) = (0usize, 1usize, 0usize);
    while i < chars.len() {
        let c = chars[i];
        let column = i - line_start + 1;
        match c {
            '\n' => {
                i += 1;
                line += 1;
                line_start = i;
            }
            ' ' | '\t' | '\r' | ',' | '\u{FEFF}' => i += 1,
            '#' => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '.' => {
                if chars.get(i + 1) == Some(&'.') && chars.get(i + 2) == Some(&'.') {
                    out.push(Lexed {
                        tok: Tok::Spread,
                        line,
                        column,
                    });
                    i += 3;
                } else {
                    return Err(syntax("unexpected '.'", line, column));
                }
            }
            '!' | '$' | '(' | ')' | ':' | '=' | '@' | '[' | ']' | '{' | '}' | '|' | '&' => {
                out.push(Lexed {
                    tok: Tok::Punct(c),
                    line,
                    column,
                });
                i += 1;
            }
            '"' => {
                let block = chars.get(i + 1) == Some(&'"') && chars.get(i + 2) == Some(&'"');
                let mut s = String::new();
                if block {
                    i += 3;
                    loop {
                        if i >= chars.len() {
                            return Err(syntax("unterminated block string", line, column));
                        }
                        if chars.get(i) == Some(&'"')
                            && chars.get(i + 1) == Some(&'"')
                            && chars.get(i + 2) == Some(&'"')
                        {
                            i += 3;
                            break;
                        }
                        if chars[i] == '\n' {
                            line += 1;
                            line_start = i + 1;
                        }
                        s.push(chars[i]);
                        i += 1;
                    }
                    s = s.trim().to_string();
                } else {
                    i += 1;
                    loop {
                        let Some(&ch) = chars.get(i) else {
                            return Err(syntax("unterminated string", line, column));
                        };
                        match ch {
                            '"' => {
                                i += 1;
                                break;
                            }
                            '\n' => return Err(syntax("unterminated string", line, column)),
                            '\\' => {
                                let esc = chars.get(i + 1).copied().unwrap_or('\\');
                                i += 2;
                                match esc {
                                    'n' => s.push('\n'),
                                    't' => s.push('\t'),
                                    'r' => s.push('\r'),
                                    'b' => s.push('\u{8}'),
                                    'f' => s.push('\u{c}'),
                                    'u' => {
                                        let hex: String = chars
                                            .get(i..(i + 4).min(chars.len()))
                                            .unwrap_or_default()
                                            .iter()
                                            .collect();
                                        i += 4;
                                        match u32::from_str_radix(&hex, 16)
                                            .ok()
                                            .and_then(char::from_u32)
                                        {
                                            Some(u) => s.push(u),
                                            None => {
                                                return Err(syntax(
                                                    "invalid unicode escape",
                                                    line,
                                                    column,
                                                ));
                                            }
                                        }
                                    }
                                    other => s.push(other),
                                }
                            }
                            other => {
                                s.push(other);
                                i += 1;
                            }
                        }
                    }
                }
                out.push(Lexed {
                    tok: Tok::Str(s),
                    line,
                    column,
                });
            }
            c if c == '-' || c.is_ascii_digit() => {
                let start = i;
                i += 1;
                let mut float = false;
                while let Some(&d) = chars.get(i) {
                    if d.is_ascii_digit() {
                        i += 1;
                    } else if matches!(d, '.' | 'e' | 'E')
                        || (matches!(d, '+' | '-') && matches!(chars[i - 1], 'e' | 'E'))
                    {
                        float = true;
                        i += 1;
                    } else {
                        break;
                    }
                }
                let text: String = chars[start..i].iter().collect();
                let tok = if float {
                    text.parse().map(Tok::Float).ok()
                } else {
                    text.parse().map(Tok::Int).ok()
                };
                match tok {
                    Some(t) => out.push(Lexed {
                        tok: t,
                        line,
                        column,
                    }),
                    None => return Err(syntax(format!("invalid number '{text}'"), line, column)),
                }
            }
            c if c == '_' || c.is_ascii_alphabetic() => {
                let start = i;
                while chars
                    .get(i)
                    .is_some_and(|d| *d == '_' || d.is_ascii_alphanumeric())
                {
                    i += 1;
                }
                out.push(Lexed {
                    tok: Tok::Name(chars[start..i].iter().collect()),
                    line,
                    column,
                });
            }
            other => {
                return Err(syntax(
                    format!("unexpected character '{other}'"),
                    line,
                    column,
                ));
            }
        }
    }
    Ok(out)
}

struct Parser {
    toks: Vec<Lexed>,
    pos: usize,
    depth: usize,
}

/// Nesting deeper than this (selections, lists, objects, types) is refused, so a hostile
/// document cannot exhaust the stack.
const MAX_DEPTH: usize = 64;

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|t| &t.tok)
    }
    fn here(&self) -> (usize, usize) {
        self.toks
            .get(self.pos)
            .or(self.toks.last())
            .map(|t| (t.line, t.column))
            .unwrap_or((1, 1))
    }
    fn err(&self, message: impl Into<String>) -> GqlError {
        let (line, column) = self.here();
        let found = match self.peek() {
            Some(Tok::Punct(c)) => format!("'{c}'"),
            Some(Tok::Spread) => "'...'".to_string(),
            Some(Tok::Name(n)) => format!("'{n}'"),
            Some(Tok::Int(n)) => format!("'{n}'"),
            Some(Tok::Float(n)) => format!("'{n}'"),
            Some(Tok::Str(_)) => "a string".to_string(),
            None => "<EOF>".to_string(),
        };
        syntax(format!("{}, found {found}", message.into()), line, column)
    }
    fn enter(&mut self) -> Result<(), GqlError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.err(format!("nesting deeper than {MAX_DEPTH} levels")));
        }
        Ok(())
    }

    fn is_punct(&self, c: char) -> bool {
        self.peek() == Some(&Tok::Punct(c))
    }
    fn eat_punct(&mut self, c: char) -> bool {
        if self.is_punct(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    fn expect(&mut self, c: char) -> Result<(), GqlError> {
        if self.eat_punct(c) {
            Ok(())
        } else {
            Err(self.err(format!("expected '{c}'")))
        }
    }
    fn name(&mut self) -> Result<String, GqlError> {
        match self.peek() {
            Some(Tok::Name(n)) => {
                let n = n.clone();
                self.pos += 1;
                Ok(n)
            }
            _ => Err(self.err("expected a name")),
        }
    }

    fn document(&mut self) -> Result<Document, GqlError> {
        let mut doc = Document::default();
        if self.toks.is_empty() {
            return Err(syntax("the document is empty", 1, 1));
        }
        while self.peek().is_some() {
            if self.is_punct('{') {
                let selections = self.selection_set()?;
                doc.operations.push(Operation {
                    kind: "query".to_string(),
                    name: None,
                    vars: Vec::new(),
                    selections,
                });
                continue;
            }
            let keyword = self.name()?;
            match keyword.as_str() {
                "query" | "mutation" | "subscription" => {
                    let name = match self.peek() {
                        Some(Tok::Name(_)) => Some(self.name()?),
                        _ => None,
                    };
                    let vars = if self.is_punct('(') {
                        self.var_defs()?
                    } else {
                        Vec::new()
                    };
                    self.directives()?;
                    let selections = self.selection_set()?;
                    doc.operations.push(Operation {
                        kind: keyword,
                        name,
                        vars,
                        selections,
                    });
                }
                "fragment" => {
                    let name = self.name()?;
                    if self.name()? != "on" {
                        return Err(self.err("expected 'on'"));
                    }
                    let on = self.name()?;
                    self.directives()?;
                    let selections = self.selection_set()?;
                    doc.fragments.insert(name, (on, selections));
                }
                other => {
                    self.pos -= 1;
                    return Err(self.err(format!("unexpected definition '{other}'")));
                }
            }
        }
        Ok(doc)
    }

    fn var_defs(&mut self) -> Result<Vec<VarDef>, GqlError> {
        self.expect('(')?;
        let mut defs = Vec::new();
        while !self.eat_punct(')') {
            self.expect('$')?;
            let name = self.name()?;
            self.expect(':')?;
            let ty = self.type_ref()?;
            let default = if self.eat_punct('=') {
                Some(self.value(true)?)
            } else {
                None
            };
            self.directives()?;
            defs.push(VarDef { name, ty, default });
            if self.peek().is_none() {
                return Err(self.err("expected ')'"));
            }
        }
        Ok(defs)
    }

    fn type_ref(&mut self) -> Result<TypeRef, GqlError> {
        self.enter()?;
        let out = self.type_ref_inner();
        self.depth -= 1;
        out
    }

    fn type_ref_inner(&mut self) -> Result<TypeRef, GqlError> {
        let base = if self.eat_punct('[') {
            let inner = self.type_ref()?;
            self.expect(']')?;
            TypeRef::List(Box::new(inner))
        } else {
            TypeRef::Named(self.name()?)
        };
        Ok(if self.eat_punct('!') {
            TypeRef::NonNull(Box::new(base))
        } else {
            base
        })
    }

    fn value(&mut self, constant: bool) -> Result<GValue, GqlError> {
        self.enter()?;
        let out = self.value_inner(constant);
        self.depth -= 1;
        out
    }

    fn value_inner(&mut self, constant: bool) -> Result<GValue, GqlError> {
        let Some(tok) = self.peek().cloned() else {
            return Err(self.err("expected a value"));
        };
        self.pos += 1;
        Ok(match tok {
            Tok::Punct('$') if !constant => GValue::Var(self.name()?),
            Tok::Int(n) => GValue::Int(n),
            Tok::Float(f) => GValue::Float(f),
            Tok::Str(s) => GValue::Str(s),
            Tok::Name(n) => match n.as_str() {
                "true" => GValue::Bool(true),
                "false" => GValue::Bool(false),
                "null" => GValue::Null,
                _ => GValue::Enum(n),
            },
            Tok::Punct('[') => {
                let mut items = Vec::new();
                while !self.eat_punct(']') {
                    if self.peek().is_none() {
                        return Err(self.err("expected ']'"));
                    }
                    items.push(self.value(constant)?);
                }
                GValue::List(items)
            }
            Tok::Punct('{') => {
                let mut fields = Vec::new();
                while !self.eat_punct('}') {
                    let name = self.name()?;
                    self.expect(':')?;
                    fields.push((name, self.value(constant)?));
                }
                GValue::Object(fields)
            }
            _ => {
                self.pos -= 1;
                return Err(self.err("expected a value"));
            }
        })
    }

    fn arguments(&mut self) -> Result<Vec<(String, GValue)>, GqlError> {
        let mut args = Vec::new();
        if self.eat_punct('(') {
            while !self.eat_punct(')') {
                let name = self.name()?;
                self.expect(':')?;
                args.push((name, self.value(false)?));
            }
        }
        Ok(args)
    }

    fn directives(&mut self) -> Result<Vec<Directive>, GqlError> {
        let mut out = Vec::new();
        while self.eat_punct('@') {
            let name = self.name()?;
            let args = self.arguments()?;
            out.push(Directive { name, args });
        }
        Ok(out)
    }

    fn selection_set(&mut self) -> Result<Vec<Selection>, GqlError> {
        self.enter()?;
        let out = self.selection_set_inner();
        self.depth -= 1;
        out
    }

    fn selection_set_inner(&mut self) -> Result<Vec<Selection>, GqlError> {
        self.expect('{')?;
        let mut out = Vec::new();
        while !self.eat_punct('}') {
            if self.peek().is_none() {
                return Err(self.err("expected '}'"));
            }
            if self.peek() == Some(&Tok::Spread) {
                self.pos += 1;
                let on_or_name = match self.peek() {
                    Some(Tok::Name(n)) => Some(n.clone()),
                    _ => None,
                };
                match on_or_name.as_deref() {
                    Some("on") => {
                        self.pos += 1;
                        let on = self.name()?;
                        let directives = self.directives()?;
                        let selections = self.selection_set()?;
                        out.push(Selection::Inline {
                            on: Some(on),
                            directives,
                            selections,
                        });
                    }
                    Some(_) => {
                        let name = self.name()?;
                        let directives = self.directives()?;
                        out.push(Selection::Spread { name, directives });
                    }
                    None => {
                        let directives = self.directives()?;
                        let selections = self.selection_set()?;
                        out.push(Selection::Inline {
                            on: None,
                            directives,
                            selections,
                        });
                    }
                }
                continue;
            }
            let (line, column) = self.here();
            let first = self.name()?;
            let (alias, name) = if self.eat_punct(':') {
                (Some(first), self.name()?)
            } else {
                (None, first)
            };
            let args = self.arguments()?;
            let directives = self.directives()?;
            let selections = if self.is_punct('{') {
                self.selection_set()?
            } else {
                Vec::new()
            };
            out.push(Selection::Field(Field {
                alias,
                name,
                args,
                directives,
                selections,
                line,
                column,
            }));
        }
        Ok(out)
    }
}

pub fn parse(src: &str) -> Result<Document, GqlError> {
    let toks = lex(src)?;
    Parser {
        toks,
        pos: 0,
        depth: 0,
    }
    .document()
}

// ---------------------------------------------------------------------------------------------
// Execution
// ---------------------------------------------------------------------------------------------

/// Enum input types the sandbox knows, with their values (others are accepted as given).
const ENUMS: &[(&str, &[&str])] = &[
    ("WebTrafficUnits", &["TRANSACTIONS", "BYTES"]),
    ("TrendInterval", &["DAY", "HOUR"]),
    (
        "IncidentsGroupBy",
        &[
            "THREAT_CATEGORY_ID",
            "APP_ID",
            "TIME",
            "USER_ID",
            "SRC_COUNTRY",
        ],
    ),
    (
        "IncidentsWithIdGroupBy",
        &["LOCATION_ID", "APP_ID", "USER_ID", "DEPARTMENT_ID"],
    ),
    (
        "DlpEngineFilter",
        &[
            "ANY",
            "NONE",
            "HIPAA",
            "CYBER_BULLY_ENG",
            "GLBA",
            "PCI",
            "OFFENSIVE_LANGUAGE",
            "EXTERNAL",
        ],
    ),
    ("ActionStatus", &["ALLOW", "BLOCK"]),
    ("SortDirection", &["ASC", "DESC"]),
    ("SortOrder", &["ASC", "DESC"]),
    ("NamespaceOrigin", &["CUSTOM", "EXTERNAL", "ML", "UNKNOWN"]),
];

/// What a resolver sees: the coerced variables, the fragments, the current path.
pub struct Ctx<'d> {
    pub vars: Map<String, Value>,
    doc: &'d Document,
}

impl Ctx<'_> {
    /// A GraphQL value with variables substituted.
    pub fn eval(&self, v: &GValue) -> Value {
        match v {
            GValue::Var(n) => self.vars.get(n).cloned().unwrap_or(Value::Null),
            GValue::Int(n) => json!(n),
            GValue::Float(f) => json!(f),
            GValue::Str(s) | GValue::Enum(s) => Value::String(s.clone()),
            GValue::Bool(b) => Value::Bool(*b),
            GValue::Null => Value::Null,
            GValue::List(items) => Value::Array(items.iter().map(|i| self.eval(i)).collect()),
            GValue::Object(fields) => Value::Object(
                fields
                    .iter()
                    .map(|(k, v)| (k.clone(), self.eval(v)))
                    .collect(),
            ),
        }
    }

    /// The field's arguments, evaluated (absent and null arguments left out).
    pub fn args(&self, field: &Field) -> Map<String, Value> {
        field
            .args
            .iter()
            .map(|(k, v)| (k.clone(), self.eval(v)))
            .filter(|(_, v)| !v.is_null())
            .collect()
    }

    fn included(&self, directives: &[Directive]) -> bool {
        directives.iter().all(|d| {
            let cond = d
                .args
                .iter()
                .find(|(k, _)| k == "if")
                .map(|(_, v)| self.eval(v))
                .and_then(|v| v.as_bool());
            match (d.name.as_str(), cond) {
                ("include", Some(c)) => c,
                ("skip", Some(c)) => !c,
                _ => true,
            }
        })
    }

    /// The fields of a selection set that apply to an object of type `typename` (fragments
    /// expanded, directives honoured). `typename` None: every fragment applies.
    pub fn fields<'s>(
        &'s self,
        selections: &'s [Selection],
        typename: Option<&str>,
    ) -> Result<Vec<&'s Field>, GqlError> {
        let mut out = Vec::new();
        self.collect(selections, typename, &mut out, 0)?;
        Ok(out)
    }

    fn collect<'s>(
        &'s self,
        selections: &'s [Selection],
        typename: Option<&str>,
        out: &mut Vec<&'s Field>,
        depth: usize,
    ) -> Result<(), GqlError> {
        if depth > 32 {
            return Err(GqlError::validation("Fragment cycle detected", &[]));
        }
        for s in selections {
            match s {
                Selection::Field(f) if self.included(&f.directives) => out.push(f),
                Selection::Field(_) => {}
                Selection::Inline {
                    on,
                    directives,
                    selections,
                } => {
                    let applies = match (on, typename) {
                        (Some(on), Some(t)) => on == t,
                        _ => true,
                    };
                    if applies && self.included(directives) {
                        self.collect(selections, typename, out, depth + 1)?;
                    }
                }
                Selection::Spread { name, directives } => {
                    let Some((on, selections)) = self.doc.fragments.get(name) else {
                        return Err(GqlError::validation(
                            format!(
                                "Validation error (UndefinedFragment) : Undefined fragment {name}"
                            ),
                            &[],
                        ));
                    };
                    let applies = typename.is_none_or(|t| t == on || on == "Query");
                    if applies && self.included(directives) {
                        self.collect(selections, typename, out, depth + 1)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// Projects resolved JSON onto a selection set. Arrays honour the generic list arguments
    /// of the field (`limit`, `filter_by`/`filterBy`, `order_by`/`orderBy`).
    pub fn project(
        &self,
        value: &Value,
        field: &Field,
        path: &mut Vec<String>,
    ) -> Result<Value, GqlError> {
        match value {
            Value::Array(items) => {
                let args = self.args(field);
                let mut items: Vec<&Value> = items.iter().collect();
                if let Some(filter) = args.get("filter_by").or(args.get("filterBy")) {
                    items.retain(|i| matches_filter(i, filter));
                }
                if let Some(order) = args.get("order_by").or(args.get("orderBy")) {
                    sort_by_order(&mut items, order);
                }
                if let Some(limit) = args.get("limit") {
                    match limit.as_i64() {
                        Some(n) if n >= 0 => items.truncate(n as usize),
                        _ => {
                            return Err(GqlError::validation(
                                format!("Argument 'limit' has an invalid value: {limit}"),
                                path,
                            )
                            .at(field));
                        }
                    }
                }
                items
                    .into_iter()
                    .map(|i| self.project_one(i, field, path))
                    .collect::<Result<Vec<_>, _>>()
                    .map(Value::Array)
            }
            other => self.project_one(other, field, path),
        }
    }

    fn project_one(
        &self,
        value: &Value,
        field: &Field,
        path: &mut Vec<String>,
    ) -> Result<Value, GqlError> {
        let Value::Object(map) = value else {
            return Ok(value.clone());
        };
        if field.selections.is_empty() {
            // A JSON scalar (e.g. ZMS metadata): returned whole, hidden keys removed.
            return Ok(strip_hidden(value));
        }
        let typename = map.get("__typename").and_then(Value::as_str);
        let mut out = Map::new();
        for sub in self.fields(&field.selections, typename)? {
            path.push(sub.key().to_string());
            let result = if sub.name == "__typename" {
                Ok(json!(typename.unwrap_or("Object")))
            } else {
                match map.get(&sub.name) {
                    Some(v) if !sub.name.starts_with('_') => self.project(v, sub, path),
                    _ => Err(GqlError::validation(
                        format!(
                            "Validation error (FieldUndefined@[{}]) : Field '{}' in type '{}' is undefined",
                            path.join("/"),
                            sub.name,
                            typename.unwrap_or(&field.name)
                        ),
                        path,
                    )
                    .at(sub)),
                }
            };
            path.pop();
            out.insert(sub.key().to_string(), result?);
        }
        Ok(Value::Object(out))
    }
}

fn strip_hidden(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| !k.starts_with('_'))
                .map(|(k, v)| (k.clone(), strip_hidden(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(strip_hidden).collect()),
        other => other.clone(),
    }
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// One string condition: `{eq|equals, ne, in, nin, contains, starts, ends}` or a bare value.
pub fn string_condition(actual: &Value, cond: &Value) -> bool {
    let a = text(actual).to_lowercase();
    let Value::Object(ops) = cond else {
        return a == text(cond).to_lowercase();
    };
    ops.iter().all(|(op, want)| {
        let list = || {
            want.as_array()
                .map(|l| l.iter().map(|x| text(x).to_lowercase()).collect::<Vec<_>>())
                .unwrap_or_else(|| vec![text(want).to_lowercase()])
        };
        let w = text(want).to_lowercase();
        match op.as_str() {
            "eq" | "equals" => a == w,
            "ne" => a != w,
            "in" => list().contains(&a),
            "nin" => !list().contains(&a),
            "contains" => a.contains(&w),
            "starts" => a.starts_with(&w),
            "ends" => a.ends_with(&w),
            "containsAny" => actual.as_array().is_some_and(|items| {
                let l = list();
                items.iter().any(|i| l.contains(&text(i).to_lowercase()))
            }),
            _ => true,
        }
    })
}

fn matches_filter(item: &Value, filter: &Value) -> bool {
    let Value::Object(conds) = filter else {
        return true;
    };
    conds.iter().all(|(field, cond)| match item.get(field) {
        Some(actual) => string_condition(actual, cond),
        None => true,
    })
}

fn compare(a: &Value, b: &Value) -> std::cmp::Ordering {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal),
        _ => text(a).to_lowercase().cmp(&text(b).to_lowercase()),
    }
}

/// `order_by`: a list (or one) of `{field_name, order}` or `{<field>: ASC|DESC}`.
fn sort_by_order(items: &mut [&Value], order: &Value) {
    let specs: Vec<&Value> = match order {
        Value::Array(a) => a.iter().collect(),
        other => vec![other],
    };
    let mut keys: Vec<(String, bool)> = Vec::new();
    for spec in specs {
        let Value::Object(m) = spec else { continue };
        let field = m.get("field_name").or(m.get("fieldName")).map(text);
        match field {
            Some(f) => {
                let desc = m.get("order").map(text).is_some_and(|o| o == "DESC");
                keys.push((f, desc));
            }
            None => {
                for (k, v) in m {
                    keys.push((k.clone(), text(v).eq_ignore_ascii_case("DESC")));
                }
            }
        }
    }
    items.sort_by(|a, b| {
        for (field, desc) in &keys {
            let (x, y) = (
                a.get(field).unwrap_or(&Value::Null),
                b.get(field).unwrap_or(&Value::Null),
            );
            let ord = compare(x, y);
            let ord = if *desc { ord.reverse() } else { ord };
            if ord != std::cmp::Ordering::Equal {
                return ord;
            }
        }
        std::cmp::Ordering::Equal
    });
}

/// A service's root-field resolver: returns the projected value of one root field.
pub type Resolver<'r> =
    dyn FnMut(&Ctx<'_>, &Field, &mut Vec<String>) -> Result<Value, GqlError> + 'r;

fn coerce(ty: &TypeRef, value: &Value, name: &str) -> Result<Value, String> {
    match ty {
        TypeRef::NonNull(inner) => {
            if value.is_null() {
                return Err(format!(
                    "Variable '{name}' has an invalid value: Variable '{name}' has coerced Null value for NonNull type '{}'",
                    ty.render()
                ));
            }
            coerce(inner, value, name)
        }
        _ if value.is_null() => Ok(Value::Null),
        TypeRef::List(inner) => match value {
            Value::Array(items) => items
                .iter()
                .map(|i| coerce(inner, i, name))
                .collect::<Result<Vec<_>, _>>()
                .map(Value::Array),
            single => coerce(inner, single, name).map(|v| Value::Array(vec![v])),
        },
        TypeRef::Named(t) => {
            let bad = |what: &str| {
                Err(format!(
                    "Variable '{name}' has an invalid value: Expected a value that can be converted to type '{t}' but it was a '{what}'"
                ))
            };
            let kind = match value {
                Value::Bool(_) => "Boolean",
                Value::Number(_) => "Number",
                Value::String(_) => "String",
                Value::Array(_) => "ArrayList",
                Value::Object(_) => "LinkedHashMap",
                Value::Null => "Null",
            };
            match t.as_str() {
                "Int" => match value.as_i64() {
                    Some(n) if i32::try_from(n).is_ok() => Ok(value.clone()),
                    _ => bad(kind),
                },
                "Long" => match value {
                    Value::Number(n) if n.is_i64() => Ok(value.clone()),
                    Value::String(s) if s.parse::<i64>().is_ok() => {
                        Ok(json!(s.parse::<i64>().unwrap_or_default()))
                    }
                    _ => bad(kind),
                },
                "Float" => match value {
                    Value::Number(_) => Ok(value.clone()),
                    _ => bad(kind),
                },
                "Boolean" => match value {
                    Value::Bool(_) => Ok(value.clone()),
                    _ => bad(kind),
                },
                "String" => match value {
                    Value::String(_) => Ok(value.clone()),
                    _ => bad(kind),
                },
                "ID" => match value {
                    Value::String(_) => Ok(value.clone()),
                    Value::Number(n) if n.is_i64() || n.is_u64() => {
                        Ok(Value::String(n.to_string()))
                    }
                    _ => bad(kind),
                },
                other => match ENUMS.iter().find(|(n, _)| *n == other) {
                    Some((_, allowed)) => match value.as_str() {
                        Some(s) if allowed.contains(&s) => Ok(value.clone()),
                        Some(s) => Err(format!(
                            "Variable '{name}' has an invalid value: Invalid input for enum '{other}'. No value found for name '{s}'"
                        )),
                        None => bad(kind),
                    },
                    None => Ok(value.clone()),
                },
            }
        }
    }
}

fn failure(errors: Vec<GqlError>) -> Reply {
    Reply::ok(json!({
        "data": null,
        "errors": errors.iter().map(GqlError::to_json).collect::<Vec<_>>(),
    }))
}

/// Serves one GraphQL POST: 400 for a body that is not a GraphQL request, otherwise HTTP 200
/// with `data` or `errors`.
pub fn serve(
    call: &Call<'_>,
    product: Product,
    resolve: &mut Resolver<'_>,
) -> Result<Reply, ApiError> {
    let bad = |m: &str| ApiError::new(Some(product), Kind::InvalidInput, m.to_string());
    let Some(Value::Object(body)) = call.body else {
        return Err(bad(
            "The request body must be a JSON object with a 'query' string",
        ));
    };
    let Some(query) = body.get("query").and_then(Value::as_str) else {
        return Err(bad("Missing required field 'query'"));
    };
    let variables = match body.get("variables") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(m)) => m.clone(),
        Some(_) => return Err(bad("Field 'variables' must be a JSON object")),
    };
    let op_name = match body.get("operationName") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.is_empty() => None,
        Some(Value::String(s)) => Some(s.as_str()),
        Some(_) => return Err(bad("Field 'operationName' must be a string")),
    };
    let doc = match parse(query) {
        Ok(doc) => doc,
        Err(e) => return Ok(failure(vec![e])),
    };
    let op = match op_name {
        Some(name) => doc
            .operations
            .iter()
            .find(|o| o.name.as_deref() == Some(name)),
        None if doc.operations.len() == 1 => doc.operations.first(),
        None => None,
    };
    let Some(op) = op else {
        let message = match op_name {
            Some(name) => format!("Unknown operation named '{name}'."),
            None => "Must provide operation name if query contains multiple operations.".into(),
        };
        return Ok(failure(vec![GqlError::validation(message, &[])]));
    };
    if op.kind != "query" {
        return Ok(failure(vec![GqlError {
            message: format!("Schema is not configured for {}s.", op.kind),
            path: Vec::new(),
            classification: "OperationNotSupported",
            location: None,
        }]));
    }
    let mut vars = Map::new();
    let mut errors = Vec::new();
    for def in &op.vars {
        let given = variables.get(&def.name).cloned();
        let value = match (given, &def.default) {
            (Some(v), _) => v,
            (None, Some(d)) => Ctx {
                vars: Map::new(),
                doc: &doc,
            }
            .eval(d),
            (None, None) => Value::Null,
        };
        match coerce(&def.ty, &value, &def.name) {
            Ok(v) => {
                vars.insert(def.name.clone(), v);
            }
            Err(m) => errors.push(GqlError::validation(m, &[])),
        }
    }
    if !errors.is_empty() {
        return Ok(failure(errors));
    }
    let ctx = Ctx { vars, doc: &doc };
    let mut data = Map::new();
    let roots = match ctx.fields(&op.selections, Some("Query")) {
        Ok(f) => f,
        Err(e) => return Ok(failure(vec![e])),
    };
    for field in roots {
        if let Some(undefined) = undefined_variable(field, &ctx) {
            return Ok(failure(vec![
                GqlError::validation(
                    format!(
                        "Validation error (UndefinedVariable@[{}]) : Undefined variable '{undefined}'",
                        field.key()
                    ),
                    &[],
                )
                .at(field),
            ]));
        }
        let mut path = vec![field.key().to_string()];
        let value = if field.name == "__typename" {
            Ok(json!("Query"))
        } else {
            resolve(&ctx, field, &mut path)
        };
        match value {
            Ok(v) => {
                data.insert(field.key().to_string(), v);
            }
            Err(e) => return Ok(failure(vec![e.at(field)])),
        }
    }
    Ok(Reply::ok(json!({ "data": Value::Object(data) })))
}

/// A variable used in the field's arguments (at any depth) that the operation does not declare.
fn undefined_variable(field: &Field, ctx: &Ctx<'_>) -> Option<String> {
    fn walk(v: &GValue, ctx: &Ctx<'_>) -> Option<String> {
        match v {
            GValue::Var(n) if !ctx.vars.contains_key(n) => Some(n.clone()),
            GValue::List(items) => items.iter().find_map(|i| walk(i, ctx)),
            GValue::Object(fields) => fields.iter().find_map(|(_, v)| walk(v, ctx)),
            _ => None,
        }
    }
    field
        .args
        .iter()
        .find_map(|(_, v)| walk(v, ctx))
        .or_else(|| {
            field.selections.iter().find_map(|s| match s {
                Selection::Field(f) => undefined_variable(f, ctx),
                Selection::Inline { selections, .. } => selections.iter().find_map(|s| match s {
                    Selection::Field(f) => undefined_variable(f, ctx),
                    _ => None,
                }),
                Selection::Spread { .. } => None,
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_sdk_documents() {
        let doc = parse(
            r#"query ListResourceGroups($customerId: ID!, $pageNum: Int = 1, $filter: ResourceGroupsFilter) {
                resourceGroups(customerId: $customerId, pageNum: $pageNum, filter: $filter) {
                    nodes { ... on ManagedResourceGroup { id name } ... on UnmanagedResourceGroup { id cidrs } }
                    pageInfo { pageNumber }
                }
            }"#,
        )
        .expect("parses");
        let op = &doc.operations[0];
        assert_eq!(op.name.as_deref(), Some("ListResourceGroups"));
        assert_eq!(op.vars.len(), 3);
        assert_eq!(op.vars[0].ty.render(), "ID!");
        let Selection::Field(root) = &op.selections[0] else {
            panic!("field")
        };
        assert_eq!(root.name, "resourceGroups");
        assert_eq!(root.args.len(), 3);
        assert!(parse("query { a(").is_err());
        assert!(parse("").is_err());
        let deep = format!(
            "query {{ a(x: {}1{}) }}",
            "[".repeat(10_000),
            "]".repeat(10_000)
        );
        assert!(parse(&deep).is_err());
    }
}
