"""UI core: state, formatting, translations, escaping, link keys."""
