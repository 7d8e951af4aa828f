//! Sealing, signing and verifying files on the command line: `haven keygen`, the
//! `--sign KEY` and `--expires-in-days N` every writer takes, `haven verify`, and the
//! `--key` a search takes. docs/signing.md is the maintainer's guide.

use haven::{
    add_seal, current_seal, key_id, parse_public_key, public_key_text, verify, Date, FileKind,
    PublicKey, SecretKey,
};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// How a file being written is dated and signed.
#[derive(clap::Args)]
pub struct SealOptions {
    /// Sign the file with this secret key (`haven keygen` writes one; keep it off the
    /// web server).
    #[arg(long, value_name = "KEY")]
    sign: Option<PathBuf>,
    /// The file expires this many days after it is made: pages and `haven verify` refuse
    /// it after that, so a server handing out an old copy is noticed.
    #[arg(long, default_value_t = 90, value_parser = clap::value_parser!(u16).range(1..=3650))]
    expires_in_days: u16,
}

impl SealOptions {
    /// `bytes` (a file as written, unsealed) dated `today`, expiring, and signed if asked;
    /// with a description of what was done, for the command's report.
    pub fn apply(&self, bytes: &[u8], today: Date) -> Result<(Vec<u8>, String), String> {
        let expires_on = Date::from_days(today.to_days() + i32::from(self.expires_in_days))
            .ok_or_else(|| format!("{today} plus {} days is not a date", self.expires_in_days))?;
        let sealed = add_seal(bytes, today, expires_on).map_err(|e| e.to_string())?;
        let Some(path) = &self.sign else {
            return Ok((sealed, format!("unsigned, expires {expires_on}")));
        };
        let key = read_secret_key(path)?;
        let signed = key.sign(&sealed).map_err(|e| e.to_string())?;
        let public = key.public();
        Ok((
            signed,
            format!(
                "signed by {:?} (key {}), expires {expires_on}",
                public.name,
                public.id()
            ),
        ))
    }
}

/// Which keys a command accepts files from.
#[derive(clap::Args)]
pub struct TrustOptions {
    /// Accept only files signed by this public key (`NAME.pub`; repeatable, for a key
    /// being rotated). Without it, signatures are not checked, but expiry still is.
    #[arg(long = "key", value_name = "PUB")]
    keys: Vec<PathBuf>,
}

impl TrustOptions {
    /// Checks a file read from `path` as of `today`: with keys, as `haven verify` does;
    /// without, only that it has not expired.
    pub fn check(
        &self,
        path: &Path,
        bytes: &[u8],
        kind: FileKind,
        today: Date,
    ) -> Result<(), String> {
        let name = path.display();
        if self.keys.is_empty() {
            return current_seal(bytes, Some(kind), today)
                .map(|_| ())
                .map_err(|e| format!("{name}: {e}"));
        }
        let keys = read_public_keys(&self.keys)?;
        verify(bytes, Some(kind), &keys, today)
            .map(|_| ())
            .map_err(|e| format!("{name}: {e}"))
    }
}

fn read_secret_key(path: &Path) -> Result<SecretKey, String> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
    SecretKey::parse(&text, &name)
}

fn read_public_keys(paths: &[PathBuf]) -> Result<Vec<PublicKey>, String> {
    paths
        .iter()
        .map(|path| {
            let name = path.display().to_string();
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
            parse_public_key(&text, &name)
        })
        .collect()
}

/// Writes beside the target, then renames, so a failed write never leaves half a file.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, bytes).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| format!("{}: {e}", path.display()))
}

/// `haven keygen --out NAME`: `NAME.key` (readable only by its owner) and `NAME.pub`.
/// Never overwrites a key.
pub fn keygen(out: &Path, name: Option<&str>) -> Result<ExitCode, String> {
    let name = match name {
        Some(name) => name.to_string(),
        None => out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| {
                format!(
                    "{}: expected a file name to write NAME.key and NAME.pub",
                    out.display()
                )
            })?,
    };
    let key = SecretKey::generate(&name)?;
    let secret = with_extension(out, "key");
    let public = with_extension(out, "pub");
    if public.exists() {
        return Err(format!(
            "{}: already exists; a key is never overwritten (choose another name)",
            public.display()
        ));
    }
    write_private(&secret, key.to_text().as_bytes())?;
    std::fs::write(&public, public_key_text(&key.public()))
        .map_err(|e| format!("{}: {e}", public.display()))?;
    errln!(
        "key {:?} (id {}): secret key {} (readable only by you; keep it off the web server), public key {}",
        key.name(),
        key.public().id(),
        secret.display(),
        public.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// `out` with `.ext` added (not replacing what follows a dot in the name).
fn with_extension(out: &Path, ext: &str) -> PathBuf {
    let mut name = out.as_os_str().to_owned();
    name.push(".");
    name.push(ext);
    PathBuf::from(name)
}

/// Creates a new file only its owner can read; refuses to replace one.
fn write_private(path: &Path, bytes: &[u8]) -> Result<(), String> {
    use std::io::Write as _;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            format!(
                "{}: already exists; a key is never overwritten (choose another name)",
                path.display()
            )
        } else {
            format!("{}: {e}", path.display())
        }
    })?;
    file.write_all(bytes)
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// `haven verify FILE --key NAME.pub`: exit 0 with who signed it and when, only for an
/// intact file signed by one of the keys and not expired.
pub fn verify_file(file: &Path, keys: &[PathBuf], today: Option<Date>) -> Result<ExitCode, String> {
    let name = file.display();
    if keys.is_empty() {
        return Err(
            "verify needs --key NAME.pub, the public key the file must be signed by".into(),
        );
    }
    let keys = read_public_keys(keys)?;
    let bytes = std::fs::read(file).map_err(|e| format!("{name}: {e}"))?;
    let today = today.unwrap_or_else(Date::today);
    match verify(&bytes, None, &keys, today) {
        Ok(verified) => {
            let seal = &verified.seal;
            outln!(
                "{name}: {} signed by {:?} (key {}) on {}; expires {} (in {} days)",
                seal.kind,
                verified.signature.signer,
                key_id(&verified.signature.public_key),
                seal.made_on,
                seal.expires_on,
                today.days_until(seal.expires_on)
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            errln!("haven: {name}: {e}");
            Ok(ExitCode::FAILURE)
        }
    }
}
