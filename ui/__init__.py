"""Shared UI pieces: translation catalogs, number formatting, chart builders, Streamlit state."""
