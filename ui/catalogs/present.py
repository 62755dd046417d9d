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
    "present.link": "Ссылка на презентацию",
    "present.demo_note": "Демонстрационные данные: значения условны",
    "briefing.title": "Файлы для рассылки",
    "briefing.excel": "Скачать Excel со всеми таблицами",
    "briefing.make_deck": "Подготовить презентацию PPTX",
    "briefing.deck": "Скачать PPTX",
    "briefing.making": "Рисую графики…",
    "briefing.no_chromium": (
        "Для картинок графиков в PPTX нужен браузер Chromium (Debian: apt-get install chromium). "
        "Excel доступен и без него."
    ),
    "sheet.clusters": "Кластеры",
    "sheet.sectors": "Отрасли",
    "sheet.opportunities": "Возможности",
    "sheet.provenance": "Источники данных",
    "slide.profile.title": "{region}: промышленность, {year}",
    "slide.profile.message": "{manufacturing} занятых в обработке — {share} обрабатывающей промышленности России",
    "slide.portfolio.title": "Портфель отраслей, {start}–{end}",
    "slide.portfolio.message": (
        "Отраслей-звёзд: {stars}, сильных кластеров: {strong}. Сильнее всего специализация — {sector} (LQ {lq})"
    ),
    "slide.next_steps.title": "Следующие шаги: какие отрасли привлекать",
    "slide.next_steps.message": "Ближе всего к тому, что регион уже умеет: {sectors}",
    "slide.next_steps.message_unstable": (
        "Кандидаты: {sectors} (рейтинг зависит от выбранной методики — обсудить)"
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
    "present.link": "Link to the presentation",
    "present.demo_note": "Demo data: values are illustrative",
    "briefing.title": "Files to send",
    "briefing.excel": "Download Excel with every table",
    "briefing.make_deck": "Prepare the PPTX deck",
    "briefing.deck": "Download PPTX",
    "briefing.making": "Drawing the charts…",
    "briefing.no_chromium": (
        "Chart images in the PPTX need the Chromium browser (Debian: apt-get install chromium). "
        "The Excel file works without it."
    ),
    "sheet.clusters": "Clusters",
    "sheet.sectors": "Sectors",
    "sheet.opportunities": "Opportunities",
    "sheet.provenance": "Data provenance",
    "slide.profile.title": "{region}: industry, {year}",
    "slide.profile.message": "{manufacturing} manufacturing jobs — {share} of Russia's manufacturing",
    "slide.portfolio.title": "Sector portfolio, {start}–{end}",
    "slide.portfolio.message": (
        "Star sectors: {stars}, strong clusters: {strong}. The strongest specialisation: {sector} (LQ {lq})"
    ),
    "slide.next_steps.title": "Next steps: industries to attract",
    "slide.next_steps.message": "Closest to what the region already does: {sectors}",
    "slide.next_steps.message_unstable": (
        "Candidates: {sectors} (the ranking depends on the method chosen — to discuss)"
    ),
}
