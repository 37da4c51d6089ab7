"""Settings: every NORMALIZER_* environment variable with its default, in one place."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field, fields
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _bool(value: str) -> bool:
    return value.strip().lower() in ("1", "true", "yes", "on")


@dataclass(frozen=True)
class Settings:
    """Configuration of one service process. `from_env` reads NORMALIZER_<FIELD> for each field."""

    gazetteer_dir: Path = PROJECT_ROOT / "gazetteer" / "entities"
    # The generated layers: a directory of layer directories; empty = "layers" beside the
    # gazetteer directory (gazetteer/layers for the shipped one). `layers` names the ones to
    # load: "all", "none" or a comma-separated list.
    layers_dir: str = ""
    layers: str = "all"
    # The start-up cache of the built index (normalizer.snapshot): a directory, "off", or empty:
    # var/cache for the embedded default (the shipped gazetteer in the default SQLite file), off
    # for any other gazetteer or database unless given.
    cache_dir: str = ""
    database_url: str = "sqlite:///var/normalizer.db"
    # PostgreSQL: seconds to connect (and to wait for a pooled connection), and that a statement
    # may run, lock waits included (0: no limit); SQLite waits up to 5 s for a lock
    database_connect_timeout: float = 5.0
    database_statement_timeout: float = 30.0
    max_body_bytes: int = 10 * 1024 * 1024
    max_batch: int = 1000
    max_query_chars: int = 1000
    max_text_bytes: int = 5 * 1024 * 1024
    max_csv_bytes: int = 100 * 1024 * 1024
    cors_origins: str = ""
    log_level: str = "INFO"
    workers: int = 0  # 0: 2 x cores + 1, capped at 8
    # gthread threads per worker: 4 keeps many keep-alive connections served; 1 gives the
    # lowest tail latency under load (the GIL queues the rest; bench/README.md)
    threads: int = 4
    # seconds a request's head or body may stall (the client sends nothing) before a 408 and
    # the connection closed: stalled uploads must not hold every thread
    client_timeout: float = 30.0
    host: str = "127.0.0.1"
    port: int = 8000
    resolve_cache_size: int = 65536
    review_queue: bool = True
    review_queue_max_keys: int = 50_000  # open items kept (the least seen evicted) and keys pending
    read_token_required: bool = False
    # The reconciliation service's identifierSpace and schemaSpace: URIs that name our entity ids
    # and types, the same through any host name (set them to your public URL if you have one)
    recon_identifier_space: str = "urn:normalizer:entity:"
    recon_schema_space: str = "urn:normalizer:type:"
    # A revision check is one primary-key read: 5 a second per process cost the database nothing,
    # and put a write on every replica well within a second (1.0 gave a median of 1.6 s).
    refresh_seconds: float = 0.2
    secret_key: str = field(default="", repr=False)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = env.get(f"NORMALIZER_{f.name.upper()}")
            if raw is None:
                continue
            default = getattr(cls, f.name)
            if isinstance(default, bool):
                values[f.name] = _bool(raw)
            elif isinstance(default, int):
                values[f.name] = int(raw)
            elif isinstance(default, float):
                values[f.name] = float(raw)
            elif isinstance(default, Path):
                values[f.name] = Path(raw)
            else:
                values[f.name] = raw
        return cls(**values)  # type: ignore[arg-type]

    def layer_root(self) -> Path:
        return Path(self.layers_dir) if self.layers_dir else Path(self.gazetteer_dir).parent / "layers"

    def snapshot_dir(self) -> Path | None:
        if self.cache_dir.strip().lower() == "off":
            return None
        if self.cache_dir:
            return Path(self.cache_dir)
        default = type(self)()
        embedded = (Path(self.gazetteer_dir) == default.gazetteer_dir
                    and self.database_url == default.database_url)
        return Path("var/cache") if embedded else None

    def layer_names(self) -> list[str] | None:
        """The layers to load by name, or None for every one there is."""
        wanted = self.layers.strip().lower()
        if wanted in ("", "all"):
            return None
        return [] if wanted == "none" else [n.strip() for n in wanted.split(",") if n.strip()]

    def store_url(self) -> str:
        """The database to open: database_url, except that the default SQLite file belongs to the
        default gazetteer; another gazetteer directory (tests, `--gazetteer DIR`) gets a file of its
        own, var/normalizer-<hash of the directory>.db, so that two gazetteers never mix in one
        database. An explicit NORMALIZER_DATABASE_URL is always used as given."""
        default = type(self)()
        if self.database_url != default.database_url or self.gazetteer_dir == default.gazetteer_dir:
            return self.database_url
        digest = hashlib.sha256(str(Path(self.gazetteer_dir).resolve()).encode("utf-8")).hexdigest()[:12]
        return f"sqlite:///var/normalizer-{digest}.db"
