//! A drawing backend that draws CSS pixels onto device pixels.
//!
//! plotters-canvas draws one unit per canvas pixel and knows nothing of
//! `devicePixelRatio` (plotters issue #164). The charts are laid out in CSS
//! pixels; wrapping the canvas backend in [`Scaled`] with the page's pixel
//! ratio multiplies every coordinate, stroke width and font size, so a
//! canvas of `width × ratio` device pixels shows the chart sharp at
//! `width` CSS pixels. Coordinates are rounded once, on the device grid,
//! so filled rectangles (bars, gridlines, axis rules) land on whole device
//! pixels and stay crisp.

use plotters_backend::text_anchor::Pos;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontFamily, FontStyle, FontTransform,
};

/// `inner` seen at `1 / ratio` of its size.
pub struct Scaled<DB> {
    inner: DB,
    ratio: f64,
}

impl<DB: DrawingBackend> Scaled<DB> {
    /// Wraps `inner`; a ratio that is not a positive number counts as 1.
    pub fn new(inner: DB, ratio: f64) -> Scaled<DB> {
        let ratio = if ratio.is_finite() && ratio > 0.0 {
            ratio
        } else {
            1.0
        };
        Scaled { inner, ratio }
    }

    pub fn into_inner(self) -> DB {
        self.inner
    }

    fn point(&self, (x, y): BackendCoord) -> BackendCoord {
        (
            (f64::from(x) * self.ratio).round() as i32,
            (f64::from(y) * self.ratio).round() as i32,
        )
    }

    fn length(&self, value: u32) -> u32 {
        ((f64::from(value) * self.ratio).round() as u32).max(u32::from(value > 0))
    }
}

/// A device pixel ratio as reported (`window.devicePixelRatio`), or 1
/// where that is not a usable number.
pub fn pixel_ratio(reported: f64) -> f64 {
    if reported.is_finite() && reported > 0.0 {
        reported
    } else {
        1.0
    }
}

/// Device size in whole pixels for a CSS size at a pixel ratio.
pub fn device_size(css_width: f64, css_height: f64, ratio: f64) -> (u32, u32) {
    let ratio = pixel_ratio(ratio);
    let side = |css: f64| (css.max(1.0) * ratio).round().clamp(1.0, 16_384.0) as u32;
    (side(css_width), side(css_height))
}

struct ScaledStyle<'a, S> {
    inner: &'a S,
    ratio: f64,
}

impl<S: BackendStyle> BackendStyle for ScaledStyle<'_, S> {
    fn color(&self) -> BackendColor {
        self.inner.color()
    }

    fn stroke_width(&self) -> u32 {
        ((f64::from(self.inner.stroke_width()) * self.ratio).round() as u32).max(1)
    }
}

struct ScaledText<'a, S> {
    inner: &'a S,
    ratio: f64,
}

impl<S: BackendTextStyle> BackendTextStyle for ScaledText<'_, S> {
    type FontError = S::FontError;

    fn color(&self) -> BackendColor {
        self.inner.color()
    }

    fn size(&self) -> f64 {
        self.inner.size() * self.ratio
    }

    fn transform(&self) -> FontTransform {
        self.inner.transform()
    }

    fn style(&self) -> FontStyle {
        self.inner.style()
    }

    fn anchor(&self) -> Pos {
        self.inner.anchor()
    }

    fn family(&self) -> FontFamily<'_> {
        self.inner.family()
    }

    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
        let ((x0, y0), (x1, y1)) = self.inner.layout_box(text)?;
        let s = |v: i32| (f64::from(v) * self.ratio).round() as i32;
        Ok(((s(x0), s(y0)), (s(x1), s(y1))))
    }

    fn draw<E, DrawFunc: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        text: &str,
        pos: BackendCoord,
        draw: DrawFunc,
    ) -> Result<Result<(), E>, Self::FontError> {
        self.inner.draw(text, pos, draw)
    }
}

