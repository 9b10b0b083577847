//! Pictures made for tests (unit, contract, HTTP and the end-to-end fixtures): what phones and
//! attackers send.
#![allow(clippy::expect_used)]

/// A `width`×`height` JPEG whose EXIF says "rotate 90° clockwise to view" (orientation 6) and
/// "taken at 50°37′ N" (a GPS IFD): what a phone sends. The served copies must be upright and
/// carry neither.
pub fn jpeg_with_gps(width: u32, height: u32) -> Vec<u8> {
    use image::codecs::jpeg::JpegEncoder;
    let rgb =
        image::RgbImage::from_fn(width, height, |x, y| image::Rgb([(x * 255 / width.max(1)) as u8, (y * 255 / height.max(1)) as u8, 120]));
    let mut plain = Vec::new();
    JpegEncoder::new_with_quality(&mut plain, 85).encode_image(&rgb).expect("encode a test JPEG");
    // TIFF, little-endian: IFD0 (orientation, GPS pointer) at 8, the GPS IFD at 38, its latitude at 68.
    let mut tiff: Vec<u8> = b"II\x2a\x00\x08\x00\x00\x00".to_vec();
    let entry = |tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        let mut e = tag.to_le_bytes().to_vec();
        e.extend(kind.to_le_bytes());
        e.extend(count.to_le_bytes());
        e.extend(value);
        e
    };
    tiff.extend(2u16.to_le_bytes());
    tiff.extend(entry(0x0112, 3, 1, [6, 0, 0, 0]));
    tiff.extend(entry(0x8825, 4, 1, 38u32.to_le_bytes()));
    tiff.extend(0u32.to_le_bytes());
    tiff.extend(2u16.to_le_bytes());
    tiff.extend(entry(0x0001, 2, 2, *b"N\0\0\0"));
    tiff.extend(entry(0x0002, 5, 3, 68u32.to_le_bytes()));
    tiff.extend(0u32.to_le_bytes());
    for (num, den) in [(50u32, 1u32), (37, 1), (0, 1)] {
        tiff.extend(num.to_le_bytes());
        tiff.extend(den.to_le_bytes());
    }
    let mut app1 = vec![0xFF, 0xE1];
    app1.extend(((2 + 6 + tiff.len()) as u16).to_be_bytes());
    app1.extend(b"Exif\0\0");
    app1.extend(tiff);
    let mut jpeg = plain[..2].to_vec();
    jpeg.extend(app1);
    jpeg.extend(&plain[2..]);
    jpeg
}

/// A PNG whose header claims `width`×`height` pixels, with almost no data: a decompression bomb's
/// first bytes. A decoder that believed it would allocate width × height × 4 bytes.
pub fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let chunk = |kind: &[u8; 4], data: &[u8]| {
        let mut c = (data.len() as u32).to_be_bytes().to_vec();
        c.extend(kind);
        c.extend(data);
        let mut crc = crc32fast::Hasher::new();
        crc.update(kind);
        crc.update(data);
        c.extend(crc.finalize().to_be_bytes());
        c
    };
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 6, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(chunk(b"IHDR", &ihdr));
    png.extend(chunk(b"IDAT", &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]));
    png.extend(chunk(b"IEND", &[]));
    png
}

/// A plain `width`×`height` PNG (with transparency: laid on white once stored).
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let rgba = image::RgbaImage::from_fn(width, height, |x, y| {
        image::Rgba([200, (x % 256) as u8, (y % 256) as u8, if x < width / 2 { 255 } else { 0 }])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgba8(rgba).write_to(&mut out, image::ImageFormat::Png).expect("encode a test PNG");
    out.into_inner()
}

/// A one-page PDF saying `text` (built by hand, with a correct cross-reference table).
pub fn pdf(text: &str) -> Vec<u8> {
    pdf_with_catalog_extra(text, "")
}

/// A PDF that runs JavaScript when opened: the toolbox refuses it.
pub fn pdf_with_script() -> Vec<u8> {
    pdf_with_catalog_extra("Ouvre-moi", " /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>")
}

fn pdf_with_catalog_extra(text: &str, catalog_extra: &str) -> Vec<u8> {
    // Latin-1 text in a literal string (the standard fonts' encoding is close enough for tests).
    let escaped: String =
        text.chars().filter(|c| c.is_ascii()).map(|c| if "()\\".contains(c) { format!("\\{c}") } else { c.to_string() }).collect();
    let content = format!("BT /F1 24 Tf 72 720 Td ({escaped}) Tj ET");
    let objects = [
        format!("<< /Type /Catalog /Pages 2 0 R{catalog_extra} >>"),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend(format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes());
    out
}
