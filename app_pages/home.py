"""Region overview: headline figures and employment by cluster, municipality and year."""

import streamlit as st

from analytics.services import overview, provenance
from ui.core.names import name_column
from ui.core.state import cached, current_region, lang, t, year_picker
from ui.sections import home

region = current_region()
regions = cached(overview.regions).set_index("code")
name_col = name_column(lang())
region_name = regions.loc[region, name_col] if region in regions.index else region
demo = cached(provenance.is_illustrative)

heading, year_box = st.columns([5, 1], vertical_alignment="bottom")
with year_box:
    year = year_picker(region)
with heading:
    st.title(t("home.title", region=region_name))
st.caption(t("home.caption", year=year, source=t("home.source_demo" if demo else "home.source_loaded")))
figures = cached(overview.region_overview, region, year)

home.headline(figures)
home.first_screen(region, year)
home.public_figures(region, region_name)
home.employment(figures, region, year)
home.manufacturing_trend(region, region_name)
home.russia_map(region, regions)
