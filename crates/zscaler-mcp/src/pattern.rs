//! Shell-style name patterns (`zpa_create_*`, `zia_?et_*`, `zcc_[gl]*`) as used by `--write-tools`,
//! `--disabled-tools` and `--tools`. Same semantics as Python's `fnmatch.fnmatchcase`, because users
//! carry their allowlists over from the reference server: `*` any run, `?` one character, `[seq]` /
//! `[!seq]` a class with ranges. Matching is case-sensitive; a pattern is validated once, when the
//! configuration is parsed, so a typo is refused at startup instead of silently matching nothing.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamePattern {
    source: String,
    tokens: Vec<Token>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Literal(char),
    AnyOne,
    AnyRun,
    Class {
        negated: bool,
        items: Vec<(char, char)>,
    },
}

impl NamePattern {
    /// Parses a pattern. Fails on an unclosed `[` class, naming the position.
    pub fn parse(source: &str) -> Result<NamePattern, String> {
        let chars: Vec<char> = source.chars().collect();
        let mut tokens = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            match chars[i] {
                '*' => {
                    if tokens.last() != Some(&Token::AnyRun) {
                        tokens.push(Token::AnyRun);
                    }
                    i += 1;
                }
                '?' => {
                    tokens.push(Token::AnyOne);
                    i += 1;
                }
                '[' => {
                    let (token, next) = parse_class(&chars, i)
                        .ok_or_else(|| format!("unclosed '[' at position {}", i + 1))?;
                    tokens.push(token);
                    i = next;
                }
                c => {
                    tokens.push(Token::Literal(c));
                    i += 1;
                }
            }
        }
        Ok(NamePattern {
            source: source.to_string(),
            tokens,
        })
    }

    /// True when the pattern has no wildcard, i.e. it names exactly one tool.
    pub fn is_literal(&self) -> bool {
        self.tokens.iter().all(|t| matches!(t, Token::Literal(_)))
    }

    pub fn as_str(&self) -> &str {
        &self.source
    }

    pub fn matches(&self, name: &str) -> bool {
        let name: Vec<char> = name.chars().collect();
        // Iterative wildcard matching with single backtrack point (linear for one `*` run).
        let (mut t, mut n) = (0usize, 0usize);
        let mut star: Option<(usize, usize)> = None;
        while n < name.len() {
            match self.tokens.get(t) {
                Some(Token::AnyRun) => {
                    star = Some((t, n));
                    t += 1;
                }
                Some(token) if token_matches(token, name[n]) => {
                    t += 1;
                    n += 1;
                }
                _ => match star {
                    Some((st, sn)) => {
                        t = st + 1;
                        n = sn + 1;
                        star = Some((st, sn + 1));
                    }
                    None => return false,
                },
            }
        }
        self.tokens[t..].iter().all(|tok| *tok == Token::AnyRun)
    }
}

fn token_matches(token: &Token, c: char) -> bool {
    match token {
        Token::Literal(l) => *l == c,
        Token::AnyOne => true,
        Token::AnyRun => true,
        Token::Class { negated, items } => {
            let inside = items.iter().any(|(lo, hi)| *lo <= c && c <= *hi);
            inside != *negated
        }
    }
}

/// Parses `[...]` starting at `start` (the `[`). Returns the class and the index after `]`.
fn parse_class(chars: &[char], start: usize) -> Option<(Token, usize)> {
    let mut i = start + 1;
    let negated = chars.get(i) == Some(&'!');
    if negated {
        i += 1;
    }
    let mut items = Vec::new();
    // As in fnmatch, a `]` right after `[` or `[!` is a literal member.
    let first = i;
    loop {
        let c = *chars.get(i)?;
        if c == ']' && i > first {
            return Some((Token::Class { negated, items }, i + 1));
        }
        if chars.get(i + 1) == Some(&'-') && chars.get(i + 2).is_some_and(|c| *c != ']') {
            items.push((c, chars[i + 2]));
            i += 3;
        } else {
            items.push((c, c));
            i += 1;
        }
    }
}

impl fmt::Display for NamePattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

#[cfg(test)]
mod tests {
    use super::NamePattern;

    fn m(p: &str, n: &str) -> bool {
        NamePattern::parse(p).expect("valid pattern").matches(n)
    }

    #[test]
    fn star_matches_any_run_including_empty() {
        assert!(m("zpa_create_*", "zpa_create_application_segment"));
        assert!(m("zpa_create_*", "zpa_create_"));
        assert!(m("*", ""));
        assert!(!m("zpa_delete_*", "zpa_bulk_delete_x"));
        assert!(m("*_delete_*", "zpa_bulk_delete_x"));
    }

    #[test]
    fn question_mark_and_classes() {
        assert!(m("zi?_list_*", "zia_list_users"));
        assert!(!m("zi?_list_*", "zi_list_users"));
        assert!(m("z[ip]a_*", "zpa_x"));
        assert!(!m("z[!ip]a_*", "zpa_x"));
        assert!(m("z[a-j]a_*", "zia_x"));
        assert!(m("[]]x", "]x"));
    }

    #[test]
    fn matching_is_case_sensitive_and_whole_name() {
        assert!(!m("ZPA_*", "zpa_x"));
        assert!(!m("zpa", "zpa_x"));
        assert!(m("zpa_x", "zpa_x"));
    }

    #[test]
    fn backtracking_across_several_stars() {
        assert!(m("*a*b*c", "xxaxxbxxbxc"));
        assert!(!m("*a*b*c", "xxaxxbxxbx"));
    }

    #[test]
    fn unclosed_class_is_refused_with_position() {
        let err = NamePattern::parse("zpa_[abc").expect_err("must fail");
        assert_eq!(err, "unclosed '[' at position 5");
    }

    #[test]
    fn literal_detection() {
        assert!(
            NamePattern::parse("zpa_list_x")
                .expect("valid")
                .is_literal()
        );
        assert!(!NamePattern::parse("zpa_*").expect("valid").is_literal());
    }
}
