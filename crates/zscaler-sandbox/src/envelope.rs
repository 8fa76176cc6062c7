//! List answers in each service's envelope, with its pagination parameters and limits.

use serde_json::{Value, json};

use crate::engine::Query;
use crate::errors::{ApiError, Kind};
use crate::product::Product;

/// How a list endpoint pages and wraps its records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Envelope {
    /// ZIA, ZTW, ZCC: a bare JSON array; 1-based `page` and `pageSize`. `default_page_size`
    /// applies when no paging parameter is given (`None`: the whole collection).
    BareArray {
        default_page_size: Option<usize>,
        max_page_size: usize,
    },
    /// ZPA: `{"totalPages":"N","totalCount":"N","list":[...]}` with string counts; 1-based
    /// `page` and `pagesize` (default 20, max 500).
    Zpa,
    /// ZDX: `{"<key>":[...],"next_offset":"N"|null}`; `offset` cursor and `limit`.
    ZdxCursor { key: &'static str },
    /// ZDX endpoints answering a bare array (no cursor).
    ZdxArray,
    /// ZIdentity: `{"records":[...],"results_total","pageOffset","pageSize","next_link","prev_link"}`.
    Zid,
    /// EASM: `{"results":[...],"total_results":N}`.
    Easm,
    /// ZCell: 0-based `page`, `size` (max 100): `{"content":[...],"totalElements","totalPages","size","number"}`.
    Zcell,
}

impl Envelope {
    pub fn default_for(product: Product) -> Envelope {
        match product {
            Product::Zpa => Envelope::Zpa,
            Product::Zdx => Envelope::ZdxArray,
            Product::Zid => Envelope::Zid,
            Product::Zeasm => Envelope::Easm,
            Product::Zcell => Envelope::Zcell,
            Product::Zcc => Envelope::BareArray {
                default_page_size: Some(50),
                max_page_size: 5000,
            },
            _ => Envelope::BareArray {
                default_page_size: None,
                max_page_size: 10_000,
            },
        }
    }
}

fn number(
    query: &Query,
    product: Product,
    name: &str,
    min: usize,
    max: usize,
) -> Result<Option<usize>, ApiError> {
    let Some(raw) = query.first(name) else {
        return Ok(None);
    };
    match raw.trim().parse::<usize>() {
        Ok(n) if n >= min && n <= max => Ok(Some(n)),
        _ => Err(ApiError::new(
            Some(product),
            Kind::InvalidInput,
            format!("Invalid value '{raw}' for '{name}': expected an integer from {min} to {max}"),
        )),
    }
}

/// Pages `records` and wraps them. `path` is used for ZIdentity's links.
pub fn list(
    envelope: Envelope,
    product: Product,
    records: Vec<Value>,
    query: &Query,
    path: &str,
) -> Result<Value, ApiError> {
    list_refs(envelope, product, records.iter().collect(), query, path)
}

