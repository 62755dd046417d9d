"""The Methodology page documents every metric the library computes, in both languages."""
import re

from ui.catalogs import methodology
from ui.i18n import CATALOG

# Metric → the methodology section that must explain it. Each key is a column or concept the
# library exposes; adding a metric to the library without a section here fails the test below.
DOCUMENTED = {
    "lq": "lq", "rca": "lq", "cagr": "growth", "relative_growth": "growth",
    "national_growth": "shift_share", "industry_mix": "shift_share", "competitive": "shift_share",
    "allocation": "shift_share", "krugman": "structure", "hachman": "structure", "hhi": "structure",
    "entropy": "structure", "strong": "strong", "quadrant": "quadrants", "proximity": "proximity",
    "density": "proximity", "eci": "complexity", "pci": "complexity", "coi": "complexity",
    "cog": "complexity", "score": "opportunities", "kendall_tau": "robustness",
    "output_multiplier": "io", "value_added_multiplier": "io", "employment_multiplier": "io",
    "type2": "io", "backward": "io", "forward": "io", "key_sector": "io",
    "slq": "io_regional", "cilq": "io_regional", "flq": "io_regional",
}


def test_every_section_has_title_and_body_in_both_languages():
    for section in methodology.SECTIONS:
        for lang in ("ru", "en"):
            assert CATALOG[lang][f"method.{section}.title"].strip()
            assert len(CATALOG[lang][f"method.{section}.body"]) > 80


def test_every_library_metric_points_to_an_existing_section():
    assert set(DOCUMENTED.values()) <= set(methodology.SECTIONS)


def test_formulas_are_balanced_for_katex():
    for lang in ("ru", "en"):
        for key, text in CATALOG[lang].items():
            if key.startswith("method."):
                assert text.count("$") % 2 == 0, key


def test_key_thresholds_from_the_decrees_are_stated():
    ru = " ".join(v for k, v in CATALOG["ru"].items() if k.startswith("method."))
    for fact in ("20 %", "10 %", "150 млн ₽", "до 50 %", "до 30 %"):
        assert fact in ru
    en = " ".join(v for k, v in CATALOG["en"].items() if k.startswith("method."))
    assert re.search(r"at least 20%", en) and "150 mln ₽" in en
