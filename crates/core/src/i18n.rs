//! The message catalogue: every string the app shows, in Vietnamese and English.
//!
//! One enum lists the messages; two exhaustive `match`es give their text, so a message missing
//! in either language fails to compile. Messages with values use `{name}` placeholders, filled
//! by [`fill`]. Vietnamese is the default language.

use serde::{Deserialize, Serialize};

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Tiếng Việt (default).
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Both languages, default first.
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// The BCP 47 tag, for `<html lang>` and the URL.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// Parses a tag such as `vi`, `en`, `en-GB`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language (for a two-way switch).
    pub fn other(self) -> Lang {
        match self {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        }
    }
}

/// English month names for dates.
pub fn month_name_en(month: u8) -> &'static str {
    const NAMES: [&str; 12] = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ];
    NAMES.get(usize::from(month).wrapping_sub(1)).copied().unwrap_or("?")
}

/// Replaces `{name}` placeholders in a catalogue text.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let key = &after[..close];
                match values.iter().find(|(k, _)| *k == key) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(key);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

macro_rules! catalogue {
    ($( $(#[$doc:meta])* $name:ident => $vi:expr, $en:expr; )*) => {
        /// A message of the interface.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg {
            $( $(#[$doc])* $name, )*
        }

        impl Msg {
            /// Every message, for completeness checks.
            pub const ALL: &'static [Msg] = &[$(Msg::$name,)*];

            /// The message's text in a language.
            pub fn text(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::Vi => match self { $(Msg::$name => $vi,)* },
                    Lang::En => match self { $(Msg::$name => $en,)* },
                }
            }
        }
    };
}

catalogue! {
    /// The product name.
    AppName => "Bản đồ Nông thôn mới", "New Rural Development Atlas";
    /// The tagline under the title.
    AppTagline => "Tiến độ xây dựng nông thôn mới của từng xã, qua từng năm và qua cuộc sắp xếp đơn vị hành chính 2025",
        "How each commune progresses through Vietnam's New Rural Development programme, year by year and across the 2025 administrative reform";
    /// Loading state.
    Loading => "Đang tải dữ liệu…", "Loading data…";
    /// Loading the map shapes.
    LoadingMap => "Đang tải bản đồ…", "Loading the map…";
    /// Heading of the error panel.
    ErrorTitle => "Không tải được dữ liệu", "The data could not be loaded";
    /// Retry button.
    Retry => "Thử lại", "Try again";
    /// Retry countdown.
    RetryIn => "Tự thử lại sau {s} giây", "Retrying in {s} s";
    /// Copy error details.
    CopyDetails => "Sao chép chi tiết lỗi", "Copy error details";
    /// Confirmation after copying.
    Copied => "Đã sao chép", "Copied";
    /// Reload the page.
    Reload => "Tải lại trang", "Reload the page";
    /// Panic panel title.
    CrashTitle => "Ứng dụng gặp lỗi và đã dừng", "The app hit an error and stopped";
    /// Panic panel text.
    CrashText => "Xin lỗi. Hãy tải lại trang; nếu lỗi lặp lại, hãy gửi chi tiết lỗi cho đơn vị quản lý trang.",
        "Sorry. Please reload the page; if it happens again, send the error details to the site's maintainers.";
    /// Network error: server answered with an HTTP error status.
    ErrHttpStatus => "Máy chủ trả lời lỗi {status} khi tải {url}.", "The server answered {status} for {url}.";
    /// Network error: not found.
    ErrNotFound => "Không tìm thấy tệp dữ liệu {url} (lỗi 404). Có thể trang chưa được cài đặt đầy đủ.",
        "The data file {url} was not found (404). The site may be incompletely installed.";
    /// Network error: no connection.
    ErrOffline => "Không có kết nối mạng. Hãy kiểm tra mạng rồi thử lại.", "No network connection. Check the connection and try again.";
    /// Network error: other.
    ErrNetwork => "Lỗi mạng khi tải {url}: {detail}", "Network error loading {url}: {detail}";
    /// Network error: timeout.
    ErrTimeout => "Máy chủ không trả lời sau {s} giây ({url}).", "The server did not answer within {s} s ({url}).";
    /// Received HTML instead of data.
    ErrHtmlInsteadOfJson => "Máy chủ trả về một trang web thay vì tệp dữ liệu ({url}). Đường dẫn dữ liệu có thể sai.",
        "The server sent a web page instead of the data file ({url}). The data path may be wrong.";
    /// Wrong content type.
    ErrContentType => "Tệp dữ liệu có kiểu nội dung không đúng: {found} (cần application/json).",
        "The data file has the wrong content type: {found} (expected application/json).";
    /// Truncated or invalid JSON.
    ErrJson => "Tệp dữ liệu bị hỏng hoặc không đầy đủ ở dòng {line}, cột {column}: {detail}",
        "The data file is damaged or incomplete at line {line}, column {column}: {detail}";
    /// Schema: the dataset is newer than the app.
    ErrSchemaNewer => "Bộ dữ liệu này dùng định dạng phiên bản {found}, cần phiên bản ứng dụng mới hơn (ứng dụng đọc được đến phiên bản {supported}).",
        "This dataset uses format version {found} and needs a newer app (this app reads up to version {supported}).";
    /// Schema: older and unsupported.
    ErrSchemaOlder => "Bộ dữ liệu dùng định dạng cũ phiên bản {found}, không còn được hỗ trợ: {detail}",
        "The dataset uses the old format version {found}, which is no longer supported: {detail}";
    /// Schema version missing.
    ErrSchemaMissing => "Tệp không có số phiên bản định dạng (trường \"schema\"); đây có thể không phải tệp dữ liệu NTM Atlas.",
        "The file has no format version (field \"schema\"); it may not be an NTM Atlas dataset.";
    /// Dataset too large.
    ErrTooLarge => "Tệp dữ liệu quá lớn ({size}); giới hạn là {limit}.", "The data file is too large ({size}); the limit is {limit}.";
    /// Dataset failed validation.
    ErrInvalid => "Bộ dữ liệu có {n} lỗi; các phần còn lại vẫn được hiển thị.", "The dataset has {n} errors; what is still usable is shown.";
    /// Geometry failed while stats loaded.
    ErrMapUnavailable => "Không hiển thị được bản đồ: {detail}. Bảng và biểu đồ vẫn dùng được.",
        "The map cannot be shown: {detail}. The table and charts still work.";
    /// Switch language.
    SwitchLanguage => "English", "Tiếng Việt";
    /// Accessible label of the language switch.
    LanguageLabel => "Chuyển sang tiếng Anh", "Switch to Vietnamese";
    /// Data as of.
    DataAsOf => "Số liệu đến {date}", "Data as of {date}";
    /// Headline: communes at standard.
    HeadStandard => "xã đạt chuẩn NTM", "communes at the NTM standard";
    /// Headline: advanced.
    HeadAdvanced => "xã NTM nâng cao", "advanced NTM communes";
    /// Headline: model.
    HeadModel => "xã NTM kiểu mẫu", "model NTM communes";
    /// Headline: not yet.
    HeadNotYet => "xã chưa đạt chuẩn", "communes not yet at the standard";
    /// Headline: average criteria.
    HeadAvgCriteria => "tiêu chí đạt bình quân mỗi xã", "criteria met per commune on average";
    /// Headline: model villages.
    HeadModelVillages => "thôn NTM kiểu mẫu", "model villages";
    /// "of N communes".
    OfCommunes => "trên tổng số {total} xã", "of {total} communes";
    /// Summary region label.
    SummaryLabel => "Tóm tắt số liệu", "Summary figures";
    /// Tier names.
    TierNotYet => "Chưa đạt chuẩn", "Not yet at standard";
    /// Standard.
    TierStandard => "Đạt chuẩn NTM", "NTM standard";
    /// Advanced.
    TierAdvanced => "NTM nâng cao", "Advanced NTM";
    /// Model.
    TierModel => "NTM kiểu mẫu", "Model NTM";
    /// Model village.
    TierModelVillage => "Thôn NTM kiểu mẫu", "Model village";
    /// No data.
    TierNoData => "Chưa có dữ liệu", "No data";
    /// Not re-assessed after the merger.
    TierNotReassessed => "Chưa xét lại sau sáp nhập", "Not re-assessed since the merger";
    /// Not applicable (wards, townships).
    TierNotApplicable => "Phường, thị trấn (không xét)", "Ward or township (not assessed)";
    /// Published figure badge.
    Published => "Số liệu công bố", "Published figure";
    /// From commune records.
    FromRecords => "Tính từ hồ sơ từng xã", "Computed from commune records";
    /// Illustrative badge.
    Illustrative => "Minh họa", "Illustrative";
    /// Sourced badge.
    Sourced => "Có nguồn", "Sourced";
    /// Synthetic badge.
    Synthetic => "Dữ liệu tổng hợp (thử nghiệm)", "Synthetic (benchmark)";
    /// Source label.
    SourceLabel => "Nguồn", "Source";
    /// Validation: duplicate id.
    ProbDuplicateId => "mã “{id}” bị trùng (đã dùng ở bản ghi số {first})", "id “{id}” is used twice (first at record {first})";
    /// Validation: unknown unit.
    ProbUnknownUnit => "không có đơn vị hành chính mã “{id}” trong danh sách đơn vị", "no administrative unit “{id}” in the unit list";
    /// Validation: unknown source.
    ProbUnknownSource => "không có nguồn “{id}” trong danh sách nguồn", "no source “{id}” in the source list";
    /// Validation: unknown criteria set.
    ProbUnknownSet => "không có bộ tiêu chí “{id}”", "no criteria set “{id}”";
    /// Validation: no provenance.
    ProbNoProvenance => "thiếu nguồn: cần ghi mã nguồn hoặc đánh dấu “minh họa”", "no provenance: give a source id or mark the record illustrative";
    /// Validation: conflicting provenance.
    ProbConflictingProvenance => "vừa có nguồn vừa đánh dấu minh họa/tổng hợp; chỉ chọn một", "has both a source and an illustrative/synthetic flag; choose one";
    /// Validation: inverted period.
    ProbInvertedPeriod => "ngày bắt đầu {from} sau ngày kết thúc {to}", "starts on {from}, after it ends on {to}";
    /// Validation: overlapping period.
    ProbOverlappingPeriod => "trùng mã và trùng thời gian hiệu lực với đơn vị “{other}”", "has the same code as “{other}” at the same time";
    /// Validation: successor overlaps.
    ProbSuccessorOverlaps => "đơn vị kế thừa “{successor}” bắt đầu trước khi đơn vị này kết thúc", "its successor “{successor}” starts before this unit ends";
    /// Validation: wrong parent level.
    ProbWrongParentLevel => "đơn vị cấp trên “{parent}” không phải cấp huyện hoặc tỉnh", "the parent “{parent}” is not at a higher level";
    /// Validation: outside validity.
    ProbOutsideValidity => "ngày {date} nằm ngoài thời gian tồn tại của đơn vị", "the date {date} is outside the unit's lifetime";
    /// Validation: tier order.
    ProbTierOrder => "công nhận “{tier}” khi chưa có công nhận “{needs}” trước đó", "recognised “{tier}” without an earlier “{needs}” recognition";
    /// Validation: inherited tier.
    ProbInheritedTier => "xã mới (từ 1/7/2025) không được mang công nhận năm {year} của xã cũ; cần quyết định công nhận riêng", "a commune created on 1/7/2025 cannot carry a {year} recognition of the old communes; it needs its own decision";
    /// Validation: not a commune.
    ProbNotACommune => "bộ tiêu chí xã chỉ áp dụng cho xã, không cho {kind}", "the commune criteria apply to xã only, not to a {kind}";
    /// Validation: criteria mismatch.
    ProbCriteriaMismatch => "có {given} ô tiêu chí nhưng bộ tiêu chí có {expected} tiêu chí", "has {given} criteria marks but the set has {expected} criteria";
    /// Validation: bad mark.
    ProbBadCriterionMark => "tiêu chí {n}: ký hiệu “{found}” không hợp lệ (dùng 1 = đạt, 0 = chưa đạt, - = chưa đánh giá)", "criterion {n}: mark “{found}” is not valid (use 1 = met, 0 = not met, - = not assessed)";
    /// Validation: criterion number.
    ProbCriterionNumber => "số thứ tự tiêu chí {n}, cần {expected}", "criterion number {n}, expected {expected}";
    /// Validation: unknown group.
    ProbUnknownGroup => "nhóm tiêu chí “{group}” không có trong bộ", "criteria group “{group}” is not in the set";
    /// Validation: set not in force.
    ProbSetNotInForce => "bộ tiêu chí “{set}” không áp dụng cho năm {year}", "criteria set “{set}” does not apply to {year}";
    /// Validation: recognised with unmet criteria.
    ProbRecognisedUnmet => "được công nhận đạt chuẩn nhưng đánh giá gần nhất chỉ đạt {met}/{of} tiêu chí", "recognised at the standard but the latest assessment shows {met}/{of} criteria met";
    /// Validation: year out of range.
    ProbYearOutOfRange => "năm {year} nằm ngoài khoảng {min}–{max}", "year {year} is outside {min}–{max}";
    /// Validation: percent out of range.
    ProbPercentOutOfRange => "tỷ lệ {value} % nằm ngoài khoảng 0–100", "percentage {value} is outside 0–100";
    /// Validation: bad number.
    ProbBadNumber => "giá trị {value} không hợp lệ", "value {value} is not valid";
    /// Validation: bad centroid.
    ProbBadCentroid => "tọa độ tâm ({lat}, {lon}) nằm ngoài Việt Nam", "centroid ({lat}, {lon}) is outside Vietnam";
    /// Validation: empty.
    ProbEmpty => "trường bắt buộc bị bỏ trống", "a required field is empty";
    /// Validation: control characters.
    ProbControlCharacters => "tên có ký tự điều khiển hoặc ký tự đổi chiều văn bản", "the name contains control or text-direction characters";
    /// Validation: geometry for unknown unit.
    ProbGeometryUnknownUnit => "có hình ranh giới cho mã “{id}” nhưng không có đơn vị này", "a boundary shape for “{id}”, which is not a unit of the dataset";
    /// Validation: missing geometry.
    ProbMissingGeometry => "đơn vị “{id}” không có hình ranh giới", "unit “{id}” has no boundary shape";
    /// Validation: empty geometry.
    ProbEmptyGeometry => "hình ranh giới rỗng hoặc có ít hơn 3 điểm", "the boundary shape is empty or has fewer than 3 points";
    /// Validation: bad coordinate.
    ProbBadCoordinate => "tọa độ không hợp lệ: {detail}", "invalid coordinate: {detail}";
    /// Footer note about illustrative data.
    IllustrativeNote => "Bộ dữ liệu mẫu: số liệu có dấu \"Minh họa\" là giả định, khớp với các tổng số đã công bố; số liệu có nguồn dẫn theo nguồn.",
        "Demo dataset: figures marked \"Illustrative\" are made up to match the published totals; sourced figures cite their source.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_text_in_both_languages() {
        for msg in Msg::ALL {
            for lang in Lang::ALL {
                assert!(!msg.text(lang).trim().is_empty(), "{msg:?} is empty in {lang:?}");
            }
        }
    }

    #[test]
    fn placeholders_match_between_languages() {
        fn keys(t: &str) -> Vec<&str> {
            let mut k: Vec<&str> =
                t.split('{').skip(1).filter_map(|s| s.split_once('}').map(|p| p.0)).collect();
            k.sort_unstable();
            k
        }
        for msg in Msg::ALL {
            assert_eq!(keys(msg.text(Lang::Vi)), keys(msg.text(Lang::En)), "{msg:?}");
        }
    }

    #[test]
    fn fills_placeholders_and_keeps_unknown_ones() {
        assert_eq!(fill("{a} of {b}", &[("a", "1"), ("b", "2")]), "1 of 2");
        assert_eq!(fill("{x} {", &[]), "{x} {");
    }

    #[test]
    fn parses_language_tags() {
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("VI"), Some(Lang::Vi));
        assert_eq!(Lang::from_tag("fr"), None);
    }
}
