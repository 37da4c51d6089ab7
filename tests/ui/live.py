"""A live server for browser tests and screenshots: the app on 127.0.0.1 (werkzeug in a thread)
over a temporary SQLite database and the small test gazetteer, and Debian's Chromium."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from werkzeug.serving import make_server

from normalizer.curation import review_key
from normalizer.service import Normalizer
from normalizer.settings import Settings
from normalizer.store import Sighting
from normalizer.web import create_app
from tests.api.conftest import GAZETTEER
from tests.gazetteers import write_yaml

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
# The review queue a session starts with: names to add to a candidate, to create from the
# suggestion or by hand, role references (title + country), variants of one name, names to dismiss.
QUEUE = (("Lý Cường", 42), ("Vuong Nghia", 17), ("Zelenskyy", 9), ("Bắc Kinh", 4), ("Nhật Bổn", 8),
         ("Vương Di", 7), ("Trung Hoa", 7), ("Hoàng Vĩ", 6), ("Lý Khắc Cường", 6), ("Kim Jong Un", 6),
         ("Putin", 5), ("Thông tấn xã VN", 5), ("Dokdo-Takeshima", 4), ("Thủ tướng Nhật Bản", 4),
         ("Tổng thống Hàn Quốc", 3), ("Chủ tịch Trung Quốc", 3), ("Đại Hàn", 3), ("Đảo Độc", 2),
         ("Bà Kamikawa", 2), ("KAMIKAWA", 1), ("bà  Kamikawa", 1), ("Kim Châng Ưn", 2))


@dataclass
class Live:
    url: str
    service: Normalizer
    token: str


@contextmanager
def live_server(root: Path) -> Iterator[Live]:
    """Serve a fresh app until the block ends; an editor token and a few review items are ready."""
    gazetteer = write_yaml(root / "gazetteer", GAZETTEER)
    settings = Settings(gazetteer_dir=gazetteer, database_url=f"sqlite:///{root / 'live.db'}",
                        secret_key="browser-test-" + "k" * 40, review_queue=False, refresh_seconds=0.05,
                        log_level="WARNING")
    service = Normalizer.from_settings(settings)
    assert service.curation is not None and service.store is not None
    token = service.curation.create_token("alice", "editor")
    now = dt.datetime.now(dt.UTC)
    seen: dict[str, Sighting] = {}
    for text, n in QUEUE:  # keyed as the recorder keys them: variants of one name add up
        key = review_key(service.resolve(text)) or text
        old = seen.get(key)
        seen[key] = Sighting(key, old.example if old else text, n + (old.count if old else 0), ("unmatched",),
                             now, now)
    service.store.review.add(list(seen.values()))
    server = make_server("127.0.0.1", 0, create_app(settings, service), threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="ui-live-server", daemon=True)
    thread.start()
    try:
        yield Live(f"http://127.0.0.1:{server.server_port}", service, token)
    finally:
        server.shutdown()
        thread.join(5)
        service.store.close()


def launch(playwright: Any) -> Any:
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
