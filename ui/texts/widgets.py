"""Streamlit's own widget texts in the UI language (shown through CSS: Streamlit 1.67 cannot translate them)."""

RU: dict[str, str] = {
    "widget.upload": "Выбрать файл",
    "widget.upload_limit": "До {mb} МБ на файл",
    "widget.choose_many": "Выберите один или несколько",
    "widget.decimal_comma": "«{value}»: дробную часть отделяйте запятой или точкой, без пробелов и других знаков.",
}

EN: dict[str, str] = {
    "widget.upload": "Upload",
    "widget.upload_limit": "Up to {mb} MB per file",
    "widget.choose_many": "Choose one or more",
    "widget.decimal_comma": "“{value}”: write a number with a decimal point or comma, without spaces or other signs.",
}
