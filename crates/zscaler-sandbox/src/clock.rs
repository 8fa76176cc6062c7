//! The tenant's clock: what "now" is for every time-dependent answer (ZDX windows, deep trace
//! progress, write timestamps, ZCell and ZMS times). Tests pin it with [`Clock::Fixed`] to get
//! the same answer on every run, or shift it with [`Clock::Offset`].

use std::time::{SystemTime, UNIX_EPOCH};

/// Where "now" comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Clock {
    /// The machine's clock.
    #[default]
    System,
    /// Always this instant (epoch seconds).
    Fixed(i64),
    /// The machine's clock shifted by this many seconds (negative: in the past).
    Offset(i64),
}

impl Clock {
    /// Now, in epoch seconds (0 if the machine's clock is before 1970).
    pub fn now_secs(&self) -> i64 {
        self.now_millis().div_euclid(1000)
    }

    /// Now, in epoch milliseconds.
    pub fn now_millis(&self) -> i64 {
        match *self {
            Clock::System => system_millis(),
            Clock::Fixed(secs) => secs.saturating_mul(1000),
            Clock::Offset(secs) => system_millis().saturating_add(secs.saturating_mul(1000)),
        }
    }
}

fn system_millis() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::Clock;

    #[test]
    fn fixed_and_offset_clocks() {
        assert_eq!(Clock::Fixed(1_700_000_000).now_secs(), 1_700_000_000);
        assert_eq!(Clock::Fixed(1_700_000_000).now_millis(), 1_700_000_000_000);
        let shifted = Clock::Offset(-86_400).now_secs();
        let system = Clock::System.now_secs();
        assert!((system - 86_400 - shifted).abs() <= 1);
    }
}
