//! Sine and cosine of angles within ±π, which is all a latitude or longitude (or half a
//! difference of two) can be. The standard library's versions accept any angle, and
//! their reduction of huge arguments measured 5 KB of the wasm (about a sixteenth of
//! its budget); here a nearest multiple of π/2 is taken off in two parts and the
//! remainder, within ±π/4, goes through the usual minimax polynomials. Checked against
//! the standard library to 1e-15 below.

use std::f64::consts::FRAC_PI_2;

/// π/2 in two parts, so `x - k·π/2` loses no precision for the small `k` used here.
const PIO2_HI: f64 = 1.570_796_326_734_125_6;
const PIO2_LO: f64 = 6.077_100_506_506_192e-11;

// Minimax coefficients of sin and cos on [-π/4, π/4] (those of fdlibm's kernels).
const S: [f64; 6] = [
    -1.666_666_666_666_663_2e-1,
    8.333_333_333_322_49e-3,
    -1.984_126_982_985_795e-4,
    2.755_731_370_707_006_8e-6,
    -2.505_076_025_340_686_3e-8,
    1.589_690_995_211_55e-10,
];
const C: [f64; 6] = [
    4.166_666_666_666_66e-2,
    -1.388_888_888_887_411e-3,
    2.480_158_728_947_673e-5,
    -2.755_731_435_139_066_3e-7,
    2.087_572_321_298_175e-9,
    -1.135_964_755_778_819_5e-11,
];

fn poly(z: f64, c: &[f64; 6]) -> f64 {
    c.iter().rev().fold(0.0, |acc, k| acc * z + k)
}

/// `(sin x, cos x)` for `x` within ±π (outside it the answer is less exact, never a
/// panic; NaN gives NaN).
pub(crate) fn sin_cos(x: f64) -> (f64, f64) {
    let k = (x / FRAC_PI_2).round();
    let y = (x - k * PIO2_HI) - k * PIO2_LO;
    let z = y * y;
    let s = y + y * z * poly(z, &S);
    let c = 1.0 - 0.5 * z + z * z * poly(z, &C);
    // k is within ±2 here; as an integer its quadrant picks the signs.
    match (k as i64).rem_euclid(4) {
        0 => (s, c),
        1 => (c, -s),
        2 => (-s, -c),
        _ => (-c, s),
    }
}

#[cfg(test)]
mod tests {
    use super::sin_cos;

    #[test]
    fn sine_and_cosine_match_the_standard_library_across_every_angle_a_place_can_give() {
        let steps = 200_000;
        for i in 0..=steps {
            let x = -std::f64::consts::PI
                + 2.0 * std::f64::consts::PI * f64::from(i) / f64::from(steps);
            let (s, c) = sin_cos(x);
            assert!((s - x.sin()).abs() < 1e-15, "sin {x}: {s} vs {}", x.sin());
            assert!((c - x.cos()).abs() < 1e-15, "cos {x}: {c} vs {}", x.cos());
        }
        assert!(sin_cos(f64::NAN).0.is_nan());
    }
}
