"""The peer-region picker shared by the Sectors and Clusters pages: the suggested peers
(:func:`analytics.services.peers.peer_regions`) preselected in a multiselect the user can change."""

from __future__ import annotations

import streamlit as st

from analytics.services import overview
from analytics.services import peers as peer_service
from ui.core.escape import markdown as escape_md
from ui.core.names import name_column
from ui.core.state import cached, lang, t
from ui.tables.enterprise import peer_label


def peer_picker(region: str, year: int, key: str) -> tuple[str, ...]:
    """Draw the picker (suggested peers preselected, their similarity in a caption) and return the
    chosen region codes; empty when the user clears the list or the region has no sector data."""
    L = lang()
    suggested = cached(peer_service.peer_regions, region, year)
    if suggested.empty:
        st.info(t("peers.no_data", year=year))
        return ()
    regions = cached(overview.regions)
    names = dict(zip(regions["code"], regions[name_column(L)]))
    options = [c for c in regions["code"] if c != region]
    chosen = st.multiselect(
        t("peers.pick"),
        options,
        placeholder=t("widget.choose_many"),
        default=[c for c in suggested["code"] if c in options],
        format_func=lambda c: names.get(c, c),
        key=f"{key}_{region}_{year}_{L}",
    )
    st.caption(
        t("peers.caption") + "  \n" + "; ".join(escape_md(peer_label(row, L)) for _, row in suggested.iterrows())
    )
    if not chosen:
        st.info(t("peers.none"))
    return tuple(chosen)
