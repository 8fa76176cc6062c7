//! Complete-or-explicit pagination, one convention per service family.
//!
//! A list operation gathers every page up to the row and byte caps. Its result says whether it
//! is complete; when it is not, it says why (a cap, or a page that failed) and how to continue
//! (`next`: the page, offset or cursor to ask for, and how many rows of that page were already
//! returned). Where the API reports its page count (ZPA, ZCell, ZMS), the remaining pages are
//! fetched concurrently and assembled in order.

use futures::StreamExt;
use serde_json::{Map, Value, json};
use tokio::time::Instant;

use super::ZscalerClient;
use super::error::ApiError;
use super::request::ApiRequest;

/// How a list endpoint pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paging {
    /// One request; a JSON array is the whole list.
    Single,
    /// ZIA, ZTW, ZCC: 1-based `page` and a page-size query parameter; a bare JSON array; the
    /// last page is short.
    PageArray {
        page: &'static str,
        size: &'static str,
        page_size: u32,
    },
    /// 1-based `page` and a page-size query parameter like [`Paging::PageArray`], the rows of an
    /// object answer under `rows` next to the row count under `total` (ZCC trusted networks).
    PageObject {
        page: &'static str,
        size: &'static str,
        page_size: u32,
        rows: &'static str,
        total: &'static str,
    },
    /// ZPA: `page`/`pagesize`; `{"list", "totalPages", "totalCount"}` (counts may be strings).
    Zpa { page_size: u32 },
    /// ZDX: `offset` cursor and `limit`; rows under `key` (or a bare array), `next_offset`.
    ZdxCursor { key: &'static str, limit: u32 },
    /// ZIdentity: `offset`/`limit`; `{"records", "results_total", "next_link"}`.
    ZidOffset { limit: u32 },
    /// EASM: one request; `{"results", "total_results"}`.
    Easm,
    /// ZCell: 0-based `page` and `size`, in the query or in the JSON body;
    /// `{"content", "totalPages", "totalElements"}`.
    Zcell { in_body: bool, size: u32 },
    /// ZMS GraphQL: page variables; `data.<root>.nodes` and `data.<root>.pageInfo`.
    GraphQl {
        root: &'static str,
        page_var: &'static str,
        size_var: &'static str,
        page_size: u32,
    },
}

/// Limits on what one list operation gathers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caps {
    pub max_rows: usize,
    pub max_bytes: usize,
}

/// Why a list stopped before its end.
#[derive(Debug, Clone)]
pub enum Stop {
    MaxRows(usize),
    MaxBytes(usize),
    /// A page after the first failed (after its retries).
    PageFailed(ApiError),
}

/// Rows of a list operation and what is known about the rest.
#[derive(Debug, Clone)]
pub struct ListResult {
    pub items: Vec<Value>,
    /// Every row the API has was gathered; for a walk that started later (a continuation, a
    /// caller's offset), every row from there to the end.
    pub complete: bool,
    /// The API's own total, when it reports one.
    pub total: Option<u64>,
    pub pages: u32,
    pub bytes: usize,
    pub stopped: Option<Stop>,
    /// How to continue: the parameter to send (`page`, `offset`, ...) and, when part of that
    /// page was already returned, `skip`.
    pub next: Option<Value>,
    /// The same continuation as a position [`ZscalerClient::list_from`] resumes at.
    pub resume: Option<Resume>,
}

/// Where a cut list walk goes on: the page (or offset, or cursor) where it stopped and how
/// many rows of that page were already returned. [`Resume::to_json`] and
/// [`Resume::from_json`] carry it through an opaque continuation token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resume {
    pos: Position,
    skip: usize,
}

impl Resume {
    fn at(pos: &Position, skip: usize) -> Resume {
        match pos {
            // An offset needs no skip: it moves.
            Position::Offset(n) => Resume {
                pos: Position::Offset(n + skip as u64),
                skip: 0,
            },
            other => Resume {
                pos: other.clone(),
                skip,
            },
        }
    }

    pub fn to_json(&self) -> Value {
        let mut v = match &self.pos {
            Position::Page(n) => json!({ "page": n }),
            Position::Offset(n) => json!({ "offset": n }),
            Position::Cursor(c) => json!({ "cursor": c }),
        };
        if self.skip > 0
            && let Value::Object(m) = &mut v
        {
            m.insert("skip".into(), self.skip.into());
        }
        v
    }

