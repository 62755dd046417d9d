"""The store's schema: one list of migrations, applied in order, idempotently.

Every table the product reads is declared here and nowhere else. Units are in the column names
(``_mln_rub`` = millions of roubles, current prices; ``employees`` = average headcount, persons).

Identifiers are text: INN (10 or 12 digits), OGRN (13 or 15), OKTMO (8 or 11), OKVED 2 codes
("29", "29.1", "29.10", "29.10.2") and region codes ("40" = Kaluga oblast). Leading zeros matter.

Keys, NOT NULL and CHECK constraints are enforced by DuckDB. References between tables
(an enterprise's OKVED exists in ``sectors``, a supply link's INNs exist in ``enterprises`` …) are
*not* declared as FOREIGN KEY: DuckDB refuses to delete or replace a referenced row, which would make
an analyst's "replace the OKVED classifier" load impossible. They are checked instead by
:func:`analytics.store.integrity_problems` (and by the ingest validation before every load).

``data_status`` columns say, per row, whether a value is a public fact (``public``, with a source),
an approximation of a public fact (``approximate``) or made up for the demo (``illustrative``).
"""

from __future__ import annotations

from analytics.store.compose import SQL, columns, sql, sql_type, text_list

DATA_STATUSES = ("public", "approximate", "illustrative", "loaded")
ENTERPRISE_KINDS = ("industrial", "infrastructure", "specialised")
TEMPLATE_ROLES = ("core", "supplier", "service")
PROJECT_STAGES = ("rd", "engineering", "pilot", "serial")
SECTOR_LEVELS = ("section", "division", "group", "class", "subclass")


_STATUS = text_list(DATA_STATUSES)

#: Primary keys of the tables with a row history (as declared below), for migration 4.
_HISTORY_KEYS: dict[str, str] = {
    "regions": "code",
    "municipalities": "oktmo",
    "sectors": "code",
    "enterprises": "inn",
    "enterprise_years": "inn, year",
    "region_sector_years": "region_code, okved, year",
    "supply_links": "supplier_inn, buyer_inn, year",
    "cluster_templates": "cluster_id, okved",
    "projects": "project_id",
    "project_participants": "project_id, inn",
    "project_costs": "project_id, year, category, line",
    "project_revenues": "project_id, year",
}

#: Primary keys of the public-data tables of migration 5 (their history tables are made there).
_PUBLIC_KEYS: dict[str, str] = {
    "region_reference": "code",
    "region_indicators": "indicator, breakdown, region_code, year",
    "registry_clusters": "cluster_name_ru",
    "public_facts": "topic, period, indicator",
    "programme_projects": "project_name_ru",
}


#: Parts of the input–output table ``io_cells`` (migration 8) and its key.
IO_PARTS = (
    "products",
    "flows_total",
    "flows_domestic",
    "final_demand",
    "final_demand_domestic",
    "primary_inputs",
    "total_requirements",
)
_IO_KEY = "year, part, row_code, col_code"


def _history_ddl(table: str) -> tuple[SQL, ...]:
    """The row-history table of ``table``: its columns (no rows) plus ``_valid_from`` / ``_valid_to``."""
    history = "history_" + table
    return (
        sql("CREATE TABLE IF NOT EXISTS {history} AS SELECT * FROM {table} LIMIT 0", history=history, table=table),
        sql("ALTER TABLE {history} ADD COLUMN IF NOT EXISTS _valid_from INTEGER", history=history),
        sql("ALTER TABLE {history} ADD COLUMN IF NOT EXISTS _valid_to INTEGER", history=history),
    )


MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (
        1,
        "initial schema",
        [
            """
            CREATE TABLE IF NOT EXISTS regions (
                code            VARCHAR PRIMARY KEY CHECK (regexp_full_match(code, '[0-9]{2}')),
                name_ru         VARCHAR NOT NULL,
                name_en         VARCHAR NOT NULL,
                federal_district VARCHAR NOT NULL,
                oktmo_prefix    VARCHAR CHECK (oktmo_prefix IS NULL OR regexp_full_match(oktmo_prefix, '[0-9]{2,3}'))
            )""",
            sql(
                """
            CREATE TABLE IF NOT EXISTS municipalities (
                oktmo           VARCHAR PRIMARY KEY CHECK (regexp_full_match(oktmo, '[0-9]{8}|[0-9]{11}')),
                region_code     VARCHAR NOT NULL,
                name_ru         VARCHAR NOT NULL,
                name_en         VARCHAR NOT NULL,
                kind            VARCHAR NOT NULL CHECK (kind IN ('municipal_district', 'urban_okrug', 'municipal_okrug')),
                admin_centre_ru VARCHAR,
                admin_centre_en VARCHAR,
                lat             DOUBLE CHECK (lat BETWEEN 41 AND 82),
                lon             DOUBLE CHECK (lon BETWEEN 19 AND 180),
                oktmo_status    VARCHAR NOT NULL DEFAULT 'loaded',
                data_status     VARCHAR NOT NULL DEFAULT 'loaded' CHECK (data_status IN {status})
            )""",
                status=_STATUS,
            ),
            sql(
                """
            CREATE TABLE IF NOT EXISTS sectors (
                code            VARCHAR PRIMARY KEY
                                CHECK (regexp_full_match(code, '[A-U]|[0-9]{2}(\\.[0-9]{1,2}(\\.[0-9]{1,2})?)?')),
                parent          VARCHAR,
                level           VARCHAR NOT NULL CHECK (level IN {sector_levels}),
                section         VARCHAR NOT NULL,
                name_ru         VARCHAR NOT NULL,
                name_en         VARCHAR
            )""",
                sector_levels=text_list(SECTOR_LEVELS),
            ),
            sql(
                """
            CREATE TABLE IF NOT EXISTS enterprises (
                inn             VARCHAR PRIMARY KEY CHECK (regexp_full_match(inn, '[0-9]{10}|[0-9]{12}')),
                ogrn            VARCHAR CHECK (ogrn IS NULL OR regexp_full_match(ogrn, '[0-9]{13}|[0-9]{15}')),
                name_ru         VARCHAR NOT NULL,
                name_en         VARCHAR,
                okved           VARCHAR NOT NULL,
                region_code     VARCHAR NOT NULL,
                oktmo           VARCHAR,
                lat             DOUBLE CHECK (lat IS NULL OR lat BETWEEN 41 AND 82),
                lon             DOUBLE CHECK (lon IS NULL OR lon BETWEEN 19 AND 180),
                is_sme          BOOLEAN NOT NULL DEFAULT FALSE,
                founded         INTEGER CHECK (founded IS NULL OR founded BETWEEN 1700 AND 2100),
                kind            VARCHAR NOT NULL DEFAULT 'industrial' CHECK (kind IN {enterprise_kinds}),
                cluster_hint    VARCHAR,
                data_status     VARCHAR NOT NULL DEFAULT 'loaded' CHECK (data_status IN {status}),
                source          VARCHAR
            )""",
                enterprise_kinds=text_list(ENTERPRISE_KINDS),
                status=_STATUS,
            ),
            sql(
                """
            CREATE TABLE IF NOT EXISTS enterprise_years (
                inn                 VARCHAR NOT NULL,
                year                INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
                employees           INTEGER CHECK (employees IS NULL OR employees >= 0),
                revenue_mln_rub     DOUBLE CHECK (revenue_mln_rub IS NULL OR revenue_mln_rub >= 0),
                purchases_mln_rub   DOUBLE CHECK (purchases_mln_rub IS NULL OR purchases_mln_rub >= 0),
                exports_mln_rub     DOUBLE CHECK (exports_mln_rub IS NULL OR exports_mln_rub >= 0),
                investment_mln_rub  DOUBLE CHECK (investment_mln_rub IS NULL OR investment_mln_rub >= 0),
                data_status         VARCHAR NOT NULL DEFAULT 'loaded' CHECK (data_status IN {status}),
                PRIMARY KEY (inn, year)
            )""",
                status=_STATUS,
            ),
            sql(
                """
            CREATE TABLE IF NOT EXISTS region_sector_years (
                region_code     VARCHAR NOT NULL,
                okved           VARCHAR NOT NULL,
                year            INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
                employees       DOUBLE CHECK (employees IS NULL OR employees >= 0),
                wages_mln_rub   DOUBLE CHECK (wages_mln_rub IS NULL OR wages_mln_rub >= 0),
                establishments  INTEGER CHECK (establishments IS NULL OR establishments >= 0),
                revenue_mln_rub DOUBLE CHECK (revenue_mln_rub IS NULL OR revenue_mln_rub >= 0),
                data_status     VARCHAR NOT NULL DEFAULT 'loaded' CHECK (data_status IN {status}),
                PRIMARY KEY (region_code, okved, year)
            )""",
                status=_STATUS,
            ),
            sql(
                """
            CREATE TABLE IF NOT EXISTS supply_links (
                supplier_inn    VARCHAR NOT NULL,
                buyer_inn       VARCHAR NOT NULL,
                year            INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
                value_mln_rub   DOUBLE NOT NULL CHECK (value_mln_rub >= 0),
                data_status     VARCHAR NOT NULL DEFAULT 'loaded' CHECK (data_status IN {status}),
                PRIMARY KEY (supplier_inn, buyer_inn, year),
                CHECK (supplier_inn <> buyer_inn)
            )""",
                status=_STATUS,
            ),
            sql(
                """
            CREATE TABLE IF NOT EXISTS cluster_templates (
                cluster_id      VARCHAR NOT NULL CHECK (regexp_full_match(cluster_id, '[a-z][a-z0-9_]*')),
                cluster_name_ru VARCHAR NOT NULL,
                cluster_name_en VARCHAR NOT NULL,
                okved           VARCHAR NOT NULL,
                role            VARCHAR NOT NULL CHECK (role IN {template_roles}),
                weight          DOUBLE NOT NULL DEFAULT 1 CHECK (weight > 0),
                note            VARCHAR,
                data_status     VARCHAR NOT NULL DEFAULT 'loaded' CHECK (data_status IN {status}),
                PRIMARY KEY (cluster_id, okved)
            )""",
                template_roles=text_list(TEMPLATE_ROLES),
                status=_STATUS,
            ),
            sql(
                """
            CREATE TABLE IF NOT EXISTS projects (
                project_id      VARCHAR PRIMARY KEY,
                name_ru         VARCHAR NOT NULL,
                name_en         VARCHAR,
                cluster_id      VARCHAR NOT NULL,
                initiator_inn   VARCHAR NOT NULL,
                stage           VARCHAR NOT NULL CHECK (stage IN {project_stages}),
                start_year      INTEGER NOT NULL CHECK (start_year BETWEEN 2000 AND 2100),
                jobs            INTEGER NOT NULL DEFAULT 0 CHECK (jobs >= 0),
                is_joint        BOOLEAN NOT NULL DEFAULT TRUE,
                data_status     VARCHAR NOT NULL DEFAULT 'loaded' CHECK (data_status IN {status})
            )""",
                project_stages=text_list(PROJECT_STAGES),
                status=_STATUS,
            ),
            """
            CREATE TABLE IF NOT EXISTS project_participants (
                project_id      VARCHAR NOT NULL,
                inn             VARCHAR NOT NULL,
                role            VARCHAR NOT NULL CHECK (role IN ('initiator', 'participant')),
                PRIMARY KEY (project_id, inn)
            )""",
            """
            CREATE TABLE IF NOT EXISTS project_costs (
                project_id      VARCHAR NOT NULL,
                year            INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
                category        VARCHAR NOT NULL CHECK (category IN
                                ('rd', 'design_docs', 'ip_licences', 'engineering', 'equipment',
                                 'loan_interest', 'leasing', 'component_batches', 'other')),
                amount_mln_rub  DOUBLE NOT NULL CHECK (amount_mln_rub >= 0),
                supplier_inn    VARCHAR,
                line            INTEGER NOT NULL DEFAULT 1 CHECK (line >= 1),
                PRIMARY KEY (project_id, year, category, line)
            )""",
            """
            CREATE TABLE IF NOT EXISTS project_revenues (
                project_id      VARCHAR NOT NULL,
                year            INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
                revenue_mln_rub DOUBLE NOT NULL CHECK (revenue_mln_rub >= 0),
                taxes_mln_rub   DOUBLE CHECK (taxes_mln_rub IS NULL OR taxes_mln_rub >= 0),
                PRIMARY KEY (project_id, year)
            )""",
            """
            CREATE SEQUENCE IF NOT EXISTS dataset_version_seq START 1""",
            """
            CREATE TABLE IF NOT EXISTS dataset_versions (
                version_id      INTEGER PRIMARY KEY DEFAULT nextval('dataset_version_seq'),
                table_name      VARCHAR NOT NULL,
                action          VARCHAR NOT NULL CHECK (action IN ('seed', 'append', 'replace', 'rollback', 'synth')),
                file_name       VARCHAR,
                sha256          VARCHAR CHECK (sha256 IS NULL OR regexp_full_match(sha256, '[0-9a-f]{64}')),
                user_name       VARCHAR NOT NULL DEFAULT 'system',
                loaded_at       TIMESTAMP NOT NULL DEFAULT current_timestamp,
                rows_in_file    BIGINT CHECK (rows_in_file IS NULL OR rows_in_file >= 0),
                rows_after      BIGINT NOT NULL CHECK (rows_after >= 0),
                note            VARCHAR
            )""",
            """
            CREATE TABLE IF NOT EXISTS meta (
                key             VARCHAR PRIMARY KEY,
                value           VARCHAR NOT NULL
            )""",
        ],
    ),
    (
        2,
        "subsidy programme regimes and saved scenarios",
        [
            # Edited or added programme regimes of Decree No. 41; the law's defaults live in
            # analytics/rules.py, a row here overrides the built-in regime with the same id.
            """
            CREATE TABLE IF NOT EXISTS programme_regimes (
                regime_id           VARCHAR PRIMARY KEY CHECK (regexp_full_match(regime_id, '[a-z][a-z0-9_]*')),
                name_ru             VARCHAR NOT NULL,
                name_en             VARCHAR NOT NULL,
                max_share           DOUBLE NOT NULL CHECK (max_share > 0 AND max_share <= 1),
                eligible_categories VARCHAR[] NOT NULL,
                eligible_stages     VARCHAR[] NOT NULL,
                costs_from          DATE,
                costs_to            DATE,
                cap_mln_rub         DOUBLE CHECK (cap_mln_rub IS NULL OR cap_mln_rub >= 0),
                cap_basis           VARCHAR NOT NULL CHECK (cap_basis IN ('applicant', 'project')),
                min_participants    INTEGER NOT NULL CHECK (min_participants BETWEEN 1 AND 100),
                supplier_in_cluster BOOLEAN NOT NULL,
                in_force_from       DATE,
                in_force_to         DATE,
                source              VARCHAR NOT NULL,
                to_verify           VARCHAR[] NOT NULL,
                user_name           VARCHAR NOT NULL DEFAULT 'system',
                updated_at          TIMESTAMP NOT NULL DEFAULT current_timestamp,
                CHECK (costs_from IS NULL OR costs_to IS NULL OR costs_from <= costs_to)
            )""",
            # A saved scenario is its URL parameters (plain strings, JSON object): loading one goes
            # through the same parsing and range checks as a link.
            """
            CREATE TABLE IF NOT EXISTS scenarios (
                name                VARCHAR PRIMARY KEY CHECK (length(trim(name)) BETWEEN 1 AND 100),
                params              VARCHAR NOT NULL,
                regime_id           VARCHAR NOT NULL,
                note                VARCHAR,
                user_name           VARCHAR NOT NULL DEFAULT 'system',
                created_at          TIMESTAMP NOT NULL DEFAULT current_timestamp,
                updated_at          TIMESTAMP NOT NULL DEFAULT current_timestamp
            )""",
        ],
    ),
    (
        3,
        "data loading: row history for rollback, remembered column mappings, boundaries",
        [
            # Header → column mappings an analyst chose on the Data page, remembered per table
            # (header normalised as by analytics.data.validate.normalise_header; column NULL = skip it).
            """
            CREATE TABLE IF NOT EXISTS column_mappings (
                table_name      VARCHAR NOT NULL,
                header          VARCHAR NOT NULL,
                column_name     VARCHAR,
                user_name       VARCHAR NOT NULL DEFAULT 'system',
                updated_at      TIMESTAMP NOT NULL DEFAULT current_timestamp,
                PRIMARY KEY (table_name, header)
            )""",
            # Boundaries loaded from GeoJSON: one Polygon / MultiPolygon (lon/lat, WGS 84) per region
            # (code "40") or municipality (OKTMO), for choropleth maps.
            """
            CREATE TABLE IF NOT EXISTS boundaries (
                level           VARCHAR NOT NULL CHECK (level IN ('region', 'municipality')),
                code            VARCHAR NOT NULL,
                name            VARCHAR,
                geometry        VARCHAR NOT NULL,
                file_name       VARCHAR,
                version_id      INTEGER,
                PRIMARY KEY (level, code)
            )""",
            # Row history of every data table (analytics/versions.py): the table's columns plus the
            # version that added the row and the one that removed or changed it (NULL while current).
            # The list is the data tables as of this migration: a table added later gets its history
            # table in its own migration.
            *[
                statement
                for table in (
                    "regions",
                    "municipalities",
                    "sectors",
                    "enterprises",
                    "enterprise_years",
                    "region_sector_years",
                    "supply_links",
                    "cluster_templates",
                    "projects",
                    "project_participants",
                    "project_costs",
                    "project_revenues",
                )
                for statement in _history_ddl(table)
            ],
        ],
    ),
    (
        4,
        "current rows' versions in narrow tables",
        # The history row of a current row held only its key and _valid_from, with every other
        # column NULL: a million-row append spent 0.35 s writing those empty columns. Such rows now
        # live in history_open_T (the key and _valid_from); history_T keeps the closed rows.
        [
            statement
            for table, key in _HISTORY_KEYS.items()
            for statement in (
                sql(
                    "CREATE TABLE IF NOT EXISTS {open} AS SELECT {key}, _valid_from FROM {history} WHERE _valid_to IS NULL",
                    open="history_open_" + table,
                    key=columns(key.split(", ")),
                    history="history_" + table,
                ),
                sql("DELETE FROM {history} WHERE _valid_to IS NULL", history="history_" + table),
            )
        ],
    ),
    (
        5,
        "public data: regions reference, regional indicators, registry clusters, programme facts",
        [
            # The regions reference (HFLabs / DaData.ru, CC BY-SA 4.0): codes of every classifier.
            sql(
                """
            CREATE TABLE IF NOT EXISTS region_reference (
                code            VARCHAR PRIMARY KEY CHECK (regexp_full_match(code, '[0-9]{2}')),
                name_ru         VARCHAR NOT NULL,
                name_en         VARCHAR NOT NULL,
                federal_district VARCHAR NOT NULL,
                okato           VARCHAR CHECK (okato IS NULL OR regexp_full_match(okato, '[0-9]{11}')),
                oktmo           VARCHAR CHECK (oktmo IS NULL OR regexp_full_match(oktmo, '[0-9]{8}')),
                iso_code        VARCHAR,
                kladr_id        VARCHAR,
                timezone        VARCHAR,
                data_status     VARCHAR NOT NULL DEFAULT 'public' CHECK (data_status IN {status}),
                source          VARCHAR
            )""",
                status=_STATUS,
            ),
            # Any regional statistic by region and year (Rosstat tables as published, loaded long):
            # region_code = FNS code, or 'RU' for the Russian Federation; breakdown = the row-label
            # path or OKVED code when a table has several lines per region ('total' when it has one);
            # cell_status = ok / suppressed («…», «к», «х») / missing («-», empty), value NULL unless ok.
            sql(
                """
            CREATE TABLE IF NOT EXISTS region_indicators (
                indicator       VARCHAR NOT NULL CHECK (length(indicator) BETWEEN 1 AND 120),
                breakdown       VARCHAR NOT NULL DEFAULT 'total' CHECK (length(breakdown) BETWEEN 1 AND 300),
                region_code     VARCHAR NOT NULL CHECK (region_code = 'RU' OR regexp_full_match(region_code, '[0-9]{2}')),
                year            INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
                value           DOUBLE,
                unit            VARCHAR,
                cell_status     VARCHAR NOT NULL DEFAULT 'ok' CHECK (cell_status IN ('ok', 'suppressed', 'missing')),
                source          VARCHAR,
                data_status     VARCHAR NOT NULL DEFAULT 'loaded' CHECK (data_status IN {status}),
                PRIMARY KEY (indicator, breakdown, region_code, year),
                CHECK (cell_status = 'ok' OR value IS NULL)
            )""",
                status=_STATUS,
            ),
            # Real industrial clusters named in public sources (Decree 779 registry or regional).
            sql(
                """
            CREATE TABLE IF NOT EXISTS registry_clusters (
                cluster_name_ru VARCHAR PRIMARY KEY,
                -- FNS codes of the cluster's regions, ';'-separated ("50;69" for a two-region cluster)
                region_codes    VARCHAR NOT NULL CHECK (regexp_full_match(region_codes, '[0-9]{2}(;[0-9]{2})*')),
                region_ru       VARCHAR NOT NULL,
                specialisation  VARCHAR,
                registry_status VARCHAR NOT NULL,
                in_registry     BOOLEAN NOT NULL,
                status_date     VARCHAR,
                participants    VARCHAR,
                specialised_org VARCHAR,
                notes           VARCHAR,
                source_url      VARCHAR NOT NULL,
                data_status     VARCHAR NOT NULL DEFAULT 'public' CHECK (data_status IN {status})
            )""",
                status=_STATUS,
            ),
            # Dated public facts as published (text values: «8 / 6 / 3», «>50»), by topic:
            # registry_size, pp41_programme, kaluga.
            sql(
                """
            CREATE TABLE IF NOT EXISTS public_facts (
                topic           VARCHAR NOT NULL,
                period          VARCHAR NOT NULL,
                indicator       VARCHAR NOT NULL,
                value           VARCHAR,
                value_number    DOUBLE,
                unit            VARCHAR,
                confidence      VARCHAR,
                source_url      VARCHAR NOT NULL,
                note            VARCHAR,
                data_status     VARCHAR NOT NULL DEFAULT 'public' CHECK (data_status IN {status}),
                PRIMARY KEY (topic, period, indicator)
            )""",
                status=_STATUS,
            ),
            # Joint projects that won Decree 41 subsidies, as named in public sources.
            sql(
                """
            CREATE TABLE IF NOT EXISTS programme_projects (
                project_name_ru VARCHAR PRIMARY KEY,
                selection_year  VARCHAR NOT NULL,
                cluster_name_ru VARCHAR,
                region_code     VARCHAR CHECK (region_code IS NULL OR regexp_full_match(region_code, '[0-9]{2}')),
                region_ru       VARCHAR,
                participants    VARCHAR,
                subsidy_mln_rub DOUBLE CHECK (subsidy_mln_rub IS NULL OR subsidy_mln_rub >= 0),
                project_cost_mln_rub DOUBLE CHECK (project_cost_mln_rub IS NULL OR project_cost_mln_rub >= 0),
                source_url      VARCHAR NOT NULL,
                note            VARCHAR,
                data_status     VARCHAR NOT NULL DEFAULT 'public' CHECK (data_status IN {status})
            )""",
                status=_STATUS,
            ),
            *[
                statement
                for table, key in _PUBLIC_KEYS.items()
                for statement in (
                    *_history_ddl(table),
                    sql(
                        "CREATE TABLE IF NOT EXISTS {open} AS SELECT {key}, _valid_from FROM {history} LIMIT 0",
                        open="history_open_" + table,
                        key=columns(key.split(", ")),
                        history="history_" + table,
                    ),
                )
            ],
        ],
    ),
    (
        6,
        "member flag of Decree No. 779: participant organising production within the cluster",
        # The decree tolerates up to 3 participants that did not produce within the cluster in the
        # previous reporting period but are organising production there (analytics/models/rules.py,
        # MAX_ORGANISING_PRODUCTION). The flag is loaded with the enterprises; default false.
        [
            "ALTER TABLE enterprises ADD COLUMN organising_production BOOLEAN NOT NULL DEFAULT FALSE",
            'ALTER TABLE "history_enterprises" ADD COLUMN IF NOT EXISTS organising_production BOOLEAN',
        ],
    ),
    (
        7,
        "FNS open data: SME category and kind of subject; income, expenses and taxes paid by budget level",
        # Filled by analytics/data/fns_load.py from the FNS open data (RSMP, REVEXP, PAYTAX). DuckDB
        # cannot add a column with a CHECK constraint: the allowed values (FNS_SME_CATEGORIES,
        # FNS_SUBJECT_KINDS) are checked by the loaders. Income and expenses are the totals of the
        # financial statements (may be negative, seen once in real files) — income is *not* sales revenue
        # (revenue_mln_rub). Taxes: roubles paid in the year ÷ 10⁶ by the budget level of each tax
        # (analytics/data/fns_taxes.py); insurance contributions are the social funds' level.
        [
            statement
            for table, added in (
                ("enterprises", (("sme_category", "VARCHAR"), ("legal_kind", "VARCHAR"))),
                (
                    "enterprise_years",
                    (
                        ("income_mln_rub", "DOUBLE"),
                        ("expenses_mln_rub", "DOUBLE"),
                        ("taxes_federal_mln_rub", "DOUBLE"),
                        ("taxes_regional_mln_rub", "DOUBLE"),
                        ("taxes_local_mln_rub", "DOUBLE"),
                        ("taxes_social_funds_mln_rub", "DOUBLE"),
                        ("taxes_non_tax_mln_rub", "DOUBLE"),
                        ("taxes_unknown_mln_rub", "DOUBLE"),
                        ("source", "VARCHAR"),
                    ),
                ),
            )
            for target in (table, "history_" + table)
            for statement in (
                sql(
                    "ALTER TABLE {target} ADD COLUMN IF NOT EXISTS {column} {kind}",
                    target=target,
                    column=column,
                    kind=sql_type(kind),
                )
                for column, kind in added
            )
        ],
    ),
    (
        8,
        "input-output tables (io_cells): Rosstat's symmetric tables by year, loaded from the workbook",
        # One cell per row: part = which table of analytics/data/rosstat_io.IOTables (IO_PARTS),
        # row_code = the product number "001"…, col_code = the using product's number, a final-demand
        # code (P3_S14 …), a primary-input column (output_p1 …) or, for products, okpd2 / name_ru with
        # the text in label. Money in mln ₽; total_requirements (КПЗ) in roubles per 1 000 roubles as
        # published. Cells absent from a year are 0. Filled by the demo build from data/io2021 (public)
        # and by analytics/data/io_load.py (a workbook as published, loaded).
        [
            sql(
                """
            CREATE TABLE IF NOT EXISTS io_cells (
                year            INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
                part            VARCHAR NOT NULL CHECK (part IN {parts}),
                row_code        VARCHAR NOT NULL CHECK (length(row_code) BETWEEN 1 AND 40),
                col_code        VARCHAR NOT NULL CHECK (length(col_code) BETWEEN 1 AND 40),
                value           DOUBLE,
                label           VARCHAR,
                data_status     VARCHAR NOT NULL DEFAULT 'loaded' CHECK (data_status IN {status}),
                PRIMARY KEY (year, part, row_code, col_code)
            )""",
                parts=text_list(IO_PARTS),
                status=_STATUS,
            ),
            *_history_ddl("io_cells"),
            sql(
                "CREATE TABLE IF NOT EXISTS {open} AS SELECT {key}, _valid_from FROM {history} LIMIT 0",
                open="history_open_io_cells",
                key=columns(_IO_KEY.split(", ")),
                history="history_io_cells",
            ),
        ],
    ),
    (
        9,
        "registry clusters: which cluster template a registered cluster is (registered in loaded data)",
        # A cluster the analyst marks as on the Minpromtorg registry (registry_clusters.in_registry) and
        # links to a template (cluster_templates.cluster_id) is eligible under Decree No. 41 in its
        # regions even when the store's data fail the Decree No. 779 check (analytics/models/subsidy).
        [
            "ALTER TABLE registry_clusters ADD COLUMN IF NOT EXISTS cluster_id VARCHAR",
            'ALTER TABLE "history_registry_clusters" ADD COLUMN IF NOT EXISTS cluster_id VARCHAR',
        ],
    ),
]

# Every data table's key (migration 4's statements are built above, before the public tables join).
_HISTORY_KEYS = {**_HISTORY_KEYS, **_PUBLIC_KEYS, "io_cells": _IO_KEY}

#: Values of the FNS columns of migration 7 (RSMP codes 1/2/3 of КатСубМСП and ВидСубМСП).
FNS_SME_CATEGORIES = ("micro", "small", "medium")
FNS_SUBJECT_KINDS = ("legal", "entrepreneur", "farm")
#: Budget levels of taxes paid, each a column taxes_<level>_mln_rub of enterprise_years (migration 7).
TAX_BUDGET_LEVELS = ("federal", "regional", "local", "social_funds", "non_tax", "unknown")

#: Tables holding the product's data (not bookkeeping), in load order.
DATA_TABLES: tuple[str, ...] = (
    "regions",
    "municipalities",
    "sectors",
    "enterprises",
    "enterprise_years",
    "region_sector_years",
    "supply_links",
    "cluster_templates",
    "projects",
    "project_participants",
    "project_costs",
    "project_revenues",
    "region_reference",
    "region_indicators",
    "registry_clusters",
    "public_facts",
    "programme_projects",
    "io_cells",
)

SCHEMA_VERSION = MIGRATIONS[-1][0]
