//! Europe/Paris calendar arithmetic, without a time-zone database: the party's calendar is
//! France's (CET, CEST from the last Sunday of March to the last Sunday of October, 01:00 UTC).
//! Services and the UI both use it; the UI's wording of dates stays in `i18n`.

/// `2026-11-28T10:00` (the value of an `<input type="datetime-local">`) read as Europe/Paris
/// time, to UTC milliseconds. In the autumn's repeated hour, the first (summer) one.
pub fn parse_paris_datetime(raw: &str) -> Option<i64> {
    let raw = raw.trim();
    let (date, time) = raw.split_once('T').or_else(|| raw.split_once(' '))?;
    let mut d = date.split('-');
    let (y, mo, da) = (d.next()?.parse::<i64>().ok()?, d.next()?.parse::<u32>().ok()?, d.next()?.parse::<u32>().ok()?);
    let mut t = time.split(':');
    let (h, mi) = (t.next()?.parse::<i64>().ok()?, t.next()?.parse::<i64>().ok()?);
    if d.next().is_some()
        || !(1..=12).contains(&mo)
        || !(1..=31).contains(&da)
        || !(0..24).contains(&h)
        || !(0..60).contains(&mi)
        || !(1900..=9999).contains(&y)
    {
        return None;
    }
    let local = days_from_civil(y, mo, da) * 86_400_000 + (h * 60 + mi) * 60_000;
    if civil_date(local) != (y, mo, da) {
        return None; // 31 February and the like
    }
    let hour = 3_600_000;
    [2 * hour, hour].into_iter().map(|offset| local - offset).find(|&utc| paris_local_ms(utc) == local).or(Some(local - hour))
}

/// The inverse of `parse_paris_datetime`, to prefill a form.
pub fn paris_datetime_input(epoch_ms: i64) -> String {
    let local = paris_local_ms(epoch_ms);
    let (y, mo, d) = civil_date(local);
    let minutes = local.rem_euclid(86_400_000) / 60_000;
    format!("{y:04}-{mo:02}-{d:02}T{:02}:{:02}", minutes / 60, minutes % 60)
}

/// The Europe/Paris (year, month) of a time: the buckets of monthly statistics.
pub fn paris_year_month(epoch_ms: i64) -> (i64, u32) {
    let (y, m, _) = civil_date(paris_local_ms(epoch_ms));
    (y, m)
}

/// UTC milliseconds of the first instant of a Europe/Paris month.
pub fn paris_month_start(year: i64, month: u32) -> i64 {
    parse_paris_day(&format!("{year:04}-{month:02}-01")).unwrap_or(0)
}

/// The Europe/Paris calendar day of a time.
pub fn paris_civil_day(epoch_ms: i64) -> (i64, u32, u32) {
    civil_date(paris_local_ms(epoch_ms))
}

/// The day `n` days after (before, when negative) a calendar day.
pub fn civil_add_days((y, m, d): (i64, u32, u32), n: i64) -> (i64, u32, u32) {
    civil_date((days_from_civil(y, m, d) + n) * 86_400_000)
}

/// 0 for Monday … 6 for Sunday (French calendars start on Monday).
pub fn civil_weekday((y, m, d): (i64, u32, u32)) -> i64 {
    (days_from_civil(y, m, d) + 3).rem_euclid(7) // 1970-01-01 was a Thursday
}

/// `YYYY-MM-DD` of a calendar day.
pub fn civil_iso((y, m, d): (i64, u32, u32)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// UTC milliseconds of midnight, Europe/Paris, of `YYYY-MM-DD`.
pub fn parse_paris_day(raw: &str) -> Option<i64> {
    parse_paris_datetime(&format!("{}T00:00", raw.trim()))
}

/// Europe/Paris offset: CET (+1) with CEST (+2) from the last Sunday of March 01:00 UTC to the
/// last Sunday of October 01:00 UTC.
pub fn paris_local_ms(epoch_ms: i64) -> i64 {
    let hour = 3_600_000;
    let (year, _, _) = civil_date(epoch_ms);
    let last_sunday = |month: u32, days: u32| {
        let last = days_from_civil(year, month, days);
        let weekday = (last + 4).rem_euclid(7); // 0 = Sunday (1970-01-01 was a Thursday)
        (last - weekday) * 86_400_000 + hour
    };
    let summer = epoch_ms >= last_sunday(3, 31) && epoch_ms < last_sunday(10, 31);
    epoch_ms + if summer { 2 * hour } else { hour }
}

pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// (year, month 1–12, day 1–31) of a UTC millisecond timestamp (Howard Hinnant's algorithm).
pub fn civil_date(epoch_ms: i64) -> (i64, u32, u32) {
    let z = epoch_ms.div_euclid(86_400_000) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}
