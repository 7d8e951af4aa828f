//! Signed, dated files: what `haven verify`, a search with `--key` and the page accept,
//! and what each refusal says.

mod common;

use haven::{
    add_seal, check_seal, parse_public_key, public_key_text, read_seal, verify, Date, Directory,
    Gazetteer, PublicKey, SecretKey, TrustError,
};

fn key(name: &str, seed: u8) -> SecretKey {
    let secret: String = (0..32)
        .map(|i| format!("{:02x}", seed.wrapping_add(i)))
        .collect();
    SecretKey::parse(
        &format!("name = \"{name}\"\nsecret = \"{secret}\"\n"),
        "test.key",
    )
    .unwrap()
}

fn day(text: &str) -> Date {
    Date::parse(text).unwrap()
}

/// The starter directory sealed on 2026-12-01, expiring 90 days later, unsigned.
fn sealed_starter() -> Vec<u8> {
    add_seal(
        &common::starter_bytes(),
        day("2026-12-01"),
        day("2027-03-01"),
    )
    .unwrap()
}

/// The starter directory sealed on 2026-12-01, expiring 90 days later, signed by `key`.
fn signed_bundle(key: &SecretKey) -> Vec<u8> {
    key.sign(&sealed_starter()).unwrap()
}

fn refusal(bytes: &[u8], keys: &[PublicKey], today: &str) -> String {
    verify(bytes, None, keys, day(today))
        .unwrap_err()
        .to_string()
}

#[test]
fn a_signed_bundle_verifies_with_its_public_key_and_names_who_signed_it_and_when() {
    let publisher = key("bedford-2026", 1);
    let verified = verify(
        &signed_bundle(&publisher),
        Some(haven::DIRECTORY),
        &[publisher.public()],
        day("2026-12-02"),
    )
    .unwrap();
    assert_eq!(verified.signature.signer, "bedford-2026");
    assert_eq!(verified.seal.kind, "directory bundle");
    assert_eq!(verified.seal.made_on, day("2026-12-01"));
    assert_eq!(verified.seal.expires_on, day("2027-03-01"));
}

#[test]
fn a_signed_bundle_searches_like_the_unsigned_one() {
    let bytes = signed_bundle(&key("bedford-2026", 1));
    let signed = Directory::from_bytes(&bytes).unwrap();
    let unsigned = Directory::from_bytes(&common::starter_bytes()).unwrap();
    assert_eq!(signed.len(), unsigned.len());
    assert!(signed.len() > 40);
}

#[test]
fn signing_the_same_file_twice_gives_the_same_bytes() {
    // So two builds of the same directory are byte-identical (the confidentiality test).
    let publisher = key("bedford-2026", 1);
    assert_eq!(signed_bundle(&publisher), signed_bundle(&publisher));
}

#[test]
fn an_unsigned_bundle_is_refused_saying_it_is_not_signed() {
    let publisher = key("bedford-2026", 1);
    let sealed = sealed_starter();
    let message = refusal(&sealed, &[publisher.public()], "2026-12-02");
    assert!(
        message.starts_with("directory bundle is not signed"),
        "{message}"
    );
    let old = refusal(
        &common::starter_bytes(),
        &[publisher.public()],
        "2026-12-02",
    );
    assert!(old.contains("not signed: it has no seal at all"), "{old}");
}

#[test]
fn a_bundle_signed_by_another_key_is_refused_naming_both_keys() {
    let (publisher, stranger) = (key("bedford-2026", 1), key("attacker", 99));
    let message = refusal(
        &signed_bundle(&stranger),
        &[publisher.public()],
        "2026-12-02",
    );
    assert_eq!(
        message,
        format!(
            "directory bundle is signed by \"attacker\" (key {}), which is not a trusted key: \
             expected \"bedford-2026\" (key {})",
            stranger.public().id(),
            publisher.public().id()
        )
    );
}

#[test]
fn a_key_that_claims_a_trusted_name_is_shown_in_full() {
    let (publisher, forger) = (key("bedford-2026", 1), key("bedford-2026", 2));
    let message = refusal(&signed_bundle(&forger), &[publisher.public()], "2026-12-02");
    assert!(message.contains("is not a trusted key"), "{message}");
}

#[test]
fn a_bundle_altered_after_signing_is_refused_even_with_its_checksum_recomputed() {
    let publisher = key("bedford-2026", 1);
    let mut bytes = signed_bundle(&publisher);
    let len = u32::from_le_bytes(bytes[12..16].try_into().unwrap()) as usize;
    // A phone number's digit, say: any byte of the payload.
    bytes[20 + len / 2] ^= 0x01;
    let checksum = xxhash_rust::xxh32::xxh32(&bytes[20..20 + len], 0);
    bytes[16..20].copy_from_slice(&checksum.to_le_bytes());
    assert_eq!(
        refusal(&bytes, &[publisher.public()], "2026-12-02"),
        "directory bundle has been altered since \"bedford-2026\" signed it: the signature does not match its contents"
    );
}

#[test]
fn a_changed_date_or_signature_is_refused_as_altered() {
    let publisher = key("bedford-2026", 1);
    let good = signed_bundle(&publisher);
    let len = u32::from_le_bytes(good[12..16].try_into().unwrap()) as usize;
    // The expiry (pushed a year on), and the signature's last byte.
    for at in [20 + len + 4, good.len() - 1] {
        let mut bytes = good.clone();
        bytes[at] = bytes[at].wrapping_add(1);
        let message = refusal(&bytes, &[publisher.public()], "2026-12-02");
        assert!(
            message.contains("has been altered since"),
            "byte {at}: {message}"
        );
    }
}