impl<DB: DrawingBackend> DrawingBackend for Scaled<DB> {
    type ErrorType = DB::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        let (w, h) = self.inner.get_size();
        (
            (f64::from(w) / self.ratio).round() as u32,
            (f64::from(h) / self.ratio).round() as u32,
        )
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let (x0, y0) = self.point(point);
        let (x1, y1) = self.point((point.0 + 1, point.1 + 1));
        self.inner.draw_rect((x0, y0), (x1, y1), &color, true)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let (from, to) = (self.point(from), self.point(to));
        self.inner.draw_line(
            from,
            to,
            &ScaledStyle {
                inner: style,
                ratio: self.ratio,
            },
        )
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let (a, b) = (self.point(upper_left), self.point(bottom_right));
        self.inner.draw_rect(
            a,
            b,
            &ScaledStyle {
                inner: style,
                ratio: self.ratio,
            },
            fill,
        )
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let points: Vec<BackendCoord> = path.into_iter().map(|p| self.point(p)).collect();
        self.inner.draw_path(
            points,
            &ScaledStyle {
                inner: style,
                ratio: self.ratio,
            },
        )
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let (center, radius) = (self.point(center), self.length(radius));
        self.inner.draw_circle(
            center,
            radius,
            &ScaledStyle {
                inner: style,
                ratio: self.ratio,
            },
            fill,
        )
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let points: Vec<BackendCoord> = vert.into_iter().map(|p| self.point(p)).collect();
        self.inner.fill_polygon(
            points,
            &ScaledStyle {
                inner: style,
                ratio: self.ratio,
            },
        )
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let pos = self.point(pos);
        self.inner.draw_text(
            text,
            &ScaledText {
                inner: style,
                ratio: self.ratio,
            },
            pos,
        )
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        text: &str,
        style: &TStyle,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let (w, h) = self.inner.estimate_text_size(
            text,
            &ScaledText {
                inner: style,
                ratio: self.ratio,
            },
        )?;
        Ok((
            (f64::from(w) / self.ratio).round() as u32,
            (f64::from(h) / self.ratio).round() as u32,
        ))
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let pos = self.point(pos);
        self.inner.blit_bitmap(pos, size, src)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::prelude::*;

    #[test]
    fn coordinates_strokes_and_fonts_are_multiplied_by_the_ratio() {
        let mut svg = String::new();
        {
            let backend = Scaled::new(SVGBackend::with_string(&mut svg, (200, 100)), 2.0);
            assert_eq!(backend.get_size(), (100, 50));
            let area = backend.into_drawing_area();
            area.draw(&Rectangle::new([(10, 5), (20, 15)], BLACK.filled()))
                .unwrap();
            area.draw(&PathElement::new(
                vec![(0, 40), (50, 40)],
                ShapeStyle::from(&BLACK).stroke_width(2),
            ))
            .unwrap();
            area.draw(&Text::new("Hi", (30, 30), ("sans-serif", 12).into_font()))
                .unwrap();
            area.present().unwrap();
        }
        assert!(
            svg.contains(r#"x="20" y="10" width="20" height="20""#),
            "{svg}"
        );
        assert!(svg.contains(r#"stroke-width="4""#), "{svg}");
        assert!(svg.contains(r#"x="60" y="60""#), "{svg}");
        assert!(
            svg.contains("font-size=\"19.35"),
            "24 px / 1.24 in plotters' SVG: {svg}"
        );
    }

    #[test]
    fn device_sizes_round_and_never_vanish() {
        assert_eq!(device_size(375.0, 200.0, 2.0), (750, 400));
        assert_eq!(device_size(375.0, 200.0, 1.5), (563, 300));
        assert_eq!(device_size(0.0, 0.0, 1.0), (1, 1));
        assert_eq!(device_size(100.0, 100.0, f64::NAN), (100, 100));
    }

    #[test]
    fn an_unusable_pixel_ratio_counts_as_one() {
        assert_eq!(pixel_ratio(2.0), 2.0);
        assert_eq!(pixel_ratio(0.0), 1.0);
        assert_eq!(pixel_ratio(-1.0), 1.0);
        assert_eq!(pixel_ratio(f64::INFINITY), 1.0);
        assert_eq!(pixel_ratio(f64::NAN), 1.0);
    }
}
