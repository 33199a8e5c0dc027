"""The audit chain: append-only in the database, verifiable, with a published head."""
import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DBAPIError

from app.audit.api import AuditEntry, AuditHead
from app.audit.api import (
    GENESIS, chain_of, check_published_head, current_head, record, verify_chain,
)
from app.extensions import db
from tests.audit.helpers import guard_lifted, tamper
from tests.factories import auth, make_estate, make_user


def grow_chain(estate_id: int, count: int) -> None:
    for number in range(count):
        record("test.act", estate_id=estate_id, actor_id=None, subject_type="estate",
               subject_id=estate_id, data={"n": number})
    db.session.commit()


def entries(estate_id: int) -> list[AuditEntry]:
    return list(db.session.scalars(select(AuditEntry).where(
        AuditEntry.chain == chain_of(estate_id)).order_by(AuditEntry.seq)))


def test_every_entry_holds_the_previous_hash(app):
    estate = make_estate()
    grow_chain(estate.id, 3)
    chain = entries(estate.id)
    assert [e.seq for e in chain] == list(range(1, len(chain) + 1))
    assert chain[0].prev_hash == GENESIS
    for previous, entry in zip(chain, chain[1:]):
        assert entry.prev_hash == previous.hash
    assert current_head(chain_of(estate.id)) == (chain[-1].seq, chain[-1].hash)


@pytest.mark.parametrize("statement", [
    lambda: update(AuditEntry).values(action="tampered"),
    lambda: delete(AuditEntry),
    lambda: text("UPDATE audit_entries SET data = '{}'"),
    lambda: text("DELETE FROM audit_entries WHERE seq = 1"),
])
def test_database_refuses_to_change_or_delete_entries(app, statement):
    estate = make_estate()
    before = [(e.seq, e.action, e.hash) for e in entries(estate.id)]
    with pytest.raises(DBAPIError, match="append-only"):
        db.session.execute(statement())
        db.session.flush()
    db.session.rollback()
    assert [(e.seq, e.action, e.hash) for e in entries(estate.id)] == before


def test_orm_delete_of_an_entry_is_refused(app):
    estate = make_estate()
    db.session.delete(entries(estate.id)[0])
    with pytest.raises(DBAPIError, match="append-only"):
        db.session.commit()
    db.session.rollback()
    assert verify_chain(chain_of(estate.id)).broken_at is None


def test_new_entries_still_append_after_the_guard(app):
    estate = make_estate()
    count = len(entries(estate.id))
    grow_chain(estate.id, 2)
    assert len(entries(estate.id)) == count + 2


def test_cli_verify_passes_on_a_good_chain(app, runner):
    first, second = make_estate(name="甲小区"), make_estate(name="乙小区")
    grow_chain(first.id, 3)
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 0, result.output
    for estate in (first, second):
        seq, digest = current_head(chain_of(estate.id))
        assert f"estate:{estate.id}: {seq} entries OK, head {digest}" in result.output
    assert "BROKEN" not in result.output


@pytest.mark.parametrize("sql, first_broken", [
    ("UPDATE audit_entries SET data = '{\"n\": 99}' WHERE chain = :chain AND seq IN (3, 5)",
     "BROKEN at entry 3: 记录内容被改动过"),
    ("UPDATE audit_entries SET actor_id = NULL, action = 'x' WHERE chain = :chain AND seq = 4",
     "BROKEN at entry 4: 记录内容被改动过"),
    ("DELETE FROM audit_entries WHERE chain = :chain AND seq = 2",
     "BROKEN at entry 3: 序号不连续（有记录被删除）"),
    ("DELETE FROM audit_entries WHERE chain = :chain AND seq > 4",
     "BROKEN at entry 5: 末尾的记录被删除"),
])
def test_cli_verify_reports_the_first_broken_entry(app, runner, sql, first_broken):
    estate = make_estate()
    grow_chain(estate.id, 4)
    with guard_lifted():
        tamper(sql, chain=chain_of(estate.id))
        result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 1
    assert f"estate:{estate.id}: {first_broken}" in result.output


