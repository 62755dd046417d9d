"""Strings of the Sectors page (and shared metric column headers)."""

RU: dict[str, str] = {
    "nav.sectors": "Отрасли",
    "sectors.title": "{region}: отраслевая специализация",
    "sectors.intro": (
        "В каких отраслях обработки регион специализирован, какие растут быстрее России и какие "
        "смежные отрасли можно развивать дальше."
    ),
    "sectors.level": "Уровень ОКВЭД 2 (знаков в коде)",
    "sectors.level.division": "Класс (2)",
    "sectors.level.group": "Подкласс (3)",
    "sectors.level.class": "Группа (4)",
    "sectors.measure": "Показатель",
    "sectors.measure.employees": "Занятые",
    "sectors.measure.revenue_mln_rub": "Выручка",
    "sectors.benchmark": "База сравнения",
    "sectors.benchmark.russia": "Россия",
    "sectors.benchmark.district": "Свой округ",
    "sectors.years": "Период",
    "sectors.method": "Метод сдвигов",
    "sectors.method.dunn": "Классический (Данн)",
    "sectors.method.esteban-marquillas": "Эстебан-Маркильяс",
    "sectors.method.dynamic": "Динамический (Барфф–Найт)",
    "sectors.portfolio": "Портфель отраслей",
    "sectors.portfolio_caption": (
        "По горизонтали — коэффициент локализации (логарифмическая шкала), по вертикали — рост "
        "быстрее или медленнее базы сравнения, площадь круга — занятость."
    ),
    "sectors.lq_axis": "Коэффициент локализации (LQ)",
    "sectors.growth_axis": "Рост относительно базы, п. п. в год",
    "sectors.size_note": "Площадь круга — число занятых",
    "sectors.quadrant.Star": "Звёзды",
    "sectors.quadrant.Mature": "Зрелые",
    "sectors.quadrant.Emerging": "Растущие",
    "sectors.quadrant.Transforming": "Трансформирующиеся",
    "sectors.shift_share": "Разложение изменения (shift-share)",
    "sectors.component.national_growth": "Общероссийский рост",
    "sectors.component.industry_mix": "Отраслевая структура",
    "sectors.component.competitive": "Конкурентный эффект",
    "sectors.component.allocation": "Эффект размещения",
    "sectors.component.change": "Изменение",
    "sectors.shift_axis": "Изменение за период",
    "sectors.structure": "Структура экономики в сравнении с соседями по округу",
    "sectors.table": "Все показатели",
    "sectors.download_csv": "Скачать CSV",
    "sectors.download_xlsx": "Скачать Excel",
    "sectors.opportunities": "Возможности: какие отрасли привлекать",
    "sectors.preset": "Стратегия",
    "sectors.preset.low_hanging_fruit": "Ближайшие шаги",
    "sectors.preset.balanced": "Сбалансированная",
    "sectors.preset.long_jump": "Дальний прыжок",
    "sectors.preset.custom": "Свои веса",
    "sectors.weight.density": "Вес близости",
    "sectors.weight.pci": "Вес сложности",
    "sectors.weight.cog": "Вес выигрыша",
    "complexity.note.few_sectors": (
        "Осторожно с ECI и PCI: они посчитаны всего по {sectors} отраслям (меньше {minimum}). При таком "
        "грубом делении место региона решают одна-две крупные отрасли, и рейтинг сложности — ориентир, "
        "а не вывод."
    ),
    "complexity.note.single_section": (
        "Все отрасли расчёта — из одного раздела ОКВЭД 2 ({section}): сложность сравнивает регионы только "
        "внутри него, без остальной экономики."
    ),
    "sectors.opportunities_method": (
        "Кандидаты — отрасли, где регион пока не специализирован (RCA < 1). Оценка складывает "
        "близость отрасли к уже развитым в регионе (плотность), её сложность (PCI) и выигрыш для "
        "будущей диверсификации (COG), каждую в стандартизованном виде, с весами выбранной стратегии."
    ),
    "sectors.robust": "Устойчиво: {n} из первых {k} остаются в топе в {share} вариантов расчёта",
    "sectors.not_robust": (
        "Неустойчиво: при другом пороге, базе или показателе верх списка меняется (средний τ Кендалла {tau})"
    ),
    "sectors.no_data": "Для этого региона нет отраслевых данных за выбранные годы.",
    "sectors.help": "Как читать показатели",
    "sectors.help_text": (
        "**LQ** — доля отрасли в занятости региона, делённая на её долю в базе сравнения; LQ > 1 — "
        "регион специализирован.  \n"
        "**Рост относительно базы** — среднегодовой темп отрасли в регионе минус её темп в базе.  \n"
        "**Квадранты**: звёзды — LQ ≥ 1 и LQ растёт; зрелые — LQ ≥ 1, но снижается; растущие — LQ < 1 "
        "и растёт; трансформирующиеся — LQ < 1 и снижается.  \n"
        "**Сильный кластер** (US Cluster Mapping) — LQ не ниже 75-го перцентиля по регионам и ≥ 1, "
        "занятость и число организаций выше 25-го перцентиля.  \n"
        "**Shift-share** делит изменение на общероссийский рост, вклад отраслевой структуры и "
        "конкурентный эффект самого региона.  \n"
        "**Индекс Кругмана** (0–2) — насколько структура региона отличается от России; **HHI** и "
        "**энтропия** — концентрация и разнообразие; **индекс Хахмана** — близость к структуре России (1 — совпадает)."
    ),
    "col.sector": "Отрасль",
    "col.code": "Код",
    "col.value": "Значение",
    "col.share": "Доля в регионе",
    "col.lq": "LQ",
    "col.lq_start": "LQ в начале",
    "col.cagr": "Рост в год",
    "col.benchmark_cagr": "Рост базы в год",
    "col.relative_growth": "Рост отн. базы",
    "col.quadrant": "Квадрант",
    "col.strong": "Сильный кластер",
    "col.krugman": "Кругман",
    "col.hachman": "Хахман",
    "col.hhi": "HHI",
    "col.entropy": "Энтропия",
    "col.total": "Всего",
    "col.score": "Оценка",
    "col.density": "Плотность",
    "col.pci": "PCI",
    "col.pci_note": "Примечание к PCI",
    "col.cog": "COG",
    "col.rca": "RCA",
    "col.rank": "Место",
    "yes": "да",
    "no": "нет",
}
EN: dict[str, str] = {
    "nav.sectors": "Sectors",
    "sectors.title": "{region}: sector specialisation",
    "sectors.intro": (
        "Which manufacturing industries the region specialises in, which grow faster than Russia, "
        "and which related industries it could grow next."
    ),
    "sectors.level": "OKVED 2 level (digits in code)",
    "sectors.level.division": "Division (2)",
    "sectors.level.group": "Group (3)",
    "sectors.level.class": "Class (4)",
    "sectors.measure": "Measure",
    "sectors.measure.employees": "Employees",
    "sectors.measure.revenue_mln_rub": "Revenue",
    "sectors.benchmark": "Benchmark",
    "sectors.benchmark.russia": "Russia",
    "sectors.benchmark.district": "Own district",
    "sectors.years": "Period",
    "sectors.method": "Shift-share method",
    "sectors.method.dunn": "Classic (Dunn)",
    "sectors.method.esteban-marquillas": "Esteban-Marquillas",
    "sectors.method.dynamic": "Dynamic (Barff–Knight)",
    "sectors.portfolio": "Sector portfolio",
    "sectors.portfolio_caption": (
        "Across: location quotient (log scale); up: growth faster or slower than the benchmark; "
        "bubble area: employment."
    ),
    "sectors.lq_axis": "Location quotient (LQ)",
    "sectors.growth_axis": "Growth relative to benchmark, p.p. a year",
    "sectors.size_note": "Bubble area = employees",
    "sectors.quadrant.Star": "Stars",
    "sectors.quadrant.Mature": "Mature",
    "sectors.quadrant.Emerging": "Emerging",
    "sectors.quadrant.Transforming": "Transforming",
    "sectors.shift_share": "Shift-share decomposition",
    "sectors.component.national_growth": "National growth",
    "sectors.component.industry_mix": "Industry mix",
    "sectors.component.competitive": "Competitive effect",
    "sectors.component.allocation": "Allocation effect",
    "sectors.component.change": "Change",
    "sectors.shift_axis": "Change over the period",
    "sectors.structure": "Economic structure against the district's regions",
    "sectors.table": "All metrics",
    "sectors.download_csv": "Download CSV",
    "sectors.download_xlsx": "Download Excel",
    "sectors.opportunities": "Opportunities: industries to attract",
    "sectors.preset": "Strategy",
    "sectors.preset.low_hanging_fruit": "Low-hanging fruit",
    "sectors.preset.balanced": "Balanced",
    "sectors.preset.long_jump": "Long jump",
    "sectors.preset.custom": "Own weights",
    "sectors.weight.density": "Weight of proximity",
    "sectors.weight.pci": "Weight of complexity",
    "sectors.weight.cog": "Weight of gain",
    "complexity.note.few_sectors": (
        "Treat ECI and PCI with care: they are computed over only {sectors} sectors (fewer than {minimum}). "
        "On so coarse a split one or two large sectors decide a region's place, and the complexity "
        "ranking is a pointer, not a finding."
    ),
    "complexity.note.single_section": (
        "All sectors of the computation belong to one OKVED 2 section ({section}): complexity compares "
        "regions within it only, without the rest of the economy."
    ),
    "sectors.opportunities_method": (
        "Candidates are industries the region does not yet specialise in (RCA < 1). The score adds the "
        "industry's closeness to what the region already does (density), its complexity (PCI) and its "
        "gain for future diversification (COG), each standardised, with the chosen strategy's weights."
    ),
    "sectors.robust": "Robust: {n} of the top {k} stay on top in {share} of calculation variants",
    "sectors.not_robust": (
        "Not robust: another threshold, benchmark or measure changes the top of the list (mean Kendall τ {tau})"
    ),
    "sectors.no_data": "No sector data for this region in the chosen years.",
    "sectors.help": "How to read the metrics",
    "sectors.help_text": (
        "**LQ**: the industry's share of the region's employment divided by its share in the "
        "benchmark; LQ > 1 means the region specialises in it.  \n"
        "**Growth relative to benchmark**: the industry's annual growth in the region minus its growth "
        "in the benchmark.  \n"
        "**Quadrants**: stars: LQ ≥ 1 and rising; mature: LQ ≥ 1 but falling; emerging: LQ < 1 and "
        "rising; transforming: LQ < 1 and falling.  \n"
        "**Strong cluster** (US Cluster Mapping): LQ at or above the 75th percentile across regions and "
        "≥ 1, employment and establishments above the 25th percentile.  \n"
        "**Shift-share** splits the change into national growth, industry mix and the region's own "
        "competitive effect.  \n"
        "**Krugman index** (0–2): how far the region's structure is from Russia's; **HHI** and "
        "**entropy**: concentration and diversity; **Hachman index**: similarity to Russia (1 = same)."
    ),
    "col.sector": "Sector",
    "col.code": "Code",
    "col.value": "Value",
    "col.share": "Share of region",
    "col.lq": "LQ",
    "col.lq_start": "LQ at start",
    "col.cagr": "Growth a year",
    "col.benchmark_cagr": "Benchmark growth a year",
    "col.relative_growth": "Growth vs benchmark",
    "col.quadrant": "Quadrant",
    "col.strong": "Strong cluster",
    "col.krugman": "Krugman",
    "col.hachman": "Hachman",
    "col.hhi": "HHI",
    "col.entropy": "Entropy",
    "col.total": "Total",
    "col.score": "Score",
    "col.density": "Density",
    "col.pci": "PCI",
    "col.pci_note": "Note on PCI",
    "col.cog": "COG",
    "col.rca": "RCA",
    "col.rank": "Rank",
    "yes": "yes",
    "no": "no",
}
