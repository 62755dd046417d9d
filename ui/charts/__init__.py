"""UI charts: figure builders: frames in, plotly figures out."""
