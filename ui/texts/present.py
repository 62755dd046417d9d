"""Strings of the presentation mode and the briefing exports."""

RU: dict[str, str] = {
    "nav.present": "Презентация",
    "present.prev": "← Назад",
    "present.next": "Вперёд →",
    "present.counter": "Слайд {n} из {total}",
    "present.exit": "Выйти",
    "present.screen": "Экран",
    "present.setup": "Подготовка презентации",
    "present.setup_help": (
        "Выберите регион в боковой панели, затем откройте презентацию: ссылка сохраняет регион, язык "
        "и номер слайда. Стрелки ← → на клавиатуре листают слайды."
    ),
    "present.open": "Открыть презентацию",
    "present.link": "Ссылка на эту презентацию (регион, язык, кластер и сценарий):",
    "present.cluster": "Кластер для слайда о кооперации",
    "present.cluster_auto": "лидер сводной оценки",
    "present.scenario": "Сценарий субсидий",
    "present.scenario_default": "по умолчанию (режим 2023 г., 50 %)",
    "present.bad_scenario": "В ссылке неверный параметр сценария «{field}» = «{value}»: показан сценарий по умолчанию.",
    "present.demo_note": "Демонстрационные данные: значения условны",
    "briefing.title": "Файлы для рассылки",
    "briefing.excel": "Скачать Excel со всеми таблицами",
    "briefing.make_deck": "Подготовить презентацию PPTX",
    "briefing.deck": "Скачать PPTX",
    "briefing.make_pdf": "Подготовить презентацию PDF",
    "briefing.pdf": "Скачать PDF",
    "briefing.making": "Рисую графики…",
    "briefing.no_chromium": (
        "Для картинок графиков в PPTX и PDF нужен браузер Chromium (Debian: apt-get install chromium). "
        "Excel доступен и без него."
    ),
    "sheet.clusters": "Кластеры",
    "sheet.sectors": "Отрасли",
    "sheet.opportunities": "Возможности",
    "sheet.provenance": "Источники данных",
    "sheet.candidates": "Кандидаты",
    "sheet.members": "Участники",
    "sheet.registry": "Реестр (ПП 779)",
    "sheet.gaps": "Недостающие звенья",
    "sheet.scenario": "Сценарий субсидий",
    "xl.stars": "Звёзды",
    "xl.members": "Участники",
    "xl.completeness": "Полнота цепочки",
    "xl.cooperation": "Закупки у своих",
    "xl.inn": "ИНН",
    "xl.enterprise": "Предприятие",
    "xl.role": "Роль",
    "xl.purchases_from_members": "Закупки у участников, млн ₽",
    "xl.verdict": "Итог",
    "xl.verdict.pass": "проходит",
    "xl.verdict.fail": "не проходит",
    "xl.verdict.not_enough_data": "мало данных",
    "xl.dependence": "Функциональная зависимость",
    "xl.threshold": "Порог",
    "xl.failed": "Не выполнено",
    "xl.status": "Статус",
    "xl.firms": "Предприятий",
    "xl.project": "Проект",
    "xl.project_name": "Название",
    "xl.eligible": "Подходит",
    "xl.costs": "Затраты, млн ₽",
    "xl.subsidy": "Субсидия, млн ₽",
    "xl.own_money": "Свои средства, млн ₽",
    "xl.npv_without": "NPV без поддержки, млн ₽",
    "xl.npv_with": "NPV с поддержкой, млн ₽",
    "xl.pv_taxes": "Все налоги проекта (дисконт.), млн ₽",
    "xl.pv_taxes_additional": "Налоги благодаря поддержке (дисконт.), млн ₽",
    "xl.effectiveness": "Налоги благодаря поддержке на рубль субсидии",
    "xl.assumption": "Допущение",
    "xl.jobs": "Рабочие места",
    "slide.profile.title": "{region}: промышленность, {year}",
    "slide.profile.message": "{manufacturing} занятых в обработке — {share} обрабатывающей промышленности России",
    "slide.portfolio.title": "Портфель отраслей, {start}–{end}",
    "slide.portfolio.message": (
        "Отраслей-звёзд: {stars}, сильных кластеров: {strong}. Сильнее всего специализация — {sector} (LQ {lq})"
    ),
    "slide.score_axis": "Сводная оценка (0–100)",
    "slide.clusters.title": "Кандидаты в кластеры, {year}",
    "slide.clusters.message": (
        "Кандидатов: {n}, сильных по правилу US Cluster Mapping: {strong}. Лидер сводной оценки — {leader}, "
        "звёзд Европейской обсерватории: {stars}"
    ),
    "slide.registry.title": "Готовность к реестру Минпромторга (ПП № 779)",
    "slide.registry.axis": "Функциональная зависимость, %",
    "slide.registry.threshold": "порог",
    "slide.registry.message": "Проходят все требования: {passing} из {n}; остальным не хватает внутренних закупок",
    "slide.network.title": "{cluster}: кооперация и недостающие звенья",
    "slide.network.message": (
        "{members} участников, {links} связей поставки, {cooperation} закупок — у своих; "
        "звеньев привлечь или локализовать: {gaps}"
    ),
    "slide.subsidy.title": "Субсидия {share} затрат: эффект для бюджета",
    "slide.subsidy.message": (
        "{subsidy} на {projects} проектов; {leverage} ₽ частных денег на рубль субсидии; налоги, которые "
        "появятся благодаря поддержке, — {effectiveness} ₽ на рубль субсидии (все налоги проектов — {gross}, "
        "но часть из них была бы и без поддержки); бюджет окупится в {year} году."
    ),
    "slide.subsidy.message_no_break_even": (
        "{subsidy} на {projects} проектов; {leverage} ₽ частных денег на рубль субсидии; налоги, которые "
        "появятся благодаря поддержке, — {effectiveness} ₽ на рубль субсидии (все налоги проектов — {gross}, "
        "но часть из них была бы и без поддержки); за горизонт расчёта бюджет не окупается."
    ),
    "slide.subsidy.outlay": "Субсидия (дисконт.) нарастающим итогом",
    "slide.subsidy.returned": "Налоги благодаря поддержке (дисконт.) нарастающим итогом",
    "slide.subsidy.message_none": (
        "Ни один проект не получает поддержку в этом сценарии: кластеры не прошли проверку требований "
        "Постановления № 779 или проекты начаты вне срока действия режима. Расчёт «что если» — со "
        "страницы «Субсидии» с переключателем «Считать все кластеры в реестре»."
    ),
    "slide.subsidy.axis": "млн ₽",
    "slide.subsidy.break_even": "окупаемость",
    "slide.next_steps.title": "Следующие шаги: какие отрасли привлекать",
    "slide.next_steps.message": "Ближе всего к тому, что регион уже умеет: {sectors}",
    "slide.next_steps.message_unstable": (
        "Кандидаты: {sectors}. Порядок зависит от выбранной методики: решите, какую стратегию берёт регион."
    ),
    "slide.next_steps.complexity_note": (
        "Сложность (PCI) здесь оценена грубо — по {sectors} отраслям обработки: это ориентир, а не вывод."
    ),
}

