//! Time windows: the two epoch bounds a route's [`Window`] computes from the call's relative
//! arguments (or takes from its explicit ones), checked against the API's rules before any
//! request is sent, and added to the arguments as [`Window::START`] / [`Window::END`].

use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::Value;

use crate::catalog::{Epoch, Window};

use super::request::Args;

/// Now, in epoch milliseconds.
pub(crate) fn now_millis() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// The arguments with the window's bounds added. `Err` names the argument at fault and the
/// rule it breaks.
pub(crate) fn apply(window: &Window, args: &Args, now_ms: i64) -> Result<Args, String> {
    let scale = match window.epoch {
        Epoch::Seconds => 1000,
        Epoch::Millis => 1,
    };
    let unit_ms = window.unit.seconds() * 1000;
    let unit = window.unit.name();
    let int = |name: &str| args.get(name).and_then(Value::as_i64);
    let explicit = window
        .explicit
        .map(|(start, end)| (start, end, int(start), int(end)));
    let (start_ms, end_ms, at_fault) = match explicit {
        Some((_, _, Some(start), Some(end))) => {
            if start >= end {
                return Err(format!(
                    "Invalid argument '{}': the window's start ({start}) must be before its \
                     end ({end}).",
                    window.explicit.map(|e| e.0).unwrap_or(window.back)
                ));
            }
            let start_name = window.explicit.map(|e| e.0).unwrap_or(window.back);
            (start * scale, end * scale, start_name)
        }
        Some((start, end, Some(_), None)) | Some((end, start, None, Some(_))) => {
            return Err(format!(
                "Invalid arguments: '{start}' needs '{end}' (give both epoch bounds, or neither \
                 and a relative window)."
            ));
        }
        _ => {
            let back = int(window.back).unwrap_or(i64::from(window.default_back));
            let until = window
                .until
                .map(|(name, default)| (name, int(name).unwrap_or(i64::from(default))));
            let until_units = until.map(|(_, u)| u).unwrap_or(0);
            if let Some((name, u)) = until
                && back <= u
            {
                return Err(format!(
                    "Invalid argument '{}': the window must start before it ends; {} is {back} \
                     {unit} ago and {name} is {u}.",
                    window.back, window.back
                ));
            }
            (
                now_ms - back * unit_ms,
                now_ms - until_units * unit_ms,
                window.back,
            )
        }
    };
    let span_ms = end_ms - start_ms;
    if !window.spans.is_empty()
        && !window
            .spans
            .iter()
            .any(|s| i64::from(*s) * unit_ms == span_ms)
    {
        let allowed: Vec<String> = window.spans.iter().map(u32::to_string).collect();
        return Err(format!(
            "Invalid argument '{at_fault}': the API accepts only windows of exactly {} {unit}; \
             this one spans {}.",
            allowed.join(" or "),
            in_units(span_ms, unit_ms, unit)
        ));
    }
    if let Some(max) = window.max_span
        && span_ms > i64::from(max) * unit_ms
    {
        return Err(format!(
            "Invalid argument '{at_fault}': the API accepts windows of at most {max} {unit}; \
             this one spans {}.",
            in_units(span_ms, unit_ms, unit)
        ));
    }
    let mut out = args.clone();
    out.insert(Window::START.into(), (start_ms / scale).into());
    out.insert(Window::END.into(), (end_ms / scale).into());
    Ok(out)
}

fn in_units(ms: i64, unit_ms: i64, unit: &str) -> String {
    if ms == unit_ms {
        format!("1 {}", unit.trim_end_matches('s'))
    } else if ms % unit_ms == 0 {
        format!("{} {unit}", ms / unit_ms)
    } else {
        format!("{:.2} {unit}", ms as f64 / unit_ms as f64)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    const NOW: i64 = 1_800_000_000_000;
    const SINCE: Window = Window::hours("since", 2).max_span(336);
    const ZINS: Window = Window::days("start_days_ago", 9)
        .until("end_days_ago", 2)
        .explicit("start_time", "end_time")
        .millis()
        .spans(&[7, 14]);

    fn args(v: Value) -> Args {
        v.as_object().cloned().unwrap_or_default()
    }

    fn bounds(w: &Window, v: Value) -> Result<(i64, i64), String> {
        let out = apply(w, &args(v), NOW)?;
        Ok((
            out[Window::START].as_i64().unwrap_or_default(),
            out[Window::END].as_i64().unwrap_or_default(),
        ))
    }

    #[test]
    fn hours_back_to_now_in_seconds() {
        assert_eq!(
            bounds(&SINCE, json!({})),
            Ok((1_800_000_000 - 7200, 1_800_000_000))
        );
        assert_eq!(
            bounds(&SINCE, json!({"since": 24})),
            Ok((1_800_000_000 - 86_400, 1_800_000_000))
        );
        let err = bounds(&SINCE, json!({"since": 400})).unwrap_err();
        assert!(
            err.contains("'since'") && err.contains("at most 336 hours"),
            "{err}"
        );
    }

    #[test]
    fn relative_days_with_an_end_in_millis_and_fixed_spans() {
        let day = 86_400_000;
        assert_eq!(bounds(&ZINS, json!({})), Ok((NOW - 9 * day, NOW - 2 * day)));
        assert_eq!(
            bounds(&ZINS, json!({"start_days_ago": 14, "end_days_ago": 0})),
            Ok((NOW - 14 * day, NOW))
        );
        let err = bounds(&ZINS, json!({"start_days_ago": 2})).unwrap_err();
        assert!(err.contains("start before it ends"), "{err}");
        let err = bounds(&ZINS, json!({"start_days_ago": 10})).unwrap_err();
        assert!(
            err.contains("exactly 7 or 14 days") && err.contains("8 days"),
            "{err}"
        );
    }

    #[test]
    fn explicit_bounds_replace_relative_ones_and_come_in_pairs() {
        let day = 86_400_000;
        assert_eq!(
            bounds(&ZINS, json!({"start_time": NOW - 7 * day, "end_time": NOW})),
            Ok((NOW - 7 * day, NOW))
        );
        let err = bounds(&ZINS, json!({"start_time": NOW})).unwrap_err();
        assert!(err.contains("'start_time' needs 'end_time'"), "{err}");
        let err = bounds(&ZINS, json!({"end_time": NOW})).unwrap_err();
        assert!(err.contains("'end_time' needs 'start_time'"), "{err}");
        let err = bounds(&ZINS, json!({"start_time": NOW, "end_time": NOW - day})).unwrap_err();
        assert!(err.contains("must be before"), "{err}");
        let err = bounds(&ZINS, json!({"start_time": NOW - day, "end_time": NOW})).unwrap_err();
        assert!(err.contains("this one spans 1 day"), "{err}");
    }
}
