//! People: e-mail addresses, display names and passwords.

use crate::ValidationError;

pub const PASSWORD_MIN_CHARS: usize = 12;
pub const PASSWORD_MAX_CHARS: usize = 128;

/// A syntactically plausible e-mail address, trimmed and lower-cased so that
/// one person is one account whatever the capitalisation they type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Email, ValidationError> {
        let value = input.trim().to_lowercase();
        let err = |m: &str| Err(ValidationError::new("email", m));
        if value.is_empty() {
            return err("Enter an e-mail address.");
        }
        if value.len() > 254 || value.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return err("Enter a valid e-mail address, like name@example.com.");
        }
        match value.split_once('@') {
            Some((local, domain))
                if !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains('@') =>
            {
                Ok(Email(value))
            }
            _ => err("Enter a valid e-mail address, like name@example.com."),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

/// A person's display name.
pub fn parse_person_name(input: &str) -> Result<String, ValidationError> {
    parse_label("name", "Enter your name.", input, 80)
}

/// A trimmed, non-empty, bounded single-line label.
pub fn parse_label(
    field: &'static str,
    empty_message: &str,
    input: &str,
    max_chars: usize,
) -> Result<String, ValidationError> {
    let value = input.trim();
    if value.is_empty() {
        return Err(ValidationError::new(field, empty_message));
    }
    if value.chars().count() > max_chars {
        return Err(ValidationError::new(
            field,
            format!("Keep it to {max_chars} characters or fewer."),
        ));
    }
    if value.chars().any(|c| c.is_control()) {
        return Err(ValidationError::new(field, "Use a single line of text."));
    }
    Ok(value.to_string())
}

/// Checks the password policy: long passphrases are welcome, short ones are not.
/// Whitespace is kept as typed; the password is never trimmed.
pub fn check_password(password: &str) -> Result<(), ValidationError> {
    let n = password.chars().count();
    if n < PASSWORD_MIN_CHARS {
        return Err(ValidationError::new(
            "password",
            format!("Use at least {PASSWORD_MIN_CHARS} characters; a short sentence works well."),
        ));
    }
    if n > PASSWORD_MAX_CHARS {
        return Err(ValidationError::new(
            "password",
            format!("Use at most {PASSWORD_MAX_CHARS} characters."),
        ));
    }
    Ok(())
}

/// Initials for an avatar: first letters of the first and last word.
pub fn initials(name: &str) -> String {
    let mut words = name.split_whitespace();
    let first = words.next().and_then(|w| w.chars().next());
    let last = words.last().and_then(|w| w.chars().next());
    first
        .into_iter()
        .chain(last)
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            Email::parse("  Ada@Example.COM ").unwrap().as_str(),
            "ada@example.com"
        );
        for bad in [
            "",
            "ada",
            "ada@",
            "@example.com",
            "ada@example",
            "a b@example.com",
            "a@b@c.com",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn password_length_bounds() {
        assert!(check_password("short").is_err());
        assert!(check_password("exactly12chr").is_ok());
        assert!(check_password(&"x".repeat(128)).is_ok());
        assert!(check_password(&"x".repeat(129)).is_err());
    }

    #[test]
    fn initials_from_names() {
        assert_eq!(initials("ada lovelace"), "AL");
        assert_eq!(initials("Grace"), "G");
        assert_eq!(initials("Jean Claude Van Damme"), "JD");
    }
}