    pub fn from_json(v: &Value) -> Option<Resume> {
        let skip = match v.get("skip") {
            None => 0,
            Some(s) => usize::try_from(s.as_u64()?).ok()?,
        };
        let pos = if let Some(n) = v.get("page") {
            Position::Page(n.as_u64()?)
        } else if let Some(n) = v.get("offset") {
            Position::Offset(n.as_u64()?)
        } else {
            Position::Cursor(v.get("cursor")?.as_str()?.to_string())
        };
        Some(Resume { pos, skip })
    }
}

impl ListResult {
    /// Why the list stopped before its end, in words an agent can act on.
    pub fn truncated_reason(&self) -> Option<String> {
        self.stopped.as_ref().map(|stop| match stop {
            Stop::MaxRows(n) => format!("row cap of {n} reached (ZSCALER_MCP_MAX_ROWS)"),
            Stop::MaxBytes(n) => format!(
                "byte cap of {} MiB reached (ZSCALER_MCP_MAX_BYTES)",
                n / (1024 * 1024)
            ),
            Stop::PageFailed(e) => format!("a later page failed: {e}"),
        })
    }

    /// The result's metadata, for `structuredContent` next to the rows.
    pub fn meta(&self) -> Map<String, Value> {
        let mut m = Map::new();
        m.insert("complete".into(), self.complete.into());
        m.insert("returned".into(), self.items.len().into());
        if let Some(t) = self.total {
            m.insert("total".into(), t.into());
        }
        if let Some(reason) = self.truncated_reason() {
            m.insert("truncated_reason".into(), reason.into());
        }
        if let Some(next) = &self.next {
            m.insert("next".into(), next.clone());
        }
        m
    }
}

/// Where a page starts.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Position {
    Page(u64),
    Offset(u64),
    Cursor(String),
}

/// One page, read.
struct PageOut {
    rows: Vec<Value>,
    bytes: usize,
    next: Option<Position>,
    total: Option<u64>,
    total_pages: Option<u64>,
}

