//! The `goalmeet` command: serve (default), migrate, backup, demo, admin.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use goalmeet_store::Db;
use goalmeet_web::{Application, Config};

mod demo;

#[derive(Parser)]
#[command(
    name = "goalmeet",
    version,
    about = "Self-hosted, goal-driven meeting management"
)]
struct Cli {
    /// Address to listen on.
    #[arg(
        long,
        env = "GOALMEET_BIND",
        default_value = "127.0.0.1:8080",
        global = true
    )]
    bind: SocketAddr,
    /// Database URL: `sqlite:PATH` or `postgres://…`. Default: goalmeet.db in the data directory.
    #[arg(long, env = "DATABASE_URL", global = true)]
    database_url: Option<String>,
    /// Directory for the default SQLite database; created when missing.
    #[arg(
        long,
        env = "GOALMEET_DATA_DIR",
        default_value = "./data",
        global = true
    )]
    data_dir: PathBuf,
    /// Public address of this instance, for links (and https cookies/HSTS). Default: http://BIND.
    #[arg(long, env = "GOALMEET_BASE_URL", global = true)]
    base_url: Option<url::Url>,
    /// Comma-separated addresses of reverse proxies whose X-Forwarded-For is trusted.
    #[arg(
        long,
        env = "GOALMEET_TRUSTED_PROXIES",
        value_delimiter = ',',
        global = true
    )]
    trusted_proxies: Vec<IpAddr>,
    /// Log as JSON lines instead of text.
    #[arg(long, env = "GOALMEET_LOG_JSON", global = true)]
    log_json: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web UI and API (the default).
    Serve,
    /// Apply database migrations and exit.
    Migrate,
    /// Write a consistent copy of the SQLite database (safe while serving).
    Backup {
        /// Where to write the copy; must not exist yet.
        #[arg(long)]
        to: PathBuf,
    },
    /// Create a demo workspace with sample people and print how to log in.
    Demo,
    /// Operator tasks.
    Admin {
        #[command(subcommand)]
        task: AdminTask,
    },
}

#[derive(Subcommand)]
enum AdminTask {
    /// List every workspace with its member count.
    ListWorkspaces,
    /// Set a new random password for an account, end its sessions, and print the password.
    ResetPassword {
        /// The account's e-mail address.
        email: String,
    },
}

impl Cli {
    fn database_url(&self) -> anyhow::Result<String> {
        if let Some(url) = &self.database_url {
            return Ok(url.clone());
        }
        std::fs::create_dir_all(&self.data_dir).with_context(|| {
            format!(
                "cannot create the data directory {} (--data-dir / GOALMEET_DATA_DIR)",
                self.data_dir.display()
            )
        })?;
        Ok(format!(
            "sqlite:{}",
            self.data_dir.join("goalmeet.db").display()
        ))
    }

    fn config(&self) -> anyhow::Result<Config> {
        let base_url = match &self.base_url {
            Some(url) if url.scheme() == "http" || url.scheme() == "https" => url.clone(),
            Some(url) => bail!(
                "invalid value '{url}' for --base-url / GOALMEET_BASE_URL: use an http:// or https:// address"
            ),
            None => url::Url::parse(&format!("http://{}", self.bind))
                .context("--bind does not form a URL")?,
        };
        let mut config = Config::new(self.bind, self.database_url()?, base_url);
        config.trusted_proxies = self.trusted_proxies.clone();
        Ok(config)
    }

    async fn db(&self) -> anyhow::Result<Db> {
        let url = self.database_url()?;
        let db = Db::connect(&url)
            .await
            .context("cannot open the database (--database-url / DATABASE_URL)")?;
        db.migrate()
            .await
            .context("cannot apply database migrations")?;
        Ok(db)
    }
}

fn init_logging(json: bool) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn,tower_http=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}

#[tokio::main]
async fn main() {
    let cli = Cli::parse();
    init_logging(cli.log_json);
    if let Err(err) = run(cli).await {
        eprintln!("error: {err:#}");
        std::process::exit(1);
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command.as_ref().unwrap_or(&Command::Serve) {
        Command::Serve => {
            let config = cli.config()?;
            let base = config.base_url.clone();
            let app = Application::build(config).await?;
            tracing::info!(address = %app.local_addr(), "goalmeet is ready at {base}");
            app.run_until_stopped().await
        }
        Command::Migrate => {
            cli.db().await?;
            println!("Migrations applied.");
            Ok(())
        }
        Command::Backup { to } => {
            if to.exists() {
                bail!(
                    "{} already exists; choose a new file for the backup",
                    to.display()
                );
            }
            let db = cli.db().await?;
            if db.backend() == goalmeet_store::Backend::Postgres {
                bail!(
                    "goalmeet backup copies SQLite databases; for PostgreSQL use pg_dump, e.g. pg_dump --format=custom --file=goalmeet.dump \"$DATABASE_URL\""
                );
            }
            let path = to.to_str().context("the backup path must be valid UTF-8")?;
            db.backup_to(path).await.context("backup failed")?;
            println!("Backup written to {}.", to.display());
            Ok(())
        }
        Command::Demo => {
            let db = cli.db().await?;
            demo::run(&db, &cli.bind.to_string()).await
        }
        Command::Admin {
            task: AdminTask::ListWorkspaces,
        } => {
            let db = cli.db().await?;
            let all = db.workspace_summaries().await?;
            if all.is_empty() {
                println!("No workspaces yet. Start goalmeet and open it in a browser to sign up.");
            }
            for s in all {
                println!(
                    "{}\t{}\t{} members\t{}",
                    s.workspace.slug, s.workspace.name, s.member_count, s.workspace.id
                );
            }
            Ok(())
        }
        Command::Admin {
            task: AdminTask::ResetPassword { email },
        } => {
            let db = cli.db().await?;
            let user = db
                .user_by_email(&email.trim().to_lowercase())
                .await?
                .with_context(|| format!("no account has the e-mail address {email}"))?;
            let password = random_password();
            let hash = goalmeet_web::auth::Passwords::new(1)
                .hash(&password)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            db.set_password(user.id, &hash, None).await?;
            println!(
                "New password for {}: {password}\nAll their sessions were ended.",
                user.email
            );
            Ok(())
        }
    }
}

pub(crate) fn random_password() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::thread_rng();
    (0..20)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect()
}
