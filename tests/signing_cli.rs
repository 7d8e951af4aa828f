//! `haven keygen`, `--sign`, `haven verify` and `haven search --key`, as a maintainer
//! runs them: exit codes, what is printed, the files written.

mod common;

use common::{haven, root};
use std::path::PathBuf;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

struct Keys {
    dir: tempfile::TempDir,
}

impl Keys {
    fn new() -> Keys {
        let keys = Keys {
            dir: tempfile::tempdir().unwrap(),
        };
        for name in ["council", "stranger"] {
            let out = haven(&["keygen", "--out", keys.path(name).to_str().unwrap()]);
            assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        }
        keys
    }
    fn path(&self, file: &str) -> PathBuf {
        self.dir.path().join(file)
    }
    fn s(&self, file: &str) -> String {
        self.path(file).display().to_string()
    }
    /// The starter directory built and signed with `key`, as of 2026-12-01.
    fn bundle(&self, key: &str, out: &str) -> String {
        let out = self.s(out);
        let built = haven(&[
            "build",
            &root("data/directory.json"),
            "--out",
            &out,
            "--today",
            "2026-12-01",
            "--sign",
            &self.s(&format!("{key}.key")),
        ]);
        assert_eq!(built.status.code(), Some(0), "{}", text(&built.stderr));
        out
    }
}

#[test]
fn keygen_writes_a_secret_key_only_its_owner_can_read_and_never_overwrites_one() {
    let keys = Keys::new();
    let secret = std::fs::read_to_string(keys.path("council.key")).unwrap();
    assert!(secret.contains("SECRET"), "{secret}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(keys.path("council.key"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let again = haven(&["keygen", "--out", &keys.s("council")]);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("already exists; a key is never overwritten"));
    assert_eq!(
        std::fs::read_to_string(keys.path("council.key")).unwrap(),
        secret
    );
}

#[test]
fn verify_prints_who_signed_a_bundle_and_when_and_exits_0() {
    let keys = Keys::new();
    let bundle = keys.bundle("council", "directory.bin");
    let out = haven(&[
        "verify",
        &bundle,
        "--key",
        &keys.s("council.pub"),
        "--today",
        "2026-12-02",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains("directory bundle signed by \"council\" (key ")
            && said.contains(") on 2026-12-01; expires 2027-03-01 (in 89 days)"),
        "{said}"
    );
}

#[test]
fn verify_exits_1_saying_what_is_wrong_for_each_kind_of_bad_file() {
    let keys = Keys::new();
    let good = keys.bundle("council", "directory.bin");
    let bytes = std::fs::read(&good).unwrap();
    let unsigned = keys.s("unsigned.bin");
    let built = haven(&["build", &root("data/directory.json"), "--out", &unsigned]);
    assert_eq!(built.status.code(), Some(0));
    let truncated = keys.s("truncated.bin");
    std::fs::write(&truncated, &bytes[..bytes.len() - 10]).unwrap();
    let altered = keys.s("altered.bin");
    let mut changed = bytes.clone();
    let last = changed.len() - 1;
    changed[last] ^= 0x80;
    std::fs::write(&altered, &changed).unwrap();
    let stranger = keys.bundle("stranger", "stranger.bin");
    let public = keys.s("council.pub");
    for (file, today, says) in [
        (
            &unsigned,
            "2026-12-02",
            "is not signed: it carries no signature",
        ),
        (&stranger, "2026-12-02", "is signed by \"stranger\""),
        (
            &altered,
            "2026-12-02",
            "has been altered since \"council\" signed it",
        ),
        (&truncated, "2026-12-02", "seal is truncated"),
        (&good, "2027-03-02", "expired on 2027-03-01"),
    ] {
        let out = haven(&["verify", file, "--key", &public, "--today", today]);
        assert_eq!(out.status.code(), Some(1), "{file}");
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains(says),
            "{file}: expected {says:?} in {stderr}"
        );
        assert!(
            out.stdout.is_empty(),
            "{file}: printed {}",
            text(&out.stdout)
        );
    }
}

#[test]
fn search_with_a_key_refuses_what_verify_refuses_and_answers_for_a_good_bundle() {
    let keys = Keys::new();
    let stranger = keys.bundle("stranger", "stranger.bin");
    let good = keys.bundle("council", "directory.bin");
    let search = |bundle: &str, today: &str| {
        haven(&[
            "search",
            "--bundle",
            bundle,
            "--near",
            "Bedford",
            "--key",
            &keys.s("council.pub"),
            "--today",
            today,
            "--json",
        ])
    };
    let refused = search(&stranger, "2026-12-02");
    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused.stderr).contains("which is not a trusted key"));
    assert!(refused.stdout.is_empty());
    let expired = search(&good, "2027-03-02");
    assert_eq!(expired.status.code(), Some(1));
    assert!(text(&expired.stderr).contains("expired on 2027-03-01"));
    let ok = search(&good, "2026-12-02");
    assert_eq!(ok.status.code(), Some(0), "{}", text(&ok.stderr));
    assert!(text(&ok.stdout).contains("\"results\""));
}

#[test]
fn search_with_a_key_checks_the_vacancy_and_gazetteer_files_too() {
    let keys = Keys::new();
    let good = keys.bundle("council", "directory.bin");
    let vacancies = keys.s("vacancies.bin");
    let gazetteer = keys.s("gazetteer.bin");
    for (args, file) in [
        (
            vec![
                "vacancies",
                &root("data/vacancies.csv"),
                "--bundle",
                &good,
                "--out",
                &vacancies,
            ],
            &vacancies,
        ),
        (vec!["gazetteer", "--out", &gazetteer], &gazetteer),
    ] {
        let mut args: Vec<&str> = args;
        args.extend(["--sign", "stranger.key"]);
        let signing = keys.s("stranger.key");
        *args.last_mut().unwrap() = &signing;
        let out = haven(&args);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let verified = haven(&["verify", file, "--key", &keys.s("stranger.pub")]);
        assert_eq!(
            verified.status.code(),
            Some(0),
            "{}",
            text(&verified.stderr)
        );
    }
    let public = keys.s("council.pub");
    for flag in ["--vacancies", "--gazetteer"] {
        let file = if flag == "--vacancies" {
            &vacancies
        } else {
            &gazetteer
        };
        let out = haven(&[
            "search", "--bundle", &good, "--near", "Bedford", "--key", &public, flag, file,
        ]);
        assert_eq!(out.status.code(), Some(1), "{flag}");
        assert!(
            text(&out.stderr).contains("is signed by \"stranger\""),
            "{flag}: {}",
            text(&out.stderr)
        );
    }
}
