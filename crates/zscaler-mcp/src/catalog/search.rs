//! Tool search for the `discover` tool mode: ranks the tools a caller may use against an
//! operator's free-text task ("block a URL category for finance", "which ZPA connectors are
//! down"), over names, titles, descriptions, parameter names and service/toolset words, with
//! Zscaler synonyms.
//!
//! INTERFACE (stable; the ranking behind it is being written): build one [`Index`] over the
//! declarations a view exposes, then [`Index::search`].

use crate::catalog::{Action, ToolDeclaration};
use crate::service::Service;

/// One ranked match.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub tool: &'static ToolDeclaration,
    /// Higher is better; only comparable within one search.
    pub score: f32,
}

/// A search index over a fixed set of tools.
pub struct Index {
    tools: Vec<&'static ToolDeclaration>,
}

impl Index {
    pub fn new(tools: &[&'static ToolDeclaration]) -> Index {
        Index {
            tools: tools.to_vec(),
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
        let words: Vec<String> = query
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let mut hits: Vec<Hit> = self
            .tools
            .iter()
            .filter(|t| service.is_none_or(|s| t.service == Some(s)))
            .filter(|t| action.is_none_or(|a| t.action == a))
            .filter_map(|t| {
                let text = format!("{} {} {}", t.name, t.title, t.description).to_lowercase();
                let score = words.iter().filter(|w| text.contains(w.as_str())).count() as f32;
                (words.is_empty() || score > 0.0).then_some(Hit { tool: t, score })
            })
            .collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score));
        hits.truncate(limit);
        hits
    }
}
