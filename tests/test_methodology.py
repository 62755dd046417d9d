"""The Methodology page documents every metric the library computes, in both languages."""

import re

import pytest

from ui.core.i18n import CATALOG
from ui.texts import methodology

# Metric → the methodology section that must explain it. Each key is a column or concept the
# library exposes; adding a metric to the library without a section here fails the test below.
DOCUMENTED = {
    "lq": "lq",
    "rca": "lq",
    "cagr": "growth",
    "relative_growth": "growth",
    "national_growth": "shift_share",
    "industry_mix": "shift_share",
    "competitive": "shift_share",
    "allocation": "shift_share",
    "krugman": "structure",
    "hachman": "structure",
    "hhi": "structure",
    "entropy": "structure",
    "strong": "strong",
    "quadrant": "quadrants",
    "proximity": "proximity",
    "density": "proximity",
    "eci": "complexity",
    "pci": "complexity",
    "coi": "complexity",
    "cog": "complexity",
    "score": "opportunities",
    "kendall_tau": "robustness",
    "output_multiplier": "io",
    "value_added_multiplier": "io",
    "employment_multiplier": "io",
    "type2": "io",
    "backward": "io",
    "forward": "io",
    "key_sector": "io",
    "slq": "io_regional",
    "cilq": "io_regional",
    "flq": "io_regional",
    "similarity": "peers",
    "io_coefficient": "roadmap",
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
    for fact in ("20\u00a0%", "10\u00a0%", "150 млн ₽", "до 50\u00a0%", "до 30\u00a0%"):
        assert fact in ru
    en = " ".join(v for k, v in CATALOG["en"].items() if k.startswith("method."))
    assert re.search(r"at least 20%", en) and "150 mln ₽" in en


# --- the text against the code -------------------------------------------------------------------------------


def _resolve(path: str):
    """A dotted path → the object: the longest importable module, then attributes, dict keys or a
    dataclass field's default; a SourcedValue gives its value. Raises LookupError when absent."""
    import dataclasses
    import importlib

    from analytics.models.rules import SourcedValue

    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        rest = parts[cut:]
        break
    else:
        raise LookupError(path)
    for part in rest:
        if isinstance(obj, dict) and part in obj:
            obj = obj[part]
        elif dataclasses.is_dataclass(obj) and isinstance(obj, type) and part in obj.__dataclass_fields__:
            field = obj.__dataclass_fields__[part]
            obj = field.default_factory() if field.default is dataclasses.MISSING else field.default
        elif hasattr(obj, part):
            obj = getattr(obj, part)
        else:
            raise LookupError(path)
    return obj.value if isinstance(obj, SourcedValue) else obj


def test_every_section_that_describes_code_names_existing_functions():
    assert set(methodology.DESCRIBES) <= set(methodology.SECTIONS)
    for section, describes in methodology.DESCRIBES.items():
        assert describes.functions, section
        for name in describes.functions:
            assert callable(_resolve(name)), (section, name)


@pytest.mark.parametrize(
    "section, quote",
    [(s, q) for s, d in methodology.DESCRIBES.items() for q in d.quotes],
    ids=lambda v: v if isinstance(v, str) else v.constant.rsplit(".", 1)[-1],
)
def test_constants_quoted_in_the_text_equal_the_code(section, quote):
    # the words are in the text, in both languages …
    assert quote.ru in CATALOG["ru"][f"method.{section}.body"], (section, quote.ru)
    assert quote.en in CATALOG["en"][f"method.{section}.body"], (section, quote.en)
    # … and the value they state is the code's value: change one without the other and this fails
    try:
        actual = _resolve(quote.constant)
    except LookupError:
        if quote.pending:
            pytest.skip(f"{quote.constant} arrives with the {quote.pending} branch")
        raise
    assert actual == pytest.approx(quote.value) if isinstance(quote.value, float) else actual == quote.value


def test_a_changed_threshold_would_fail(monkeypatch):
    from analytics.models import rules

    quote = next(
        q for q in methodology.DESCRIBES["registry"].quotes if q.constant.endswith("FUNCTIONAL_DEPENDENCE_MIN")
    )
    monkeypatch.setattr(
        rules, "FUNCTIONAL_DEPENDENCE_MIN", rules.SourcedValue(0.25, "share", rules.DECREE_779, "x", None, "confirmed")
    )
    assert _resolve(quote.constant) != quote.value


def test_the_registry_section_cites_every_rule_the_code_checks():
    from analytics.models import registry

    ru = CATALOG["ru"]["method.registry.body"]
    # one numbered item per group of rules; every rule id's clause is named in rules.DECREE_779_CLAUSES
    from analytics.models import rules

    assert all(registry.RULE_SOURCES[r].clause in rules.DECREE_779_CLAUSES for r in registry.RULE_IDS)
    for phrase in (
        "Договоры (подп. «а»)",
        "организующие производство",
        "функциональной зависимости",
        "Пониженный уровень",
        "Состав",
    ):
        assert phrase in ru


def test_the_page_shows_the_code_each_section_describes(app_db):
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=60).run()
    at.switch_page("app_pages/methodology.py").run()
    assert not at.exception, [e.value for e in at.exception]
    captions = [c.value for c in at.caption]
    assert (
        CATALOG["ru"]["method.code"].format(
            functions="`analytics.models.registry.evaluate`, `analytics.models.registry.registry_check`"
        )
        in captions
    )
