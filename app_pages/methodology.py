"""Methodology: every metric in plain words and as a formula, with references and data status."""

import streamlit as st

from ui.core.state import t
from ui.texts.methodology import DESCRIBES, SECTIONS

st.title(t("method.title"))
st.markdown(t("method.intro"))
for section in SECTIONS:
    st.subheader(t(f"method.{section}.title"), anchor=section)
    st.markdown(t(f"method.{section}.body"))
    if section in DESCRIBES:
        st.caption(t("method.code", functions=", ".join(f"`{f}`" for f in DESCRIBES[section].functions)))
