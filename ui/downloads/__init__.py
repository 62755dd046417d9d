"""UI downloads: files users download: Excel, PPTX."""
