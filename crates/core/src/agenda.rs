//! Agenda items: what a meeting works through, each with a timebox.

use serde::{Deserialize, Serialize};

use crate::ValidationError;

/// What an agenda item is for; it shapes how it is run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AgendaKind {
    Discussion,
    Decision,
    Information,
    Update,
    CheckIn,
}

impl AgendaKind {
    pub const ALL: [AgendaKind; 5] = [
        AgendaKind::Discussion,
        AgendaKind::Decision,
        AgendaKind::Information,
        AgendaKind::Update,
        AgendaKind::CheckIn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AgendaKind::Discussion => "discussion",
            AgendaKind::Decision => "decision",
            AgendaKind::Information => "information",
            AgendaKind::Update => "update",
            AgendaKind::CheckIn => "check-in",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AgendaKind::Discussion => "Discussion",
            AgendaKind::Decision => "Decision",
            AgendaKind::Information => "Information",
            AgendaKind::Update => "Update",
            AgendaKind::CheckIn => "Check-in",
        }
    }

    pub fn parse(input: &str) -> Result<AgendaKind, ValidationError> {
        AgendaKind::ALL
            .into_iter()
            .find(|k| k.as_str() == input.trim().to_ascii_lowercase())
            .ok_or_else(|| {
                ValidationError::new(
                    "kind",
                    "Kind must be discussion, decision, information, update or check-in.",
                )
            })
    }
}

/// Where an item stands in its meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AgendaState {
    Pending,
    Discussed,
    Deferred,
}

impl AgendaState {
    pub fn as_str(self) -> &'static str {
        match self {
            AgendaState::Pending => "pending",
            AgendaState::Discussed => "discussed",
            AgendaState::Deferred => "deferred",
        }
    }

    pub fn parse(input: &str) -> Result<AgendaState, ValidationError> {
        match input.trim() {
            "pending" => Ok(AgendaState::Pending),
            "discussed" => Ok(AgendaState::Discussed),
            "deferred" => Ok(AgendaState::Deferred),
            _ => Err(ValidationError::new(
                "state",
                "State must be pending, discussed or deferred.",
            )),
        }
    }

    /// Items that were not finished roll into the next meeting of a series.
    pub fn carries_over(self) -> bool {
        !matches!(self, AgendaState::Discussed)
    }
}

/// The longest timebox: a day.
pub const MAX_TIMEBOX_MINUTES: i64 = 24 * 60;

/// A timebox or duration in whole minutes, 1 to 1440.
pub fn parse_minutes(field: &'static str, value: i64) -> Result<i64, ValidationError> {
    if (1..=MAX_TIMEBOX_MINUTES).contains(&value) {
        Ok(value)
    } else {
        Err(ValidationError::new(
            field,
            "Use a whole number of minutes from 1 to 1440 (a day).",
        ))
    }
}

/// Same as [`parse_minutes`] for text typed into a form.
pub fn parse_minutes_text(field: &'static str, input: &str) -> Result<i64, ValidationError> {
    let value: i64 = input.trim().parse().map_err(|_| {
        ValidationError::new(
            field,
            "Use a whole number of minutes from 1 to 1440 (a day).",
        )
    })?;
    parse_minutes(field, value)
}

pub fn parse_title(input: &str) -> Result<String, ValidationError> {
    crate::account::parse_label("title", "Give it a title.", input, 200)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip() {
        for kind in AgendaKind::ALL {
            assert_eq!(AgendaKind::parse(kind.as_str()).unwrap(), kind);
        }
        assert!(AgendaKind::parse("rant").is_err());
    }

    #[test]
    fn timeboxes_are_bounded() {
        assert!(parse_minutes("timebox_minutes", 0).is_err());
        assert!(parse_minutes("timebox_minutes", -5).is_err());
        assert_eq!(parse_minutes("timebox_minutes", 1440).unwrap(), 1440);
        assert!(parse_minutes("timebox_minutes", 1441).is_err());
        assert!(parse_minutes_text("timebox_minutes", "ten").is_err());
    }
}
