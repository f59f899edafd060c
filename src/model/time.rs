//! Timestamps as the records keep them: UTC, RFC 3339, whole seconds.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A UTC instant, written as `2026-11-28T10:07:00Z`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time(jiff::Timestamp);

impl Time {
    /// Wraps a timestamp, dropping sub-second precision so records stay short.
    pub fn new(ts: jiff::Timestamp) -> Self {
        Time(jiff::Timestamp::from_second(ts.as_second()).unwrap_or(ts))
    }

    /// The instant.
    pub fn timestamp(&self) -> jiff::Timestamp {
        self.0
    }

    /// The calendar date, `YYYY-MM-DD`, in UTC.
    pub fn date(&self) -> String {
        let t = self.utc();
        if (0..=9999).contains(&t.year()) {
            let mut buf = [0; 19];
            write_digits(&mut buf, &t);
            buf[..10].iter().map(|b| char::from(*b)).collect()
        } else {
            self.0.strftime("%Y-%m-%d").to_string()
        }
    }

    fn utc(&self) -> jiff::civil::DateTime {
        jiff::tz::Offset::UTC.to_datetime(self.0)
    }
}

impl fmt::Display for Time {
    // Written digit by digit rather than through `strftime`, which parses
    // its format every time, or `write!` with padding: a report formats
    // every history entry's time twice.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = self.utc();
        if !(0..=9999).contains(&t.year()) {
            return write!(f, "{}", self.0.strftime("%Y-%m-%dT%H:%M:%SZ"));
        }
        let mut buf = [0; 20];
        write_digits(&mut buf, &t);
        buf[19] = b'Z';
        f.write_str(std::str::from_utf8(&buf).map_err(|_| fmt::Error)?)
    }
}

/// Writes `YYYY-MM-DDTHH:MM:SS` of a time whose year is 0–9999 into the
/// first 19 bytes of `buf`.
fn write_digits(buf: &mut [u8], t: &jiff::civil::DateTime) {
    let fields = [
        (0, 4, i64::from(t.year())),
        (5, 2, i64::from(t.month())),
        (8, 2, i64::from(t.day())),
        (11, 2, i64::from(t.hour())),
        (14, 2, i64::from(t.minute())),
        (17, 2, i64::from(t.second())),
    ];
    for (at, width, mut value) in fields {
        for place in buf[at..at + width].iter_mut().rev() {
            *place = b'0' + (value % 10) as u8;
            value /= 10;
        }
    }
    for (at, mark) in [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')] {
        buf[at] = mark;
    }
}

impl FromStr for Time {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse::<jiff::Timestamp>().map(Time::new).map_err(|e| {
            format!("`{s}` is not an RFC 3339 time such as 2026-11-28T10:07:00Z ({e})")
        })
    }
}

impl Serialize for Time {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Time {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::parse_str(d, str::parse)
    }
}

/// A calendar date, written as `2024-10-07` (a page's publication date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(jiff::civil::Date);

impl Day {
    pub fn new(date: jiff::civil::Date) -> Self {
        Day(date)
    }

    pub fn date(&self) -> jiff::civil::Date {
        self.0
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.strftime("%Y-%m-%d"))
    }
}

impl FromStr for Day {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let ok = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
        match s.parse::<jiff::civil::Date>() {
            Ok(d) if ok => Ok(Day(d)),
            Ok(_) => Err(format!("`{s}` is not a date such as 2024-10-07")),
            Err(e) => Err(format!("`{s}` is not a date such as 2024-10-07 ({e})")),
        }
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::parse_str(d, str::parse)
    }
}

#[cfg(test)]
mod format_tests {
    use super::*;

    #[test]
    fn times_are_written_as_strftime_writes_them() {
        for second in [
            0,
            1,
            59,
            86_399,
            1_764_324_420,
            4_102_444_799,
            -1,
            -62_135_596_800,
        ] {
            let ts = jiff::Timestamp::from_second(second).unwrap();
            let t = Time::new(ts);
            assert_eq!(t.to_string(), ts.strftime("%Y-%m-%dT%H:%M:%SZ").to_string());
            assert_eq!(t.date(), ts.strftime("%Y-%m-%d").to_string());
        }
    }

    #[test]
    fn every_field_is_padded_to_its_width_with_zeros() {
        for text in [
            "2026-11-28T10:07:00Z",
            "0001-01-01T00:00:00Z",
            "0999-02-03T04:05:06Z",
            "9999-11-30T23:59:59Z",
            "1970-01-01T00:00:00Z",
        ] {
            let time: Time = text.parse().unwrap();
            assert_eq!(time.to_string(), text);
            assert_eq!(
                time.to_string(),
                time.0.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
            );
            assert_eq!(time.date(), text[..10]);
        }
    }
}
