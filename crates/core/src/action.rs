//! Action items: what someone will do, by when.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ValidationError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActionStatus {
    Open,
    Done,
    Cancelled,
}

impl ActionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::Done => "done",
            ActionStatus::Cancelled => "cancelled",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Open => "Open",
            ActionStatus::Done => "Done",
            ActionStatus::Cancelled => "Cancelled",
        }
    }

    pub fn parse(input: &str) -> Result<ActionStatus, ValidationError> {
        match input.trim() {
            "open" => Ok(ActionStatus::Open),
            "done" => Ok(ActionStatus::Done),
            "cancelled" => Ok(ActionStatus::Cancelled),
            _ => Err(ValidationError::new(
                "status",
                "Status must be open, done or cancelled.",
            )),
        }
    }
}

/// A calendar date (`2026-12-18`); empty means none.
pub fn parse_date(
    field: &'static str,
    input: Option<&str>,
) -> Result<Option<NaiveDate>, ValidationError> {
    match input.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| ValidationError::new(field, "Enter a date like 2026-12-18.")),
    }
}

/// How an action item is described relative to `today`: overdue, due soon, or neither.
pub fn due_state(
    status: ActionStatus,
    due_on: Option<NaiveDate>,
    today: NaiveDate,
) -> &'static str {
    match (status, due_on) {
        (ActionStatus::Open, Some(due)) if due < today => "overdue",
        (ActionStatus::Open, Some(due)) if (due - today).num_days() <= 2 => "due-soon",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_due_states() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        assert_eq!(parse_date("due_on", Some("")).unwrap(), None);
        assert!(parse_date("due_on", Some("2026-02-30")).is_err());
        let due = parse_date("due_on", Some("2026-12-03")).unwrap();
        assert_eq!(due_state(ActionStatus::Open, due, today), "overdue");
        assert_eq!(due_state(ActionStatus::Done, due, today), "");
        let soon = parse_date("due_on", Some("2026-12-05")).unwrap();
        assert_eq!(due_state(ActionStatus::Open, soon, today), "due-soon");
    }
}