/// Like [`list`], over borrowed records: only the returned page is copied, so paging through a
/// 50,000-row collection costs one page per request, not the whole collection.
pub fn list_refs(
    envelope: Envelope,
    product: Product,
    records: Vec<&Value>,
    query: &Query,
    path: &str,
) -> Result<Value, ApiError> {
    let total = records.len();
    match envelope {
        Envelope::BareArray {
            default_page_size,
            max_page_size,
        } => {
            let page = number(query, product, "page", 1, usize::MAX)?;
            let size = number(query, product, "pageSize", 1, max_page_size)?;
            let (page, size) = match (page, size, default_page_size) {
                (None, None, None) => {
                    return Ok(Value::Array(records.into_iter().cloned().collect()));
                }
                (p, s, d) => (p.unwrap_or(1), s.or(d).unwrap_or(100)),
            };
            Ok(Value::Array(
                records
                    .into_iter()
                    .skip((page - 1).saturating_mul(size))
                    .take(size)
                    .cloned()
                    .collect(),
            ))
        }
        Envelope::Zpa => zpa_page(query, records, |_| {}),
        Envelope::ZdxCursor { key } => {
            let offset = match query.first("offset") {
                None => 0,
                Some(raw) => raw.parse::<usize>().map_err(|_| {
                    ApiError::new(
                        Some(product),
                        Kind::InvalidInput,
                        format!("Invalid offset '{raw}': use the next_offset of the previous page"),
                    )
                })?,
            };
            let limit = number(query, product, "limit", 1, 10_000)?.unwrap_or(100);
            let next = (offset + limit < total).then(|| (offset + limit).to_string());
            let items: Vec<Value> = records
                .into_iter()
                .skip(offset)
                .take(limit)
                .cloned()
                .collect();
            Ok(json!({key: items, "next_offset": next}))
        }
        Envelope::ZdxArray => Ok(Value::Array(records.into_iter().cloned().collect())),
        Envelope::Zid => {
            let offset = number(query, product, "offset", 0, usize::MAX)?.unwrap_or(0);
            let limit = number(query, product, "limit", 1, 1000)?.unwrap_or(100);
            let page: Vec<Value> = records
                .into_iter()
                .skip(offset)
                .take(limit)
                .cloned()
                .collect();
            let next = (offset + limit < total)
                .then(|| format!("{path}?offset={}&limit={limit}", offset + limit));
            let prev = (offset > 0).then(|| {
                format!(
                    "{path}?offset={}&limit={limit}",
                    offset.saturating_sub(limit)
                )
            });
            Ok(json!({
                "results_total": total,
                "pageOffset": offset,
                "pageSize": limit,
                "next_link": next,
                "prev_link": prev,
                "records": page,
            }))
        }
        Envelope::Easm => Ok(json!({"results": records, "total_results": total})),
        Envelope::Zcell => {
            let page = number(query, product, "page", 0, usize::MAX)?.unwrap_or(0);
            let size = number(query, product, "size", 1, 100)?.unwrap_or(20);
            Ok(zcell_page_refs(records, page, size))
        }
    }
}

/// The ZPA envelope over `records` (already filtered), the one pager every ZPA list uses:
/// validates `page` (1-based) and `pagesize` (default 20, max 500), clones only the page and
/// applies `view` to each record of it.
pub fn zpa_page<'r>(
    query: &Query,
    records: impl IntoIterator<Item = &'r Value>,
    mut view: impl FnMut(&mut Value),
) -> Result<Value, ApiError> {
    let page = number(query, Product::Zpa, "page", 1, usize::MAX)?.unwrap_or(1);
    let size = number(query, Product::Zpa, "pagesize", 1, 500)?.unwrap_or(20);
    let skip = (page - 1).saturating_mul(size);
    let mut total = 0usize;
    let mut list = Vec::new();
    for r in records {
        if total >= skip && list.len() < size {
            let mut r = r.clone();
            view(&mut r);
            list.push(r);
        }
        total += 1;
    }
    Ok(json!({
        "totalPages": total.div_ceil(size).to_string(),
        "totalCount": total.to_string(),
        "list": list,
    }))
}

/// A ZCell page (also used by POST search endpoints that take `page`/`size` in the body).
pub fn zcell_page(records: Vec<Value>, page: usize, size: usize) -> Value {
    zcell_page_refs(records.iter().collect(), page, size)
}

pub fn zcell_page_refs(records: Vec<&Value>, page: usize, size: usize) -> Value {
    let total = records.len();
    let total_pages = total.div_ceil(size.max(1));
    let content: Vec<Value> = records
        .into_iter()
        .skip(page.saturating_mul(size))
        .take(size)
        .cloned()
        .collect();
    let count = content.len();
    json!({
        "content": content,
        "totalElements": total,
        "totalPages": total_pages,
        "size": size,
        "number": page,
        "numberOfElements": count,
        "first": page == 0,
        "last": page + 1 >= total_pages,
        "empty": count == 0,
    })
}
