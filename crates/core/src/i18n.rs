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
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES
        .get(usize::from(month).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
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
    /// CLI: label before a warning line.
    CliWarning => "cảnh báo", "warning";
    /// CLI: the file is not UTF-8 and was read as Windows-1258.
    CliEncodingWindows1258 => "tệp không phải UTF-8; đã đọc theo bảng mã Windows-1258 (tiếng Việt). Hãy kiểm tra dấu tiếng Việt, và lưu lại bằng “CSV UTF-8” trong Excel",
        "the file is not UTF-8; it was read as Windows-1258 (Vietnamese). Check the diacritics, and save it again as “CSV UTF-8” from Excel";
    /// CLI: the file is UTF-16 (Excel's "Unicode Text").
    CliEncodingUtf16 => "tệp mã hóa UTF-16 ({order}); đã chuyển sang UTF-8", "the file is UTF-16 ({order}); it was converted to UTF-8";
    /// CLI: the bytes are neither UTF-8 nor decodable.
    CliEncodingBroken => "tệp có byte không đọc được ở vị trí {offset}; cần lưu bằng “CSV UTF-8”", "the file has unreadable bytes at offset {offset}; save it as “CSV UTF-8”";
    /// CLI: a delimiter other than the comma.
    CliDelimiter => "các cột được phân cách bằng {found} thay vì dấu phẩy; đã đọc theo {found}", "columns are separated by {found} instead of commas; read with {found}";
    /// CLI: a column the tool does not know.
    CliUnknownColumn => "cột “{column}” không được dùng và bị bỏ qua (các cột của tệp này: {known})", "column “{column}” is not used and was ignored (this file's columns: {known})";
    /// CLI: a column given twice.
    CliDuplicateColumn => "cột “{column}” có hai lần; chỉ dùng cột đầu tiên", "column “{column}” appears twice; only the first is used";
    /// CLI: required columns missing.
    CliMissingColumns => "thiếu cột bắt buộc: {columns} (dòng tiêu đề có: {found})", "required columns missing: {columns} (the header has: {found})";
    /// CLI: an empty required cell.
    CliEmptyCell => "ô trống; cần {expected}", "empty cell; expected {expected}";
    /// CLI: an empty cell under a filled one, typical of merged cells.
    CliMergedCell => "ô trống — có thể do ô gộp (merged cell) trong Excel: dòng trên có “{above}”. Hãy bỏ gộp ô và điền giá trị vào từng dòng; cần {expected}",
        "empty cell — probably a merged cell in Excel: the row above has “{above}”. Unmerge the cells and fill every row; expected {expected}";
    /// CLI: a value that cannot be read.
    CliBadValue => "giá trị “{found}” không hợp lệ; cần {expected}", "“{found}” is not valid; expected {expected}";
    /// CLI: a unit code not found at all.
    CliUnknownCode => "không có đơn vị nào mã “{code}” trong units.csv", "no unit with code “{code}” in units.csv";
    /// CLI: a unit code not valid on the record's date.
    CliCodeNotOnDate => "mã “{code}” không có đơn vị nào có hiệu lực ngày {date}; các đơn vị mang mã này: {units}", "no unit with code “{code}” is in force on {date}; units with this code: {units}";
    /// CLI: the name column does not match the unit.
    CliNameMismatch => "tên “{found}” không khớp với đơn vị mã {code} ngày {date} (“{expected}”)", "the name “{found}” does not match unit {code} on {date} (“{expected}”)";
    /// CLI: a code used twice in units.csv.
    CliDuplicateCode => "mã “{code}” đã có ở dòng {line} với cùng thời gian hiệu lực", "code “{code}” is already on line {line} with the same validity";
    /// CLI: a row repeated.
    CliDuplicateRow => "dòng này trùng với dòng {line}", "this row repeats line {line}";
    /// CLI: a key repeated in dataset.csv.
    CliDuplicateKey => "khóa “{key}” đã có ở dòng {line}", "key “{key}” is already on line {line}";
    /// CLI: an unknown key in dataset.csv.
    CliUnknownKey => "khóa “{key}” không được dùng (các khóa: {known})", "key “{key}” is not used (keys: {known})";
    /// CLI: a required key missing in dataset.csv.
    CliMissingKey => "thiếu khóa bắt buộc “{key}”", "required key “{key}” is missing";
    /// CLI: a required file missing.
    CliMissingFile => "thiếu tệp bắt buộc {file} trong thư mục {dir}", "required file {file} is missing from {dir}";
    /// CLI: a file that cannot be read.
    CliReadError => "không đọc được tệp: {detail}", "the file cannot be read: {detail}";
    /// CLI: a CSV syntax error.
    CliCsvSyntax => "lỗi cú pháp CSV: {detail}", "CSV syntax error: {detail}";
    /// CLI: a code whose length gives no level.
    CliCodeLength => "mã “{found}” có {n} chữ số; cần 2 chữ số (tỉnh), 3 (huyện) hoặc 5 (xã, phường, thị trấn)", "code “{found}” has {n} digits; expected 2 (province), 3 (district) or 5 (commune, ward, township)";
    /// CLI: a name without the kind prefix of its level.
    CliNamePrefix => "tên “{found}” không bắt đầu bằng loại đơn vị {level}; cần {expected}", "the name “{found}” does not start with a kind of {level}; expected {expected}";
    /// CLI: a mark for a criterion the set does not have.
    CliMarkOutOfSet => "tiêu chí {n} không có trong bộ {set} ({count} tiêu chí), nhưng ô có “{found}”", "criterion {n} is not in set {set} ({count} criteria), but the cell has “{found}”";
    /// CLI: a duplicate record for the same unit and date.
    CliDuplicateRecord => "đã có bản ghi cho đơn vị này cùng ngày ở dòng {line}", "there is already a record for this unit on the same day at line {line}";
    /// CLI: nothing written because of errors.
    CliNotWritten => "không ghi {path} vì có {n} lỗi", "{path} was not written: {n} errors";
    /// CLI: file written.
    CliWrote => "đã ghi {path} ({size}; {units} đơn vị, {records} bản ghi)", "wrote {path} ({size}; {units} units, {records} records)";
    /// CLI: totals after validation.
    CliTotals => "{errors} lỗi, {warnings} cảnh báo", "{errors} errors, {warnings} warnings";
    /// CLI: progress, reading a file.
    CliReading => "đang đọc {file}…", "reading {file}…";
    /// CLI: export, geometry file missing.
    CliNoGeometry => "không có tệp hình {file}; bỏ qua GeoJSON thời kỳ {era}", "no geometry file {file}; skipping the {era} GeoJSON";
    /// CLI: export, file written.
    CliExported => "đã xuất {path} ({n} dòng)", "exported {path} ({n} rows)";
    /// CLI: location label for the built-in criteria sets.
    CliBuiltIn => "bộ tiêu chí có sẵn", "built-in criteria sets";
    /// CLI: a CSV file the tool does not read.
    CliUnknownFile => "tệp này không được dùng và bị bỏ qua (các tệp dùng được: {known})", "this file is not used and was ignored (files read: {known})";
    /// CLI: a code that lost its leading zero in Excel.
    CliCodeLeadingZero => "mã “{found}” có 4 chữ số — có thể Excel đã bỏ số 0 ở đầu; đã hiểu là “{code}”. Hãy định dạng cột mã là Văn bản (Text)", "code “{found}” has 4 digits — Excel probably dropped the leading zero; read as “{code}”. Format the code column as Text";
    /// Expected: the provenance of flags.
    ExpFlagSource => "để trống (cờ lấy theo nguồn của đơn vị) hoặc “minh họa” (illustrative)", "blank (the flags share the unit's source) or “illustrative” (minh họa)";
    /// Expected: the source of a unit.
    ExpUnitSource => "mã nguồn trong sources.csv (đơn vị hành chính không thể là minh họa)", "a source id from sources.csv (administrative units cannot be illustrative)";
    /// Expected: a year.
    ExpYear => "năm gồm 4 chữ số, ví dụ 2019", "a four-digit year, e.g. 2019";
    /// Expected: a date.
    ExpDate => "ngày dạng 2025-06-30 hoặc 30/06/2025", "a date such as 2025-06-30 or 30/06/2025";
    /// Expected: a number.
    ExpNumber => "một số, ví dụ 15,21 hoặc 15.21", "a number such as 15.21 or 15,21";
    /// Expected: a whole number.
    ExpCount => "một số nguyên không âm, ví dụ 175", "a whole number such as 175";
    /// Expected: a tier.
    ExpTier => "đạt chuẩn, nâng cao, kiểu mẫu hoặc thôn kiểu mẫu (standard, advanced, model, model_village)", "standard, advanced, model or model_village (đạt chuẩn, nâng cao, kiểu mẫu, thôn kiểu mẫu)";
    /// Expected: a criterion mark.
    ExpMark => "1 (đạt), 0 (chưa đạt), hoặc x / để trống (chưa đánh giá hoặc không rõ)", "1 (met), 0 (not met), or x / blank (not assessed or not known)";
    /// Expected: a succession relation.
    ExpRelation => "whole (toàn bộ) hoặc part (một phần)", "whole or part (toàn bộ, một phần)";
    /// Expected: an indicator kind.
    ExpIndicatorKind => "mục tiêu (target) hoặc công bố (reported)", "target or reported (mục tiêu, công bố)";
    /// Expected: a metric.
    ExpMetric => "một trong: {list}", "one of: {list}";
    /// Expected: a GSO code.
    ExpCode => "mã GSO gồm 2, 3 hoặc 5 chữ số", "a GSO code of 2, 3 or 5 digits";
    /// Expected: an official name.
    ExpOfficialName => "tên chính thức có loại đơn vị, ví dụ “Xã Tú Mịch”, “Huyện Lục Nam”, “Tỉnh Lạng Sơn”", "an official name with its kind, e.g. “Xã Tú Mịch”, “Huyện Lục Nam”, “Tỉnh Lạng Sơn”";
    /// Expected: a source or the illustrative word.
    ExpSource => "mã nguồn trong sources.csv, hoặc “minh họa” (illustrative)", "a source id from sources.csv, or “illustrative” (minh họa)";
    /// Expected: a flag.
    ExpFlag => "đặc biệt khó khăn (disadvantaged)", "disadvantaged (đặc biệt khó khăn)";
    /// Expected: a latitude.
    ExpLat => "vĩ độ, ví dụ 21,72", "a latitude such as 21.72";
    /// Expected: a longitude.
    ExpLon => "kinh độ, ví dụ 106,95", "a longitude such as 106.95";
    /// Expected: a criteria set id.
    ExpCriteriaSet => "mã bộ tiêu chí: {list}", "a criteria set id: {list}";
    /// Expected: a text.
    ExpText => "một đoạn chữ", "some text";
    /// Level names for messages.
    LevelProvince => "cấp tỉnh", "province level";
    /// District level.
    LevelDistrict => "cấp huyện", "district level";
    /// Commune level.
    LevelCommune => "cấp xã", "commune level";
    /// Status phrase: standard since a year.
    PhraseStandardSince => "đạt chuẩn NTM năm {year}", "NTM standard since {year}";
    /// Status phrase: advanced since a year.
    PhraseAdvancedSince => "NTM nâng cao năm {year}", "advanced NTM since {year}";
    /// Status phrase: model since a year.
    PhraseModelSince => "NTM kiểu mẫu năm {year}", "model NTM since {year}";
    /// Status phrase: not yet, with criteria.
    PhraseNotYetCriteria => "chưa đạt chuẩn (đạt {met}/{of} tiêu chí)", "not yet at the standard ({met} of {of} criteria met)";
    /// Status phrase: not applicable.
    PhraseNotApplicable => "phường/thị trấn, không xét NTM", "a ward or township, not assessed for NTM";
    /// Geometry transform invalid.
    ErrGeometryTransform => "tệp ranh giới có hệ tọa độ (transform) không hợp lệ", "the boundary file has an invalid coordinate transform";
    /// Criteria met.
    CriteriaMet => "đạt {met}/{of} tiêu chí", "{met} of {of} criteria met";
    /// Tooltip: approximate boundary.
    ApproxBoundary => "Ranh giới gần đúng", "Approximate boundary";
    /// Map badge: approximate boundaries.
    ApproxBoundaries => "Ranh giới xã là gần đúng (dựng từ tâm xã), không phải ranh giới đo đạc", "Commune boundaries are approximate (drawn from commune centres), not surveyed";
    /// Map accessible label.
    MapLabel => "Bản đồ các xã theo mức đạt nông thôn mới, năm {year}", "Map of communes by New Rural Development tier, {year}";
    /// Map keyboard help.
    MapKeyboardHelp => "Dùng phím mũi tên để đi giữa các xã, Enter để chọn, Esc để bỏ chọn, phím + và − để phóng to, thu nhỏ, phím 0 để về toàn cảnh; gõ tên xã để nhảy tới xã đó.", "Use the arrow keys to move between communes, Enter to select, Esc to clear, + and − to zoom, 0 to reset the view; type a commune's name to jump to it.";
    /// Year control label.
    YearLabel => "Năm", "Year";
    /// Previous year.
    PrevYear => "Năm trước", "Previous year";
    /// Next year.
    NextYear => "Năm sau", "Next year";
    /// Play.
    Play => "Phát qua các năm", "Play through the years";
    /// Pause.
    Pause => "Tạm dừng", "Pause";
    /// Colouring label.
    ColourBy => "Tô màu theo", "Colour by";
    /// Colouring: tier.
    ColourTier => "Mức đạt NTM", "NTM tier";
    /// Colouring: criteria.
    ColourCriteria => "Số tiêu chí đạt", "Criteria met";
    /// Colouring: year.
    ColourYear => "Năm đạt chuẩn", "Year reached the standard";
    /// Scope label.
    ScopeLabel => "Phạm vi", "Area";
    /// Scope: everything.
    ScopeAll => "Toàn bộ dữ liệu", "Everything loaded";
    /// Zoom in.
    ZoomIn => "Phóng to", "Zoom in";
    /// Zoom out.
    ZoomOut => "Thu nhỏ", "Zoom out";
    /// Reset view.
    ResetView => "Về toàn cảnh", "Reset view";
    /// Legend title.
    LegendTitle => "Chú giải", "Legend";
    /// Legend hint.
    LegendHint => "Bấm một mức để làm nổi các xã ở mức đó", "Press a tier to highlight its communes";
    /// Reform notice title.
    ReformTitle => "Sau sắp xếp đơn vị hành chính (từ 1/7/2025)", "After the administrative reform (from 1 July 2025)";
    /// Reform notice text.
    ReformText => "Từ 1/7/2025 không còn cấp huyện và các xã được sáp nhập thành xã mới. Kết quả nông thôn mới của xã cũ không tự chuyển sang xã mới: xã mới phải được đánh giá lại, nên phần lớn xã mới hiển thị “chưa xét lại”. Chọn một xã mới để xem các xã cũ hợp thành và mức đạt cuối cùng của chúng.", "From 1 July 2025 districts no longer exist and communes were merged into new ones. NTM results of the old communes do not carry over: new communes must be re-assessed, so most of them show “not re-assessed”. Select a new commune to see the old communes it was formed from and their last tiers.";
    /// Reform crossing announcement.
    ReformCrossed => "Bản đồ chuyển sang các xã mới sau sắp xếp (từ 1/7/2025).", "The map now shows the new communes after the reform (from 1 July 2025).";
    /// Reform crossing back.
    ReformCrossedBack => "Bản đồ trở về các xã, huyện trước sắp xếp.", "The map shows the communes and districts before the reform again.";
    /// Live region summary.
    LiveSummary => "{year}: {standard} trên {total} xã đạt chuẩn NTM, {advanced} nâng cao, {model} kiểu mẫu.", "{year}: {standard} of {total} communes at the NTM standard, {advanced} advanced, {model} model.";
    /// Year step label: 30/6/2025.
    StepMid2025 => "30/6/2025 (trước sắp xếp)", "30 June 2025 (before the reform)";
    /// Close.
    Close => "Đóng", "Close";
    /// Selected unit details heading.
    DetailHeading => "Thông tin xã", "Commune details";
    /// Tier history.
    TierHistory => "Quá trình đạt chuẩn", "Recognition history";
    /// No recognitions.
    NoRecognitions => "Chưa có quyết định công nhận nào trong dữ liệu.", "No recognition decisions in the data.";
    /// Formed from.
    FormedFrom => "Hình thành từ các xã cũ", "Formed from the old communes";
    /// Became.
    Became => "Từ 1/7/2025 trở thành", "From 1 July 2025 part of";
    /// Last tier before the reform.
    LastTier => "mức cuối cùng: {tier}", "last tier: {tier}";
    /// Part of.
    PartOf => "một phần", "part";
    /// Open profile.
    OpenProfile => "Xem hồ sơ đầy đủ", "Open the full profile";
    /// Decision label.
    Decision => "Quyết định", "Decision";
    /// Navigation label.
    NavLabel => "Các trang", "Pages";
    /// Page: map.
    PageMap => "Bản đồ", "Map";
    /// Page: charts.
    PageCharts => "Biểu đồ", "Charts";
    /// Page: table.
    PageTable => "Bảng", "Table";
    /// Page: profile.
    PageProfile => "Hồ sơ xã", "Commune profile";
    /// Page: about and sources.
    PageAbout => "Giới thiệu và nguồn", "About and sources";
    /// Skip link.
    SkipToContent => "Bỏ qua, tới nội dung chính", "Skip to main content";
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
                assert!(
                    !msg.text(lang).trim().is_empty(),
                    "{msg:?} is empty in {lang:?}"
                );
            }
        }
    }

    #[test]
    fn placeholders_match_between_languages() {
        fn keys(t: &str) -> Vec<&str> {
            let mut k: Vec<&str> = t
                .split('{')
                .skip(1)
                .filter_map(|s| s.split_once('}').map(|p| p.0))
                .collect();
            k.sort_unstable();
            k
        }
        for msg in Msg::ALL {
            assert_eq!(
                keys(msg.text(Lang::Vi)),
                keys(msg.text(Lang::En)),
                "{msg:?}"
            );
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
