//! Colours and patterns shared by the map, the legend and the charts.
//!
//! Tiers use `ColorBrewer`'s `YlGnBu`, whose lightness rises monotonically, so the order reads in
//! greyscale and for colour-blind readers; each tier also has its own texture on the map (a
//! non-colour cue). The same values are CSS custom properties in `style/main.css` (a test
//! keeps them equal).

use crate::index::Status;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Packed for a little-endian RGBA pixel buffer (`0xAABBGGRR`), fully opaque.
    pub fn pixel(self) -> u32 {
        0xff00_0000 | (u32::from(self.2) << 16) | (u32::from(self.1) << 8) | u32::from(self.0)
    }

    /// Mixes towards another colour by `t` (0–1).
    pub fn mix(self, other: Rgb, t: f32) -> Rgb {
        let m = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t).round() as u8;
        Rgb(m(self.0, other.0), m(self.1, other.1), m(self.2, other.2))
    }

    /// Relative luminance (WCAG).
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// WCAG contrast ratio with another colour.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// Black or white, whichever reads better on this colour.
    pub fn text_on(self) -> Rgb {
        if self.contrast(Rgb(0, 0, 0)) >= self.contrast(Rgb(255, 255, 255)) {
            Rgb(0x1b, 0x1f, 0x1d)
        } else {
            Rgb(255, 255, 255)
        }
    }
}

/// A texture drawn over a fill, the map's non-colour cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pattern {
    /// Plain fill.
    None,
    /// Sparse dots.
    Dots,
    /// Diagonal lines.
    Diagonal,
    /// Crossed diagonal lines.
    Cross,
    /// Horizontal lines (for "no data").
    Horizontal,
    /// Vertical lines (for "not re-assessed since the reform": its light grey-violet beside
    /// the grey of "no data", both striped the same way, read as one on a phone).
    Vertical,
}

impl Pattern {
    /// The bit of this pattern in a pixel's pattern mask.
    pub fn bit(self) -> u8 {
        match self {
            Pattern::None => 0,
            Pattern::Dots => 1,
            Pattern::Diagonal => 2,
            Pattern::Cross => 2 | 4,
            Pattern::Horizontal => 8,
            Pattern::Vertical => 16,
        }
    }

    /// Which pattern bits are "ink" at a device pixel; `unit` is the pattern cell size in
    /// device pixels (about 6 CSS pixels times the pixel ratio).
    pub fn mask_at(x: usize, y: usize, unit: usize) -> u8 {
        let unit = unit.max(3);
        let line = (unit / 4).max(1);
        let mut m = 0;
        let (cx, cy) = (x % unit, y % unit);
        let r = (unit / 5).max(1);
        if cx.abs_diff(unit / 2) <= r / 2 && cy.abs_diff(unit / 2) <= r / 2 {
            m |= 1;
        }
        if (x + y) % unit < line {
            m |= 2;
        }
        if (x + unit * 64 - y % (unit * 64)) % unit < line {
            m |= 4;
        }
        if y % unit < line {
            m |= 8;
        }
        if x % unit < line {
            m |= 16;
        }
        m
    }
}

/// How a status is painted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paint {
    /// Fill colour.
    pub fill: Rgb,
    /// Texture.
    pub pattern: Pattern,
    /// Colour of the texture's ink.
    pub ink: Rgb,
}

/// The tier palette.
pub fn status_paint(status: Status) -> Paint {
    let (fill, pattern) = match status {
        Status::NotYet => (Rgb(0xff, 0xff, 0xcc), Pattern::None),
        Status::Standard => (Rgb(0xa1, 0xda, 0xb4), Pattern::Dots),
        Status::Advanced => (Rgb(0x41, 0xb6, 0xc4), Pattern::Diagonal),
        Status::Model => (Rgb(0x25, 0x34, 0x94), Pattern::Cross),
        Status::NotReassessed => (Rgb(0xe7, 0xe1, 0xef), Pattern::Vertical),
        Status::NoData => (Rgb(0xd9, 0xd9, 0xd9), Pattern::Horizontal),
        Status::NotApplicable => (Rgb(0xf0, 0xf0, 0xf0), Pattern::None),
    };
    // Ink a little darker (or lighter on the dark model fill) than the fill.
    let ink = if fill.luminance() < 0.2 {
        fill.mix(Rgb(255, 255, 255), 0.35)
    } else {
        fill.mix(Rgb(0, 0, 0), 0.22)
    };
    Paint { fill, pattern, ink }
}

