"""Demo records (stub, first version: units only)."""


def generate(units, units_by_id, reg):
    from regen import csv_text
    return {
        "dataset.csv": csv_text(["key", "value"], [
            ["id", "ntm-demo"], ["version", "2026.11.22"],
            ["title_vi", "Nông thôn mới: Lạng Sơn và Bắc Giang (dữ liệu mẫu)"],
            ["title_en", "New Rural Development: Lạng Sơn and Bắc Giang (demo data)"],
            ["as_of", "2026-06-30"], ["first_year", "2016"], ["last_year", "2026"],
        ]),
        "sources.csv": csv_text(["id", "title", "publisher", "date", "url", "file"], [
            ["vietnamadminunits", "vietnamadminunits 1.0.4 (dataset.db, converter_2025.json)", "PyPI", "", "https://pypi.org/project/vietnamadminunits/1.0.4/", ""],
        ]),
    }
