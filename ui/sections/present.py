"""Presentation mode chrome: projector CSS (static, no user text) and the slide number in the URL."""
from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

#: Hides Streamlit's sidebar, header and menus; large type for a hall. Static text only.
from analytics.models import subsidy
from analytics.services import storyline
from ui.core import urls

PROJECTOR_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], footer { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 1.2rem 2.5rem 0.5rem 2.5rem; max-width: 100%; }
[data-testid="stMain"] h1 { font-size: 52px !important; line-height: 1.15; padding: 0 0 0.3rem 0; }
[data-testid="stMain"] p, [data-testid="stMain"] li { font-size: 28px !important; line-height: 1.35; }
[data-testid="stMain"] [data-testid="stMetricValue"] * { font-size: 56px !important; line-height: 1.1; }
[data-testid="stMain"] [data-testid="stMetricLabel"] p { font-size: 26px !important; }
[data-testid="stMain"] button p { font-size: 24px !important; }
[data-testid="stAppViewContainer"] { overflow: hidden; }
</style>
"""

#: Arrow keys click the Back / Next buttons. Static script, no user text.
ARROW_KEYS_JS = """
<script>
const doc = document;
if (!doc.__navigatorArrows) {
  doc.__navigatorArrows = true;
  doc.addEventListener("keydown", (e) => {
    const target = e.key === "ArrowRight" ? "slide-next" : e.key === "ArrowLeft" ? "slide-prev" : null;
    if (!target) return;
    const button = doc.querySelector(`.st-key-${target} button`);
    if (button) { button.click(); }
  });
}
</script>
"""


def projector_chrome() -> None:
    """Hide the app chrome and enlarge the type (static CSS; nothing from users)."""
    st.html(PROJECTOR_CSS)
    st.html(ARROW_KEYS_JS, unsafe_allow_javascript=True)


def slide_index(total: int) -> int:
    """The current slide (0-based) from the session, else from ``?slide=N`` (1-based), clamped."""
    if "slide" not in st.session_state:
        raw = st.query_params.get(urls.SLIDE, "1")
        # ASCII digits only: str.isdigit() accepts "²", which int() refuses
        st.session_state["slide"] = int(raw) - 1 if raw.isascii() and raw.isdecimal() and len(raw) < 4 else 0
    st.session_state["slide"] = max(0, min(total - 1, st.session_state["slide"]))
    st.query_params[urls.SLIDE] = str(st.session_state["slide"] + 1)
    return st.session_state["slide"]


def move(step: int) -> None:
    """Button callback: go ``step`` slides forward (negative: back)."""
    st.session_state["slide"] = st.session_state.get("slide", 0) + step


def leave() -> None:
    """Button callback: back to the normal app."""
    st.session_state["presenting"] = False
    st.session_state.pop("slide", None)
    for key in urls.PRESENTATION_KEYS:
        st.query_params.pop(key, None)


def deck_link(region: str, lang: str, cluster_id: str | None, scenario: dict[str, str]) -> str:
    """The query string that opens exactly this deck: region, language, focus cluster, subsidy scenario."""
    params = {urls.PRESENT: "1", urls.REGION: region, urls.LANG: lang, urls.SLIDE: "1"}
    if cluster_id:
        params[urls.CLUSTER] = cluster_id
    return "?" + urlencode({**params, **scenario})


def deck_settings(region: str, params: dict) -> tuple[storyline.DeckSettings, subsidy.ParameterError | None]:
    """Deck settings from the URL; a bad scenario value falls back to the default scenario (and is returned)."""
    keys = urls.scenario_keys()
    scenario = tuple(sorted((k, str(v)) for k, v in params.items() if k in keys))
    settings = storyline.DeckSettings(region=region, cluster_id=params.get(urls.CLUSTER) or None, scenario=scenario)
    try:
        settings.subsidy_scenario()
    except subsidy.ParameterError as error:
        return storyline.DeckSettings(region=region, cluster_id=settings.cluster_id), error
    return settings, None
