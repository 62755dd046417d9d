"""Thresholds and facts from law and from the source article — the one place they live.

Every value is a :class:`SourcedValue`: the value, its unit, the act (decree, number, date), the edition
(amendment) it comes from, the date from which it applies and a status:

- ``confirmed`` — seen in a published source;
- ``to_verify`` — remembered and plausible, not seen in full text. Such values are parameters the user
  sees and may change (the programme-regime editor, the registry check), never hidden literals.

Reference: ``docs/regulations.md`` (the project's summary of the decrees) and the source article of
29.11.2018 (Kaluga strategic session on industrial clusters). Money in millions of roubles (mln ₽),
shares 0–1.

The programme regimes of Decree No. 41 are given as plain mappings of field → :class:`SourcedValue`
(:data:`REGIMES`); :mod:`analytics.models.subsidy` turns them into editable ``ProgrammeRegime`` rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

Status = Literal["confirmed", "to_verify"]
STATUSES: tuple[str, ...] = ("confirmed", "to_verify")


@dataclass(frozen=True)
class SourcedValue:
    """A value with its source, edition, start date and confidence status."""

    value: Any
    unit: str
    source: str
    edition: str
    applies_from: date | None
    status: Status
    note: str = ""
    #: The clause of the act (an id such as ``779:req:a``, see :data:`DECREE_779_CLAUSES`), "" if none.
    clause: str = ""


# --- Acts ------------------------------------------------------------------------------------------

DECREE_779 = "Government Decree No. 779 of 31.07.2015 (requirements for industrial clusters; registry)"
DECREE_41 = (
    "Government Decree No. 41 of 28.01.2016 (subsidies to industrial-cluster participants for joint "
    "projects, import substitution)"
)
ORDER_1995 = "Minpromtorg Order No. 1995 of 17.06.2016 (implementing Decree No. 41)"
DECREE_1119 = "Government Decree No. 1119 of 30.10.2014 (where support moved in 2019)"
LAW_488 = 'Federal Law No. 488-FZ of 31.12.2014 "On industrial policy in the Russian Federation"'
LAW_209 = (
    'Federal Law No. 209-FZ of 24.07.2007 "On the development of small and medium-sized entrepreneurship in '
    'the Russian Federation"'
)
ARTICLE_2018 = (
    'Strategic session "Industrial clusters as a tool to stimulate industrial production", '
    "Kaluga, 29.11.2018 (AIRKO news article; A. Shpilenko, Association of Clusters and Technoparks)"
)

#: Amendments of Decree No. 41 known to the project (docs/regulations.md); numbers where confirmed.
DECREE_41_EDITIONS: tuple[str, ...] = (
    "original, 28.01.2016",
    "No. 1218 of 06.10.2017",
    "amendment of December 2020",
    "No. 564 of 08.04.2021",
    "amendment of December 2022",
)
#: Amendments of Decree No. 779.
DECREE_779_EDITIONS: tuple[str, ...] = (
    "original, 31.07.2015",
    "No. 963 of 26.09.2016",
    "No. 905 of 02.08.2018",
    "No. 1956 of 16.11.2021",
    "No. 2372 of 22.12.2022",
    "No. 1585 of 28.09.2023",
    "No. 413 of 01.04.2024",
)

# --- Federal Law No. 209-FZ: small and medium-sized enterprises ------------------------------------

#: Largest average headcount of a medium enterprise: "from 101 to 250 persons" inclusive (micro up to 15,
#: small up to 100). A firm with more than this many employees is larger than any SME — the anchor rule
#: of :mod:`analytics.models.clusters` (``employees > SME_MAX_EMPLOYEES``). Seen in a published summary
#: citing the clause ("для средних предприятий – 250 человек включительно"); the Government may set
#: higher limits for some industries (not modelled).
SME_MAX_EMPLOYEES = SourcedValue(
    250,
    "persons (average headcount of the preceding calendar year)",
    LAW_209 + ", art. 4 part 1.1 item 2 (a)",
    "as amended by Federal Law No. 156-FZ of 29.06.2015",
    None,
    "confirmed",
    "medium enterprise: 101 to 250 persons inclusive; above 250 a firm is not an SME",
)


# --- Decree No. 779: requirements for the registry -------------------------------------------------

#: The value is confirmed but the sources we hold do not say which amendment introduced it.
EDITION_NOT_RECORDED = "edition not recorded in the sources held"
EDITION_1956 = "No. 1956 of 16.11.2021"

#: Clauses of the "Requirements for industrial clusters" approved by Decree No. 779, as the registry
#: check cites them: id → (Russian label, English label, status of the *position* in the act). Only
#: sub-clause «а» is seen in the published text (the requirements list quoted by regional agencies);
#: for the others the content is confirmed (the 2021 amendment as summarised by ConsultantPlus) but the
#: letter is not, so the label names the subject and says "letter to verify".
DECREE_779_CLAUSES: dict[str, tuple[str, str, Status]] = {
    "779:req:a": ("Требования, подп. «а»", "Requirements, sub-clause «a»", "confirmed"),
    "779:req:organising": (
        "Требования, допущение об участниках, организующих производство (ред. № 1956; буква подпункта не проверена)",
        "Requirements, allowance for participants organising production (ed. No. 1956; letter to verify)",
        "to_verify",
    ),
    "779:req:dependence": (
        "Требования, уровень функциональной зависимости (буква подпункта не проверена)",
        "Requirements, level of functional dependence (letter to verify)",
        "to_verify",
    ),
    "779:req:dependence_relaxed": (
        "Требования, пониженный уровень функциональной зависимости (ред. № 1956; буква подпункта не проверена)",
        "Requirements, relaxed level of functional dependence (ed. No. 1956; letter to verify)",
        "to_verify",
    ),
    "779:req:composition": (
        "Требования, состав участников (буква подпункта не проверена)",
        "Requirements, composition of participants (letter to verify)",
        "to_verify",
    ),
    "779:sopk": (
        "Требования к специализированным организациям промышленных кластеров (пункт не проверен)",
        "Requirements for specialised organisations of industrial clusters (clause to verify)",
        "to_verify",
    ),
}

CONTRACTS_PER_PARTICIPANT_MIN = SourcedValue(
    1,
    "contracts with another participant",
    DECREE_779,
    EDITION_NOT_RECORDED,
    None,
    "confirmed",
    "each participant has at least one contract with another participant (import-substitution project, "
    "supply of cluster products, production works or services) or is a party to a special investment "
    "contract; no participant is exempt",
    clause="779:req:a",
)
FUNCTIONAL_DEPENDENCE_MIN = SourcedValue(
    0.20,
    "share of purchases",
    DECREE_779,
    EDITION_NOT_RECORDED,
    None,
    "confirmed",
    "purchases of final-product participants bought from the cluster's other participants, ≥",
    clause="779:req:dependence",
)
#: How "other participants" reads in the functional-dependence share: ``"others"`` — suppliers that are
#: not themselves final-product participants (the decree's producers of intermediate goods; default);
#: ``"all"`` — every other participant, purchases between final producers (core → core) included,
#: computed beside the default as a sensitivity line. The decree's text of the formula is not held in
#: full, hence to verify.
FUNCTIONAL_DEPENDENCE_SUPPLIERS = SourcedValue(
    "others",
    "reading of the formula",
    DECREE_779,
    EDITION_NOT_RECORDED,
    None,
    "to_verify",
    "purchases of final producers from the cluster's other participants, not from one another",
    clause="779:req:dependence",
)
FUNCTIONAL_DEPENDENCE_MIN_RELAXED = SourcedValue(
    0.10,
    "share of purchases",
    DECREE_779,
    EDITION_1956,
    date(2021, 11, 16),
    "confirmed",
    "when ≥ 30% of participants operate in subjects of the Federation with individual programmes of "
    "socio-economic development, on geostrategic territories or in single-industry towns",
    clause="779:req:dependence_relaxed",
)
RELAXED_TRIGGER_PARTICIPANT_SHARE = SourcedValue(
    0.30,
    "share of participants",
    DECREE_779,
    EDITION_1956,
    date(2021, 11, 16),
    "confirmed",
    clause="779:req:dependence_relaxed",
)
#: Subjects of the Federation with an individual programme of socio-economic development (region codes):
#: the ten programmes approved in 2020 — Adygea 01, Altai Republic 04, Kalmykia 08, Karelia 10, Mari El 12,
#: Tuva 17, Chuvashia 21, Altai Krai 22, Kurgan 45, Pskov 60 (Ministry of Economic Development, as
#: reported in 2020). Later additions (e.g. Khakassia, Kirov oblast were named in a presidential
#: instruction) are not checked: to verify, and editable on the Clusters page.
INDIVIDUAL_PROGRAMME_REGIONS = SourcedValue(
    ("01", "04", "08", "10", "12", "17", "21", "22", "45", "60"),
    "region codes",
    "Individual programmes of socio-economic development of subjects of the Russian Federation (2020)",
    "approved 2020",
    date(2020, 1, 1),
    "to_verify",
    "the ten regions of 2020; later additions not checked",
    clause="779:req:dependence_relaxed",
)
#: Geostrategic territories (Spatial Development Strategy, Government Order No. 207-r of 13.02.2019):
#: the list is not held — empty until the analyst enters region codes.
GEOSTRATEGIC_REGIONS = SourcedValue(
    (),
    "region codes",
    "Spatial Development Strategy of the Russian Federation (Order No. 207-r of 13.02.2019)",
    "original",
    date(2019, 2, 13),
    "to_verify",
    "list not held; enter region codes",
    clause="779:req:dependence_relaxed",
)
#: Single-industry towns (monotowns) are listed by settlement (Government Order No. 1398-r of 29.07.2014):
#: the list is not held — the analyst picks them among the region's municipalities (OKTMO).
MONOTOWN_OKTMO = SourcedValue(
    (),
    "OKTMO codes",
    "List of single-industry municipalities (Government Order No. 1398-r of 29.07.2014)",
    "as amended",
    date(2014, 7, 29),
    "to_verify",
    "list not held; pick the municipalities",
    clause="779:req:dependence_relaxed",
)
#: "Up to 3 participants that did not produce industrial products (or take part in their production)
#: within the cluster in the previous reporting period but are organising such activity within the
#: cluster" (the 2021 amendment, as summarised by ConsultantPlus). Such a participant carries the loaded
#: member flag ``enterprises.organising_production``. No time limit is stated in the sources held (an
#: earlier summary's "must sign contracts within 3 years" had no source and is dropped).
MAX_ORGANISING_PRODUCTION = SourcedValue(
    3,
    "participants",
    DECREE_779,
    EDITION_1956,
    date(2021, 11, 16),
    "confirmed",
    "participants that did not produce within the cluster in the previous period but are organising "
    "production within it, at most",
    clause="779:req:organising",
)
PRE_2021_DECISIONS_VALID_YEARS = SourcedValue(
    5,
    "years",
    DECREE_779,
    EDITION_1956,
    date(2021, 11, 16),
    "confirmed",
)
MIN_INDUSTRIAL_PARTICIPANTS = SourcedValue(
    10,
    "participants",
    DECREE_779,
    EDITION_NOT_RECORDED,
    None,
    "to_verify",
    clause="779:req:composition",
)
MIN_INFRASTRUCTURE_ORGANISATIONS = SourcedValue(
    1,
    "organisations",
    DECREE_779,
    EDITION_NOT_RECORDED,
    None,
    "to_verify",
    clause="779:req:composition",
)
MIN_SPECIALISED_ORGANISATIONS = SourcedValue(
    1,
    "organisations",
    DECREE_779,
    EDITION_NOT_RECORDED,
    None,
    "to_verify",
    "a specialised organisation (SOPK) manages the cluster under a development programme",
    clause="779:sopk",
)

# --- Decree No. 41: joint projects ------------------------------------------------------------------

#: A joint project is an initiator plus at least one other cluster participant.
JOINT_PROJECT_MIN_PARTICIPANTS = SourcedValue(
    2,
    "participants (initiator included)",
    DECREE_41,
    "all editions",
    None,
    "to_verify",
    "initiator plus at least one other cluster participant; minimum not seen in full text",
)

#: Cost categories of ``project_costs.category`` (schema) eligible under the 2016–2022 regimes.
JOINT_PROJECT_COST_CATEGORIES: tuple[str, ...] = (
    "rd",
    "design_docs",
    "ip_licences",
    "engineering",
    "equipment",
    "loan_interest",
    "leasing",
)
ALL_STAGES: tuple[str, ...] = ("rd", "engineering", "pilot", "serial")

#: Editions behind the 2016–2018 and 2019–2022 regimes (docs/regulations.md names no single amendment).
EDITION_2016 = "as in force 2016–2018 (original of 28.01.2016; No. 1218 of 06.10.2017)"
EDITION_2019 = "as applied 2019–2022 (amendments of December 2020 and No. 564 of 08.04.2021)"

REGIMES: dict[str, dict[str, SourcedValue]] = {
    # The regime of the source article: up to 50% of joint-project costs, R&D to serial production.
    "joint_2016": {
        "name_ru": SourcedValue(
            "Совместные проекты, 2016–2018 (до 50\u00a0%)", "", DECREE_41, EDITION_2016, date(2016, 1, 28), "confirmed"
        ),
        "name_en": SourcedValue(
            "Joint projects, 2016–2018 (up to 50%)", "", DECREE_41, EDITION_2016, date(2016, 1, 28), "confirmed"
        ),
        "max_share": SourcedValue(
            0.50,
            "share of eligible costs",
            DECREE_41 + "; " + ARTICLE_2018,
            EDITION_2016,
            date(2016, 1, 28),
            "confirmed",
            '"up to 50% of the costs of joint investment projects" (article)',
        ),
        "eligible_categories": SourcedValue(
            JOINT_PROJECT_COST_CATEGORIES,
            "cost categories",
            DECREE_41,
            EDITION_2016,
            date(2016, 1, 28),
            "to_verify",
            "R&D and design documentation, IP licences, engineering, "
            "industrial equipment, loan interest, leasing (as remembered)",
        ),
        "eligible_stages": SourcedValue(
            ALL_STAGES,
            "project stages",
            ARTICLE_2018,
            EDITION_2016,
            date(2016, 1, 28),
            "confirmed",
            "all stages of the cluster product life cycle, development to serial",
        ),
        "costs_from": SourcedValue(
            None, "date", DECREE_41, EDITION_2016, None, "to_verify", "no cost-date window known"
        ),
        "costs_to": SourcedValue(None, "date", DECREE_41, EDITION_2016, None, "to_verify"),
        "cap_mln_rub": SourcedValue(
            None, "mln ₽", DECREE_41, EDITION_2016, None, "to_verify", "a per-project cap existed; amount unknown"
        ),
        "cap_basis": SourcedValue("project", "", DECREE_41, EDITION_2016, None, "to_verify"),
        "min_participants": JOINT_PROJECT_MIN_PARTICIPANTS,
        "supplier_in_cluster": SourcedValue(
            False, "", DECREE_41, EDITION_2016, None, "confirmed", "no condition on who supplies what"
        ),
        "in_force_from": SourcedValue(
            date(2016, 1, 28), "date", DECREE_41, EDITION_2016, date(2016, 1, 28), "confirmed"
        ),
        "in_force_to": SourcedValue(
            date(2018, 12, 31), "date", DECREE_41, EDITION_2016, None, "to_verify", "new rounds paused in 2019"
        ),
    },
    "joint_2019": {
        "name_ru": SourcedValue(
            "Совместные проекты, 2019–2022 (до 30\u00a0%)", "", DECREE_41, EDITION_2019, date(2019, 1, 1), "confirmed"
        ),
        "name_en": SourcedValue(
            "Joint projects, 2019–2022 (up to 30%)", "", DECREE_41, EDITION_2019, date(2019, 1, 1), "confirmed"
        ),
        "max_share": SourcedValue(
            0.30,
            "share of eligible costs",
            DECREE_41 + "; " + DECREE_1119,
            EDITION_2019,
            date(2019, 1, 1),
            "confirmed",
            'sources cite "up to 30%"; a 2021 round had 1.6 bn ₽ for 2021–2023',
        ),
        "eligible_categories": SourcedValue(
            JOINT_PROJECT_COST_CATEGORIES,
            "cost categories",
            DECREE_41,
            EDITION_2019,
            date(2019, 1, 1),
            "to_verify",
            "as in 2016–2018",
        ),
        "eligible_stages": SourcedValue(
            ALL_STAGES, "project stages", DECREE_41, EDITION_2019, date(2019, 1, 1), "to_verify"
        ),
        "costs_from": SourcedValue(None, "date", DECREE_41, EDITION_2019, None, "to_verify"),
        "costs_to": SourcedValue(None, "date", DECREE_41, EDITION_2019, None, "to_verify"),
        "cap_mln_rub": SourcedValue(None, "mln ₽", DECREE_41, EDITION_2019, None, "to_verify", "cap unknown"),
        "cap_basis": SourcedValue("project", "", DECREE_41, EDITION_2019, None, "to_verify"),
        "min_participants": JOINT_PROJECT_MIN_PARTICIPANTS,
        "supplier_in_cluster": SourcedValue(False, "", DECREE_41, EDITION_2019, None, "to_verify"),
        "in_force_from": SourcedValue(date(2019, 1, 1), "date", DECREE_41, EDITION_2019, date(2019, 1, 1), "confirmed"),
        "in_force_to": SourcedValue(
            date(2022, 12, 31), "date", DECREE_41, "amendment of December 2022", None, "confirmed"
        ),
    },
    "components_2023": {
        "name_ru": SourcedValue(
            "Стартовые партии комплектующих, с 2023 (до 50\u00a0%, 150 млн ₽)",
            "",
            DECREE_41,
            "amendment of December 2022",
            date(2023, 1, 1),
            "confirmed",
        ),
        "name_en": SourcedValue(
            "Starting batches of components, from 2023 (up to 50%, 150 mln ₽)",
            "",
            DECREE_41,
            "amendment of December 2022",
            date(2023, 1, 1),
            "confirmed",
        ),
        "max_share": SourcedValue(
            0.50, "share of eligible costs", DECREE_41, "amendment of December 2022", date(2023, 1, 1), "confirmed"
        ),
        "eligible_categories": SourcedValue(
            ("component_batches",),
            "cost categories",
            DECREE_41,
            "amendment of December 2022",
            date(2023, 1, 1),
            "confirmed",
            "purchases of starting batches of components",
        ),
        "eligible_stages": SourcedValue(
            ALL_STAGES,
            "project stages",
            DECREE_41,
            "amendment of December 2022",
            date(2023, 1, 1),
            "confirmed",
            "no stage condition; the cost category decides",
        ),
        "costs_from": SourcedValue(
            date(2023, 1, 1),
            "date",
            DECREE_41,
            "amendment of December 2022",
            date(2023, 1, 1),
            "confirmed",
            "costs incurred from 01.01.2023",
        ),
        "costs_to": SourcedValue(None, "date", DECREE_41, "amendment of December 2022", None, "confirmed"),
        "cap_mln_rub": SourcedValue(
            150.0, "mln ₽", DECREE_41, "amendment of December 2022", date(2023, 1, 1), "confirmed", "per applicant"
        ),
        "cap_basis": SourcedValue(
            "applicant", "", DECREE_41, "amendment of December 2022", date(2023, 1, 1), "confirmed"
        ),
        "min_participants": JOINT_PROJECT_MIN_PARTICIPANTS,
        "supplier_in_cluster": SourcedValue(
            True,
            "",
            DECREE_41,
            "amendment of December 2022",
            date(2023, 1, 1),
            "confirmed",
            "components produced by other cluster participants",
        ),
        "in_force_from": SourcedValue(
            date(2023, 1, 1), "date", DECREE_41, "amendment of December 2022", date(2023, 1, 1), "confirmed"
        ),
        "in_force_to": SourcedValue(None, "date", DECREE_41, "amendment of December 2022", None, "confirmed"),
    },
}

#: The regime a new scenario starts from (the one in force now).
DEFAULT_REGIME = "components_2023"

# --- National context (the source article, 29.11.2018, and later registry counts) -----------------

REGISTERED_CLUSTERS_2018 = SourcedValue(
    41,
    "clusters on the Minpromtorg registry",
    ARTICLE_2018,
    "—",
    date(2018, 11, 29),
    "confirmed",
)
SUPPORTED_ENTERPRISES_2018 = SourcedValue(
    600,
    "large and medium enterprises that used support (more than)",
    ARTICLE_2018,
    "—",
    date(2018, 11, 29),
    "confirmed",
)
SUPPORTED_JOINT_PROJECTS_2018 = SourcedValue(
    25,
    "joint cluster projects supported in two years (more than)",
    ARTICLE_2018,
    "—",
    date(2018, 11, 29),
    "confirmed",
)
SUPPORTED_PROJECTS_VALUE_MLN_RUB_2018 = SourcedValue(
    6_500.0,
    "mln ₽, total value of the supported joint projects, two years (more than)",
    ARTICLE_2018,
    "—",
    date(2018, 11, 29),
    "confirmed",
    '"более 6,5 миллиардов рублей"',
)
SUPPORT_PROGRAMME_YEARS_2018 = SourcedValue(
    2,
    "years of the programme by Nov 2018",
    ARTICLE_2018,
    "—",
    date(2018, 11, 29),
    "confirmed",
)
REGISTERED_CLUSTERS_2022 = SourcedValue(
    50,
    "clusters on the registry (more than); ~640 participants",
    "docs/regulations.md (registry over time)",
    "—",
    date(2022, 12, 1),
    "confirmed",
)
REGISTERED_CLUSTERS_2024 = SourcedValue(
    54,
    "clusters confirmed under the updated requirements",
    "docs/regulations.md (registry over time)",
    "—",
    date(2024, 9, 1),
    "confirmed",
)

NATIONAL_CONTEXT: dict[str, SourcedValue] = {
    "registered_clusters_2018": REGISTERED_CLUSTERS_2018,
    "supported_enterprises_2018": SUPPORTED_ENTERPRISES_2018,
    "supported_joint_projects_2018": SUPPORTED_JOINT_PROJECTS_2018,
    "supported_projects_value_mln_rub_2018": SUPPORTED_PROJECTS_VALUE_MLN_RUB_2018,
    "support_programme_years_2018": SUPPORT_PROGRAMME_YEARS_2018,
    "registered_clusters_2022": REGISTERED_CLUSTERS_2022,
    "registered_clusters_2024": REGISTERED_CLUSTERS_2024,
}

# --- Tax Code: taxes on the income effects of the input–output model -------------------------------

TAX_CODE_NDFL = "Tax Code of the Russian Federation, Part Two, art. 224 p. 1 (personal income tax, residents)"

PERSONAL_INCOME_TAX_RATE = SourcedValue(
    0.13,
    "share of wages (personal income tax, НДФЛ)",
    TAX_CODE_NDFL,
    "edition of Federal Law No. 372-FZ of 23.11.2020 (13% up to 5 mln ₽ a year, 15% above)",
    date(2021, 1, 1),
    "to_verify",
    "base rate for wages up to 5 mln ₽ a year, applied to the wage effects of the input–output model "
    "(analytics.services.regional_io); from 2025 a progressive scale 13–22% (Federal Law No. 176-FZ of "
    "12.07.2024) — 13% still applies to incomes up to 2.4 mln ₽ a year",
)

# --- Tax Code and Budget Code: taxes of a supported project by type and budget level ----------------
# Used by analytics.models.subsidy.taxes. A rate in a tuple applies from its ``applies_from`` until the
# next entry's; the value of a split rate is (federal part, regional part).

TAX_CODE = "Tax Code of the Russian Federation, Part Two"
BUDGET_CODE = "Budget Code of the Russian Federation"

#: Budget levels a tax of a project is credited to (Budget Code art. 50, 56, 61, 146).
BUDGET_LEVELS: tuple[str, ...] = ("federal", "regional", "local", "social_funds")

VAT_RATES: tuple[SourcedValue, ...] = (
    SourcedValue(
        0.18,
        "share of value added (VAT, НДС)",
        TAX_CODE + ", art. 164 p. 3",
        "Federal Law No. 117-FZ of 07.07.2003",
        date(2004, 1, 1),
        "confirmed",
    ),
    SourcedValue(
        0.20,
        "share of value added (VAT, НДС)",
        TAX_CODE + ", art. 164 p. 3",
        "Federal Law No. 303-FZ of 03.08.2018",
        date(2019, 1, 1),
        "confirmed",
    ),
    SourcedValue(
        0.22,
        "share of value added (VAT, НДС)",
        TAX_CODE + ", art. 164 p. 3",
        "Federal Law No. 425-FZ of 28.11.2025",
        date(2026, 1, 1),
        "to_verify",
        "raise to 22% from 2026 as remembered; law number and date not seen in full text",
    ),
)
VAT_TO_FEDERAL = SourcedValue(
    1.0,
    "share of VAT credited to the federal budget",
    BUDGET_CODE + ", art. 50",
    "in force since 2005",
    None,
    "confirmed",
)

#: Corporate profit tax: (federal part, regional part) of the rate, Tax Code art. 284 p. 1.
PROFIT_TAX_RATES: tuple[SourcedValue, ...] = (
    SourcedValue(
        (0.02, 0.18),
        "share of taxable profit (federal, regional)",
        TAX_CODE + ", art. 284 p. 1",
        "Federal Law No. 224-FZ of 26.11.2008",
        date(2009, 1, 1),
        "confirmed",
        "20% in all; regions could lower their part to 13.5%",
    ),
    SourcedValue(
        (0.03, 0.17),
        "share of taxable profit (federal, regional)",
        TAX_CODE + ", art. 284 p. 1",
        "Federal Law No. 401-FZ of 30.11.2016, split extended to 2024 by later amendments",
        date(2017, 1, 1),
        "confirmed",
        "20% in all, 3% federal + 17% regional, 2017–2024",
    ),
    SourcedValue(
        (0.08, 0.17),
        "share of taxable profit (federal, regional)",
        TAX_CODE + ", art. 284 p. 1",
        "Federal Law No. 176-FZ of 12.07.2024",
        date(2025, 1, 1),
        "confirmed",
        "25% in all, 8% federal + 17% regional, 2025–2030",
    ),
    SourcedValue(
        (0.07, 0.18),
        "share of taxable profit (federal, regional)",
        TAX_CODE + ", art. 284 p. 1",
        "Federal Law No. 176-FZ of 12.07.2024",
        date(2031, 1, 1),
        "to_verify",
        "7% federal + 18% regional from 2031, as remembered",
    ),
)

#: Personal income tax (rate: PERSONAL_INCOME_TAX_RATE) by budget level: (regional, local).
PERSONAL_INCOME_TAX_SPLIT = SourcedValue(
    (0.85, 0.15),
    "share of НДФЛ (regional, local)",
    BUDGET_CODE + ", art. 56 p. 2, art. 61.1, 61.2",
    "edition before 2025",
    None,
    "to_verify",
    "85% regional, 15% municipal as the general standard; regions may pass more to municipalities; "
    "from 2025 the tax on incomes above 5 mln ₽ a year partly goes to the federal budget (not modelled)",
)

INSURANCE_CONTRIBUTION_RATE = SourcedValue(
    0.30,
    "share of wages (insurance contributions, страховые взносы)",
    TAX_CODE + ", art. 425 p. 2",
    "Federal Law No. 239-FZ of 14.07.2022 (single tariff from 2023); 22% + 5.1% + 2.9% before",
    date(2017, 1, 1),
    "confirmed",
    "30% up to the single base limit a year, 15.1% above it (the limit is not modelled); credited to the "
    "Social Fund and the Compulsory Medical Insurance Fund (Budget Code art. 146)",
)

PROPERTY_TAX_RATE = SourcedValue(
    0.022,
    "share of the average annual value of taxable property",
    TAX_CODE + ", art. 380 p. 1",
    "in force since 2004; movable property exempt since 2019 (Federal Law No. 302-FZ of 03.08.2018)",
    date(2019, 1, 1),
    "confirmed",
    "maximum rate; regional tax (Budget Code art. 56). Equipment, the main eligible cost, is movable "
    "property and untaxed since 2019",
)


def rate_in_year(schedule: tuple[SourcedValue, ...], year: int) -> SourcedValue:
    """The entry of ``schedule`` in force in ``year`` (the last one whose ``applies_from`` ≤ 1 Jan;
    the first entry for earlier years)."""
    chosen = schedule[0]
    for entry in schedule:
        if entry.applies_from is None or entry.applies_from.year <= year:
            chosen = entry
    return chosen


# --- Decree No. 779: what an application for the registry contains --------------------------------

#: The documents an application for the cluster registry carries, as this project reads the
#: requirements (each item: id, Russian, English, the clause it evidences). The decree's own list of
#: application documents is not held in full (docs/regulations.md), hence to verify; the application
#: pack (analytics.services.application_pack) checks each against the store.
APPLICATION_DOCUMENTS = SourcedValue(
    (
        (
            "application",
            "Заявление специализированной организации о включении кластера в реестр",
            "Application of the specialised organisation for entry into the registry",
            "779:sopk",
        ),
        (
            "participants",
            "Перечень участников кластера с ИНН, ОГРН, видами деятельности и местом нахождения",
            "List of the cluster's participants with INN, OGRN, activities and location",
            "779:req:composition",
        ),
        (
            "contracts",
            "Копии договоров между участниками (не менее одного у каждого участника) или СПИК",
            "Copies of contracts between participants (at least one per participant) or SPICs",
            "779:req:a",
        ),
        (
            "dependence",
            "Расчёт общего уровня функциональной зависимости",
            "Calculation of the overall level of functional dependence",
            "779:req:dependence",
        ),
        (
            "specialised",
            "Учредительные документы и сведения о специализированной организации",
            "Founding documents and details of the specialised organisation",
            "779:sopk",
        ),
        (
            "programme",
            "Программа развития промышленного кластера",
            "Development programme of the industrial cluster",
            "779:sopk",
        ),
        (
            "infrastructure",
            "Сведения об организациях инфраструктуры кластера",
            "Details of the cluster's infrastructure organisations",
            "779:req:composition",
        ),
    ),
    "documents (id, ru, en, clause)",
    DECREE_779,
    EDITION_NOT_RECORDED,
    None,
    "to_verify",
    "the project's reading of what evidences each requirement; the decree's list of application documents "
    "is not held in full",
)
