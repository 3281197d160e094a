//! Meetings: one occurrence with a purpose, a time and a status.

use chrono::{DateTime, LocalResult, NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use crate::ValidationError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingStatus {
    Draft,
    Scheduled,
    InProgress,
    Ended,
    Cancelled,
}

impl MeetingStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingStatus::Draft => "draft",
            MeetingStatus::Scheduled => "scheduled",
            MeetingStatus::InProgress => "in_progress",
            MeetingStatus::Ended => "ended",
            MeetingStatus::Cancelled => "cancelled",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            MeetingStatus::Draft => "Draft",
            MeetingStatus::Scheduled => "Scheduled",
            MeetingStatus::InProgress => "In progress",
            MeetingStatus::Ended => "Ended",
            MeetingStatus::Cancelled => "Cancelled",
        }
    }

    pub fn parse(input: &str) -> Result<MeetingStatus, ValidationError> {
        match input.trim() {
            "draft" => Ok(MeetingStatus::Draft),
            "scheduled" => Ok(MeetingStatus::Scheduled),
            "in_progress" => Ok(MeetingStatus::InProgress),
            "ended" => Ok(MeetingStatus::Ended),
            "cancelled" => Ok(MeetingStatus::Cancelled),
            _ => Err(ValidationError::new(
                "status",
                "Status must be draft, scheduled, in_progress, ended or cancelled.",
            )),
        }
    }

    /// Not yet started: its plan may still change.
    pub fn is_upcoming(self) -> bool {
        matches!(self, MeetingStatus::Draft | MeetingStatus::Scheduled)
    }

    /// The colour family of its badge.
    pub fn badge(self) -> &'static str {
        match self {
            MeetingStatus::Draft | MeetingStatus::Cancelled => "grey",
            MeetingStatus::Scheduled => "blue",
            MeetingStatus::InProgress => "amber",
            MeetingStatus::Ended => "green",
        }
    }
}

/// Why a status change is refused.
pub fn check_start(status: MeetingStatus, purpose: &str) -> Result<(), ValidationError> {
    if !status.is_upcoming() {
        return Err(ValidationError::new(
            "status",
            format!(
                "A meeting that is {} cannot be started.",
                status.label().to_lowercase()
            ),
        ));
    }
    if purpose.trim().is_empty() {
        return Err(ValidationError::new(
            "purpose",
            "Write the meeting's purpose (its desired outcome) before starting it.",
        ));
    }
    Ok(())
}

pub fn check_end(status: MeetingStatus) -> Result<(), ValidationError> {
    if status != MeetingStatus::InProgress {
        return Err(ValidationError::new(
            "status",
            "Only a meeting in progress can be ended.",
        ));
    }
    Ok(())
}

pub fn check_cancel(status: MeetingStatus) -> Result<(), ValidationError> {
    if !status.is_upcoming() {
        return Err(ValidationError::new(
            "status",
            "Only a draft or scheduled meeting can be cancelled.",
        ));
    }
    Ok(())
}

/// An RFC 3339 timestamp from the API, e.g. `2026-12-07T09:00:00+01:00`.
pub fn parse_rfc3339(field: &'static str, input: &str) -> Result<DateTime<Utc>, ValidationError> {
    DateTime::parse_from_rfc3339(input.trim())
        .map(|t| crate::clock::trunc(t.with_timezone(&Utc)))
        .map_err(|_| {
            ValidationError::new(
                field,
                "Use an RFC 3339 time such as 2026-12-07T09:00:00+01:00.",
            )
        })
}

/// A wall-clock time typed in a form (`2026-12-07T09:00`), read in `tz`.
/// A time skipped by a daylight-saving change is refused; a repeated one
/// takes its first occurrence.
pub fn parse_local(
    field: &'static str,
    input: &str,
    tz: chrono_tz::Tz,
) -> Result<DateTime<Utc>, ValidationError> {
    let input = input.trim();
    let naive = NaiveDateTime::parse_from_str(input, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(input, "%Y-%m-%dT%H:%M:%S"))
        .or_else(|_| NaiveDateTime::parse_from_str(input, "%Y-%m-%d %H:%M"))
        .map_err(|_| {
            ValidationError::new(field, "Enter a date and time, like 2026-12-07 09:00.")
        })?;
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, _) => Ok(first.with_timezone(&Utc)),
        LocalResult::None => Err(ValidationError::new(
            field,
            format!("{input} does not exist in {tz}: the clocks skip it for daylight saving."),
        )),
    }
}

/// Optional text such as a location or a video link.
pub fn parse_optional_text(
    field: &'static str,
    input: Option<&str>,
    max_chars: usize,
) -> Result<String, ValidationError> {
    let value = input.unwrap_or("").trim();
    if value.chars().count() > max_chars {
        return Err(ValidationError::new(
            field,
            format!("Keep it to {max_chars} characters or fewer."),
        ));
    }
    Ok(value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_needs_a_purpose_and_an_upcoming_meeting() {
        assert!(check_start(MeetingStatus::Scheduled, "Decide the Q3 plan").is_ok());
        assert_eq!(
            check_start(MeetingStatus::Draft, "  ").unwrap_err().field,
            "purpose"
        );
        assert!(check_start(MeetingStatus::Ended, "x").is_err());
        assert!(check_end(MeetingStatus::Scheduled).is_err());
        assert!(check_cancel(MeetingStatus::InProgress).is_err());
    }

    #[test]
    fn local_times_respect_daylight_saving() {
        let berlin: chrono_tz::Tz = "Europe/Berlin".parse().unwrap();
        let winter = parse_local("starts_at", "2026-12-07T09:00", berlin).unwrap();
        assert_eq!(winter.to_rfc3339(), "2026-12-07T08:00:00+00:00");
        let summer = parse_local("starts_at", "2026-07-07T09:00", berlin).unwrap();
        assert_eq!(summer.to_rfc3339(), "2026-07-07T07:00:00+00:00");
        // 02:30 on the last Sunday of March does not exist in Berlin.
        assert!(parse_local("starts_at", "2026-03-29T02:30", berlin).is_err());
        // 02:30 on the last Sunday of October happens twice; the first is taken.
        let repeated = parse_local("starts_at", "2026-10-25T02:30", berlin).unwrap();
        assert_eq!(repeated.to_rfc3339(), "2026-10-25T00:30:00+00:00");
        assert!(parse_local("starts_at", "next tuesday", berlin).is_err());
    }

    #[test]
    fn rfc3339_times() {
        assert_eq!(
            parse_rfc3339("starts_at", "2026-12-07T09:00:00+01:00")
                .unwrap()
                .to_rfc3339(),
            "2026-12-07T08:00:00+00:00"
        );
        assert!(parse_rfc3339("starts_at", "2026-13-07T09:00:00Z").is_err());
    }
}
