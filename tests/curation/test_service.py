"""The service over the store: first start, editors' writes reaching resolve, merges, refresh
across processes, the review queue fed by every entry point."""

from __future__ import annotations

import io
import time
from dataclasses import replace
from pathlib import Path

import pytest

from normalizer.curation import Desk, InvalidEntity, NameConflict
from normalizer.extraction.automaton import SCANNER
from normalizer.match.references import INSTITUTION_INDEX
from normalizer.match.translit_tier import TRANSLIT_LOOKUP
from normalizer.service import CsvOptions, EntityMerged, Normalizer, StaleRevision
from normalizer.settings import Settings

KIM = {"name": "Kim Jong Un", "type": "person",
       "names": [{"text": "Kim Jong Un", "lang": "en", "kind": "preferred", "family": "Kim"},
                 {"text": "Kim Châng Ưn", "lang": "vi", "kind": "preferred"}]}


def desk(service: Normalizer) -> Desk:
    assert service.curation is not None
    return service.curation


def test_first_start_creates_and_loads_the_database(service: Normalizer, settings: Settings) -> None:
    assert settings.database_url.endswith("var/normalizer.db")
    assert service.resolve("Vương Nghị").match.id == "wang-yi"
    assert service.readiness() == {"index": True, "database": True}


def test_a_created_entity_resolves_after_refresh(service: Normalizer) -> None:
    created = desk(service).create(KIM, "alice")
    assert created.entity.id == "kim-jong-un"
    service.refresh()  # the write's nudge may have done it already
    assert service.resolve("Kim Châng Ưn").match.id == "kim-jong-un"
    assert not service.refresh()  # nothing moved since
    desk(service).update("kim-jong-un", {"description": "leader"}, 1, "alice")
    service.refresh()
    assert service.index.get("kim-jong-un").description == "leader"


def test_a_refresh_warms_the_new_index_before_swapping_it_in(service: Normalizer) -> None:
    """The refresher thread, not the first request, builds the new index's extraction automaton
    and transliteration lookup."""
    desk(service).create(KIM, "alice")
    service.refresh()
    assert SCANNER.name in service.index.derived and TRANSLIT_LOOKUP.name in service.index.derived
    assert INSTITUTION_INDEX.name in service.index.derived  # the first "Quốc hội" query waited for it


def test_a_write_reaches_resolve_without_an_explicit_refresh(service: Normalizer) -> None:
    assert service.resolve("Kim Jong Un").status != "matched"  # cached now, and the refresher runs
    desk(service).create(KIM, "alice")
    deadline = time.monotonic() + 5
    while service.resolve("Kim Jong Un").status != "matched":
        assert time.monotonic() < deadline, "the index did not follow the database"
        time.sleep(0.02)


def test_another_process_sees_a_write_within_a_second(service: Normalizer, settings: Settings) -> None:
    other = Normalizer.from_settings(settings)  # another worker on the same database
    other.resolve("Wang Yi")  # starts its refresher
    desk(service).create(KIM, "alice")
    deadline = time.monotonic() + 1.0
    while other.resolve("Kim Jong Un").status != "matched":
        assert time.monotonic() < deadline, "the other service did not see the write within 1 s"
        time.sleep(0.02)
    other.close()


def test_the_first_resolve_of_a_process_sees_the_database_as_it_is(service: Normalizer,
                                                                    settings: Settings) -> None:
    other = Normalizer.from_settings(settings)  # like a worker forked from an old master
    desk(service).create(KIM, "alice")
    assert other.resolve("Kim Jong Un").match.id == "kim-jong-un"  # no tick waited for
    other.close()


def test_merged_ids_lead_to_the_survivor(service: Normalizer) -> None:
    desk(service).create(KIM, "alice")
    survivor = desk(service).merge("kim-jong-un", "xi-jinping", 1, "alice")
    assert "Kim Jong Un" in [n.text for n in survivor.entity.names]
    assert service.canonical_id("kim-jong-un") == "xi-jinping"
    assert service.entity("kim-jong-un").id == "xi-jinping"
    service.refresh()
    assert service.resolve("Kim Jong Un").match.id == "xi-jinping"
    assert service.index.get("kim-jong-un").id == "xi-jinping"
    with pytest.raises(EntityMerged):
        desk(service).update("kim-jong-un", {"description": "x"}, 2, "alice")


def test_a_strong_name_of_another_entity_conflicts_unless_marked_ambiguous(service: Normalizer) -> None:
    taken = {"text": "Vương Nghị", "lang": "vi", "kind": "alias"}
    with pytest.raises(NameConflict) as caught:
        desk(service).add_name("xi-jinping", taken, 1, "alice")
    assert caught.value.holder == "wang-yi"
    added = desk(service).add_name("xi-jinping", {**taken, "ambiguous": True}, 1, "alice")
    assert added.revision == 2
    weak = desk(service).add_name("japan", {"text": "Wang Yi", "lang": "en", "kind": "misspelling"}, 1, "a")
    assert weak.revision == 2


