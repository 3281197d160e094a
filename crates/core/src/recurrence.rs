//! Recurring series: an RRULE read in the series' time zone, so a weekly
//! 09:00 meeting stays at 09:00 local time across daylight-saving changes.

use chrono::{DateTime, Utc};
use rrule::{RRuleSet, Tz};

use crate::ValidationError;

/// The most occurrences a series materialises.
pub const MAX_OCCURRENCES: u16 = 200;

/// Ready-made rules offered in forms.
pub const PRESETS: [(&str, &str); 4] = [
    ("weekdays", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR"),
    ("weekly", "FREQ=WEEKLY"),
    ("biweekly", "FREQ=WEEKLY;INTERVAL=2"),
    ("monthly", "FREQ=MONTHLY"),
];

pub fn preset(name: &str) -> Option<&'static str> {
    PRESETS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, rule)| *rule)
}

/// The preset a rule is, if it is one.
pub fn preset_name(rule: &str) -> Option<&'static str> {
    PRESETS
        .iter()
        .find(|(_, r)| *r == rule)
        .map(|(name, _)| *name)
}

/// Expands `rule` (an RRULE without DTSTART, e.g. `FREQ=WEEKLY;COUNT=4`) from
/// `first` in `time_zone`. Without COUNT or UNTIL in the rule, `count` or
/// `until` bound it; with neither, it stops at [`MAX_OCCURRENCES`] or a year.
pub fn occurrences(
    rule: &str,
    first: DateTime<Utc>,
    time_zone: chrono_tz::Tz,
    until: Option<DateTime<Utc>>,
    count: Option<u16>,
) -> Result<Vec<DateTime<Utc>>, ValidationError> {
    let err = |m: &str| ValidationError::new("rrule", m);
    let rule = rule.trim().trim_start_matches("RRULE:");
    if rule.is_empty() || rule.contains('\n') || rule.to_ascii_uppercase().contains("DTSTART") {
        return Err(err(
            "Write a rule like FREQ=WEEKLY;BYDAY=MO (without DTSTART).",
        ));
    }
    let start = first.with_timezone(&time_zone);
    let text = format!(
        "DTSTART;TZID={}:{}\nRRULE:{}",
        time_zone.name(),
        start.format("%Y%m%dT%H%M%S"),
        rule
    );
    let set: RRuleSet = text
        .parse()
        .map_err(|e| err(&format!("That recurrence rule does not parse: {e}.")))?;
    let upper = rule.to_ascii_uppercase();
    let bounded = upper.contains("COUNT=") || upper.contains("UNTIL=");
    let limit = count.unwrap_or(MAX_OCCURRENCES).min(MAX_OCCURRENCES);
    let horizon = until.unwrap_or(first + chrono::Duration::days(if bounded { 3660 } else { 366 }));
    let set = set
        .before(horizon.with_timezone(&Tz::UTC))
        .after((first - chrono::Duration::seconds(1)).with_timezone(&Tz::UTC));
    let result = set.all(limit);
    let dates: Vec<DateTime<Utc>> = result.dates.iter().map(|d| d.with_timezone(&Utc)).collect();
    if dates.is_empty() {
        return Err(err(
            "That rule never produces a meeting in the chosen range.",
        ));
    }
    Ok(dates)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn weekly_keeps_local_time_across_daylight_saving() {
        let berlin: chrono_tz::Tz = "Europe/Berlin".parse().unwrap();
        // 09:00 Berlin on Monday 2026-10-19 (UTC+2), then after the change on 25 Oct (UTC+1).
        let all = occurrences(
            "FREQ=WEEKLY;COUNT=3",
            utc("2026-10-19T07:00:00Z"),
            berlin,
            None,
            None,
        )
        .unwrap();
        let got: Vec<String> = all.iter().map(|d| d.to_rfc3339()).collect();
        assert_eq!(
            got,
            [
                "2026-10-19T07:00:00+00:00",
                "2026-10-26T08:00:00+00:00",
                "2026-11-02T08:00:00+00:00",
            ]
        );
    }

    #[test]
    fn monthly_on_the_31st_skips_short_months() {
        let all = occurrences(
            "FREQ=MONTHLY;COUNT=3",
            utc("2027-01-31T10:00:00Z"),
            chrono_tz::UTC,
            None,
            None,
        )
        .unwrap();
        let got: Vec<String> = all.iter().map(|d| d.date_naive().to_string()).collect();
        assert_eq!(got, ["2027-01-31", "2027-03-31", "2027-05-31"]);
        // The last day of every month, as people usually mean it.
        let all = occurrences(
            "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3",
            utc("2027-01-31T10:00:00Z"),
            chrono_tz::UTC,
            None,
            None,
        )
        .unwrap();
        let got: Vec<String> = all.iter().map(|d| d.date_naive().to_string()).collect();
        assert_eq!(got, ["2027-01-31", "2027-02-28", "2027-03-31"]);
    }

    #[test]
    fn weekdays_until_and_count() {
        let all = occurrences(
            preset("weekdays").unwrap(),
            utc("2026-12-04T09:00:00Z"),
            chrono_tz::UTC,
            Some(utc("2026-12-10T23:00:00Z")),
            None,
        )
        .unwrap();
        let got: Vec<String> = all.iter().map(|d| d.date_naive().to_string()).collect();
        assert_eq!(
            got,
            [
                "2026-12-04",
                "2026-12-07",
                "2026-12-08",
                "2026-12-09",
                "2026-12-10"
            ]
        );
        let all = occurrences(
            "FREQ=DAILY",
            utc("2026-12-04T09:00:00Z"),
            chrono_tz::UTC,
            None,
            Some(4),
        )
        .unwrap();
        assert_eq!(all.len(), 4);
    }

    #[test]
    fn presets_by_name_and_back() {
        for (name, rule) in PRESETS {
            assert_eq!(preset(name), Some(rule));
            assert_eq!(preset_name(rule), Some(name));
        }
        assert_eq!(preset_name("FREQ=MONTHLY;INTERVAL=3"), None);
    }

    #[test]
    fn bad_rules_are_refused() {
        let t = utc("2026-12-04T09:00:00Z");
        assert!(occurrences("FREQ=SOMETIMES", t, chrono_tz::UTC, None, None).is_err());
        assert!(occurrences("", t, chrono_tz::UTC, None, None).is_err());
        // February 30th never happens.
        assert!(
            occurrences(
                "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
                t,
                chrono_tz::UTC,
                None,
                None
            )
            .is_err()
        );
        assert!(
            occurrences(
                "FREQ=WEEKLY;UNTIL=20250101T000000Z",
                t,
                chrono_tz::UTC,
                None,
                None
            )
            .is_err()
        );
    }
}
