"""normalizer: cross-lingual entity normalization for Vietnamese news."""

__version__ = "0.1.0"
