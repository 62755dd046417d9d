"""Reading and validating files: CSV/XLSX loader, Rosstat and FNS readers, boundaries, analyst accounts."""