def test_published_head_catches_a_tail_removed_with_the_head_rewritten(app, runner):
    """Removing the last entries and rewinding the head fools `verify`; a published head does not."""
    estate = make_estate()
    grow_chain(estate.id, 2)
    published = current_head(chain_of(estate.id))
    grow_chain(estate.id, 3)
    check = check_published_head(chain_of(estate.id), *published)
    assert check.contains and check.seq == published[0] + 3

    keep = published[0] - 1
    kept_hash = entries(estate.id)[keep - 1].hash
    with guard_lifted():
        tamper("DELETE FROM audit_entries WHERE chain = :chain AND seq > :keep",
               chain=chain_of(estate.id), keep=keep)
        tamper("UPDATE audit_heads SET seq = :keep, hash = :hash WHERE chain = :chain",
               keep=keep, hash=kept_hash, chain=chain_of(estate.id))
        assert runner.invoke(args=["audit", "verify"]).exit_code == 0
        check = check_published_head(chain_of(estate.id), *published)
        cli = runner.invoke(args=["audit", "check-head", str(estate.id), str(published[0]),
                                  published[1]])
    assert not check.contains
    assert check.reason == "现在的记录比公布时少（有记录被删除）"
    assert cli.exit_code == 1 and "does NOT contain" in cli.output


def test_published_head_catches_a_rewritten_history(app):
    """Rewrite every entry consistently from seq 2 on: the chain verifies, the head does not match."""
    from app.audit.api import entry_hash

    estate = make_estate()
    grow_chain(estate.id, 3)
    chain = chain_of(estate.id)
    published = current_head(chain)
    with guard_lifted():
        previous = entries(estate.id)[0].hash
        for entry in entries(estate.id)[1:]:
            data = {**entry.data, "forged": True}
            digest = entry_hash(previous, chain, entry.seq, entry.estate_id, entry.actor_id,
                                entry.action, entry.subject_type, entry.subject_id, data,
                                entry.created_at)
            tamper("UPDATE audit_entries SET data = :data, prev_hash = :prev, hash = :hash "
                   "WHERE id = :id", data=__import__("json").dumps(data), prev=previous,
                   hash=digest, id=entry.id)
            previous = digest
        tamper("UPDATE audit_heads SET hash = :hash WHERE chain = :chain", hash=previous,
               chain=chain)
        assert verify_chain(chain).broken_at is None
        check = check_published_head(chain, *published)
    assert not check.contains
    assert check.reason == f"第 {published[0]} 条记录与公布时不同（记录被改动过）"


def test_head_route_answers_members_and_hides_from_outsiders(app, client):
    estate, other = make_estate(name="甲小区"), make_estate(name="乙小区")
    committee = make_user(roles=[("committee", estate.id)])
    outsider = make_user(roles=[("committee", other.id)])
    response = client.get(f"/api/v1/estates/{estate.id}/audit/head", headers=auth(committee))
    assert response.status_code == 200
    seq, digest = current_head(chain_of(estate.id))
    assert response.json == {"seq": seq, "hash": digest}
    assert client.get(f"/api/v1/estates/{estate.id}/audit/head",
                      headers=auth(outsider)).status_code == 404
    assert client.get(f"/api/v1/estates/{estate.id}/audit/head").status_code == 401


def test_head_check_route(app, client):
    estate = make_estate()
    committee = make_user(roles=[("committee", estate.id)])
    published = client.get(f"/api/v1/estates/{estate.id}/audit/head", headers=auth(committee)).json
    grow_chain(estate.id, 2)
    url = f"/api/v1/estates/{estate.id}/audit/head/check"
    good = client.get(url, query_string=published, headers=auth(committee))
    assert good.status_code == 200
    assert good.json["contains"] is True and good.json["reason"] is None
    assert good.json["head"]["seq"] == published["seq"] + 2
    wrong = client.get(url, query_string={"seq": published["seq"], "hash": "a" * 64},
                       headers=auth(committee))
    assert wrong.json["contains"] is False
    future = client.get(url, query_string={"seq": published["seq"] + 50, "hash": "a" * 64},
                        headers=auth(committee))
    assert future.json["contains"] is False
    bad = client.get(url, query_string={"seq": "x", "hash": "nothex"}, headers=auth(committee))
    assert bad.status_code == 422 and set(bad.json["error"]["fields"]) == {"seq", "hash"}


def test_cli_head_prints_what_check_head_accepts(app, runner):
    estate = make_estate()
    printed = runner.invoke(args=["audit", "head", str(estate.id)]).output.split()
    grow_chain(estate.id, 1)
    result = runner.invoke(args=["audit", "check-head", str(estate.id), *printed])
    assert result.exit_code == 0, result.output


def test_heads_are_per_estate(app):
    first, second = make_estate(name="甲小区"), make_estate(name="乙小区")
    before = current_head(chain_of(second.id))
    grow_chain(first.id, 3)
    assert current_head(chain_of(second.id)) == before
    assert db.session.get(AuditHead, chain_of(first.id)).seq == len(entries(first.id))
