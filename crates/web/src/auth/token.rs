use rand::RngCore;
use sha2::{Digest, Sha256};

/// A fresh random secret (256 bits) as hex, with a prefix naming its kind
/// (`gm_` for API tokens) so a leaked one is easy to recognise.
pub fn new_token(prefix: &str) -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    format!("{prefix}{}", hex::encode(bytes))
}

/// Secrets are stored only as their SHA-256, so a database leak does not leak
/// working sessions, tokens or invitation links. They carry 256 bits of
/// entropy, so a fast hash is enough (unlike passwords).
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}
