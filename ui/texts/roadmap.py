"""Strings of the "Route to the registry" tab of the Clusters page and of the application pack's labels
shown on the page."""

RU: dict[str, str] = {
    "clusters.tab.roadmap": "Путь в реестр",
    "roadmap.intro": (
        "Какие договоры поставки между участниками кандидата закрыли бы разрыв с требованиями ПП РФ № 779: "
        "наименьший набор правдоподобных договоров (меньше всего договоров, затем меньше всего денег), "
        "найденный точной оптимизацией."
    ),
    "roadmap.status.optimal": "Найден наименьший набор: договоров — {n}, на {value}. Оптимальность доказана.",
    "roadmap.status.none_needed": "Договорные требования выполнены: новые договоры не нужны.",
    "roadmap.status.time_limit": (
        "Найден набор: договоров — {n}, на {value}; время расчёта истекло, разрыв с доказанной оценкой "
        "оптимума — {gap}."
    ),
    "roadmap.status.no_solution": "Правдоподобными договорами между участниками разрыв не закрыть:",
    "roadmap.why.capacity": (
        "функциональная зависимость: нужно ещё {needed} закупок у участников, а правдоподобные пары дают не "
        "больше {most} (лимиты поставщиков — {caps}, свободные закупки покупателей — {rooms}, пар — {pairs})."
    ),
    "roadmap.why.no_partner": "у участников без договора нет ни одного правдоподобного партнёра: {names}.",
    "roadmap.why.joint": "требования по договорам и по зависимости вместе не выполнить при этих лимитах.",
    "roadmap.why.solver": "решатель не нашёл план: {message}.",
    "roadmap.status.cannot_judge": "Правила о договорах и зависимости по этим данным не проверить:",
    "roadmap.why.contracts_no_data": "правило о договорах: в базе нет поставок этого региона и года.",
    "roadmap.why.dependence_no_data": (
        "функциональную зависимость не рассчитать (нет данных о закупках или поставках) — договоры для неё "
        "не подбираются."
    ),
    "roadmap.gaps": "Разрыв по требованиям",
    "roadmap.col.rule": "Требование",
    "roadmap.col.status": "Статус",
    "roadmap.col.measured": "Сейчас",
    "roadmap.col.threshold": "Порог",
    "roadmap.col.gap": "Чего не хватает",
    "roadmap.col.addressed": "Чем закрывается",
    "roadmap.gap.contracts": "участников без договора: {n}",
    "roadmap.gap.dependence": "{points} процентного пункта, или {value} закупок у участников",
    "roadmap.gap.count": "ещё {n}",
    "roadmap.gap.organising": "лишних: {n}",
    "roadmap.gap.none": "—",
    "roadmap.addressed.links": "новые договоры (ниже)",
    "roadmap.addressed.invite": "пригласить предприятия (ниже)",
    "roadmap.addressed.roles": "привлечь организацию (ниже)",
    "roadmap.addressed.hand": "вручную",
    "roadmap.dependence_before": "Функциональная зависимость сейчас",
    "roadmap.dependence_after": "После предложенных договоров",
    "roadmap.core_before": "Иное прочтение сейчас",
    "roadmap.core_help": (
        "Иное прочтение правила: засчитываются и закупки производителей конечной продукции друг у друга. "
        "Проверка по умолчанию их не засчитывает."
    ),
    "roadmap.core_after": "Иное прочтение после договоров",
    "roadmap.dependence_help": "Порог: {threshold}. Знаменатель — все закупки производителей конечной продукции, {total}.",
    "roadmap.links": "Предлагаемые договоры",
    "roadmap.links_caption": (
        "Правдоподобная пара: оба — участники; продукция покупателя использует продукцию поставщика по таблице "
        "«затраты-выпуск» Росстата за 2021 г. с коэффициентом не меньше {coef} ₽ на 1 ₽ выпуска; сумма не больше "
        "закупок покупателя вне кластера и в сумме не больше {share} выручки поставщика; договор не меньше "
        "{min_link}. Параметры — методический выбор, не норма постановления."
    ),
    "roadmap.col.supplier": "Поставщик",
    "roadmap.col.buyer": "Покупатель",
    "roadmap.col.value": "Сумма, млн ₽",
    "roadmap.col.coefficient": "Коэффициент затрат, ₽/₽",
    "roadmap.col.purpose": "Зачем",
    "roadmap.col.reason": "Почему правдоподобно",
    "roadmap.purpose.dependence": "зависимость",
    "roadmap.purpose.contract": "первый договор",
    "roadmap.purpose.both": "зависимость и первый договор",
    "roadmap.reason": "продукция покупателя (ОКВЭД {buyer}) использует продукцию поставщика (ОКВЭД {supplier}): {coef} ₽ на 1 ₽ выпуска",
    "roadmap.no_links": "Новых договоров не предлагается.",
    "roadmap.network": "Сеть кооперации с предлагаемыми договорами",
    "roadmap.network_proposed": "предлагаемый договор",
    "roadmap.network_caption": (
        "Пунктир — предлагаемые договоры; сплошные линии — поставки из данных. Подписи — названия без "
        "пояснений в скобках; полное название — при наведении."
    ),
    "roadmap.first": "Первые договоры участников без договора",
    "roadmap.col.participant": "Участник",
    "roadmap.col.partner": "Партнёр",
    "roadmap.col.direction": "Направление",
    "roadmap.col.in_plan": "В наборе",
    "roadmap.direction.sells_to": "продаёт",
    "roadmap.direction.buys_from": "покупает",
    "roadmap.no_partner": "нет правдоподобного партнёра",
    "roadmap.roles": "Недостающие организации",
    "roadmap.col.role": "Кого не хватает",
    "roadmap.col.needed": "Сколько",
    "roadmap.col.candidate": "Кандидат в регионе",
    "roadmap.role.infrastructure": "инфраструктурная организация",
    "roadmap.role.specialised": "специализированная организация",
    "roadmap.none_in_region": "в регионе нет — создать или привлечь",
    "roadmap.invite": "Кого пригласить: коды ОКВЭД шаблона и предприятия региона с ними",
    "roadmap.col.okved": "ОКВЭД",
    "roadmap.col.template_role": "Роль в шаблоне",
    "roadmap.col.enterprise": "Предприятие",
    "roadmap.col.employees": "Занятые",
    "roadmap.todo": "Что агентству сделать вручную",
    "roadmap.todo.sign_contracts": "Согласовать и подписать предложенные договоры: расчёт показывает, что они правдоподобны, а не что стороны согласны.",
    "roadmap.todo.confirm_volumes": "Подтвердить у сторон объёмы закупок и выручку, на которых основан расчёт.",
    "roadmap.todo.service_contracts": "Для участников без правдоподобного партнёра по продукции — договоры на работы и услуги или совместный проект (подп. «а»).",
    "roadmap.todo.widen_suppliers": "Расширить круг поставщиков: пригласить в кластер поставщиков нужной продукции или согласовать большие объёмы с имеющимися.",
    "roadmap.todo.invite_members": "Пригласить промышленные предприятия региона до минимального числа участников.",
    "roadmap.todo.attract_infrastructure": "Привлечь инфраструктурную организацию (финансы, НИОКР, образование).",
    "roadmap.todo.appoint_specialised": "Определить специализированную организацию кластера.",
    "roadmap.todo.fewer_organising": "Сократить число участников, только организующих производство, до допустимого.",
    "roadmap.todo.verify_thresholds": "Сверить пороги, помеченные «проверить», с действующей редакцией постановления.",
    "roadmap.todo.development_programme": "Подготовить программу развития кластера (специализированная организация).",
    "roadmap.todo.application_documents": "Заполнить пропуски в пакете заявки (отмечены жёлтым) и приложить копии договоров.",
    "roadmap.pack": "Пакет заявки (Excel)",
    "roadmap.pack_help": (
        "Участники, договоры (действующие и предлагаемые), расчёт функциональной зависимости живыми формулами, "
        "сведения о специализированной организации и перечень документов; пропуски отмечены."
    ),
    "roadmap.method": (
        "Оптимизация: смешанное целочисленное программирование (scipy, HiGHS), два этапа — наименьшее число "
        "договоров, затем наименьшая сумма при этом числе. Правдоподобных пар: {pairs}; отсеяно по таблице "
        "«затраты-выпуск»: {excluded}."
    ),
    "roadmap.pack_pdf": "Сводка заявки (PDF)",
    "roadmap.pack_pdf_help": "То же, что в пакете Excel, для чтения и печати: участники, договоры, расчёт зависимости по строкам, перечень документов.",
    "roadmap.pdf.title": "Заявка на включение промышленного кластера в реестр (ПП РФ № 779): сводка",
    "roadmap.pdf.community": "сообщество отраслей ОКВЭД {codes}",
    "roadmap.pdf.subtitle": "Кластер: {cluster} · регион: {region} · год данных: {year}",
    "roadmap.pdf.footer": "Кластерный навигатор · {cluster} · {region} · {year}",
    "roadmap.pdf.illustrative": (
        "Иллюстративные данные: часть показателей ниже — условные (демонстрационные) значения, а не "
        "публичные факты. Сводка показывает метод и форму заявки; цифры для подачи нужно заменить сведениями "
        "участников."
    ),
    "roadmap.pdf.not_public": (
        "Не все данные публичные: статус каждого показателя — в столбцах «Статус данных». Перед подачей "
        "сверить их с документами участников."
    ),
    "roadmap.pdf.statuses": "Статус данных в сводке: {statuses}.",
    "roadmap.pdf.summary": "Итог расчёта",
    "roadmap.pdf.participants": "Участники ({n})",
    "roadmap.pdf.contracts": "Договоры между участниками: действующих {existing}, предлагаемых {proposed}",
    "roadmap.pdf.contracts_none": "Договоров между участниками в данных нет и новые не предлагаются.",
    "roadmap.pdf.dependence": "Расчёт общего уровня функциональной зависимости, {year} г.",
    "roadmap.pdf.dependence_none": "Производителей конечной продукции с известными закупками нет: уровень не рассчитать.",
    "roadmap.pdf.columns": (
        "C — все закупки; D — у участников, не производящих конечную продукцию; E — у других производителей "
        "конечной продукции; F — предлагается, засчитывается; G — предлагается всего (млн ₽)."
    ),
    "roadmap.pdf.line": "{name}: {formula} = {numbers} = {share} — порог {threshold}: {met}{tested}",
    "roadmap.pdf.tested": " (проверяется)",
    "roadmap.pdf.formula": "ФЗ = Σ закупок производителей конечной продукции у других участников ÷ Σ всех их закупок",
    "roadmap.pdf.documents": "Перечень документов и чего не хватает",
    "roadmap.pdf.documents_note": "Перечень документов — прочтение проекта (проверить по действующей редакции постановления).",
    "roadmap.pdf.blank": "ЗАПОЛНИТЬ",
    "roadmap.pdf.existing": "действующий",
    "roadmap.pdf.proposed": "предлагаемый",
    "roadmap.pdf.proposed_status": "расчёт, не договор",
    "roadmap.pdf.col.no": "№",
    "roadmap.pdf.col.name": "Наименование",
    "roadmap.pdf.col.inn": "ИНН",
    "roadmap.pdf.col.ogrn": "ОГРН",
    "roadmap.pdf.col.okved": "ОКВЭД 2",
    "roadmap.pdf.col.role": "Роль",
    "roadmap.pdf.col.municipality": "Муниципальное образование",
    "roadmap.pdf.col.headcount": "Численность, чел.",
    "roadmap.pdf.col.status": "Статус данных",
    "roadmap.pdf.col.supplier": "Поставщик (ИНН)",
    "roadmap.pdf.col.buyer": "Покупатель (ИНН)",
    "roadmap.pdf.col.value": "Сумма за год, млн ₽",
    "roadmap.pdf.col.kind": "Вид",
    "roadmap.pdf.col.document": "Документ",
    "roadmap.pdf.col.clause": "Пункт",
    "roadmap.pdf.col.state": "Что есть",
    "roadmap.pdf.col.missing": "Чего не хватает",
    "roadmap.pdf.total": "Итого",
    "roadmap.pdf.now": "Сейчас (прочтение по умолчанию)",
    "roadmap.pdf.after": "После предлагаемых договоров",
    "roadmap.pdf.core_now": "Иное прочтение (с закупками между производителями) сейчас",
    "roadmap.pdf.core_after": "Иное прочтение после договоров",
    "roadmap.pdf.met": "выполнено",
    "roadmap.pdf.unmet": "не выполнено",
    "roadmap.pdf.state.ready": "в пакете",
    "roadmap.pdf.state.partial": "частично",
    "roadmap.pdf.state.absent": "нет",
    "roadmap.pdf.miss.blanks": "пропусков в таблице участников: {n}",
    "roadmap.pdf.miss.copies": "копии договоров: {existing}; подписать предлагаемые: {proposed}",
    "roadmap.pdf.miss.unmet": "требование не выполнено и после договоров",
    "roadmap.pdf.miss.write": "подготовить",
    "roadmap.pdf.miss.none": "—",
    "roadmap.pdf.miss.no_org": "организации нет в данных",
    "roadmap.pdf.disclaimer": (
        "Расчёт Кластерного навигатора по данным базы; не официальный документ. Предлагаемые договоры — "
        "правдоподобные по таблице «затраты-выпуск» Росстата 2021 г., а не согласованные сторонами."
    ),
    "slide.route.title": "Дорожная карта включения в реестр: {cluster}",
    "slide.route.contracts": "Новых договоров",
    "slide.route.value": "На сумму в год",
    "slide.route.dependence": "Функц. зависимость",
    "slide.route.arrow": "{before} → {after}",
    "slide.route.now": "Сейчас",
    "slide.route.after": "После новых договоров",
    "slide.route.gaps": "Чего не хватает: {gaps}.",
    "slide.route.gaps_none": "Требования реестра о договорах и зависимости выполнены.",
    "slide.route.gap.contracts": "у {n} участников нет договора с другим участником",
    "slide.route.gap.dependence": "функциональная зависимость {now} при пороге {threshold} — нужно ещё {value} закупок у своих",
    "slide.route.gap.count": "{rule} — не хватает {n}",
    "slide.route.gap.organising": "{rule} — лишних {n}",
    "slide.route.conclusion.closes": (
        "Вывод: чтобы войти в реестр, участникам достаточно заключить между собой новые договоры поставки "
        "на {value} в год (договоров — {n})."
    ),
    "slide.route.conclusion.unproven": " Это найденный, но не доказанно наименьший набор.",
    "slide.route.conclusion.remaining": " Кроме договоров остаётся: {rules}.",
    "slide.route.conclusion.none_needed": "Вывод: по договорам и зависимости кластер уже готов к заявке в реестр.",
    "slide.route.conclusion.no_solution": (
        "Вывод: договорами между нынешними участниками разрыв не закрыть — нужны новые поставщики в кластере "
        "или большие объёмы у имеющихся."
    ),
    "slide.route.conclusion.cannot_judge": (
        "Вывод: по этим данным требования о договорах и зависимости не проверить — нужны данные о поставках "
        "между участниками."
    ),
}