def test_references_must_name_known_entities(service: Normalizer) -> None:
    with pytest.raises(InvalidEntity) as caught:
        desk(service).create({**KIM, "country": "north-korea"}, "alice")
    assert "country" in caught.value.errors


def test_remove_name_and_revert(service: Normalizer) -> None:
    stored = desk(service).get("xi-jinping")
    removed = desk(service).remove_name("xi-jinping", stored.name_ids[2], 1, "alice")
    assert [n.text for n in removed.entity.names] == ["Xi Jinping", "Tập Cận Bình"]
    with pytest.raises(InvalidEntity):  # the last en name cannot go
        desk(service).remove_name("xi-jinping", removed.name_ids[0], 2, "alice")
    reverted = desk(service).revert("xi-jinping", 1, 2, "bob")
    assert reverted.entity.names == stored.entity.names and reverted.revision == 3
    entries, total = desk(service).history("xi-jinping")
    assert total == 3 and [e.action for e in entries] == ["revert", "name_remove", "load"]


def test_delete_and_undelete(service: Normalizer) -> None:
    desk(service).delete("japan", 1, "alice")
    assert service.entity("japan") is None
    service.refresh()
    assert service.resolve("Nhật Bản").status == "unmatched"
    with pytest.raises(StaleRevision):
        desk(service).undelete("japan", 1, "alice")
    desk(service).undelete("japan", 2, "alice")
    service.refresh()
    assert service.resolve("Nhật Bản").match.id == "japan"


def test_update_refuses_an_id_change(service: Normalizer) -> None:
    with pytest.raises(InvalidEntity) as caught:
        desk(service).update("japan", {"id": "nippon"}, 1, "alice")
    assert caught.value.errors == {"id": ["cannot be changed"]}


def review_keys(service: Normalizer) -> dict[str, int]:
    assert service.recorder is not None
    service.recorder.flush()
    items, _ = desk(service).review()
    return {i.key: i.count for i in items}


def test_every_entry_point_feeds_the_review_queue(service: Normalizer) -> None:
    service.resolve("Nguyễn Văn Zzz")
    service.resolve_batch([("nguyen van zzz", None, 5), ("Wang Yi", None, 5)])
    job = service.open_csv(io.BytesIO("name\nNguyễn Văn Zzz\nJapan\n".encode()), CsvOptions(column="name"))
    job.write(io.StringIO())
    service.extract("Hôm nay ông Nguyễn Văn Zzz gặp Vương Nghị.")
    keys = review_keys(service)
    assert keys["nguyenvanzzz"] >= 4
    assert "wangyi" not in keys and "japan" not in keys


def test_settling_a_review_item(service: Normalizer) -> None:
    service.resolve("Kim Châng Ưn")
    service.resolve("Trung Hoa")
    assert set(review_keys(service)) == {"kimchangun", "trunghoa"}
    created = desk(service).settle("kimchangun", {"action": "new_entity", "entity": KIM}, "alice")
    assert created.state == "settled" and created.settled_as["entity"] == "kim-jong-un"
    added = desk(service).settle("trunghoa", {"action": "add_name", "entity": "china",
                                               "name": {"lang": "vi", "kind": "historic"}}, "alice")
    assert added.settled_as == {"action": "add_name", "entity": "china", "revision": 2}
    assert "Trung Hoa" in [n.text for n in desk(service).get("china").entity.names]
    assert desk(service).review()[1] == 0
    with pytest.raises(InvalidEntity):
        desk(service).settle("trunghoa", {"action": "shrug"}, "alice")


def test_the_review_queue_can_be_turned_off(settings: Settings) -> None:
    service = Normalizer.from_settings(replace(settings, review_queue=False))
    assert service.recorder is None
    service.resolve("Nguyễn Văn Zzz")
    service.close()


def test_a_service_without_a_store_still_works(service: Normalizer) -> None:
    bare = Normalizer(service.index)
    assert bare.curation is None and bare.resolve("Wang Yi").match.id == "wang-yi"
    assert bare.entity("wang-yi").id == "wang-yi" and not bare.refresh()


def test_another_gazetteer_gets_its_own_default_database(tmp_path: Path) -> None:
    default = Settings()
    assert default.store_url() == "sqlite:///var/normalizer.db"
    other = Settings(gazetteer_dir=tmp_path)
    assert other.store_url().startswith("sqlite:///var/normalizer-")
    assert other.store_url() != default.store_url()
    assert Settings(gazetteer_dir=tmp_path).store_url() == other.store_url()
    explicit = Settings(gazetteer_dir=tmp_path, database_url="sqlite:////tmp/x.db")
    assert explicit.store_url() == "sqlite:////tmp/x.db"