/// A count as the APIs write it: a number, or a numeric string (ZPA).
pub(crate) fn number(v: Option<&Value>) -> Option<u64> {
    match v? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Takes the rows out of `body[key]` (no copy).
fn take_rows(body: &mut Value, key: &str) -> Result<Vec<Value>, String> {
    match body.get_mut(key).map(Value::take) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(a)) => Ok(a),
        Some(other) => Err(format!("expected a list of rows, got {}", kind(&other))),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

impl Paging {
    fn first(&self, request: &ApiRequest) -> Position {
        let query = |k: &str| {
            request
                .query
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
        };
        match self {
            Paging::PageArray { page, .. } | Paging::PageObject { page, .. } => {
                Position::Page(query(page).and_then(|p| p.parse().ok()).unwrap_or(1).max(1))
            }
            Paging::Zpa { .. } => Position::Page(
                query("page")
                    .and_then(|p| p.parse().ok())
                    .unwrap_or(1)
                    .max(1),
            ),
            Paging::ZdxCursor { .. } => match query("offset") {
                Some(c) if !c.is_empty() => Position::Cursor(c),
                _ => Position::Cursor(String::new()),
            },
            Paging::ZidOffset { .. } => {
                Position::Offset(query("offset").and_then(|p| p.parse().ok()).unwrap_or(0))
            }
            Paging::Zcell { in_body, .. } => {
                let from_body = request.body.as_ref().and_then(|b| number(b.get("page")));
                let start = if *in_body {
                    from_body
                } else {
                    query("page").and_then(|p| p.parse().ok())
                };
                Position::Page(start.unwrap_or(0))
            }
            Paging::GraphQl { page_var, .. } => Position::Page(
                request
                    .body
                    .as_ref()
                    .and_then(|b| number(b.pointer(&format!("/variables/{page_var}"))))
                    .unwrap_or(1)
                    .max(1),
            ),
            Paging::Single | Paging::Easm => Position::Page(1),
        }
    }

    /// The request for the page at `pos`.
    fn request(&self, base: &ApiRequest, pos: &Position) -> ApiRequest {
        let mut r = base.clone();
        match (self, pos) {
            (
                Paging::PageArray {
                    page,
                    size,
                    page_size,
                }
                | Paging::PageObject {
                    page,
                    size,
                    page_size,
                    ..
                },
                Position::Page(n),
            ) => {
                r.set_query(page, n.to_string());
                r.default_query(size, page_size.to_string());
            }
            (Paging::Zpa { page_size }, Position::Page(n)) => {
                r.set_query("page", n.to_string());
                r.default_query("pagesize", page_size.to_string());
            }
            (Paging::ZdxCursor { limit, .. }, Position::Cursor(c)) => {
                if c.is_empty() {
                    r.query.retain(|(k, _)| k != "offset");
                } else {
                    r.set_query("offset", c.clone());
                }
                r.default_query("limit", limit.to_string());
            }
            (Paging::ZidOffset { limit }, Position::Offset(n)) => {
                r.set_query("offset", n.to_string());
                r.default_query("limit", limit.to_string());
            }
            (
                Paging::Zcell {
                    in_body: true,
                    size,
                },
                Position::Page(n),
            ) => {
                let mut body = match r.body.take() {
                    Some(Value::Object(m)) => m,
                    _ => Map::new(),
                };
                body.insert("page".into(), (*n).into());
                body.entry("size").or_insert_with(|| (*size).into());
                r.body = Some(Value::Object(body));
            }
            (
                Paging::Zcell {
                    in_body: false,
                    size,
                },
                Position::Page(n),
            ) => {
                r.set_query("page", n.to_string());
                r.default_query("size", size.to_string());
            }
            (
                Paging::GraphQl {
                    page_var,
                    size_var,
                    page_size,
                    ..
                },
                Position::Page(n),
            ) => {
                let mut body = match r.body.take() {
                    Some(Value::Object(m)) => m,
                    _ => Map::new(),
                };
                let vars = body
                    .entry("variables")
                    .or_insert_with(|| Value::Object(Map::new()));
                if let Value::Object(vars) = vars {
                    vars.insert((*page_var).into(), (*n).into());
                    vars.entry(*size_var).or_insert_with(|| (*page_size).into());
                }
                r.body = Some(Value::Object(body));
            }
            _ => {}
        }
        r
    }

    /// The page size in force for `request` (the caller's own, when it set one).
    fn size(&self, request: &ApiRequest) -> u64 {
        let query = |k: &str| {
            request
                .query
                .iter()
                .find(|(key, _)| key == k)
                .and_then(|(_, v)| v.parse().ok())
        };
        match self {
            Paging::PageArray {
                size, page_size, ..
            }
            | Paging::PageObject {
                size, page_size, ..
            } => query(size).unwrap_or(u64::from(*page_size)),
            Paging::Zpa { page_size } => query("pagesize").unwrap_or(u64::from(*page_size)),
            Paging::ZdxCursor { limit, .. } => query("limit").unwrap_or(u64::from(*limit)),
            Paging::ZidOffset { limit } => query("limit").unwrap_or(u64::from(*limit)),
            Paging::Zcell { in_body, size } => {
                let given = if *in_body {
                    request.body.as_ref().and_then(|b| number(b.get("size")))
                } else {
                    query("size")
                };
                given.unwrap_or(u64::from(*size))
            }
            Paging::GraphQl {
                size_var,
                page_size,
                ..
            } => request
                .body
                .as_ref()
                .and_then(|b| number(b.pointer(&format!("/variables/{size_var}"))))
                .unwrap_or(u64::from(*page_size)),
            Paging::Single | Paging::Easm => u64::MAX,
        }
    }

    fn read(
        &self,
        mut body: Value,
        bytes: usize,
        pos: &Position,
        size: u64,
    ) -> Result<PageOut, String> {
        let page_no = match pos {
            Position::Page(n) => *n,
            _ => 0,
        };
        let out = |rows: Vec<Value>, next, total, total_pages| PageOut {
            rows,
            bytes,
            next,
            total,
            total_pages,
        };
        match self {
            Paging::Single => match body {
                Value::Array(rows) => Ok(out(rows, None, None, None)),
                Value::Null => Ok(out(Vec::new(), None, None, None)),
                other => Err(format!("expected a list, got {}", kind(&other))),
            },
            Paging::PageArray { .. } => {
                let rows = match body {
                    Value::Array(rows) => rows,
                    // Some ZIA endpoints wrap their rows; the SDK reads `list` then.
                    mut body @ Value::Object(_) if body.get("list").is_some() => {
                        take_rows(&mut body, "list")?
                    }
                    Value::Null => Vec::new(),
                    other => return Err(format!("expected a list, got {}", kind(&other))),
                };
                // A full page may have a successor; a longer one means the endpoint ignores
                // paging and returned everything.
                let next =
                    (rows.len() as u64 == size && size > 0).then(|| Position::Page(page_no + 1));
                Ok(out(rows, next, None, None))
            }
            Paging::PageObject { rows, total, .. } => {
                if !body.is_object() {
                    return Err(format!("expected an object, got {}", kind(&body)));
                }
                let items = take_rows(&mut body, rows)?;
                let total = number(body.get(*total));
                let reached = page_no.saturating_sub(1) * size + items.len() as u64;
                let more = match total {
                    Some(t) => reached < t && !items.is_empty(),
                    None => items.len() as u64 == size && size > 0,
                };
                let next = more.then(|| Position::Page(page_no + 1));
                Ok(out(items, next, total, None))
            }
            Paging::Zpa { .. } => {
                let total_pages = number(body.get("totalPages"));
                let total = number(body.get("totalCount"));
                let rows = take_rows(&mut body, "list")?;
                let next = total_pages
                    .filter(|t| page_no < *t)
                    .map(|_| Position::Page(page_no + 1));
                Ok(out(rows, next, total, total_pages))
            }
            Paging::ZdxCursor { key, .. } => {
                let (rows, next) = match body {
                    Value::Array(rows) => (rows, None),
                    Value::Object(m) => {
                        let key = if m.contains_key(*key) { *key } else { "items" };
                        let mut m = Value::Object(m);
                        let rows = take_rows(&mut m, key)?;
                        let next = match m.get("next_offset") {
                            Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
                            Some(Value::Number(n)) => Some(n.to_string()),
                            _ => None,
                        };
                        (rows, next)
                    }
                    Value::Null => (Vec::new(), None),
                    other => return Err(format!("expected an object, got {}", kind(&other))),
                };
                let current = match pos {
                    Position::Cursor(c) => c.as_str(),
                    _ => "",
                };
                let next = next
                    .filter(|n| n != current && !rows.is_empty())
                    .map(Position::Cursor);
                Ok(out(rows, next, None, None))
            }
            Paging::ZidOffset { .. } => {
                let rows = take_rows(&mut body, "records")?;
                let total = number(body.get("results_total"));
                let offset = match pos {
                    Position::Offset(n) => *n,
                    _ => 0,
                };
                let more_by_link = body
                    .get("next_link")
                    .and_then(Value::as_str)
                    .is_some_and(|l| !l.is_empty());
                let reached = offset + rows.len() as u64;
                let more = !rows.is_empty() && (more_by_link || total.is_some_and(|t| reached < t));
                Ok(out(
                    rows,
                    more.then_some(Position::Offset(reached)),
                    total,
                    None,
                ))
            }
            Paging::Easm => {
                let rows = take_rows(&mut body, "results")?;
                let total = number(body.get("total_results"));
                Ok(out(rows, None, total, None))
            }
            Paging::Zcell { .. } => {
                if body.get("content").is_none() {
                    return Err("expected a page with 'content'".into());
                }
                let rows = take_rows(&mut body, "content")?;
                let total_pages = number(body.get("totalPages"));
                let total = number(body.get("totalElements"));
                let next = total_pages
                    .filter(|t| page_no + 1 < *t)
                    .map(|_| Position::Page(page_no + 1));
                Ok(out(rows, next, total, total_pages))
            }
            Paging::GraphQl { root, .. } => {
                let node = body
                    .get_mut("data")
                    .and_then(|d| d.get_mut(*root))
                    .ok_or_else(|| format!("expected data.{root} in the GraphQL answer"))?;
                // Rows under `nodes` (some schemas spell it `Nodes`), paging under `pageInfo`
                // (or `page_info`, with snake-case counts).
                let key = match node.get("nodes") {
                    None if node.get("Nodes").is_some() => "Nodes",
                    _ => "nodes",
                };
                let rows = take_rows(node, key)?;
                let info = node.get("pageInfo").or_else(|| node.get("page_info"));
                let count = |camel: &str, snake: &str| {
                    number(info.and_then(|i| i.get(camel).or_else(|| i.get(snake))))
                };
                let total_pages = count("totalPages", "total_pages");
                let total = count("totalCount", "total_count");
                let next = total_pages
                    .filter(|t| page_no < *t)
                    .map(|_| Position::Page(page_no + 1));
                Ok(out(rows, next, total, total_pages))
            }
        }
    }

    /// The number of the first page: 0 where pages are 0-based (ZCell), else 1.
    pub fn first_page(&self) -> u64 {
        match self {
            Paging::Zcell { .. } => 0,
            _ => 1,
        }
    }

    /// The same style with the page number and size in the JSON body (POST searches), for
    /// the styles that can carry them there; `None` for the others.
    pub fn in_body(self) -> Option<Paging> {
        match self {
            Paging::Zcell { size, .. } => Some(Paging::Zcell {
                in_body: true,
                size,
            }),
            _ => None,
        }
    }

    /// `pos` is where the list begins (so a page read there, if it is the last, is the whole
    /// list).
    fn is_start(&self, pos: &Position) -> bool {
        match (self, pos) {
            (Paging::Zcell { .. }, Position::Page(n)) => *n == 0,
            (_, Position::Page(n)) => *n <= 1,
            (_, Position::Offset(n)) => *n == 0,
            (_, Position::Cursor(c)) => c.is_empty() || c == "0",
        }
    }

    /// Pages are numbered and the count is known, so pages can be fetched out of order.
    fn page_step(&self) -> bool {
        matches!(
            self,
            Paging::Zpa { .. } | Paging::Zcell { .. } | Paging::GraphQl { .. }
        )
    }

    fn next_json(&self, pos: &Position, skip: usize) -> Value {
        let mut v = match (self, pos) {
            (
                Paging::PageArray { page, .. } | Paging::PageObject { page, .. },
                Position::Page(n),
            ) => {
                json!({ *page: n })
            }
            (Paging::GraphQl { page_var, .. }, Position::Page(n)) => json!({ *page_var: n }),
            (_, Position::Page(n)) => json!({ "page": n }),
            (_, Position::Offset(n)) => json!({ "offset": n + skip as u64 }),
            (_, Position::Cursor(c)) => json!({ "offset": c }),
        };
        if skip > 0
            && !matches!(pos, Position::Offset(_))
            && let Value::Object(m) = &mut v
        {
            m.insert("skip".into(), skip.into());
        }
        v
    }
}

impl ZscalerClient {
    /// Gathers a list operation's rows across pages, up to `caps`.
    pub async fn list(
        &self,
        request: &ApiRequest,
        paging: &Paging,
        caps: Caps,
    ) -> Result<ListResult, ApiError> {
        self.list_from(request, paging, caps, None).await
    }

    /// Gathers a list operation's rows across pages, up to `caps`, starting where an earlier
    /// cut walk stopped (`from`, its [`ListResult::resume`]) or, without it, where the request
    /// says. The rows of the first page that the earlier walk returned are left out.
    pub async fn list_from(
        &self,
        request: &ApiRequest,
        paging: &Paging,
        caps: Caps,
        from: Option<&Resume>,
    ) -> Result<ListResult, ApiError> {
        let deadline = Instant::now() + self.settings().call_timeout;
        let size = paging.size(request);
        let mut acc = Accumulator::new(paging, caps);
        let (first, skip) = match from {
            Some(r) => (r.pos.clone(), r.skip),
            None => (paging.first(request), 0),
        };
        acc.started_later = from.is_some() || !paging.is_start(&first);
        let mut page = self.page(request, paging, &first, size, deadline).await?;
        let skip = skip.min(page.rows.len());
        page.rows.drain(..skip);
        let known_pages = page.total_pages;
        let mut next = acc.add(page, &first, skip);

        if paging.page_step()
            && let (Some(total_pages), Some(Position::Page(start))) = (known_pages, next.clone())
        {
            // Remaining numbered pages, as many as the row cap can still take, concurrently.
            let last = match paging {
                Paging::Zcell { .. } => total_pages.saturating_sub(1),
                _ => total_pages,
            };
            let room = caps.max_rows.saturating_sub(acc.items.len()) as u64;
            let end = last.min(start.saturating_add(room.div_ceil(size.max(1)).saturating_sub(1)));
            let concurrency = self.settings().page_concurrency.max(1);
            let mut pages = futures::stream::iter(start..=end)
                .map(|n| {
                    let pos = Position::Page(n);
                    async move {
                        let result = self.page(request, paging, &pos, size, deadline).await;
                        (pos, result)
                    }
                })
                .buffered(concurrency);
            while let Some((pos, result)) = pages.next().await {
                match result {
                    Ok(page) => {
                        acc.add(page, &pos, 0);
                    }
                    Err(e) => acc.fail(e, &pos, 0),
                }
                if acc.stopped.is_some() {
                    break;
                }
            }
            if acc.stopped.is_none() && end < last {
                acc.stop_rows(&Position::Page(end + 1));
            }
        } else {
            let mut seen_first: Option<Value> = acc.items.first().cloned();
            while let Some(pos) = next.take() {
                match self.page(request, paging, &pos, size, deadline).await {
                    Ok(page) => {
                        // An endpoint that ignores the page parameter answers the same rows
                        // again: the list was already whole.
                        if matches!(paging, Paging::PageArray { .. })
                            && !page.rows.is_empty()
                            && page.rows.first() == seen_first.as_ref()
                        {
                            break;
                        }
                        seen_first = page.rows.first().cloned();
                        next = acc.add(page, &pos, 0);
                    }
                    Err(e) => acc.fail(e, &pos, 0),
                }
                if acc.stopped.is_some() {
                    break;
                }
            }
        }
        Ok(acc.finish())
    }

    /// Reads only the page the request points at (a position the caller gave, e.g. a ZDX
    /// `offset`): its rows within `caps` and, when the list goes on, where the next page
    /// starts (`next`). Complete only when that page is both the first and the last.
    pub async fn list_page(
        &self,
        request: &ApiRequest,
        paging: &Paging,
        caps: Caps,
    ) -> Result<ListResult, ApiError> {
        let deadline = Instant::now() + self.settings().call_timeout;
        let size = paging.size(request);
        let at = paging.first(request);
        let page = self.page(request, paging, &at, size, deadline).await?;
        let mut acc = Accumulator::new(paging, caps);
        if let Some(next) = acc.add(page, &at, 0) {
            acc.next = Some(paging.next_json(&next, 0));
        }
        let mut result = acc.finish();
        result.complete = result.complete && result.next.is_none() && paging.is_start(&at);
        Ok(result)
    }

    async fn page(
        &self,
        base: &ApiRequest,
        paging: &Paging,
        pos: &Position,
        size: u64,
        deadline: Instant,
    ) -> Result<PageOut, ApiError> {
        let request = paging.request(base, pos);
        let response = self.send_by(&request, deadline).await?;
        paging
            .read(response.body, response.bytes, pos, size)
            .map_err(|m| {
                ApiError::new(
                    super::ErrorKind::BadResponse,
                    request.service,
                    &request.operation(),
                    format!("the list answer has an unexpected shape: {m}"),
                )
            })
    }
}

struct Accumulator<'p> {
    paging: &'p Paging,
    caps: Caps,
    items: Vec<Value>,
    bytes: usize,
    pages: u32,
    total: Option<u64>,
    stopped: Option<Stop>,
    next: Option<Value>,
    resume: Option<Resume>,
    /// The walk did not start at the list's first row.
    started_later: bool,
}