EN: dict[str, str] = {
    "clusters.tab.roadmap": "Route to the registry",
    "roadmap.intro": (
        "Which supply contracts between the candidate's participants would close the gap to the requirements "
        "of Decree No. 779: the smallest set of plausible contracts (fewest contracts, then least money), "
        "found by exact optimisation."
    ),
    "roadmap.status.optimal": "Smallest set found: {n} contracts worth {value}. Optimality proven.",
    "roadmap.status.none_needed": "The contract requirements are met: no new contracts are needed.",
    "roadmap.status.time_limit": (
        "A set was found: {n} contracts worth {value}; the time limit was reached, the gap to the proven "
        "bound is {gap}."
    ),
    "roadmap.status.no_solution": "Plausible contracts between participants cannot close the gap:",
    "roadmap.why.capacity": (
        "functional dependence: {needed} more purchases from participants are needed, but the plausible pairs "
        "give at most {most} (suppliers' limits {caps}, buyers' free purchases {rooms}, {pairs} pairs)."
    ),
    "roadmap.why.no_partner": "participants without a contract have no plausible partner: {names}.",
    "roadmap.why.joint": "the contract and dependence requirements cannot both be met within these limits.",
    "roadmap.why.solver": "the solver found no plan: {message}.",
    "roadmap.status.cannot_judge": "The contract and dependence rules cannot be checked on these data:",
    "roadmap.why.contracts_no_data": "contract rule: the store holds no supplies for this region and year.",
    "roadmap.why.dependence_no_data": (
        "functional dependence cannot be computed (no purchases or supply data): no contracts are chosen for it."
    ),
    "roadmap.gaps": "Gap per requirement",
    "roadmap.col.rule": "Requirement",
    "roadmap.col.status": "Status",
    "roadmap.col.measured": "Now",
    "roadmap.col.threshold": "Threshold",
    "roadmap.col.gap": "What is missing",
    "roadmap.col.addressed": "How it closes",
    "roadmap.gap.contracts": "participants without a contract: {n}",
    "roadmap.gap.dependence": "{points} percentage points, or {value} of purchases from participants",
    "roadmap.gap.count": "{n} more",
    "roadmap.gap.organising": "{n} too many",
    "roadmap.gap.none": "—",
    "roadmap.addressed.links": "new contracts (below)",
    "roadmap.addressed.invite": "invite enterprises (below)",
    "roadmap.addressed.roles": "bring in an organisation (below)",
    "roadmap.addressed.hand": "by hand",
    "roadmap.dependence_before": "Functional dependence now",
    "roadmap.dependence_after": "After the proposed contracts",
    "roadmap.core_before": "Other reading now",
    "roadmap.core_help": (
        "The rule's other reading: purchases of final producers from each other count too. The check does "
        "not count them by default."
    ),
    "roadmap.core_after": "Other reading after the contracts",
    "roadmap.dependence_help": "Threshold: {threshold}. Denominator: all purchases of final producers, {total}.",
    "roadmap.links": "Proposed contracts",
    "roadmap.links_caption": (
        "A plausible pair: both are participants; the buyer's product uses the supplier's product in Rosstat's "
        "2021 input–output table at a coefficient of at least {coef} ₽ per ₽ of output; the value is within the "
        "buyer's purchases outside the cluster and, in all, within {share} of the supplier's revenue; a contract "
        "is at least {min_link}. The parameters are a method choice, not the decree."
    ),
    "roadmap.col.supplier": "Supplier",
    "roadmap.col.buyer": "Buyer",
    "roadmap.col.value": "Value, mln ₽",
    "roadmap.col.coefficient": "Input coefficient, ₽/₽",
    "roadmap.col.purpose": "Purpose",
    "roadmap.col.reason": "Why plausible",
    "roadmap.purpose.dependence": "dependence",
    "roadmap.purpose.contract": "first contract",
    "roadmap.purpose.both": "dependence and first contract",
    "roadmap.reason": "the buyer's product (OKVED {buyer}) uses the supplier's product (OKVED {supplier}): {coef} ₽ per ₽ of output",
    "roadmap.no_links": "No new contracts are proposed.",
    "roadmap.network": "Cooperation network with the proposed contracts",
    "roadmap.network_proposed": "proposed contract",
    "roadmap.network_caption": (
        "Dashed: proposed contracts; solid: supplies in the data. Labels give names without the remarks in "
        "brackets; the full name shows on hover."
    ),
    "roadmap.first": "First contracts of participants without one",
    "roadmap.col.participant": "Participant",
    "roadmap.col.partner": "Partner",
    "roadmap.col.direction": "Direction",
    "roadmap.col.in_plan": "In the set",
    "roadmap.direction.sells_to": "sells to",
    "roadmap.direction.buys_from": "buys from",
    "roadmap.no_partner": "no plausible partner",
    "roadmap.roles": "Missing organisations",
    "roadmap.col.role": "Missing",
    "roadmap.col.needed": "How many",
    "roadmap.col.candidate": "Candidate in the region",
    "roadmap.role.infrastructure": "infrastructure organisation",
    "roadmap.role.specialised": "specialised organisation",
    "roadmap.none_in_region": "none in the region: create or bring one in",
    "roadmap.invite": "Whom to invite: the template's OKVED codes and the region's enterprises with them",
    "roadmap.col.okved": "OKVED",
    "roadmap.col.template_role": "Role in the template",
    "roadmap.col.enterprise": "Enterprise",
    "roadmap.col.employees": "Employees",
    "roadmap.todo": "What the agency must still do by hand",
    "roadmap.todo.sign_contracts": "Negotiate and sign the proposed contracts: the calculation shows they are plausible, not that the parties agree.",
    "roadmap.todo.confirm_volumes": "Confirm with the parties the purchases and revenues the calculation rests on.",
    "roadmap.todo.service_contracts": "For participants without a plausible product partner: contracts for works and services, or a joint project (sub-clause «a»).",
    "roadmap.todo.widen_suppliers": "Widen the suppliers: invite suppliers of the needed products into the cluster or agree larger volumes with the present ones.",
    "roadmap.todo.invite_members": "Invite industrial enterprises of the region up to the minimum number of participants.",
    "roadmap.todo.attract_infrastructure": "Bring in an infrastructure organisation (finance, R&D, education).",
    "roadmap.todo.appoint_specialised": "Name the cluster's specialised organisation.",
    "roadmap.todo.fewer_organising": "Reduce the participants that only organise production to the allowed number.",
    "roadmap.todo.verify_thresholds": "Check the thresholds marked 'to verify' against the decree's edition in force.",
    "roadmap.todo.development_programme": "Prepare the cluster's development programme (the specialised organisation).",
    "roadmap.todo.application_documents": "Fill the blanks of the application pack (marked yellow) and attach copies of the contracts.",
    "roadmap.pack": "Application pack (Excel)",
    "roadmap.pack_help": (
        "Participants, contracts (existing and proposed), the functional-dependence calculation as live formulas, "
        "the specialised organisation's details and the list of documents; blanks are marked."
    ),
    "roadmap.method": (
        "Optimisation: mixed-integer programming (scipy, HiGHS) in two stages — fewest contracts, then least "
        "money with that many. Plausible pairs: {pairs}; excluded by the input–output table: {excluded}."
    ),
    "roadmap.pack_pdf": "Application summary (PDF)",
    "roadmap.pack_pdf_help": "What the Excel pack holds, for reading and printing: participants, contracts, the dependence calculation line by line, the checklist of documents.",
    "roadmap.pdf.title": "Application for entry of an industrial cluster into the registry (Decree No. 779): summary",
    "roadmap.pdf.community": "community of OKVED industries {codes}",
    "roadmap.pdf.subtitle": "Cluster: {cluster} · region: {region} · data year: {year}",
    "roadmap.pdf.footer": "Cluster Navigator · {cluster} · {region} · {year}",
    "roadmap.pdf.illustrative": (
        "Illustrative data: some figures below are illustrative (demo) values, not public facts. The summary "
        "shows the method and the form of the application; replace the figures with the participants' own "
        "before filing."
    ),
    "roadmap.pdf.not_public": (
        'Not all data is public: the status of every figure is in the "Data status" columns. Check them '
        "against the participants' documents before filing."
    ),
    "roadmap.pdf.statuses": "Data status in this summary: {statuses}.",
    "roadmap.pdf.summary": "Result",
    "roadmap.pdf.participants": "Participants ({n})",
    "roadmap.pdf.contracts": "Contracts between participants: {existing} existing, {proposed} proposed",
    "roadmap.pdf.contracts_none": "No contracts between participants in the data, and none proposed.",
    "roadmap.pdf.dependence": "Overall level of functional dependence, {year}",
    "roadmap.pdf.dependence_none": "No final producer with known purchases: the level cannot be computed.",
    "roadmap.pdf.columns": (
        "C — all purchases; D — from participants that are not final producers; E — from other final "
        "producers; F — proposed, counted; G — proposed in all (mln ₽)."
    ),
    "roadmap.pdf.line": "{name}: {formula} = {numbers} = {share} — threshold {threshold}: {met}{tested}",
    "roadmap.pdf.tested": " (tested)",
    "roadmap.pdf.formula": "FD = Σ purchases of final producers from other participants ÷ Σ all their purchases",
    "roadmap.pdf.documents": "Documents and what is missing",
    "roadmap.pdf.documents_note": "The list of documents is the project's reading (to verify against the decree in force).",
    "roadmap.pdf.blank": "TO FILL",
    "roadmap.pdf.existing": "existing",
    "roadmap.pdf.proposed": "proposed",
    "roadmap.pdf.proposed_status": "calculation, not a contract",
    "roadmap.pdf.col.no": "No.",
    "roadmap.pdf.col.name": "Name",
    "roadmap.pdf.col.inn": "INN",
    "roadmap.pdf.col.ogrn": "OGRN",
    "roadmap.pdf.col.okved": "OKVED 2",
    "roadmap.pdf.col.role": "Role",
    "roadmap.pdf.col.municipality": "Municipality",
    "roadmap.pdf.col.headcount": "Headcount, persons",
    "roadmap.pdf.col.status": "Data status",
    "roadmap.pdf.col.supplier": "Supplier (INN)",
    "roadmap.pdf.col.buyer": "Buyer (INN)",
    "roadmap.pdf.col.value": "Value in the year, mln ₽",
    "roadmap.pdf.col.kind": "Kind",
    "roadmap.pdf.col.document": "Document",
    "roadmap.pdf.col.clause": "Clause",
    "roadmap.pdf.col.state": "State",
    "roadmap.pdf.col.missing": "Missing",
    "roadmap.pdf.total": "Total",
    "roadmap.pdf.now": "Now (default reading)",
    "roadmap.pdf.after": "After the proposed contracts",
    "roadmap.pdf.core_now": "Other reading (core → core counted) now",
    "roadmap.pdf.core_after": "Other reading after the contracts",
    "roadmap.pdf.met": "met",
    "roadmap.pdf.unmet": "not met",
    "roadmap.pdf.state.ready": "in the pack",
    "roadmap.pdf.state.partial": "partly",
    "roadmap.pdf.state.absent": "absent",
    "roadmap.pdf.miss.blanks": "blanks in the participants' table: {n}",
    "roadmap.pdf.miss.copies": "copies of contracts: {existing}; sign the proposed: {proposed}",
    "roadmap.pdf.miss.unmet": "not met even after the contracts",
    "roadmap.pdf.miss.write": "to prepare",
    "roadmap.pdf.miss.none": "—",
    "roadmap.pdf.miss.no_org": "no organisation in the data",
    "roadmap.pdf.disclaimer": (
        "Computed by Cluster Navigator from the store; not an official document. The proposed contracts are "
        "plausible by Rosstat's 2021 input–output table, not agreed by the parties."
    ),
    "slide.route.title": "Route to the registry: {cluster}",
    "slide.route.contracts": "New contracts",
    "slide.route.value": "Their value a year",
    "slide.route.dependence": "Functional dependence",
    "slide.route.arrow": "{before} → {after}",
    "slide.route.now": "Now",
    "slide.route.after": "After the new contracts",
    "slide.route.gaps": "What is missing: {gaps}.",
    "slide.route.gaps_none": "The registry's rules on contracts and dependence are met.",
    "slide.route.gap.contracts": "{n} participants have no contract with another participant",
    "slide.route.gap.dependence": "functional dependence is {now} against a {threshold} threshold — {value} more of purchases from each other needed",
    "slide.route.gap.count": "{rule}: {n} missing",
    "slide.route.gap.organising": "{rule}: {n} too many",
    "slide.route.conclusion.closes": (
        "Conclusion: to enter the registry, the participants need only sign new supply contracts with each "
        "other worth {value} a year ({n} contracts)."
    ),
    "slide.route.conclusion.unproven": " This set was found but is not proven the smallest.",
    "slide.route.conclusion.remaining": " Beyond the contracts, still to do: {rules}.",
    "slide.route.conclusion.none_needed": "Conclusion: on contracts and dependence the cluster is ready to apply to the registry.",
    "slide.route.conclusion.no_solution": (
        "Conclusion: contracts among today's participants cannot close the gap — the cluster needs new "
        "suppliers or larger volumes from those it has."
    ),
    "slide.route.conclusion.cannot_judge": (
        "Conclusion: these data cannot test the rules on contracts and dependence — supplies between the "
        "participants are needed."
    ),
}
