//! A picture sent by someone, made safe to show: its type read from its bytes (JPEG, PNG or WebP,
//! whatever its name or declared type say), decoded within limits (no decompression bomb), turned
//! upright, then drawn again from its pixels at a few widths, in WebP and in JPEG. Nothing of the
//! original file is kept: its metadata (EXIF, GPS position, camera, XMP, ICC comments) cannot
//! survive, because the stored files are encoded from pixels alone.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader, Limits, RgbImage};

use crate::model::form::FieldError;

pub use crate::model::media::MAX_PICTURE_BYTES;
/// Widest (or tallest) side accepted, in pixels.
pub const MAX_SIDE_PX: u32 = 12_000;
/// Most pixels accepted in all (a 48-megapixel phone photo passes).
pub const MAX_PIXELS: u64 = 50_000_000;
/// Memory the decoder may take for one picture (50 Mpx RGBA is 200 MB).
const MAX_DECODE_BYTES: u64 = 256 * 1024 * 1024;
/// The widths pictures are stored at (never wider than the original).
pub const WIDTHS: [u32; 3] = [480, 960, 1600];
/// An avatar's widths: a card's 40 px and a profile's 160 px, on screens of density 1 to 3.
pub const AVATAR_WIDTHS: [u32; 3] = [96, 192, 480];
const WEBP_QUALITY: f32 = 75.0;
const JPEG_QUALITY: u8 = 80;
/// A toolbox picture is meant to be printed: less compression.
const FULL_SIZE_JPEG_QUALITY: u8 = 90;

/// One stored width, in both encodings.
pub struct Variant {
    pub width: u32,
    pub height: u32,
    pub webp: Vec<u8>,
    pub jpeg: Vec<u8>,
}

/// A picture ready to store.
pub struct Processed {
    /// Upright size of the original.
    pub width: u32,
    pub height: u32,
    /// `#rrggbb`, the average colour.
    pub colour: String,
    /// Ascending widths.
    pub variants: Vec<Variant>,
}

impl Processed {
    /// Bytes stored in all (for quotas).
    pub fn stored_bytes(&self) -> u64 {
        self.variants.iter().map(|v| (v.webp.len() + v.jpeg.len()) as u64).sum()
    }
}

/// What a picture is for, which says how it is cut and the widths it is stored at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A publication's photo: kept whole.
    Photo,
    /// A person's avatar: a centred square.
    Avatar,
    /// A section's or a group's banner: a centred band three times as wide as high.
    Banner,
}

impl Shape {
    fn widths(self) -> &'static [u32] {
        match self {
            Shape::Photo | Shape::Banner => &WIDTHS,
            Shape::Avatar => &AVATAR_WIDTHS,
        }
    }

    /// Width and height of the cut, in proportion (none: the picture is kept whole).
    fn ratio(self) -> Option<(u32, u32)> {
        match self {
            Shape::Photo => None,
            Shape::Avatar => Some((1, 1)),
            Shape::Banner => Some((3, 1)),
        }
    }
}

/// Reads, checks and re-encodes one photo. CPU-bound: call it through `MediaStore::process`
/// (the bounded worker pool), never on the async runtime.
pub fn process(bytes: &[u8]) -> Result<Processed, FieldError> {
    process_as(bytes, Shape::Photo)
}

