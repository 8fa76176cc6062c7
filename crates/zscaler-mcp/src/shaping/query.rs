//! The JMESPath `query` argument: applied to the (sanitized) result; an invalid expression is
//! the caller's error, reported with the parser's message.

use serde_json::Value;

/// Applies `expression` to `data`. `Err` carries a sentence for an `isError` result.
pub fn apply(expression: &str, data: &Value) -> Result<Value, String> {
    let compiled = jmespath::compile(expression)
        .map_err(|e| format!("Invalid argument 'query': not a valid JMESPath expression: {e}"))?;
    let found = compiled
        .search(data)
        .map_err(|e| format!("Invalid argument 'query': the JMESPath expression failed: {e}"))?;
    serde_json::to_value(&*found)
        .map_err(|e| format!("Invalid argument 'query': the result cannot be encoded: {e}"))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::apply;

    #[test]
    fn filters_projects_and_counts() {
        let data = json!([{"id": 1, "name": "a", "enabled": true}, {"id": 2, "name": "b", "enabled": false}]);
        assert_eq!(apply("[?enabled].name", &data).unwrap(), json!(["a"]));
        assert_eq!(apply("length(@)", &data).unwrap(), json!(2));
        assert_eq!(
            apply("[*].{i: id}", &data).unwrap(),
            json!([{"i": 1}, {"i": 2}])
        );
    }

    #[test]
    fn an_invalid_expression_names_the_argument_and_the_parser_error() {
        let err = apply("[?enabled", &json!([])).unwrap_err();
        assert!(
            err.starts_with("Invalid argument 'query': not a valid JMESPath expression"),
            "{err}"
        );
    }
}