EN: dict[str, str] = {
    "nav.present": "Presentation",
    "present.prev": "← Back",
    "present.next": "Next →",
    "present.counter": "Slide {n} of {total}",
    "present.exit": "Exit",
    "present.screen": "Screen",
    "present.setup": "Preparing the presentation",
    "present.setup_help": (
        "Choose the region in the sidebar, then open the presentation: the link keeps the region, the "
        "language and the slide number. The ← → arrow keys turn the slides."
    ),
    "present.open": "Open the presentation",
    "present.link": "Link to this deck (region, language, cluster and scenario):",
    "present.cluster": "Cluster for the cooperation slide",
    "present.cluster_auto": "top composite score",
    "present.scenario": "Subsidy scenario",
    "present.scenario_default": "default (2023 regime, 50%)",
    "present.bad_scenario": "The link has a wrong scenario parameter “{field}” = “{value}”: the default scenario is shown.",
    "present.demo_note": "Demo data: values are illustrative",
    "briefing.title": "Files to send",
    "briefing.excel": "Download Excel with every table",
    "briefing.make_deck": "Prepare the PPTX deck",
    "briefing.deck": "Download PPTX",
    "briefing.make_pdf": "Prepare the PDF deck",
    "briefing.pdf": "Download PDF",
    "briefing.making": "Drawing the charts…",
    "briefing.no_chromium": (
        "Chart images in the PPTX and the PDF need the Chromium browser (Debian: apt-get install chromium). "
        "The Excel file works without it."
    ),
    "sheet.clusters": "Clusters",
    "sheet.sectors": "Sectors",
    "sheet.opportunities": "Opportunities",
    "sheet.provenance": "Data provenance",
    "sheet.candidates": "Candidates",
    "sheet.members": "Members",
    "sheet.registry": "Registry (Decree 779)",
    "sheet.gaps": "Missing links",
    "sheet.scenario": "Subsidy scenario",
    "xl.stars": "Stars",
    "xl.members": "Members",
    "xl.completeness": "Chain completeness",
    "xl.cooperation": "Bought from members",
    "xl.inn": "INN",
    "xl.enterprise": "Enterprise",
    "xl.role": "Role",
    "xl.purchases_from_members": "Purchases from members, RUB mln",
    "xl.verdict": "Verdict",
    "xl.verdict.pass": "passes",
    "xl.verdict.fail": "fails",
    "xl.verdict.not_enough_data": "not enough data",
    "xl.dependence": "Functional dependence",
    "xl.threshold": "Threshold",
    "xl.failed": "Not met",
    "xl.status": "Status",
    "xl.firms": "Enterprises",
    "xl.project": "Project",
    "xl.project_name": "Name",
    "xl.eligible": "Eligible",
    "xl.costs": "Costs, RUB mln",
    "xl.subsidy": "Subsidy, RUB mln",
    "xl.own_money": "Own funds, RUB mln",
    "xl.npv_without": "NPV without support, RUB mln",
    "xl.npv_with": "NPV with support, RUB mln",
    "xl.pv_taxes": "All taxes of the project (discounted), RUB mln",
    "xl.pv_taxes_additional": "Taxes due to support (discounted), RUB mln",
    "xl.effectiveness": "Taxes due to support per subsidy rouble",
    "xl.assumption": "Assumption",
    "xl.jobs": "Jobs",
    "slide.profile.title": "{region}: industry, {year}",
    "slide.profile.message": "{manufacturing} manufacturing jobs — {share} of Russia's manufacturing",
    "slide.portfolio.title": "Sector portfolio, {start}–{end}",
    "slide.portfolio.message": (
        "Star sectors: {stars}, strong clusters: {strong}. The strongest specialisation: {sector} (LQ {lq})"
    ),
    "slide.score_axis": "Composite score (0–100)",
    "slide.clusters.title": "Cluster candidates, {year}",
    "slide.clusters.message": (
        "Candidates: {n}, strong by the US Cluster Mapping rule: {strong}. Top composite score: {leader}, "
        "European Cluster Observatory stars: {stars}"
    ),
    "slide.registry.title": "Readiness for the Minpromtorg registry (Decree No. 779)",
    "slide.registry.axis": "Functional dependence, %",
    "slide.registry.threshold": "threshold",
    "slide.registry.message": "Meeting every requirement: {passing} of {n}; the others buy too little from each other",
    "slide.network.title": "{cluster}: cooperation and missing links",
    "slide.network.message": (
        "{members} participants, {links} supply links, {cooperation} of purchases from each other; "
        "links to attract or localise: {gaps}"
    ),
    "slide.subsidy.title": "A subsidy of {share} of costs: the effect on the budget",
    "slide.subsidy.message": (
        "{subsidy} for {projects} projects; {leverage} private roubles per subsidy rouble; taxes that exist "
        "thanks to support: {effectiveness} roubles per subsidy rouble (all taxes of the projects: {gross}, part "
        "of which would be paid without support); the budget breaks even in {year}."
    ),
    "slide.subsidy.message_no_break_even": (
        "{subsidy} for {projects} projects; {leverage} private roubles per subsidy rouble; taxes that exist "
        "thanks to support: {effectiveness} roubles per subsidy rouble (all taxes of the projects: {gross}, part "
        "of which would be paid without support); the budget does not break even within the horizon."
    ),
    "slide.subsidy.outlay": "Cumulative subsidy (discounted)",
    "slide.subsidy.returned": "Cumulative taxes due to support (discounted)",
    "slide.subsidy.message_none": (
        "No project gets support in this scenario: the clusters do not pass the Decree No. 779 check or the "
        "projects started outside the regime's years. For a what-if, use the Subsidies page with \"assume "
        "every cluster is registered\"."
    ),
    "slide.subsidy.axis": "RUB mln",
    "slide.subsidy.break_even": "break-even",
    "slide.next_steps.title": "Next steps: industries to attract",
    "slide.next_steps.message": "Closest to what the region already does: {sectors}",
    "slide.next_steps.message_unstable": (
        "Candidates: {sectors}. The order depends on the method: decide which strategy the region takes."
    ),
    "slide.next_steps.complexity_note": (
        "Complexity (PCI) is a rough estimate here, over {sectors} manufacturing sectors: a pointer, not a finding."
    ),
}
