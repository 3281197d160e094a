//! Time helpers. Times are stored in UTC with whole-second precision so that
//! their text form in SQLite sorts and compares like the timestamp it encodes.

use chrono::{DateTime, SubsecRound, Utc};

/// The current time, truncated to whole seconds.
pub fn now() -> DateTime<Utc> {
    trunc(Utc::now())
}

/// Drops sub-second precision.
pub fn trunc(t: DateTime<Utc>) -> DateTime<Utc> {
    t.trunc_subsecs(0)
}

/// Parses an IANA time zone name such as `Europe/Berlin`.
pub fn parse_time_zone(input: &str) -> Result<chrono_tz::Tz, crate::ValidationError> {
    input.trim().parse::<chrono_tz::Tz>().map_err(|_| {
        crate::ValidationError::new(
            "time_zone",
            format!(
                "“{}” is not a known time zone; use a name like Europe/Berlin or America/New_York.",
                input.trim()
            ),
        )
    })
}

/// All time zone names, for pickers.
pub fn time_zone_names() -> impl Iterator<Item = &'static str> {
    chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name())
}
