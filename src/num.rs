//! Numbers, below every other module: written as the SVG attributes, transforms and CSS values
//! of the map write them ([`fixed`]: a fixed number of decimals, without trailing zeros, with
//! `itoa` as the paths' numbers are, see [`crate::render::SvgPath`]), the same text natively (the
//! pre-render, the image) and in the browser; and kept within bounds ([`within`]). Neither goes
//! through `core::fmt`'s float formatting (shortest and exact, `flt2dec`): out of the small
//! module, it saved 9.7 KB gzip (docs/performance.md, « Le petit module, pas à pas »).

/// `x` rounded to `decimals` places (at most 9). Non-finite values, which no attribute reads,
/// and magnitudes past 9 × 10¹⁸ units of the last place give `0`.
///
/// ```
/// use territoires_map::num::fixed;
/// assert_eq!(fixed(12.0, 1), "12");
/// assert_eq!(fixed(-2.449, 1), "-2.4");
/// assert_eq!(fixed(0.0004, 3), "0");
/// assert_eq!(fixed(0.0015, 3), "0.002");
/// assert_eq!(fixed(1.000_000_001, 9), "1.000000001");
/// ```
pub fn fixed(x: f64, decimals: u32) -> String {
    let mut out = String::new();
    push_fixed(&mut out, x, decimals);
    out
}

/// Appends [`fixed`]`(x, decimals)` to `out`.
pub fn push_fixed(out: &mut String, x: f64, decimals: u32) {
    let decimals = decimals.min(9);
    let unit = 10u64.pow(decimals);
    let v = (x * unit as f64).round();
    if !v.is_finite() || v.abs() >= 9.0e18 || v == 0.0 {
        out.push('0');
        return;
    }
    push_units(out, v as i64, decimals);
}

/// Appends `v` units of 10^-`decimals` (at most 9) as a decimal without trailing zeros: with
/// `decimals` 2, `-250` is `-2.5`, `1` is `0.01`, `1200` is `12`. What [`push_fixed`] writes once
/// it has rounded, and how the paths' hundredths of a kilometre are written
/// ([`crate::render::SvgPath`]).
pub fn push_units(out: &mut String, v: i64, decimals: u32) {
    let decimals = decimals.min(9);
    let unit = 10u64.pow(decimals);
    if v < 0 {
        out.push('-');
    }
    let (whole, mut frac) = (v.unsigned_abs() / unit, v.unsigned_abs() % unit);
    out.push_str(itoa::Buffer::new().format(whole));
    if frac == 0 {
        return;
    }
    let mut places = decimals as usize;
    while frac % 10 == 0 {
        frac /= 10;
        places -= 1;
    }
    let mut digits = itoa::Buffer::new();
    let digits = digits.format(frac);
    out.push('.');
    out.extend(std::iter::repeat_n('0', places - digits.len()));
    out.push_str(digits);
}

/// `x` brought within `lo..=hi` (`lo` when `x` is NaN), as `f64::clamp` with bounds known only
/// at run time, but without its check that `lo <= hi`: that check's panic message formats both
/// bounds with `Debug`: with the numbers [`fixed`] writes, what kept `core`'s float formatting
/// (9.7 KB gzip) in the small module. With constant bounds the compiler drops the check, and
/// `clamp` is fine.
///
/// ```
/// use territoires_map::num::within;
/// assert_eq!(within(5.0, 0.0, 2.0), 2.0);
/// assert_eq!(within(-1.0, 0.0, 2.0), 0.0);
/// assert_eq!(within(f64::NAN, 0.0, 2.0), 0.0);
/// ```
pub fn within(x: f64, lo: f64, hi: f64) -> f64 {
    x.max(lo).min(hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_and_trims() {
        assert_eq!(fixed(0.05, 2), "0.05");
        assert_eq!(fixed(0.5, 0), "1");
        assert_eq!(fixed(-0.5, 0), "-1");
        assert_eq!(fixed(-0.04, 1), "0", "no negative zero");
        assert_eq!(fixed(1234.5678, 2), "1234.57");
        assert_eq!(fixed(-7000.25, 1), "-7000.3");
        assert_eq!(fixed(3.0e-9, 9), "0.000000003");
        assert_eq!(fixed(2.5, 12), "2.5", "at most 9 places");
    }

    #[test]
    fn units_as_the_paths_write_them() {
        let units = |v, d| {
            let mut out = String::new();
            push_units(&mut out, v, d);
            out
        };
        assert_eq!(
            [units(-250, 2), units(1, 2), units(1200, 2), units(0, 2), units(-5, 2)],
            ["-2.5", "0.01", "12", "0", "-0.05"]
        );
        assert_eq!(units(7, 0), "7");
    }

    #[test]
    fn what_no_attribute_reads_is_zero() {
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e30] {
            assert_eq!(fixed(x, 2), "0", "{x}");
        }
    }

    #[test]
    fn reads_back_as_the_value_rounded() {
        for x in [0.1, 1.0 / 3.0, 6_789.123_456, -0.000_123, 42.0] {
            for d in [0, 1, 3, 6, 9] {
                let back: f64 = fixed(x, d).parse().unwrap();
                assert!((back - x).abs() <= 0.5 / 10f64.powi(d as i32) + 1e-12, "{x} {d}: {back}");
            }
        }
    }
}
