//! Is this a plausible UK phone number? A wrong helpline number can cost a life, so
//! anything that cannot be dialled from a UK phone is rejected at build time.

/// Checks a number as a source wrote it: `0808 2000 247`, `+44 (0)1296 436827`,
/// `116 123`, `999`, `18000` (Relay UK, from a textphone); for text-only numbers also five-digit short codes such as `85258`.
pub fn check_uk_phone(number: &str, sms: bool) -> Result<(), String> {
    let explain = |why: &str| {
        format!(
            "expected a UK phone number such as \"0808 2000 247\" (0 then 9 or 10 digits, +44, or a short code \
             such as 999 or 116 123), found {number:?}: {why}"
        )
    };
    let trimmed = number.trim();
    if trimmed.is_empty() {
        return Err(explain("it is empty"));
    }
    if let Some(bad) = trimmed
        .chars()
        .find(|c| !(c.is_ascii_digit() || " -()+".contains(*c)))
    {
        return Err(explain(&format!("{bad:?} is not part of a phone number")));
    }
    if trimmed[1..].contains('+') {
        return Err(explain("'+' may only start the number"));
    }
    let international = trimmed.starts_with('+');
    let digits: String = trimmed
        .replace("(0)", "")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let national = if international {
        match digits.strip_prefix("44") {
            Some(rest) => format!("0{rest}"),
            None => return Err(explain("only +44 numbers are UK numbers")),
        }
    } else {
        digits
    };
    // 18000 is Relay UK's emergency number: 999 dialled from a textphone.
    if matches!(
        national.as_str(),
        "999" | "112" | "101" | "111" | "105" | "119" | "18000"
    ) {
        return Ok(());
    }
    // Childline's 0800 1111 is older than the ten-digit plan and still the number.
    if national == "08001111" {
        return Ok(());
    }
    if national.len() == 6 && national.starts_with("116") {
        return Ok(());
    }
    if sms && national.len() == 5 && !national.starts_with('0') {
        return Ok(());
    }
    let Some(rest) = national.strip_prefix('0') else {
        return Err(explain("a UK number starts with 0 or +44"));
    };
    let len = national.len();
    let ok_len =
        match rest.as_bytes().first() {
            Some(b'1') => len == 10 || len == 11,
            Some(b'2' | b'3' | b'7') => len == 11,
            Some(b'5') => len == 11,
            Some(b'8') if rest.starts_with("800") => len == 10 || len == 11,
            Some(b'8') => len == 11,
            Some(b'9') => return Err(explain(
                "09 numbers are premium rate; a support service must not charge callers this way",
            )),
            Some(b'0') => {
                return Err(explain(
                    "00 starts an international call; write +44 for UK numbers",
                ))
            }
            _ => return Err(explain("no UK number starts like this")),
        };
    if ok_len {
        Ok(())
    } else {
        Err(explain(&format!("it has {len} digits")))
    }
}

#[cfg(test)]
mod tests {
    use super::check_uk_phone;

    #[test]
    fn numbers_in_the_council_strategies_are_accepted() {
        for n in [
            "0808 2000 247",
            "01296 436827",
            "01494 461367",
            "07528 245304",
            "116 123",
            "999",
            "101",
            "+44 (0)1296 436827",
            "020 8303 7777",
            "0800 999 5428",
            "016977 12345",
            "0800 1111",
        ] {
            assert_eq!(check_uk_phone(n, false), Ok(()), "{n}");
        }
        assert_eq!(check_uk_phone("85258", true), Ok(()));
    }

    #[test]
    fn the_relay_uk_emergency_number_18000_is_accepted_as_999_is() {
        assert_eq!(check_uk_phone("18000", false), Ok(()));
        assert_eq!(check_uk_phone("18000", true), Ok(()));
        assert_eq!(check_uk_phone("18 000", false), Ok(()));
        // Only 18000 itself: other five-digit voice numbers still need sms.
        assert!(check_uk_phone("18001", false).is_err());
    }

    #[test]
    fn implausible_numbers_are_rejected_with_the_reason() {
        let cases = [
            ("", "empty"),
            ("0808 2000 24", "10 digits"),
            ("0207 123 45678", "12 digits"),
            ("+353 1 234 5678", "+44"),
            ("0906 123 4567", "premium"),
            ("1234567890", "starts with 0"),
            ("0808 2000 247 ext 2", "'e'"),
            ("85258", "starts with 0"),
            ("0044 20 7123 4567", "international"),
            ("٠٨٠٨", "not part"),
        ];
        for (n, why) in cases {
            let err = check_uk_phone(n, false).expect_err(n);
            assert!(err.contains(why), "{n}: {err}");
        }
    }
}
