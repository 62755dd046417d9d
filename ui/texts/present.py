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
    "present.scenario_default": "по умолчанию (режим 2023 г., 50\u00a0%)",
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
    "slide.portfolio.title": "Портфель отраслей, {start}–{end}",
    "slide.score_axis": "Сводная оценка (0–100)",
    "slide.clusters.title": "Кандидаты в кластеры, {year}",
    "slide.registry.title": "Готовность к реестру Минпромторга (ПП № 779)",
    "slide.registry.axis": "Функциональная зависимость, %",
    "slide.registry.threshold": "порог",
    "slide.network.title": "{cluster}: кооперация и недостающие звенья",
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
    "slide.next_steps.message": "Ближе всего к тому, что регион уже умеет: {sectors}",
    "slide.next_steps.message_unstable": (
        "Кандидаты: {sectors}. Порядок зависит от выбранной методики: решите, какую стратегию берёт регион."
    ),
    "slide.next_steps.complexity_note": (
        "Сложность (PCI) здесь оценена грубо — по {sectors} отраслям обработки: это ориентир, а не вывод."
    ),
    "slide.and": " и ",
    "slide.profile.message": "Опора промышленности региона — {clusters}: {share} работников предприятий в базе.",
    "slide.profile.manufacturing": "Занятые в обработке (Росстат)",
    "slide.profile.two_figures": (
        "Почему две цифры занятости: {manufacturing} — все занятые в обрабатывающей промышленности региона "
        "(статистика Росстата, раздел C ОКВЭД 2); {employees} — работники только {enterprises} предприятий из"
        " базы навигатора, по которым есть данные о каждом предприятии."
    ),
    "slide.portfolio.message": (
        "{stars} отраслей и специализированы, и растут быстрее, чем по России, — это опора роста. Сильнее "
        "всего специализация — {sector}: доля в занятости в {lq} раза выше средней по России."
    ),
    "slide.portfolio.codes": "На кругах — код ОКВЭД: {codes}.",
    "slide.clusters.message": (
        "Первый по сводной оценке — кластер {leader}: его выводит вперёд {edge}. Больше всего звёзд — у кластера {starred} "
        "({stars} из 5): звёзды и сводная оценка меряют разное (см. ниже)."
    ),
    "slide.clusters.message_same": "Первый и по сводной оценке, и по звёздам — {leader} ({stars} из 5 звёзд).",
    "slide.clusters.strong": "Сильных по правилу US Cluster Mapping: {strong} из {n}.",
    "slide.component.size": "размер",
    "slide.component.specialisation": "специализация",
    "slide.component.growth": "рост занятости",
    "slide.component.completeness": "полнота цепочки",
    "slide.component.cooperation": "кооперация",
    "slide.registry.message_none": (
        "Пока ни один кандидат не проходит в реестр: участники мало покупают друг у друга. Ближе всех — "
        "{closest}: {dependence} при пороге {threshold}."
    ),
    "slide.registry.message": (
        "Проходят все требования: {passing} из {n}; остальным не хватает закупок друг у друга. Ближе всех к "
        "порогу {threshold} — {closest}: {dependence}."
    ),
    "slide.network.message": (
        "Связаны поставками {linked} из {members} участников: {links} связей на схеме; у своих закупается "
        "{cooperation} — остальное везут извне. Звеньев привлечь или локализовать: {gaps}."
    ),
    "slide.network.links_title": "Связи поставки между участниками: {links}",
    "slide.network.gaps_title": "Недостающие звенья: плотность",
    "slide.next_steps.title": "Решения, которые предстоит принять",
    "slide.decide.cluster": "Какой кластер поддерживать первым: предлагается {cluster}.",
    "slide.decide.registry": (
        "Как довести кооперацию до порога реестра: у кластера {cluster} закупки у своих — {dependence}, нужно "
        "{threshold}."
    ),
    "slide.decide.sectors": "Какие отрасли привлекать: ближе всего к тому, что регион уже умеет, — {sectors}.",
    "slide.decide.sectors_unstable": (
        "Какие отрасли привлекать ({sectors}) и по какой стратегии: порядок зависит от методики."
    ),
    "slide.decide.subsidy": "Какой бюджет и режим субсидий выбрать: сценарии — на странице «Субсидии».",
    "glossary.lq": (
        "LQ (коэффициент локализации) — во сколько раз доля отрасли в занятости региона больше, чем в России;"
        " больше 1 — регион специализирован."
    ),
    "glossary.pp": "п. п. (процентные пункты) — разница темпов роста: 2 п. п. = на 2\u00a0% в год быстрее России.",
    "glossary.score": (
        "Сводная оценка (0–100) — среднее из пяти составляющих: размер, специализация, рост занятости, "
        "полнота цепочки поставщиков и кооперация."
    ),
    "glossary.stars": (
        "Звёзды Европейской кластерной обсерватории (0–5) — по одной за размер, специализацию (LQ ≥ 2), "
        "фокус, производительность и динамику, если кластер среди 10\u00a0% лучших регионов."
    ),
    "glossary.us": (
        "«Сильный» по US Cluster Mapping — LQ не ниже 1 и в верхней четверти регионов, занятых и предприятий "
        "не меньше, чем у нижней четверти."
    ),
    "glossary.dependence": (
        "Функциональная зависимость — доля закупок конечных производителей кластера у других его участников; "
        "для реестра Минпромторга (ПП № 779) нужно не меньше порога."
    ),
    "glossary.cooperation": (
        "Линии — поставки между участниками (толщина — объём), круги — участники (размер — занятые)."
    ),
    "glossary.density": (
        "Плотность (0–1) — насколько отрасль близка к тому, что регион уже производит: выше — легче привлечь."
    ),
    "glossary.opportunity": (
        "Оценка (0–1) — сумма близости к нынешней промышленности региона (плотности), сложности отрасли и "
        "выигрыша для будущего развития, с весами выбранной стратегии."
    ),
    "slide.subsidy.what_if": (
        "Сейчас ни один проект не получает поддержку: кластеры не в реестре. Если бы они вошли в реестр:"
    ),
    "glossary.discounted": (
        "Дисконт. — суммы разных лет приведены к году начала по ставке дисконтирования: рубль позже стоит меньше."
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
    "present.bad_scenario": (
        "The link has a wrong scenario parameter “{field}” = “{value}”: the default scenario is shown."
    ),
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
    "slide.portfolio.title": "Sector portfolio, {start}–{end}",
    "slide.score_axis": "Composite score (0–100)",
    "slide.clusters.title": "Cluster candidates, {year}",
    "slide.registry.title": "Readiness for the Minpromtorg registry (Decree No. 779)",
    "slide.registry.axis": "Functional dependence, %",
    "slide.registry.threshold": "threshold",
    "slide.network.title": "{cluster}: cooperation and missing links",
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
        'every cluster is registered".'
    ),
    "slide.subsidy.axis": "RUB mln",
    "slide.subsidy.break_even": "break-even",
    "slide.next_steps.message": "Closest to what the region already does: {sectors}",
    "slide.next_steps.message_unstable": (
        "Candidates: {sectors}. The order depends on the method: decide which strategy the region takes."
    ),
    "slide.next_steps.complexity_note": (
        "Complexity (PCI) is a rough estimate here, over {sectors} manufacturing sectors: a pointer, not a finding."
    ),
    "slide.and": " and ",
    "slide.profile.message": (
        "The region's industry rests on {clusters}: {share} of the employees of the enterprises in the store."
    ),
    "slide.profile.manufacturing": "Manufacturing jobs (Rosstat)",
    "slide.profile.two_figures": (
        "Why two employment figures: {manufacturing} is all manufacturing employment in the region (Rosstat "
        "statistics, OKVED 2 section C); {employees} are the employees of the {enterprises} enterprises in "
        "the navigator's store only, for which there is firm-level data."
    ),
    "slide.portfolio.message": (
        "{stars} sectors are both specialised and growing faster than in Russia: the base for growth. The "
        "strongest specialisation is {sector}: its share of employment is {lq} times Russia's."
    ),
    "slide.portfolio.codes": "Bubbles carry the OKVED code: {codes}.",
    "slide.clusters.message": (
        "Top of the composite score: {leader}, carried by its {edge}. Most stars: {starred} ({stars} of 5): "
        "the stars and the score measure different things (see below)."
    ),
    "slide.clusters.message_same": "Top both by the composite score and by the stars: {leader} ({stars} of 5 stars).",
    "slide.clusters.strong": "Strong by the US Cluster Mapping rule: {strong} of {n}.",
    "slide.component.size": "size",
    "slide.component.specialisation": "specialisation",
    "slide.component.growth": "employment growth",
    "slide.component.completeness": "chain completeness",
    "slide.component.cooperation": "cooperation",
    "slide.registry.message_none": (
        "No candidate enters the registry yet: the members buy too little from each other. Closest: "
        "{closest}, {dependence} against a threshold of {threshold}."
    ),
    "slide.registry.message": (
        "Meeting every requirement: {passing} of {n}; the others buy too little from each other. Closest to "
        "the {threshold} threshold: {closest}, {dependence}."
    ),
    "slide.network.message": (
        "{linked} of {members} members are linked by supplies: {links} links on the chart; {cooperation} of "
        "purchases stay inside, the rest comes from outside. Links to attract or localise: {gaps}."
    ),
    "slide.network.links_title": "Supply links between members: {links}",
    "slide.network.gaps_title": "Missing links: density",
    "slide.next_steps.title": "Decisions to take",
    "slide.decide.cluster": "Which cluster to back first: {cluster} is proposed.",
    "slide.decide.registry": (
        "How to raise cooperation to the registry threshold: {cluster} buys {dependence} from members, "
        "{threshold} is needed."
    ),
    "slide.decide.sectors": "Which sectors to attract: closest to what the region already does are {sectors}.",
    "slide.decide.sectors_unstable": (
        "Which sectors to attract ({sectors}) and by which strategy: the order depends on the method."
    ),
    "slide.decide.subsidy": "Which subsidy budget and regime to choose: scenarios on the Subsidies page.",
    "glossary.lq": (
        "LQ (location quotient): how many times the sector's share of the region's employment exceeds "
        "Russia's; above 1 means the region is specialised."
    ),
    "glossary.pp": "p.p. (percentage points): a difference of growth rates; 2 p.p. = 2% a year faster than Russia.",
    "glossary.score": (
        "Composite score (0–100): the mean of five parts: size, specialisation, employment growth, supplier "
        "chain completeness and cooperation."
    ),
    "glossary.stars": (
        "European Cluster Observatory stars (0–5): one each for size, specialisation (LQ ≥ 2), focus, "
        "productivity and dynamism when the cluster is among the top 10% of regions."
    ),
    "glossary.us": (
        "“Strong” by US Cluster Mapping: LQ at least 1 and in the top quarter of regions, employment and "
        "establishments above the bottom quarter."
    ),
    "glossary.dependence": (
        "Functional dependence: the share of the final producers' purchases bought from other members; the "
        "Minpromtorg registry (Decree No. 779) needs at least the threshold."
    ),
    "glossary.cooperation": "Lines are supplies between members (width: value); circles are members (size: employees).",
    "glossary.density": (
        "Density (0–1): how close a sector is to what the region already makes; higher means easier to attract."
    ),
    "glossary.opportunity": (
        "Score (0–1): closeness to the region's current industry (density), the sector's complexity and the "
        "gain for future development, weighted by the chosen strategy."
    ),
    "slide.subsidy.what_if": "Today no project gets support: the clusters are not on the registry. If they entered it:",
    "glossary.discounted": (
        "Discounted: sums of different years brought to the start year at the discount rate; a later rouble "
        "is worth less."
    ),
}
