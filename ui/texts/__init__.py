"""Per-page translation catalogs: each module defines ``RU`` and ``EN`` dicts with the same keys."""
