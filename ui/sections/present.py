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
[data-testid="stAppViewContainer"], [data-testid="stMain"] { overflow: hidden !important; }
[data-testid="stMainBlockContainer"] { position: fixed; top: 0; left: 0; margin: 0; max-width: none;
  width: var(--slide-w, 100vw); height: var(--slide-h, 100vh); transform: scale(var(--slide-scale, 1));
  transform-origin: 0 0; padding: 28px 56px 16px 56px; box-sizing: border-box; display: flex; flex-direction: column; }
[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] { flex: 1 1 0; min-height: 0; }
[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] > * { flex-shrink: 0; }
[data-testid="stMainBlockContainer"] .st-key-slide-chart { flex: 1 1 0 !important; min-height: 0; position: relative;
  overflow: hidden; }
.st-key-slide-chart [data-testid="stFullScreenFrame"] { position: absolute; top: 0; left: 0;
  width: calc(100% / var(--slide-scale, 1)) !important; height: calc(100% / var(--slide-scale, 1)) !important;
  pointer-events: none; }
.st-key-slide-chart [data-testid="stPlotlyChart"] { height: 100% !important; }
/* on a screen larger than the canvas (scale > 1) the frame is smaller than the chart: the slot clips */
.st-key-slide-chart [data-testid="stFullScreenFrame"], .st-key-slide-chart [data-testid="stPlotlyChart"],
.st-key-slide-chart .js-plotly-plot, .st-key-slide-chart .plot-container { overflow: visible !important; }
.st-key-slide-chart .js-plotly-plot { pointer-events: auto; }
[data-testid="stMain"] h1 { font-size: 52px !important; line-height: 1.15; padding: 0 0 0.3rem 0; }
[data-testid="stMain"] p, [data-testid="stMain"] li { font-size: 30px !important; line-height: 1.3; }
[data-testid="stMain"] [data-testid="stMetricValue"] * { font-size: 56px !important; line-height: 1.1; }
[data-testid="stMain"] [data-testid="stMetricLabel"] p { font-size: 26px !important; }
[data-testid="stMain"] button p { font-size: 26px !important; }
[data-testid="stMain"] .st-key-slide-notes p { font-size: 24px !important; line-height: 1.25; color: #4B5563;
  margin-bottom: 0.15rem; }
[data-testid="stMain"] ol, [data-testid="stMain"] ul { margin-bottom: 0; }
</style>
"""

#: Scales the 1920×1080 slide canvas to the measured window. Static script, no user text.
FIT_JS = """
<script>
(() => {
  const root = document.documentElement;
  const fit = () => {
    const scale = Math.min(window.innerWidth / 1920, window.innerHeight / 1080);
    root.style.setProperty("--slide-scale", String(scale));
    root.style.setProperty("--slide-h", (window.innerHeight / scale) + "px");
    root.style.setProperty("--slide-w", (window.innerWidth / scale) + "px");
  };
  fit();
  if (!window.__navigatorFit) { window.__navigatorFit = true; window.addEventListener("resize", fit); }
})();
</script>
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
    st.html(FIT_JS, unsafe_allow_javascript=True)


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