impl<'p> Accumulator<'p> {
    fn new(paging: &'p Paging, caps: Caps) -> Self {
        Accumulator {
            paging,
            caps,
            items: Vec::new(),
            bytes: 0,
            pages: 0,
            total: None,
            stopped: None,
            next: None,
            resume: None,
            started_later: false,
        }
    }

    fn cut(&mut self, pos: &Position, skip: usize) {
        self.next = Some(self.paging.next_json(pos, skip));
        self.resume = Some(Resume::at(pos, skip));
    }

    /// Adds a page within the caps; returns where the following page starts, if anywhere.
    /// `skipped` rows of the page were returned before (a resumed walk) and are not in it.
    fn add(&mut self, page: PageOut, pos: &Position, skipped: usize) -> Option<Position> {
        if self.pages > 0 && self.bytes + page.bytes > self.caps.max_bytes {
            self.stopped = Some(Stop::MaxBytes(self.caps.max_bytes));
            self.cut(pos, skipped);
            return None;
        }
        self.pages += 1;
        self.bytes += page.bytes;
        if page.total.is_some() {
            self.total = page.total;
        }
        let room = self.caps.max_rows.saturating_sub(self.items.len());
        let count = page.rows.len();
        if count > room {
            self.items.extend(page.rows.into_iter().take(room));
            self.stopped = Some(Stop::MaxRows(self.caps.max_rows));
            self.cut(pos, skipped + room);
            return None;
        }
        self.items.extend(page.rows);
        if self.items.len() >= self.caps.max_rows
            && let Some(n) = &page.next
        {
            self.stop_rows(n);
            return None;
        }
        page.next
    }

