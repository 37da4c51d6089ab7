"""Name parsing: titles and honorifics, alternatives, name order. Imports only normalizer.text."""

from normalizer.names.parse import is_person_title, parse, split_alternatives, strip_titles

__all__ = ["is_person_title", "parse", "split_alternatives", "strip_titles"]
