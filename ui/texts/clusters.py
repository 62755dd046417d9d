"""Strings of the Clusters page: candidates, members, map, cooperation network, registry check, gaps,
discovered clusters."""

RU: dict[str, str] = {
    "nav.clusters": "Кластеры",
    "clusters.title": "{region}: кластеры",
    "clusters.intro": (
        "Какие промышленные кластеры в регионе есть на самом деле, насколько каждый силён, может ли он "
        "войти в реестр Минпромторга (ПП РФ № 779) и каких звеньев цепочки ему не хватает."
    ),
    "clusters.no_data": "Для этого года нет ни предприятий, ни отраслевой статистики.",
    "clusters.no_enterprises": (
        "В базе нет предприятий этого региона: показаны только отраслевые показатели, "
        "состав участников и требования реестра проверить нельзя."
    ),
    "clusters.candidates": "Кандидаты в кластеры по шаблонам",
    "clusters.candidates_caption": (
        "Кандидаты упорядочены по сводной оценке 0–100 (веса — в панели «Веса оценки»). Звёзды — по "
        "методике Европейской кластерной обсерватории, значок — итог проверки требований ПП РФ № 779."
    ),
    "clusters.card_title": "{rank}. {name}",
    "clusters.stars": "Звёзды ECO: {stars}",
    "clusters.stars_help": (
        "По звезде за размер (верхние {size} регионов по занятости в кластере), специализацию (LQ ≥ {lq}), "
        "фокус (верхние {focus} по доле кластера в обработке региона), производительность и динамику "
        "(верхние {productivity} и {dynamism})."
    ),
    "clusters.star.size": "размер",
    "clusters.star.specialisation": "специализация",
    "clusters.star.focus": "фокус",
    "clusters.star.productivity": "производительность",
    "clusters.star.dynamism": "динамика",
    "clusters.strong": "Сильный кластер по US Cluster Mapping",
    "clusters.kpi.score": "Сводная оценка",
    "clusters.kpi.score_help": "0–100: взвешенное среднее компонент (см. «Веса оценки» и «Как считается»).",
    "clusters.kpi.members": "Участники",
    "clusters.kpi.employees": "Занятые у участников",
    "clusters.kpi.lq": "LQ к России",
    "clusters.kpi.lq_help": "Коэффициент локализации занятости кластера (отраслевая статистика) против России.",
    "clusters.kpi.growth": "Рост к России",
    "clusters.kpi.growth_help": "Среднегодовой рост занятости кластера в регионе минус рост по России, п. п. в год.",
    "clusters.kpi.completeness": "Полнота цепочки",
    "clusters.kpi.completeness_help": (
        "Доля кодов-поставщиков шаблона (с весами), по которым в регионе есть хотя бы одно предприятие."
    ),
    "clusters.kpi.dependence": "Функц. зависимость",
    "clusters.kpi.dependence_alt": " Чувствительность — с закупками ядро → ядро: {value}.",
    "clusters.kpi.dependence_help": (
        "Доля закупок участников, выпускающих конечную продукцию, у других участников кластера (не у "
        "конечных производителей); порог реестра — {threshold}."
    ),
    "clusters.anchors": "Якорные предприятия: {names}",
    "clusters.no_anchors": "Якорных предприятий (более {n} занятых) нет.",
    "clusters.badge.pass": "Соответствует ПП № 779",
    "clusters.badge.fail": "Не соответствует ПП № 779",
    "clusters.badge.not_enough_data": "Недостаточно данных для ПП № 779",
    "clusters.weights": "Веса оценки",
    "clusters.weights_caption": "Веса нормируются: важно только соотношение между ними.",
    "clusters.weight.size": "Размер",
    "clusters.weight.specialisation": "Специализация",
    "clusters.weight.growth": "Рост",
    "clusters.weight.completeness": "Полнота цепочки",
    "clusters.weight.cooperation": "Кооперация",
    "clusters.registry_params": "Пороги требований реестра (ПП РФ № 779)",
    "clusters.registry_params_caption": (
        "Значения по умолчанию — из постановления; отмеченные «требует проверки» не подтверждены "
        "полным текстом и оставлены редактируемыми."
    ),
    "clusters.to_verify": "требует проверки",
    "clusters.param.dependence_min": "Функциональная зависимость не ниже, %",
    "clusters.param.dependence_min_relaxed": "Пониженный порог, %",
    "clusters.param.relaxed_trigger_share": "Доля участников на особых территориях для пониженного порога, %",
    "clusters.param.monotown_oktmo": "Моногорода среди муниципалитетов региона (перечень не загружен — выберите)",
    "clusters.param.region_qualifies": (
        "Регион — субъект с индивидуальной программой развития или геостратегическая территория"
    ),
    "clusters.param.max_organising": "Участников, организующих производство, не более",
    "clusters.param.dependence_suppliers": "Чьи поставки считать в функциональной зависимости",
    "clusters.dependence_suppliers.others": "других участников, кроме конечных производителей (по постановлению)",
    "clusters.dependence_suppliers.all": "всех других участников, включая конечных производителей (ядро → ядро)",
    "clusters.param.min_industrial": "Промышленных участников не менее",
    "clusters.param.min_infrastructure": "Организаций инфраструктуры не менее",
    "clusters.param.min_specialised": "Специализированных организаций не менее",
    "clusters.param.participants": "Кого считать участниками",
    "clusters.participants.declared": "заявленных (по отметке в базе)",
    "clusters.participants.all": "всех предприятий с кодами шаблона",
    "clusters.select": "Кандидат для подробного разбора",
    "clusters.option.template": "{name}",
    "clusters.option.discovered": "Найденный: {name} (+{more})",
    "clusters.detail": "{name}: подробно",
    "clusters.tab.members": "Участники",
    "clusters.tab.map": "Карта",
    "clusters.tab.network": "Сеть кооперации",
    "clusters.tab.registry": "Реестр Минпромторга",
    "clusters.tab.gaps": "Недостающие звенья",
    "clusters.members_caption": (
        "Участник — предприятие региона, отмеченное в базе как участник кластера, или (без такой отметки) "
        "с кодом ОКВЭД из шаблона. Якорь — промышленное предприятие, где занятых больше {n} (крупнее любого МСП)."
    ),
    "clusters.col.inn": "ИНН",
    "clusters.col.name": "Предприятие",
    "clusters.col.okved": "ОКВЭД",
    "clusters.col.role": "Роль",
    "clusters.col.basis": "Основание",
    "clusters.col.kind": "Тип",
    "clusters.col.sme": "МСП",
    "clusters.col.municipality": "Муниципалитет",
    "clusters.col.purchases": "Закупки, млн ₽",
    "clusters.col.partners": "Партнёров в кластере",
    "clusters.col.sales_to_members": "Продажи участникам, млн ₽",
    "clusters.col.anchor": "Якорь",
    "clusters.role.core": "ядро",
    "clusters.role.supplier": "поставщик",
    "clusters.role.service": "сервис",
    "clusters.role.infrastructure": "инфраструктура",
    "clusters.role.specialised": "специализированная организация",
    "clusters.role.other": "прочее производство",
    "clusters.basis.hint": "отметка в базе",
    "clusters.basis.okved": "код ОКВЭД",
    "clusters.basis.hint+okved": "отметка и код",
    "clusters.kind.industrial": "промышленное",
    "clusters.kind.infrastructure": "инфраструктура",
    "clusters.kind.specialised": "специализированная",
    "clusters.download_csv": "Скачать CSV",
    "clusters.download_xlsx": "Скачать Excel",
    "clusters.map_caption": (
        "Точки — участники (площадь — занятые, цвет — роль); серые круги — муниципалитеты в их "
        "административных центрах; названия — в подсказке при наведении и в таблице справа. Подложка карты "
        "не загружается, поэтому карта работает без интернета; граница региона видна, если её загрузили на "
        "странице «Данные»."
    ),
    "clusters.map_choropleth_caption": (
        "Заливка — занятые у участников по муниципалитетам (границы загружены на странице «Данные»); точки — участники."
    ),
    "clusters.map_no_points": "У участников нет координат: карту построить нельзя.",
    "clusters.map_municipality": "Муниципалитет",
    "clusters.map_members": "участников: {n}, занятых: {employees}",
    "clusters.network_caption": (
        "Узлы — участники (площадь — занятые), линии — поставки между ними за год (толщина — объём). "
        "Участники без связей — по краю."
    ),
    "clusters.network_empty": "Поставок между участниками за этот год в базе нет.",
    "clusters.network_truncated": "Показаны {shown} крупнейших участников из {total}.",
    "clusters.network_link": "{supplier} → {buyer}: {value}",
    "clusters.registry_verdict.pass": "Кандидат соответствует требованиям ПП РФ № 779 при заданных порогах.",
    "clusters.registry_verdict.fail": "Кандидат пока не соответствует требованиям ПП РФ № 779.",
    "clusters.registry_verdict.not_enough_data": "Для части требований не хватает данных.",
    "clusters.registry_basis.declared": "Участники — заявленные в базе: {n}.",
    "clusters.registry_basis.all": "Участники — все предприятия с кодами шаблона: {n}.",
    "clusters.dependence_reading": (
        "Функциональная зависимость считается как в постановлении: закупки производителей конечной продукции "
        "у других участников кластера (не друг у друга) ÷ все их закупки. Вариант «ядро → ядро» (с закупками "
        "конечных производителей друг у друга) показан рядом как проверка чувствительности (и в подсказке к показателю на карточках)."
    ),
    "clusters.dependence_reading_all": (
        "Функциональная зависимость считается с закупками конечных производителей друг у друга (ядро → ядро) — "
        "шире, чем в постановлении; прочтение постановления показано рядом как проверка чувствительности."
    ),
    "clusters.rule.contracts": "У каждого участника есть договор с другим участником",
    "clusters.rule.dependence": "Общий уровень функциональной зависимости",
    "clusters.rule.organising": "Участников, организующих производство в кластере",
    "clusters.rule.min_industrial": "Промышленных участников",
    "clusters.rule.infrastructure": "Организаций инфраструктуры",
    "clusters.rule.specialised": "Специализированная организация",
    "clusters.status.pass": "выполнено",
    "clusters.status.fail": "не выполнено",
    "clusters.status.tolerated": "допустимо",
    "clusters.status.not_enough_data": "нет данных",
    "clusters.measured": "{measured} при пороге {threshold}",
    "clusters.measured_max": "{measured} при допустимых {threshold}",
    "clusters.source": "{source}; {clause}; {edition}",
    "clusters.missing.without_contract": "Без договоров с другими участниками: {n} — {names}.",
    "clusters.missing.organising_exempt": (
        "Ещё {n} участн. без поставок отмечены как организующие производство: их договор (о проекте) "
        "в данных не виден и принят по отметке аналитика."
    ),
    "clusters.missing.too_many_organising": (
        "Организующих производство {n} при допустимых {max}: лишних {excess} — {names}."
    ),
    "clusters.dependence_sensitivity": (
        "Чувствительность: если считать и закупки конечных производителей друг у друга (ядро → ядро), "
        "зависимость {other} — {verdict} при пороге {threshold}. Постановление говорит о закупках у других "
        "участников кластера; по умолчанию поставки между конечными производителями не засчитываются."
    ),
    "clusters.dependence_sensitivity_decree": (
        "Чувствительность: по прочтению постановления (без закупок конечных производителей друг у друга) "
        "зависимость {other} — {verdict} при пороге {threshold}."
    ),
    "clusters.sensitivity.pass": "порог выполнен",
    "clusters.sensitivity.fail": "порог не выполнен",
    "clusters.missing.dependence_short": (
        "Функциональная зависимость {value} — на {points} п. п. ниже порога {threshold}: закупки конечных "
        "производителей у участников нужно увеличить на {needed}."
    ),
    "clusters.missing.dependence_links": "Разрыв могли бы закрыть такие поставки ({n}):",
    "clusters.missing.dependence_links_partial": "Эти поставки ({n}) закрыли бы разрыв лишь частично:",
    "clusters.missing.dependence_link": "{supplier} → {buyer}: {value}",
    "clusters.missing.joins": " (поставщик войдёт в состав)",
    "clusters.missing.needs_industrial": "Не хватает промышленных участников: {n}.",
    "clusters.missing.needs_infrastructure": "Не хватает организаций инфраструктуры: {n}.",
    "clusters.missing.needs_specialised": "Нет специализированной организации кластера.",
    "clusters.missing.candidates": "Могли бы войти: {names}.",
    "clusters.missing.no_links_data": "В базе нет кооперационных связей предприятий региона за этот год.",
    "clusters.missing.no_final_producers": "Среди участников нет производителей конечной продукции (ядро шаблона).",
    "clusters.missing.no_purchases_data": "Нет данных о закупках производителей конечной продукции.",
    "clusters.missing.no_members": "В базе нет предприятий-участников этого кластера в регионе.",
    "clusters.relaxed": (
        "Применён пониженный порог: {share} участников — в субъекте с индивидуальной программой развития, "
        "на геостратегической территории или в моногороде."
    ),
    "clusters.gaps_caption": (
        "Коды-поставщики шаблона, которых в регионе нет или которые слабее, чем в среднем по России "
        "(LQ < 1): что привлекать или локализовать. Порядок — по весу в шаблоне, затем по плотности "
        "связанных отраслей в регионе."
    ),
    "clusters.gaps_none": "Все коды-поставщики шаблона представлены в регионе не слабее, чем по России.",
    "clusters.col.weight": "Вес",
    "clusters.col.firms": "Предприятий в регионе",
    "clusters.col.stat_employees": "Занятые в регионе",
    "clusters.col.gap_status": "Состояние",
    "clusters.col.elsewhere": "Где есть в других регионах",
    "clusters.gap.absent": "нет в регионе",
    "clusters.gap.weak": "слабее России",
    "clusters.elsewhere_item": "{name} ({region}, {employees} чел.)",
    "clusters.elsewhere_none": "в базе нет",
    "clusters.discovered": "Найденные кластеры вне шаблонов",
    "clusters.discovered_how": (
        "Как найдены: по статистике всех регионов ({regions}) для каждой пары отраслей ({sectors}) "
        "проверено, сильны ли они в одних и тех же регионах (корреляция логарифма LQ, поправка "
        "Бенджамини–Хохберга на {fdr} ложных открытий, r ≥ {min_correlation}; значимых пар: {significant}). "
        "Связи усилены поставками между предприятиями региона, сообщества выделены алгоритмом Лувена. "
        "Региону предлагаются сообщества, где LQ ≥ {min_lq}."
    ),
    "clusters.discovered_none": "В регионе не найдено сообществ связанных отраслей, кроме описанных шаблонами.",
    "clusters.discovered_nothing": "Значимых групп совместно размещённых отраслей не найдено.",
    "clusters.discovered_new": "новый",
    "clusters.discovered_matches": "совпадает с шаблоном «{template}» ({share})",
    "clusters.col.community": "Сообщество отраслей",
    "clusters.col.codes": "Коды ОКВЭД",
    "clusters.col.found": "Сравнение с шаблонами",
    "clusters.col.correlation": "Средняя корреляция",
    "clusters.method": "Как считается",
    "clusters.method_text": (
        "**Участники** — предприятия региона: отмеченные в базе как участники кластера, а без отметки — "
        "с кодом ОКВЭД шаблона или вложенным в него.\n\n"
        "**LQ, рост, фокус, производительность** — по отраслевой статистике всех регионов: коды шаблона "
        "из раздела C суммируются; LQ = (E_rc / E_r) / (E_c / E); рост — среднегодовой с {start} года.\n\n"
        "**Звёзды ECO**: размер — верхние {size} регионов, специализация — LQ ≥ {lq}, фокус — верхние "
        "{focus} по доле в обработке региона, производительность и динамика — верхние {productivity} и "
        "{dynamism}.\n\n"
        "**Сводная оценка** = 100 × Σ wₖ·sₖ / Σ wₖ: размер, специализация и рост — процентильный ранг "
        "среди регионов (0–1), полнота цепочки — доля (0–1), кооперация — доля закупок участников у "
        "участников (0–1), без пересчёта к порогу реестра.\n\n"
        "**Реестр** — требования ПП РФ № 779; функциональная зависимость = закупки конечных "
        "производителей у других участников кластера (не друг у друга) / все их закупки. Подробнее — на странице «Методика»."
    ),
    "clusters.templates": "Шаблоны кластеров",
    "clusters.templates_caption": (
        "Шаблоны — предложение проекта (коды ОКВЭД 2 с ролями и весами), не официальный перечень. "
        "Аналитик заменяет их, загрузив таблицу «Шаблоны кластеров» на странице «Данные»."
    ),
    "clusters.col.cluster_id": "Кластер",
    "clusters.col.note": "Примечание",
    "clusters.col.stars": "Звёзды ECO",
    "clusters.measured_contracts": "без договора: {measured}",
    "clusters.src.decree_779": "Постановление Правительства РФ № 779 от 31.07.2015",
    "clusters.src.edition_not_recorded": "редакция в имеющихся источниках не указана",
    "clusters.src.edition_1956": "в ред. № 1956 от 16.11.2021",
    "clusters.src.edition_original": "в первоначальной ред. от 31.07.2015",
    "clusters.members_breakdown": "Промышленных: {industrial} · МСП: {sme} · инфраструктура: {infrastructure} · специализированных: {specialised}",
    "clusters.codes": "Коды ОКВЭД: {codes}",
    "clusters.col.sme_category": "Категория МСП",
    "clusters.col.source": "Источник",
    "clusters.sme_category.micro": "микро",
    "clusters.sme_category.small": "малое",
    "clusters.sme_category.medium": "среднее",
    "clusters.taxes.title": "Налоги, уплаченные участниками",
    "clusters.taxes.level": "Уровень бюджета",
    "clusters.taxes.paid": "Уплачено, млн ₽",
    "clusters.taxes.share": "Доля",
    "clusters.taxes.level.federal": "федеральный бюджет",
    "clusters.taxes.level.regional": "региональный бюджет",
    "clusters.taxes.level.local": "местные бюджеты",
    "clusters.taxes.level.social_funds": "внебюджетные фонды (страховые взносы)",
    "clusters.taxes.level.non_tax": "неналоговые доходы",
    "clusters.taxes.level.unknown": "без единого уровня (госпошлина, акцизы, НДПИ)",
    "clusters.taxes.level.total": "итого",
    "clusters.taxes.caption": (
        "Сумма по участникам, у которых есть данные ФНС за {year} год: {with_figures} из {members}. "
        "Источник: {sources}."
    ),
    "clusters.taxes.none": (
        "Уплаченные участниками налоги за {year} год не загружены: загрузите набор ФНС «Сведения об "
        "уплаченных организацией суммах налогов и сборов» на странице «Данные»."
    ),
}