/// A sequential scale for counts and years (light to dark, `YlGnBu`), `n` steps. It starts at
/// a light green rather than `YlGnBu`'s palest yellow, which would read as "not yet at the
/// standard" (the tier colour communes without a value keep).
pub fn sequential(i: usize, n: usize) -> Rgb {
    const STOPS: [Rgb; 6] = [
        Rgb(0xd9, 0xf0, 0xb8),
        Rgb(0xa8, 0xdd, 0xb5),
        Rgb(0x7f, 0xcd, 0xbb),
        Rgb(0x41, 0xb6, 0xc4),
        Rgb(0x22, 0x5e, 0xa8),
        Rgb(0x0c, 0x2c, 0x84),
    ];
    if n <= 1 {
        return STOPS[3];
    }
    let t = i.min(n - 1) as f32 / (n - 1) as f32 * (STOPS.len() - 1) as f32;
    let k = (t.floor() as usize).min(STOPS.len() - 2);
    STOPS[k].mix(STOPS[k + 1], t - k as f32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ramp_never_starts_at_the_not_yet_colour() {
        let not_yet = status_paint(Status::NotYet).fill;
        let first = sequential(0, 10);
        let distance = (i32::from(first.0) - i32::from(not_yet.0)).abs()
            + (i32::from(first.1) - i32::from(not_yet.1)).abs()
            + (i32::from(first.2) - i32::from(not_yet.2)).abs();
        assert!(distance > 60, "{first:?} vs {not_yet:?}");
        assert!(sequential(9, 10).luminance() < sequential(0, 10).luminance());
    }

    #[test]
    fn tier_fills_get_darker_up_the_tiers() {
        let l = |s| status_paint(s).fill.luminance();
        assert!(l(Status::NotYet) > l(Status::Standard));
        assert!(l(Status::Standard) > l(Status::Advanced));
        assert!(l(Status::Advanced) > l(Status::Model));
    }

    #[test]
    fn every_tier_has_its_own_texture() {
        let tiers = [
            Status::NotYet,
            Status::Standard,
            Status::Advanced,
            Status::Model,
        ];
        for (i, a) in tiers.iter().enumerate() {
            for b in &tiers[i + 1..] {
                assert_ne!(status_paint(*a).pattern, status_paint(*b).pattern);
            }
        }
        // The two light greys of "no value" are told apart by their stripes too.
        assert_ne!(
            status_paint(Status::NoData).pattern,
            status_paint(Status::NotReassessed).pattern
        );
        for a in tiers {
            assert_ne!(
                status_paint(a).pattern,
                status_paint(Status::NotReassessed).pattern
            );
        }
    }

    #[test]
    fn css_palette_matches() {
        let css = include_str!("../../../style/main.css");
        for (var, status) in [
            ("--tier-not-yet", Status::NotYet),
            ("--tier-standard", Status::Standard),
            ("--tier-advanced", Status::Advanced),
            ("--tier-model", Status::Model),
        ] {
            let needle = format!("{var}: {};", status_paint(status).fill.hex());
            assert!(
                css.contains(&needle),
                "style/main.css should have `{needle}`"
            );
        }
    }

    #[test]
    fn pixels_pack_little_endian_rgba() {
        assert_eq!(Rgb(1, 2, 3).pixel(), 0xff03_0201);
        assert!(Rgb(0x25, 0x34, 0x94).contrast(Rgb(255, 255, 255)) > 4.5);
    }

    #[test]
    fn pattern_masks_have_ink_and_gaps() {
        let unit = 8;
        let count = |bit: u8| {
            (0..64)
                .flat_map(|x| (0..64).map(move |y| (x, y)))
                .filter(|&(x, y)| Pattern::mask_at(x, y, unit) & bit != 0)
                .count()
        };
        for bit in [1, 2, 4, 8, 16] {
            let n = count(bit);
            assert!(n > 0 && n < 64 * 64 / 2, "bit {bit}: {n}");
        }
    }
}
