"""Name parsing: titles and honorifics, alternatives, name order. Imports only normalizer.text."""

from normalizer.names.parse import (
    cached_clean,
    is_person_title,
    is_plain,
    parse,
    split_alternatives,
    strip_titles,
)

__all__ = ["cached_clean", "is_person_title", "is_plain", "parse", "split_alternatives", "strip_titles"]