EN: dict[str, str] = {
    "nav.clusters": "Clusters",
    "clusters.title": "{region}: clusters",
    "clusters.intro": (
        "Which industrial clusters the region really has, how strong each is, whether it can enter the "
        "Minpromtorg registry (Government Decree No. 779) and which links of the chain it lacks."
    ),
    "clusters.no_data": "There are neither enterprises nor sector statistics for this year.",
    "clusters.no_enterprises": (
        "The database holds no enterprises of this region: only sector measures are shown; membership "
        "and the registry requirements cannot be checked."
    ),
    "clusters.candidates": "Cluster candidates from the templates",
    "clusters.candidates_caption": (
        "Candidates are ranked by a composite score 0–100 (weights in the “Score weights” panel). Stars "
        "follow the European Cluster Observatory; the badge is the result of the Decree No. 779 check."
    ),
    "clusters.card_title": "{rank}. {name}",
    "clusters.stars": "ECO stars: {stars}",
    "clusters.stars_help": (
        "One star each for size (top {size} of regions by cluster employment), specialisation "
        "(LQ ≥ {lq}), focus (top {focus} by the cluster's share of regional manufacturing), productivity "
        "and dynamism (top {productivity} and {dynamism})."
    ),
    "clusters.star.size": "size",
    "clusters.star.specialisation": "specialisation",
    "clusters.star.focus": "focus",
    "clusters.star.productivity": "productivity",
    "clusters.star.dynamism": "dynamism",
    "clusters.strong": "Strong cluster (US Cluster Mapping)",
    "clusters.kpi.score": "Composite score",
    "clusters.kpi.score_help": "0–100: a weighted mean of the components (see “Score weights” and “How it is computed”).",
    "clusters.kpi.members": "Members",
    "clusters.kpi.employees": "Members' employees",
    "clusters.kpi.lq": "LQ vs Russia",
    "clusters.kpi.lq_help": "Location quotient of the cluster's employment (sector statistics) against Russia.",
    "clusters.kpi.growth": "Growth vs Russia",
    "clusters.kpi.growth_help": "Annual growth of the cluster's employment in the region minus Russia's, p.p. a year.",
    "clusters.kpi.completeness": "Chain completeness",
    "clusters.kpi.completeness_help": (
        "Weighted share of the template's supplier codes with at least one enterprise in the region."
    ),
    "clusters.kpi.dependence": "Dependence (FD)",
    "clusters.kpi.dependence_alt": " Sensitivity — with core → core purchases: {value}.",
    "clusters.kpi.dependence_help": (
        "Share of final-product participants' purchases bought from the cluster's other participants (not "
        "from final producers); the registry requires {threshold}."
    ),
    "clusters.anchors": "Anchor firms: {names}",
    "clusters.no_anchors": "No anchor firms (more than {n} employees).",
    "clusters.badge.pass": "Meets Decree No. 779",
    "clusters.badge.fail": "Does not meet Decree No. 779",
    "clusters.badge.not_enough_data": "Not enough data for Decree No. 779",
    "clusters.weights": "Score weights",
    "clusters.weights_caption": "Weights are normalised: only their ratios matter.",
    "clusters.weight.size": "Size",
    "clusters.weight.specialisation": "Specialisation",
    "clusters.weight.growth": "Growth",
    "clusters.weight.completeness": "Chain completeness",
    "clusters.weight.cooperation": "Cooperation",
    "clusters.registry_params": "Registry thresholds (Decree No. 779)",
    "clusters.registry_params_caption": (
        "Defaults come from the decree; those marked “to verify” were not confirmed in full text and stay editable."
    ),
    "clusters.to_verify": "to verify",
    "clusters.param.dependence_min": "Functional dependence at least, %",
    "clusters.param.dependence_min_relaxed": "Relaxed threshold, %",
    "clusters.param.relaxed_trigger_share": "Share of participants in special territories for the relaxed threshold, %",
    "clusters.param.monotown_oktmo": "Single-industry towns among the region's municipalities (list not loaded — pick them)",
    "clusters.param.region_qualifies": (
        "The region has an individual development programme or is a geostrategic territory"
    ),
    "clusters.param.max_organising": "Participants organising production at most",
    "clusters.param.dependence_suppliers": "Whose supplies count in functional dependence",
    "clusters.dependence_suppliers.others": "other participants except final producers (the decree)",
    "clusters.dependence_suppliers.all": "all other participants, final producers included (core → core)",
    "clusters.param.min_industrial": "Industrial participants at least",
    "clusters.param.min_infrastructure": "Infrastructure organisations at least",
    "clusters.param.min_specialised": "Specialised organisations at least",
    "clusters.param.participants": "Who counts as a participant",
    "clusters.participants.declared": "declared (marked in the database)",
    "clusters.participants.all": "every enterprise with the template's codes",
    "clusters.select": "Candidate to examine",
    "clusters.option.template": "{name}",
    "clusters.option.discovered": "Discovered: {name} (+{more})",
    "clusters.detail": "{name} in detail",
    "clusters.tab.members": "Members",
    "clusters.tab.map": "Map",
    "clusters.tab.network": "Cooperation network",
    "clusters.tab.registry": "Minpromtorg registry",
    "clusters.tab.gaps": "Missing links",
    "clusters.members_caption": (
        "A member is an enterprise of the region marked in the database as a participant of the cluster, "
        "or (without such a mark) one with an OKVED code of the template. Anchor: an industrial firm "
        "with more than {n} employees (larger than any SME)."
    ),
    "clusters.col.inn": "INN",
    "clusters.col.name": "Enterprise",
    "clusters.col.okved": "OKVED",
    "clusters.col.role": "Role",
    "clusters.col.basis": "Basis",
    "clusters.col.kind": "Kind",
    "clusters.col.sme": "SME",
    "clusters.col.municipality": "Municipality",
    "clusters.col.purchases": "Purchases, RUB mln",
    "clusters.col.partners": "Partners in the cluster",
    "clusters.col.sales_to_members": "Sales to members, RUB mln",
    "clusters.col.anchor": "Anchor",
    "clusters.role.core": "core",
    "clusters.role.supplier": "supplier",
    "clusters.role.service": "service",
    "clusters.role.infrastructure": "infrastructure",
    "clusters.role.specialised": "specialised organisation",
    "clusters.role.other": "other manufacturing",
    "clusters.basis.hint": "marked in the database",
    "clusters.basis.okved": "OKVED code",
    "clusters.basis.hint+okved": "mark and code",
    "clusters.kind.industrial": "industrial",
    "clusters.kind.infrastructure": "infrastructure",
    "clusters.kind.specialised": "specialised",
    "clusters.download_csv": "Download CSV",
    "clusters.download_xlsx": "Download Excel",
    "clusters.map_caption": (
        "Dots are members (area: employees, colour: role); grey circles are municipalities at their "
        "administrative centres; names appear on hover and in the table on the right. No map tiles are "
        "loaded, so the map works offline; the region's boundary shows once loaded on the Data page."
    ),
    "clusters.map_choropleth_caption": (
        "Shading: members' employees by municipality (boundaries loaded on the Data page); dots: members."
    ),
    "clusters.map_no_points": "Members have no coordinates: no map can be drawn.",
    "clusters.map_municipality": "Municipality",
    "clusters.map_members": "members: {n}, employees: {employees}",
    "clusters.network_caption": (
        "Nodes are members (area: employees), lines are the year's supplies between them (width: value). "
        "Members without links sit on the rim."
    ),
    "clusters.network_empty": "The database holds no supplies between members for this year.",
    "clusters.network_truncated": "The {shown} largest of {total} members are shown.",
    "clusters.network_link": "{supplier} → {buyer}: {value}",
    "clusters.registry_verdict.pass": "The candidate meets the requirements of Decree No. 779 at these thresholds.",
    "clusters.registry_verdict.fail": "The candidate does not meet the requirements of Decree No. 779 yet.",
    "clusters.registry_verdict.not_enough_data": "Some requirements lack data.",
    "clusters.registry_basis.declared": "Participants: those declared in the database, {n}.",
    "clusters.registry_basis.all": "Participants: every enterprise with the template's codes, {n}.",
    "clusters.dependence_reading": (
        "Functional dependence is computed as the decree defines it: purchases of the final-product producers "
        "from the cluster's other participants (not from one another) ÷ all their purchases. The core → core "
        "reading (with the final producers' purchases from one another) is shown beside it as a sensitivity "
        "check (also in the cards' tooltip)."
    ),
    "clusters.dependence_reading_all": (
        "Functional dependence is computed with the final producers' purchases from one another (core → core) — "
        "wider than the decree; the decree's reading is shown beside it as a sensitivity check."
    ),
    "clusters.rule.contracts": "Every participant has a contract with another participant",
    "clusters.rule.dependence": "Overall functional dependence",
    "clusters.rule.organising": "Participants organising production in the cluster",
    "clusters.rule.min_industrial": "Industrial participants",
    "clusters.rule.infrastructure": "Infrastructure organisations",
    "clusters.rule.specialised": "Specialised organisation",
    "clusters.status.pass": "met",
    "clusters.status.fail": "not met",
    "clusters.status.tolerated": "tolerated",
    "clusters.status.not_enough_data": "no data",
    "clusters.measured": "{measured} against a threshold of {threshold}",
    "clusters.measured_max": "{measured}, at most {threshold} allowed",
    "clusters.source": "{source}; {clause}; {edition}",
    "clusters.missing.without_contract": "Without a contract with another participant: {n} — {names}.",
    "clusters.missing.organising_exempt": (
        "{n} more participants without supplies are flagged as organising production: their (project) "
        "contract is not in the data and is taken on the analyst's flag."
    ),
    "clusters.missing.too_many_organising": (
        "{n} participants organise production where {max} are allowed: {excess} too many — {names}."
    ),
    "clusters.dependence_sensitivity": (
        "Sensitivity: counting also the final producers' purchases from one another (core → core), "
        "dependence is {other} — {verdict} against {threshold}. The decree speaks of purchases from the "
        "cluster's other participants; by default supplies between final producers do not count."
    ),
    "clusters.dependence_sensitivity_decree": (
        "Sensitivity: in the decree's reading (without the final producers' purchases from one another) "
        "dependence is {other} — {verdict} against {threshold}."
    ),
    "clusters.sensitivity.pass": "threshold met",
    "clusters.sensitivity.fail": "threshold not met",
    "clusters.missing.dependence_short": (
        "Functional dependence is {value}, {points} p.p. below the {threshold} threshold: final producers "
        "must buy {needed} more from participants."
    ),
    "clusters.missing.dependence_links": "These supplies ({n}) would close the gap:",
    "clusters.missing.dependence_links_partial": "These supplies ({n}) would close only part of the gap:",
    "clusters.missing.dependence_link": "{supplier} → {buyer}: {value}",
    "clusters.missing.joins": " (the supplier would join)",
    "clusters.missing.needs_industrial": "Industrial participants missing: {n}.",
    "clusters.missing.needs_infrastructure": "Infrastructure organisations missing: {n}.",
    "clusters.missing.needs_specialised": "The cluster has no specialised organisation.",
    "clusters.missing.candidates": "Could join: {names}.",
    "clusters.missing.no_links_data": "The database holds no supply links of the region's enterprises for this year.",
    "clusters.missing.no_final_producers": "No participant makes the final product (the template's core).",
    "clusters.missing.no_purchases_data": "Purchases of the final producers are not in the data.",
    "clusters.missing.no_members": "The database holds no member enterprises of this cluster in the region.",
    "clusters.relaxed": (
        "The relaxed threshold applies: {share} of participants are in a region with an individual "
        "development programme, on a geostrategic territory or in a single-industry town."
    ),
    "clusters.gaps_caption": (
        "Supplier codes of the template that the region lacks or has less of than Russia on average "
        "(LQ < 1): what to attract or localise. Ordered by weight in the template, then by the density "
        "of related sectors in the region."
    ),
    "clusters.gaps_none": "Every supplier code of the template is present in the region at least as strongly as in Russia.",
    "clusters.col.weight": "Weight",
    "clusters.col.firms": "Enterprises in the region",
    "clusters.col.stat_employees": "Employees in the region",
    "clusters.col.gap_status": "Status",
    "clusters.col.elsewhere": "Where else in Russia",
    "clusters.gap.absent": "absent",
    "clusters.gap.weak": "weaker than Russia",
    "clusters.elsewhere_item": "{name} ({region}, {employees} persons)",
    "clusters.elsewhere_none": "not in the database",
    "clusters.discovered": "Clusters found beyond the templates",
    "clusters.discovered_how": (
        "How they were found: from the statistics of all regions ({regions}), every pair of sectors "
        "({sectors}) was tested for being strong in the same regions (correlation of log LQ, "
        "Benjamini–Hochberg correction at {fdr} false discoveries, r ≥ {min_correlation}; significant "
        "pairs: {significant}). Links are strengthened by supplies between the region's firms and "
        "communities found with the Louvain method. The region is offered communities where LQ ≥ {min_lq}."
    ),
    "clusters.discovered_none": "No communities of related sectors found in the region beyond what the templates describe.",
    "clusters.discovered_nothing": "No significant groups of co-located sectors found.",
    "clusters.discovered_new": "new",
    "clusters.discovered_matches": "matches the template “{template}” ({share})",
    "clusters.col.community": "Community of sectors",
    "clusters.col.codes": "OKVED codes",
    "clusters.col.found": "Against the templates",
    "clusters.col.correlation": "Mean correlation",
    "clusters.method": "How it is computed",
    "clusters.method_text": (
        "**Members** are enterprises of the region marked in the database as participants of the "
        "cluster or, without such a mark, with an OKVED code of the template or below it.\n\n"
        "**LQ, growth, focus, productivity** come from the sector statistics of all regions: the "
        "template's section C codes are summed; LQ = (E_rc / E_r) / (E_c / E); growth is annual, "
        "from {start}.\n\n"
        "**ECO stars**: size — top {size} of regions, specialisation — LQ ≥ {lq}, focus — top {focus} by "
        "share of regional manufacturing, productivity and dynamism — top {productivity} and "
        "{dynamism}.\n\n"
        "**Composite score** = 100 × Σ wₖ·sₖ / Σ wₖ: size, specialisation and growth as percentile ranks "
        "among regions (0–1), chain completeness as a share (0–1), cooperation as the members' share of "
        "purchases from members (0–1), not scaled to the registry's bar.\n\n"
        "**Registry**: the requirements of Decree No. 779; functional dependence = purchases of final "
        "producers from the cluster's other participants (not from one another) / all their purchases. More on the Methodology page."
    ),
    "clusters.templates": "Cluster templates",
    "clusters.templates_caption": (
        "The templates are the project's proposal (OKVED 2 codes with roles and weights), not an official "
        "list. An analyst replaces them by loading the “Cluster templates” table on the Data page."
    ),
    "clusters.col.cluster_id": "Cluster",
    "clusters.col.note": "Note",
    "clusters.col.stars": "ECO stars",
    "clusters.measured_contracts": "without a contract: {measured}",
    "clusters.src.decree_779": "Government Decree No. 779 of 31.07.2015",
    "clusters.src.edition_not_recorded": "edition not recorded in the sources held",
    "clusters.src.edition_1956": "as amended by No. 1956 of 16.11.2021",
    "clusters.src.edition_original": "original edition of 31.07.2015",
    "clusters.members_breakdown": "Industrial: {industrial} · SME: {sme} · infrastructure: {infrastructure} · specialised: {specialised}",
    "clusters.codes": "OKVED codes: {codes}",
    "clusters.col.sme_category": "SME category",
    "clusters.col.source": "Source",
    "clusters.sme_category.micro": "micro",
    "clusters.sme_category.small": "small",
    "clusters.sme_category.medium": "medium",
    "clusters.taxes.title": "Taxes paid by the members",
    "clusters.taxes.level": "Budget level",
    "clusters.taxes.paid": "Paid, RUB mln",
    "clusters.taxes.share": "Share",
    "clusters.taxes.level.federal": "federal budget",
    "clusters.taxes.level.regional": "regional budget",
    "clusters.taxes.level.local": "local budgets",
    "clusters.taxes.level.social_funds": "social funds (insurance contributions)",
    "clusters.taxes.level.non_tax": "non-tax revenue",
    "clusters.taxes.level.unknown": "no single level (state duty, excises, MET)",
    "clusters.taxes.level.total": "total",
    "clusters.taxes.caption": (
        "Sum over the members with FNS figures for {year}: {with_figures} of {members}. Source: {sources}."
    ),
    "clusters.taxes.none": (
        "Taxes paid by the members in {year} are not loaded: load the FNS dataset “taxes and fees paid by "
        "organisations” on the Data page."
    ),
}
