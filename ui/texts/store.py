"""Strings about the store itself: when it cannot be read or a new version cannot be published."""

RU: dict[str, str] = {
    "store.unavailable": (
        "Хранилище данных сейчас недоступно: {reason}. Сохранённые данные не потеряны. Обновите страницу "
        "через минуту; если сообщение повторится, сообщите администратору код {ref}."
    ),
    "store.reason_unreadable": "файл хранилища не открывается (повреждён, недоступен или занят)",
    "store.reason_invalidated": "соединение с хранилищем прервано ошибкой записи (например, закончилось место на диске)",
    "store.reason_write": "запись не удалась, изменения не сохранены",
    "store.publish_failed": (
        "Данные записаны, но другие пользователи увидят их позже: не удалось опубликовать новую версию "
        "хранилища (возможно, закончилось место на диске). Код для администратора: {ref}."
    ),
}

EN: dict[str, str] = {
    "store.unavailable": (
        "The data store is unavailable right now: {reason}. No stored data is lost. Reload the page in a "
        "minute; if this message comes back, give the administrator the code {ref}."
    ),
    "store.reason_unreadable": "the store file cannot be opened (damaged, missing or locked)",
    "store.reason_invalidated": "the connection to the store was broken by a failed write (a full disk, for example)",
    "store.reason_write": "the write failed and nothing was changed",
    "store.publish_failed": (
        "The data is written, but other users will see it later: the new version of the store could not "
        "be published (the disk may be full). Code for the administrator: {ref}."
    ),
}
