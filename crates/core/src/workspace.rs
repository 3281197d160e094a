//! Workspaces: the tenant every other object belongs to.

use crate::ValidationError;

pub fn parse_workspace_name(input: &str) -> Result<String, ValidationError> {
    crate::account::parse_label("workspace_name", "Name your workspace.", input, 80)
}

/// The URL-friendly base for a workspace's slug: lower-case ASCII letters and
/// digits joined by single dashes. The store appends a suffix when taken.
pub fn slug_base(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        "workspace".into()
    } else {
        slug
    }
}

/// Default cost of one person-hour in meetings, in cents, used for meeting cost.
pub const DEFAULT_HOURLY_COST_CENTS: i64 = 7_500;

/// Parses a money amount in whole or decimal currency units ("85", "85.50").
pub fn parse_hourly_cost(input: &str) -> Result<i64, ValidationError> {
    let err = || {
        ValidationError::new(
            "meeting_hourly_cost",
            "Enter an amount like 85 or 85.50 (0 to 10000).",
        )
    };
    let value = input.trim();
    let (whole, frac) = value.split_once('.').unwrap_or((value, ""));
    if whole.is_empty() || whole.len() > 5 || frac.len() > 2 {
        return Err(err());
    }
    if !whole.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return Err(err());
    }
    let whole: i64 = whole.parse().map_err(|_| err())?;
    let frac: i64 = format!("{frac:0<2}").parse().map_err(|_| err())?;
    let cents = whole * 100 + frac;
    if cents > 1_000_000 {
        return Err(err());
    }
    Ok(cents)
}

pub fn format_cents(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug_base("Acme Inc."), "acme-inc");
        assert_eq!(slug_base("  Über  Team!! 2 "), "ber-team-2");
        assert_eq!(slug_base("日本"), "workspace");
    }

    #[test]
    fn hourly_costs() {
        assert_eq!(parse_hourly_cost("85").unwrap(), 8500);
        assert_eq!(parse_hourly_cost("85.5").unwrap(), 8550);
        assert_eq!(parse_hourly_cost("0.05").unwrap(), 5);
        for bad in ["", "-1", "abc", "1.234", "20000", "1e3"] {
            assert!(parse_hourly_cost(bad).is_err(), "{bad}");
        }
        assert_eq!(format_cents(8550), "85.50");
    }
}
