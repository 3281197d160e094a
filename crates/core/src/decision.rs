//! Decisions: what was decided, why, and what replaced it.

use serde::{Deserialize, Serialize};

use crate::ValidationError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DecisionStatus {
    Proposed,
    Decided,
    Superseded,
}

impl DecisionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DecisionStatus::Proposed => "proposed",
            DecisionStatus::Decided => "decided",
            DecisionStatus::Superseded => "superseded",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DecisionStatus::Proposed => "Proposed",
            DecisionStatus::Decided => "Decided",
            DecisionStatus::Superseded => "Superseded",
        }
    }

    pub fn parse(input: &str) -> Result<DecisionStatus, ValidationError> {
        match input.trim() {
            "proposed" => Ok(DecisionStatus::Proposed),
            "decided" => Ok(DecisionStatus::Decided),
            "superseded" => Ok(DecisionStatus::Superseded),
            _ => Err(ValidationError::new(
                "status",
                "Status must be proposed, decided or superseded.",
            )),
        }
    }
}

pub fn parse_statement(input: &str) -> Result<String, ValidationError> {
    crate::account::parse_label("statement", "Write what was decided.", input, 500)
}

/// Free text (context, rationale, notes), bounded.
pub fn parse_long_text(
    field: &'static str,
    input: Option<&str>,
) -> Result<String, ValidationError> {
    let value = input.unwrap_or("").trim();
    if value.chars().count() > 10_000 {
        return Err(ValidationError::new(
            field,
            "Keep it under 10,000 characters.",
        ));
    }
    Ok(value.to_string())
}