    fn stop_rows(&mut self, at: &Position) {
        self.stopped = Some(Stop::MaxRows(self.caps.max_rows));
        self.cut(at, 0);
    }

    fn fail(&mut self, error: ApiError, pos: &Position, skipped: usize) {
        self.stopped = Some(Stop::PageFailed(error));
        self.cut(pos, skipped);
    }

    fn finish(self) -> ListResult {
        // A walk that started later (a continuation, a caller's offset) answers the rest of
        // the list: complete when nothing follows it.
        let complete = self.stopped.is_none()
            && (self.started_later || self.total.is_none_or(|t| self.items.len() as u64 >= t));
        ListResult {
            items: self.items,
            complete,
            total: self.total,
            pages: self.pages,
            bytes: self.bytes,
            stopped: self.stopped,
            next: self.next,
            resume: self.resume,
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    const OBJECT: Paging = Paging::PageObject {
        page: "page",
        size: "pageSize",
        page_size: 3,
        rows: "rows",
        total: "count",
    };

    #[test]
    fn numbered_object_pages_end_by_their_row_count() {
        let page = |n: u64, rows: Value, count: Value| {
            OBJECT.read(
                json!({"rows": rows, "count": count}),
                0,
                &Position::Page(n),
                3,
            )
        };
        let first = page(1, json!([1, 2, 3]), json!(4)).expect("a page");
        assert_eq!((first.rows.len(), first.next), (3, Some(Position::Page(2))));
        assert_eq!(first.total, Some(4));
        let last = page(2, json!([4]), json!(4)).expect("a page");
        assert_eq!(last.next, None);
        // Exactly full pages: the count says the list ends here.
        assert_eq!(
            page(1, json!([1, 2, 3]), json!(3)).expect("a page").next,
            None
        );
        // Without a count, a full page may have a successor.
        let uncounted = page(1, json!([1, 2, 3]), Value::Null).expect("a page");
        assert_eq!(uncounted.next, Some(Position::Page(2)));
        assert!(OBJECT.read(json!([1]), 0, &Position::Page(1), 3).is_err());
    }

    #[test]
    fn a_resume_position_round_trips_and_offsets_absorb_their_skip() {
        let at = Resume::at(&Position::Page(3), 234);
        assert_eq!(at.to_json(), json!({"page": 3, "skip": 234}));
        assert_eq!(Resume::from_json(&at.to_json()), Some(at));
        let offset = Resume::at(&Position::Offset(1000), 25);
        assert_eq!(offset.to_json(), json!({"offset": 1025}));
        let cursor = Resume::at(&Position::Cursor("abc".into()), 0);
        assert_eq!(Resume::from_json(&cursor.to_json()), Some(cursor));
        assert_eq!(Resume::from_json(&json!({"page": "x"})), None);
        assert_eq!(Resume::from_json(&json!({})), None);
    }
}
