"""Gazetteer: load, validate and format the YAML files; the in-memory index of names."""

from normalizer.gazetteer.files import Loaded, load_dir, load_text, yaml_files
from normalizer.gazetteer.fmt import format_entities, format_entity
from normalizer.gazetteer.index import TIERS, GazetteerIndex, Hit
from normalizer.gazetteer.records import Problem
from normalizer.gazetteer.validate import check_dir, format_dir

__all__ = [
    "TIERS", "GazetteerIndex", "Hit", "Loaded", "Problem", "check_dir", "format_dir",
    "format_entities", "format_entity", "load_dir", "load_text", "yaml_files",
]
