#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A uniqueness rule was broken; the payload names what was taken.
    #[error("{0} already exists")]
    Conflict(&'static str),
    /// The change would leave a workspace without an owner.
    #[error("a workspace must keep at least one owner")]
    LastOwner,
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Database(sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl From<sqlx::Error> for StoreError {
    fn from(err: sqlx::Error) -> Self {
        if let sqlx::Error::Database(db) = &err
            && db.is_unique_violation()
        {
            return StoreError::Conflict("record");
        }
        StoreError::Database(err)
    }
}

impl StoreError {
    /// Names the conflicting thing more precisely than a bare unique violation.
    pub(crate) fn conflict_as(self, what: &'static str) -> Self {
        match self {
            StoreError::Conflict(_) => StoreError::Conflict(what),
            other => other,
        }
    }
}
