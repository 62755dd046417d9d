"""Strings of the home page's first screen: the main findings and the entries for each kind of user."""

RU: dict[str, str] = {
    "home.findings": "Главное о регионе",
    "home.finding.backbone": "Опора промышленности — {names}: {share} работников предприятий в базе.",
    "home.finding.specialisation": (
        "Сильнее всего регион специализирован на отрасли «{sector}»: её доля в занятости в {lq} раза выше, "
        "чем по России. Специализированных и растущих быстрее России отраслей: {stars}."
    ),
    "home.finding.trend_up": ("Занятость в обработке за {first}–{last} годы выросла на {region} (Россия: {russia})."),
    "home.finding.trend_down": (
        "Занятость в обработке за {first}–{last} годы сократилась на {region} (Россия: {russia}) — "
        "промышленности нужны новые рабочие места."
    ),
    "home.finding.registry_none": (
        "Ни один из {candidates} кандидатов в кластеры пока не проходит в реестр Минпромторга: участники мало "
        "покупают друг у друга. Ближе всех — «{name}»: {dependence} закупок у своих при пороге {threshold}."
    ),
    "home.finding.registry_pass": (
        "В реестр Минпромторга проходят {passing} из {candidates} кандидатов: {names} — им доступны "
        "субсидии на совместные проекты (ПП № 41)."
    ),
    "home.entries": "С чего начать",
    "home.entry.present": "Готовлю выступление",
    "home.entry.present_help": "Слайды для проектора из текущих данных, Excel и PPTX для рассылки.",
    "home.entry.subsidies": "Оцениваю субсидии",
    "home.entry.subsidies_help": "Что даст субсидия кластерным проектам бюджету и предприятиям.",
    "home.entry.data": "Загружаю данные",
    "home.entry.data_help": "Файлы Росстата, ФНС и реестров: проверка, загрузка, история версий.",
}

EN: dict[str, str] = {
    "home.findings": "The region in brief",
    "home.finding.backbone": "Industry rests on {names}: {share} of the employees of the enterprises in the store.",
    "home.finding.specialisation": (
        "The strongest specialisation is “{sector}”: its share of employment is {lq} times Russia's. "
        "Sectors both specialised and growing faster than Russia: {stars}."
    ),
    "home.finding.trend_up": "Manufacturing employment grew by {region} in {first}–{last} (Russia: {russia}).",
    "home.finding.trend_down": (
        "Manufacturing employment fell by {region} in {first}–{last} (Russia: {russia}): industry needs new jobs."
    ),
    "home.finding.registry_none": (
        "None of the {candidates} cluster candidates enters the Minpromtorg registry yet: the members buy too "
        "little from each other. Closest: “{name}”, {dependence} of purchases from members against a threshold "
        "of {threshold}."
    ),
    "home.finding.registry_pass": (
        "{passing} of {candidates} cluster candidates enter the Minpromtorg registry: {names}; joint projects "
        "there can get subsidies (Decree No. 41)."
    ),
    "home.entries": "Where to start",
    "home.entry.present": "I am preparing a talk",
    "home.entry.present_help": "Projector slides from the current data, Excel and PPTX to send.",
    "home.entry.subsidies": "I am assessing subsidies",
    "home.entry.subsidies_help": "What a subsidy for cluster projects gives the budget and the firms.",
    "home.entry.data": "I am loading data",
    "home.entry.data_help": "Rosstat, FNS and registry files: checks, loading, version history.",
}