/// `process` for a picture of any shape: cut to the shape's proportion (centred), then stored at
/// the shape's widths.
pub fn process_as(bytes: &[u8], shape: Shape) -> Result<Processed, FieldError> {
    if bytes.len() > MAX_PICTURE_BYTES {
        return Err(FieldError::FileTooLarge { max_mb: (MAX_PICTURE_BYTES / (1024 * 1024)) as u64 });
    }
    let (upright, _) = decode(bytes)?;
    let upright = match shape.ratio() {
        Some(ratio) => centred_cut(upright, ratio),
        None => upright,
    };
    let (width, height) = (upright.width(), upright.height());
    let mut variants = Vec::new();
    // From the widest to the narrowest, each resized from the one before (fast and sharp enough).
    let mut source = upright;
    let wanted = shape.widths();
    let mut widths: Vec<u32> = wanted.iter().copied().filter(|w| *w < width).collect();
    if widths.len() < wanted.len() {
        widths.push(width);
    }
    for &w in widths.iter().rev() {
        let h = scaled_height(width, height, w);
        let resized = if w == source.width() { source } else { source.resize_exact(w, h, FilterType::Triangle) };
        let rgb = flattened(&resized);
        variants.push(Variant { width: w, height: h, webp: encode_webp(&rgb)?, jpeg: encode_jpeg(&rgb)? });
        source = resized;
    }
    variants.reverse();
    // `source` is now the narrowest variant: cheap to average.
    let colour = average_colour(&flattened(&source));
    Ok(Processed { width, height, colour, variants })
}

/// A picture of the toolbox (an affiche to print): kept at its full size, but drawn again from
/// its pixels like a photo, so no metadata survives. A PNG stays a PNG (flat colours and
/// transparency stay sharp), anything else becomes a JPEG of high quality. Answers the file and
/// whether it is a PNG. CPU-bound: through `MediaStore::process`.
pub fn full_size(bytes: &[u8]) -> Result<(Vec<u8>, bool), FieldError> {
    let (upright, format) = decode(bytes)?;
    let mut out = Vec::new();
    if format == ImageFormat::Png {
        upright.write_to(&mut Cursor::new(&mut out), ImageFormat::Png).map_err(|_| FieldError::DamagedPicture)?;
        Ok((out, true))
    } else {
        JpegEncoder::new_with_quality(&mut out, FULL_SIZE_JPEG_QUALITY)
            .encode_image(&flattened(&upright))
            .map_err(|_| FieldError::DamagedPicture)?;
        Ok((out, false))
    }
}

/// Whether these bytes sign as a picture format the decoder knows (the toolbox refuses a PDF
/// that is one too: a polyglot).
pub fn looks_like_picture(bytes: &[u8]) -> bool {
    image::guess_format(bytes).is_ok()
}

/// The upright picture and its format, or why it is refused.
fn decode(bytes: &[u8]) -> Result<(DynamicImage, ImageFormat), FieldError> {
    let reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format().map_err(|_| FieldError::DamagedPicture)?;
    // The type from the bytes' signature only; SVG, HTML, GIF, HEIC… are refused here.
    if !matches!(reader.format(), Some(ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)) {
        return Err(FieldError::NotAPicture);
    }
    // The JPEG decoder fills a cut file's missing lines with grey rather than failing.
    if reader.format() == Some(ImageFormat::Jpeg) && !jpeg_is_complete(bytes) {
        return Err(FieldError::DamagedPicture);
    }
    let reader_format = reader.format().unwrap_or(ImageFormat::Jpeg);
    let mut reader = reader;
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE_PX);
    limits.max_image_height = Some(MAX_SIDE_PX);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let too_large = FieldError::ImageTooLarge { max_px: MAX_SIDE_PX };
    let mut decoder = reader.into_decoder().map_err(|e| refusal(e, &too_large))?;
    let (w, h) = decoder.dimensions();
    if w == 0 || h == 0 {
        return Err(FieldError::DamagedPicture);
    }
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(FieldError::TooManyPixels { max_mpx: MAX_PIXELS / 1_000_000 });
    }
    let format = reader_format;
    let orientation = decoder.orientation().map_err(|e| refusal(e, &too_large))?;
    let mut picture = DynamicImage::from_decoder(decoder).map_err(|e| refusal(e, &too_large))?;
    picture.apply_orientation(orientation);
    Ok((picture, format))
}

