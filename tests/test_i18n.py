"""Translation catalogs: same keys in both languages, every key used in the code exists."""

import re
from pathlib import Path

import pytest

from ui.core.i18n import CATALOG, LANGS, t

ROOT = Path(__file__).resolve().parent.parent


def test_both_languages_have_the_same_keys():
    assert set(CATALOG["ru"]) == set(CATALOG["en"])


def test_placeholders_match_between_languages():
    for key in CATALOG["ru"]:
        if key.startswith("method."):  # Markdown with LaTeX braces, never formatted with values
            continue
        ru = set(re.findall(r"{(\w+)}", CATALOG["ru"][key]))
        en = set(re.findall(r"{(\w+)}", CATALOG["en"][key]))
        assert ru == en, key


def test_every_literal_key_used_in_the_code_exists():
    used = set()
    for path in [
        ROOT / "app.py",
        *ROOT.glob("app_pages/*.py"),
        *ROOT.glob("ui/**/*.py"),
        *ROOT.glob("analytics/**/*.py"),
    ]:
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+(?:\.[a-z_]+)+)["']""", path.read_text(encoding="utf-8")))
    assert used, "no translation keys found: the pattern is broken"
    missing = sorted(k for k in used if k not in CATALOG["ru"])
    assert not missing


def test_russian_is_the_default_and_english_differs():
    assert t("app.title") == "Кластерный навигатор"
    assert t("app.title", "en") == "Cluster Navigator"
    assert t("home.title", "en", region="Kaluga Oblast") == "Kaluga Oblast: industry in figures"


@pytest.mark.parametrize("lang", LANGS)
def test_no_empty_strings(lang):
    assert all(text.strip() for text in CATALOG[lang].values())


def test_every_page_catalog_has_the_same_keys_in_both_languages():
    import importlib
    import pkgutil

    from ui import texts as catalogs

    modules = [importlib.import_module(f"ui.texts.{m.name}") for m in pkgutil.iter_modules(catalogs.__path__)]
    assert modules
    for module in modules:
        assert set(module.RU) == set(module.EN), module.__name__
