//! The last step of a Zscaler tool call: from the answer (one record, or rows with what is
//! known about their completeness) to the `CallToolResult` the agent reads.
//!
//! Text content: the untrusted-content notice, the `INCOMPLETE` line of a partial list, the
//! data (CSV or JSON), the service's staged-change note. `structuredContent`: the record
//! itself, or `{"result": rows, "complete": ..., "returned": ..., ...}`; always an object.

use rmcp::model::{CallToolResult, ContentBlock};
use serde_json::{Map, Value, json};

/// What is known about a list's completeness.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListMeta {
    /// Every row the API has is in the answer.
    pub complete: bool,
    pub returned: usize,
    /// The one page the caller asked for.
    pub page: Option<u64>,
    /// The API's own total, when it reports one (and no server-side filter changed the rows).
    pub total: Option<u64>,
    /// Why gathering stopped early (a cap, a failed page).
    pub truncated_reason: Option<String>,
    /// The arguments that continue the list.
    pub next: Option<Value>,
}

impl ListMeta {
    /// Every row there is.
    pub fn complete(returned: usize) -> ListMeta {
        ListMeta {
            complete: true,
            returned,
            ..ListMeta::default()
        }
    }

    /// The fields put next to the rows in `structuredContent`, in a fixed order.
    pub fn to_map(&self) -> Map<String, Value> {
        let mut m = Map::new();
        m.insert("complete".into(), self.complete.into());
        m.insert("returned".into(), self.returned.into());
        if let Some(page) = self.page {
            m.insert("page".into(), page.into());
        }
        if let Some(total) = self.total {
            m.insert("total".into(), total.into());
        }
        if let Some(reason) = &self.truncated_reason {
            m.insert("truncated_reason".into(), reason.clone().into());
        }
        if let Some(next) = &self.next {
            m.insert("next".into(), next.clone());
        }
        m
    }

    /// The one line that tells an agent a list is not the whole list, and how to go on.
    pub fn incomplete_line(&self) -> String {
        let mut line = format!("INCOMPLETE: {} rows returned", self.returned);
        if let Some(total) = self.total {
            line.push_str(&format!(" of {total}"));
        }
        if let Some(reason) = &self.truncated_reason {
            line.push_str(&format!(" ({reason})"));
        } else if self.page.is_some() {
            line.push_str(" (one page, as asked)");
        }
        match &self.next {
            Some(next) => line.push_str(&format!(". Continue with {next}.")),
            None => line.push('.'),
        }
        line
    }
}

/// What a tool answered, before shaping.
#[derive(Debug)]
pub enum Answer {
    /// One record (a write's answer, a settings object).
    Record(Value),
    /// Rows, with what is known about completeness.
    Rows { items: Vec<Value>, meta: ListMeta },
}

impl Answer {
    /// Every row there is, in one answer.
    pub fn all_rows(items: Vec<Value>) -> Answer {
        let meta = ListMeta::complete(items.len());
        Answer::Rows { items, meta }
    }
}

/// Notes around the data.
#[derive(Debug, Clone, Copy, Default)]
pub struct Notes {
    /// The answer carries content from outside the tenant's trust boundary.
    pub untrusted: bool,
    /// Said after the data (a service's staged-change note after a write).
    pub after: Option<&'static str>,
    /// Output sanitization is on (the default).
    pub sanitize: bool,
}

/// Shapes a successful answer: sanitize → JMESPath `query` → encode → notes.
pub fn render(answer: Answer, query: Option<&str>, notes: Notes) -> CallToolResult {
    let (data, meta) = match answer {
        Answer::Record(v) => (v, None),
        Answer::Rows { items, meta } => (Value::Array(items), Some(meta)),
    };
    let data = super::sanitize(data, notes.sanitize);
    let (data, queried) = match query {
        Some(q) => match super::query::apply(q, &data) {
            Ok(v) => (v, true),
            Err(message) => return CallToolResult::error(vec![ContentBlock::text(message)]),
        },
        None => (data, false),
    };
    let mut text = String::new();
    if notes.untrusted {
        text.push_str(super::UNTRUSTED_NOTICE);
        text.push('\n');
    }
    if let Some(meta) = meta.as_ref().filter(|m| !m.complete) {
        text.push_str(&meta.incomplete_line());
        text.push('\n');
    }
    text.push_str(&super::encode::encode(&data));
    if let Some(note) = notes.after {
        text.push('\n');
        text.push_str(note);
    }
    let structured = match (meta, data) {
        (Some(meta), data) => {
            let mut out = Map::new();
            out.insert("result".into(), data);
            out.append(&mut meta.to_map());
            Value::Object(out)
        }
        (None, Value::Object(o)) if !queried => Value::Object(o),
        (None, data) => json!({ "result": data }),
    };
    let mut result = CallToolResult::structured(structured);
    result.content = vec![ContentBlock::text(text)];
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn incomplete_line_says_how_many_why_and_how_to_go_on() {
        let capped = ListMeta {
            complete: false,
            returned: 10,
            total: Some(25),
            truncated_reason: Some("row cap of 10 reached".into()),
            next: Some(json!({"page": 2})),
            ..ListMeta::default()
        };
        assert_eq!(
            capped.incomplete_line(),
            "INCOMPLETE: 10 rows returned of 25 (row cap of 10 reached). Continue with \
             {\"page\":2}."
        );
        let page = ListMeta {
            complete: false,
            returned: 5,
            page: Some(1),
            next: Some(json!({"page": 2})),
            ..ListMeta::default()
        };
        assert_eq!(
            page.incomplete_line(),
            "INCOMPLETE: 5 rows returned (one page, as asked). Continue with {\"page\":2}."
        );
        let keys: Vec<String> = capped.to_map().keys().cloned().collect();
        assert_eq!(
            keys,
            ["complete", "returned", "total", "truncated_reason", "next"]
        );
    }

    #[test]
    fn partial_lists_lead_with_the_incomplete_line_and_notes_frame_the_data() {
        let answer = Answer::Rows {
            items: vec![json!({"id": 1})],
            meta: ListMeta {
                complete: false,
                returned: 1,
                page: Some(1),
                ..ListMeta::default()
            },
        };
        let notes = Notes {
            untrusted: true,
            after: Some("STAGED"),
            sanitize: true,
        };
        let result = render(answer, None, notes);
        let text = serde_json::to_value(&result.content).unwrap_or_default();
        let text = text[0]["text"].as_str().unwrap_or_default().to_string();
        assert!(text.starts_with(super::super::UNTRUSTED_NOTICE), "{text}");
        assert!(text.contains("\nINCOMPLETE: 1 rows returned"), "{text}");
        assert!(text.ends_with("\nSTAGED"), "{text}");
        let structured = result.structured_content.unwrap_or_default();
        assert_eq!(structured["complete"], json!(false));
        assert_eq!(structured["page"], json!(1));
    }
}