/// Whether a JPEG's image data reaches its end marker: the segments are walked (an EXIF
/// thumbnail inside APP1 is skipped with its segment) to the first scan, after which an
/// end-of-image marker must follow (entropy-coded data cannot contain one: 0xFF is escaped).
fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let mut at = 2;
    while at + 4 <= bytes.len() {
        if bytes[at] != 0xFF {
            return false;
        }
        let marker = bytes[at + 1];
        if marker == 0xFF {
            at += 1;
            continue;
        }
        let length = usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
        if marker == 0xDA {
            let scan = at + 2 + length;
            return bytes.get(scan..).is_some_and(|rest| rest.windows(2).any(|w| w == [0xFF, 0xD9]));
        }
        at += 2 + length;
    }
    false
}

fn refusal(error: ImageError, too_large: &FieldError) -> FieldError {
    match error {
        ImageError::Limits(_) => too_large.clone(),
        ImageError::Unsupported(_) => FieldError::NotAPicture,
        _ => FieldError::DamagedPicture,
    }
}

/// The largest centred part of `picture` in the proportion `(w, h)`.
fn centred_cut(picture: DynamicImage, (rw, rh): (u32, u32)) -> DynamicImage {
    let (w, h) = (u64::from(picture.width()), u64::from(picture.height()));
    let (rw, rh) = (u64::from(rw), u64::from(rh));
    let (cut_w, cut_h) = if w * rh > h * rw { ((h * rw / rh).max(1), h) } else { (w, (w * rh / rw).max(1)) };
    if (cut_w, cut_h) == (w, h) {
        return picture;
    }
    let (x, y) = ((w - cut_w) / 2, (h - cut_h) / 2);
    picture.crop_imm(x as u32, y as u32, cut_w as u32, cut_h as u32)
}

fn scaled_height(width: u32, height: u32, to_width: u32) -> u32 {
    (((u64::from(height) * u64::from(to_width) + u64::from(width) / 2) / u64::from(width)) as u32).max(1)
}

/// RGB pixels; transparency is laid on white (a logo on a transparent background stays legible).
fn flattened(picture: &DynamicImage) -> RgbImage {
    if !picture.color().has_alpha() {
        return picture.to_rgb8();
    }
    let rgba = picture.to_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over_white = |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        image::Rgb([over_white(r), over_white(g), over_white(b)])
    })
}

fn encode_webp(rgb: &RgbImage) -> Result<Vec<u8>, FieldError> {
    let encoder = webp::Encoder::from_rgb(rgb.as_raw(), rgb.width(), rgb.height());
    encoder.encode_simple(false, WEBP_QUALITY).map(|m| m.to_vec()).map_err(|_| FieldError::DamagedPicture)
}

fn encode_jpeg(rgb: &RgbImage) -> Result<Vec<u8>, FieldError> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY).encode_image(rgb).map_err(|_| FieldError::DamagedPicture)?;
    Ok(out)
}

