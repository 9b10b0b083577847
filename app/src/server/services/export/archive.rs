//! A ZIP archive of a few files, deflated: the export's JSON and HTML. Written here (a hundred
//! lines on flate2 and crc32fast, already in the build) rather than with a general ZIP library:
//! Coopol only ever writes two small files. No ZIP64: an export stays far below 4 GiB.

use std::io::Write;

/// Builds the archive of `files` (name, content), stamped with `now_ms`.
pub fn zip(files: &[(&str, &[u8])], now_ms: i64) -> std::io::Result<Vec<u8>> {
    let (time, date) = dos_time(now_ms);
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, content) in files {
        let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(content)?;
        let compressed = encoder.finish()?;
        let crc = crc32fast::hash(content);
        let offset = u32::try_from(out.len()).map_err(too_large)?;
        let sizes = [u32::try_from(compressed.len()).map_err(too_large)?, u32::try_from(content.len()).map_err(too_large)?];
        let name_len = u16::try_from(name.len()).map_err(too_large)?;
        // Local file header: version 2.0, UTF-8 names (bit 11), deflate (8).
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        for v in [20u16, 0x0800, 8, time, date] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, sizes[0], sizes[1]] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&name_len.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&compressed);
        // Its entry in the central directory.
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        for v in [20u16, 20, 0x0800, 8, time, date] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, sizes[0], sizes[1]] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        for v in [name_len, 0, 0, 0, 0] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        central.extend_from_slice(&0u32.to_le_bytes());
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let count = u16::try_from(files.len()).map_err(too_large)?;
    let central_offset = u32::try_from(out.len()).map_err(too_large)?;
    let central_size = u32::try_from(central.len()).map_err(too_large)?;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    for v in [0u16, 0, count, count] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&central_size.to_le_bytes());
    out.extend_from_slice(&central_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    Ok(out)
}

fn too_large<E>(_: E) -> std::io::Error {
    std::io::Error::other("archive too large for a ZIP without ZIP64")
}

/// MS-DOS time and date (UTC, two-second precision), as ZIP headers want them.
fn dos_time(now_ms: i64) -> (u16, u16) {
    let t = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(now_ms) * 1_000_000).unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    let clock = (u16::from(t.hour()) << 11) | (u16::from(t.minute()) << 5) | (u16::from(t.second()) / 2);
    let year = u16::try_from(t.year().clamp(1980, 2107) - 1980).unwrap_or(0);
    let date = (year << 9) | (u16::from(u8::from(t.month())) << 5) | u16::from(t.day());
    (clock, date)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Python's zipfile, an independent reader, opens it and finds both files intact.
    #[test]
    fn python_reads_it_back() {
        let json = "{\"é\": \"données\"}".repeat(50);
        let archive = zip(&[("donnees.json", json.as_bytes()), ("donnees.html", b"<p>bonjour</p>")], 1_795_514_400_000).expect("zip");
        let path = std::env::temp_dir().join(format!("coopol-zip-{}.zip", std::process::id()));
        std::fs::write(&path, &archive).expect("write");
        let script = "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\n\
                      print(z.read('donnees.json').decode()); print(z.read('donnees.html').decode()); print(z.getinfo('donnees.json').date_time)";
        let output = std::process::Command::new("python3").arg("-c").arg(script).arg(&path).output().expect("python3");
        std::fs::remove_file(&path).ok();
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        assert!(text.starts_with(&json) && text.contains("<p>bonjour</p>") && text.contains("(2026, 11, 24,"), "{text}");
    }
}
