"""Sectors: specialisation, growth against the benchmark, shift-share, structure and opportunities."""

import streamlit as st

from analytics.services import sector_portfolio as sp
from ui.core.state import cached, current_region, region_name, t
from ui.sections import io_section, sectors

region = current_region()
st.title(t("sectors.title", region=region_name(region)))
st.caption(t("sectors.intro"))

level, measure, benchmark, start, end, method = sectors.controls(cached(sp.years_available))
if start == end:
    st.warning(t("sectors.no_data"))
    st.stop()
portfolio = cached(sp.region_portfolio, region, start, end, measure, benchmark, level)
if portfolio.empty:
    st.info(t("sectors.no_data"))
    st.stop()

sectors.portfolio_chart(portfolio, measure, region, start, end)
sectors.shift_share_and_structure(region, start, end, measure, benchmark, level, method)
sectors.sector_table(portfolio, region, start, end)
sectors.peer_comparison(region, start, end)
sectors.opportunities(region, end, measure, level)

st.divider()
io_section.draw(region, end)