fn average_colour(rgb: &RgbImage) -> String {
    let (mut r, mut g, mut b) = (0u64, 0u64, 0u64);
    for p in rgb.pixels() {
        r += u64::from(p.0[0]);
        g += u64::from(p.0[1]);
        b += u64::from(p.0[2]);
    }
    let n = u64::from(rgb.width()) * u64::from(rgb.height());
    let n = n.max(1);
    format!("#{:02x}{:02x}{:02x}", r / n, g / n, b / n)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let rgb = RgbImage::from_fn(width, height, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 90]));
        encode_jpeg(&rgb).unwrap()
    }

    #[test]
    fn a_photo_is_stored_at_each_width_below_its_own() {
        let p = process(&jpeg(1200, 900)).expect("processed");
        assert_eq!((p.width, p.height), (1200, 900));
        let widths: Vec<(u32, u32)> = p.variants.iter().map(|v| (v.width, v.height)).collect();
        assert_eq!(widths, vec![(480, 360), (960, 720), (1200, 900)]);
        assert!(p.variants.iter().all(|v| v.webp.starts_with(b"RIFF") && v.jpeg.starts_with(&[0xFF, 0xD8])));
        assert!(p.colour.starts_with('#') && p.colour.len() == 7);
    }

    #[test]
    fn a_small_picture_keeps_its_own_width_only() {
        let p = process(&jpeg(300, 200)).expect("processed");
        assert_eq!(p.variants.iter().map(|v| v.width).collect::<Vec<_>>(), vec![300]);
    }

    #[test]
    fn html_named_like_a_photo_is_refused() {
        assert_eq!(process(b"<!doctype html><script>alert(1)</script>").err(), Some(FieldError::NotAPicture));
        assert_eq!(process(b"<svg xmlns='http://www.w3.org/2000/svg'/>").err(), Some(FieldError::NotAPicture));
    }

    #[test]
    fn a_phone_photo_is_turned_upright_and_keeps_no_metadata() {
        let p = process(&crate::server::testing_images::jpeg_with_gps(400, 300)).expect("processed");
        // Orientation 6: the 400×300 sensor image is a 300×400 portrait.
        assert_eq!((p.width, p.height), (300, 400));
        for v in &p.variants {
            for file in [&v.webp, &v.jpeg] {
                assert!(!file.windows(4).any(|w| w == b"Exif"), "an Exif block survived");
                assert!(!file.windows(8).any(|w| w == [50, 0, 0, 0, 1, 0, 0, 0]), "the latitude survived");
            }
        }
    }

    #[test]
    fn a_picture_claiming_a_huge_size_is_refused_before_decoding() {
        let bomb = crate::server::testing_images::png_claiming(100_000, 100_000);
        assert_eq!(process(&bomb).err(), Some(FieldError::ImageTooLarge { max_px: MAX_SIDE_PX }));
        let wide = crate::server::testing_images::png_claiming(10_000, 10_000);
        assert_eq!(process(&wide).err(), Some(FieldError::TooManyPixels { max_mpx: 50 }), "100 Mpx: over the pixel budget");
    }

    #[test]
    fn a_toolbox_picture_keeps_its_size_and_loses_its_metadata() {
        let (jpeg_file, png) = full_size(&crate::server::testing_images::jpeg_with_gps(400, 300)).expect("re-encoded");
        assert!(!png && jpeg_file.starts_with(&[0xFF, 0xD8]));
        assert!(!jpeg_file.windows(4).any(|w| w == b"Exif"));
        let decoded = image::load_from_memory(&jpeg_file).expect("decodes");
        assert_eq!((decoded.width(), decoded.height()), (300, 400));
        let (png_file, png) = full_size(&crate::server::testing_images::png(64, 32)).expect("re-encoded");
        assert!(png && png_file.starts_with(b"\x89PNG"));
        assert!(looks_like_picture(&png_file) && !looks_like_picture(b"%PDF-1.4"));
    }

    #[test]
    fn avatars_are_square_and_banners_three_times_as_wide() {
        let avatar = process_as(&jpeg(1200, 900), Shape::Avatar).expect("processed");
        assert_eq!((avatar.width, avatar.height), (900, 900));
        assert_eq!(avatar.variants.iter().map(|v| (v.width, v.height)).collect::<Vec<_>>(), vec![(96, 96), (192, 192), (480, 480)]);
        let banner = process_as(&jpeg(1200, 900), Shape::Banner).expect("processed");
        assert_eq!((banner.width, banner.height), (1200, 400));
        let narrow = process_as(&jpeg(300, 50), Shape::Banner).expect("processed");
        assert_eq!((narrow.width, narrow.height), (150, 50), "too wide: cut on the sides");
    }

    #[test]
    fn a_truncated_jpeg_is_damaged() {
        let whole = jpeg(800, 600);
        assert_eq!(process(&whole[..whole.len() / 2]).err(), Some(FieldError::DamagedPicture));
    }
}