#[test]
fn a_signed_bundle_cut_short_anywhere_is_refused_and_never_accepted() {
    let publisher = key("bedford-2026", 1);
    let bytes = signed_bundle(&publisher);
    for cut in (0..bytes.len())
        .step_by(97)
        .chain(bytes.len() - 70..bytes.len())
    {
        let result = verify(
            &bytes[..cut],
            None,
            &[publisher.public()],
            day("2026-12-02"),
        );
        let message = result.expect_err("a cut file is refused").to_string();
        assert!(
            ["truncated", "expected at least 20 bytes", "not a Haven"]
                .iter()
                .any(|w| message.contains(w)),
            "cut at {cut}: {message}"
        );
    }
}

#[test]
fn an_expired_bundle_is_refused_and_its_last_day_is_not() {
    let publisher = key("bedford-2026", 1);
    let bytes = signed_bundle(&publisher);
    assert!(verify(&bytes, None, &[publisher.public()], day("2027-03-01")).is_ok());
    assert_eq!(
        refusal(&bytes, &[publisher.public()], "2027-03-02"),
        "directory bundle expired on 2027-03-01 (made on 2026-12-01; today is 2027-03-02): a \
         server may be handing out an old copy; publish a newer one"
    );
}

#[test]
fn a_file_signed_by_a_key_being_rotated_out_verifies_while_both_keys_are_trusted() {
    let (old, new) = (key("haven-2026", 1), key("haven-2027", 2));
    let bytes = signed_bundle(&old);
    assert!(verify(
        &bytes,
        None,
        &[new.public(), old.public()],
        day("2026-12-02")
    )
    .is_ok());
    let retired = refusal(&bytes, &[new.public()], "2026-12-02");
    assert!(retired.contains("not a trusted key"), "{retired}");
}

#[test]
fn the_gazetteer_and_vacancy_files_are_signed_and_refused_the_same_way() {
    let (publisher, stranger) = (key("bedford-2026", 1), key("attacker", 99));
    let gazetteer = Gazetteer::builtin().encode().unwrap();
    let vacancies = haven::VacancyUpdates::default().encode().unwrap();
    for (bytes, kind) in [
        (gazetteer, "gazetteer"),
        (vacancies, "vacancy updates file"),
    ] {
        let sealed = add_seal(&bytes, day("2026-12-01"), day("2027-03-01")).unwrap();
        let signed = publisher.sign(&sealed).unwrap();
        let ok = verify(&signed, None, &[publisher.public()], day("2026-12-02")).unwrap();
        assert_eq!(ok.seal.kind, kind);
        let other = refusal(
            &stranger.sign(&sealed).unwrap(),
            &[publisher.public()],
            "2026-12-02",
        );
        assert!(
            other.starts_with(&format!("{kind} is signed by \"attacker\"")),
            "{other}"
        );
        let unsigned = refusal(&sealed, &[publisher.public()], "2026-12-02");
        assert!(
            unsigned.starts_with(&format!("{kind} is not signed")),
            "{unsigned}"
        );
        let expired = refusal(&signed, &[publisher.public()], "2027-03-02");
        assert!(
            expired.starts_with(&format!("{kind} expired on 2027-03-01")),
            "{expired}"
        );
    }
}

#[test]
fn a_file_is_sealed_and_signed_once() {
    let publisher = key("bedford-2026", 1);
    let sealed = sealed_starter();
    let again = add_seal(&sealed, day("2026-12-01"), day("2027-03-01")).unwrap_err();
    assert!(again.to_string().contains("already there"), "{again}");
    let signed = publisher.sign(&sealed).unwrap();
    let twice = publisher.sign(&signed).unwrap_err();
    assert!(twice.to_string().contains("already signed"), "{twice}");
    let unsealed = publisher.sign(&common::starter_bytes()).unwrap_err();
    assert!(
        unsealed.to_string().contains("only a sealed file"),
        "{unsealed}"
    );
}

#[test]
fn a_seal_that_expires_before_it_was_made_is_refused() {
    let made = day("2026-12-01");
    let err = add_seal(&common::starter_bytes(), made, day("2026-11-30")).unwrap_err();
    assert!(err.to_string().contains("before it was made"), "{err}");
}

#[test]
fn a_public_key_file_reads_back_as_the_key_it_was_written_from() {
    let publisher = key("bedford-2026", 1);
    let text = public_key_text(&publisher.public());
    assert_eq!(
        parse_public_key(&text, "bedford.pub").unwrap(),
        publisher.public()
    );
    let secret = SecretKey::parse(&publisher.to_text(), "bedford.key").unwrap();
    assert_eq!(secret.public(), publisher.public());
    let bad = parse_public_key("name = \"x\"\npublic = \"12\"\n", "x.pub").unwrap_err();
    assert!(
        bad.starts_with("x.pub: expected `public` to be an ed25519 public key"),
        "{bad}"
    );
    let control = SecretKey::generate("evil\u{1b}[2J").err().unwrap();
    assert!(control.contains("no control characters"), "{control}");
}

#[test]
fn the_seal_is_read_without_checking_the_signature() {
    let publisher = key("bedford-2026", 1);
    let seal = read_seal(&signed_bundle(&publisher), None)
        .unwrap()
        .unwrap();
    let signature = seal.signature.unwrap();
    assert_eq!(signature.public_key, publisher.public().key);
    assert_eq!(
        read_seal(&common::starter_bytes(), Some(haven::DIRECTORY)).unwrap(),
        None
    );
    let pending = check_seal(
        &signed_bundle(&publisher),
        None,
        &[publisher.public()],
        day("2026-12-02"),
    );
    assert_eq!(pending.unwrap().key, 0);
    assert!(matches!(
        check_seal(&signed_bundle(&publisher), None, &[], day("2026-12-02")),
        Err(TrustError::OtherKey { .. })
    ));
}
