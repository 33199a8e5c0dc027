"""The audit chain against its published head (issue 16, item 8): the database refuses
TRUNCATE and a head that moves back; what a superuser does past the guards (tail deleted
and head rolled back, a recomputed chain, everything emptied) `flask audit verify
--published` catches, with the head printed on the public page and in every 公示 export."""
import json

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.audit.api import GENESIS, chain_of, current_head, entry_hash, record
from app.consultations.api import services
from app.extensions import db
from tests.audit.helpers import as_attacker
from tests.factories import auth, flats_of, make_consultation, make_owner


def grow(estate_id: int, count: int) -> None:
    for number in range(count):
        record("test.act", estate_id=estate_id, actor_id=None, subject_type="estate",
               subject_id=estate_id, data={"n": number})
    db.session.commit()


def published(estate_id: int) -> str:
    seq, digest = current_head(chain_of(estate_id))
    return f"estate:{estate_id}={seq}:{digest}"


def verify(runner, *published_heads):
    args = ["audit", "verify"]
    for head in published_heads:
        args += ["--published", head]
    return runner.invoke(args=args)


def refused(sql: str) -> str:
    with pytest.raises(DBAPIError) as caught:
        db.session.execute(text(sql))
        db.session.flush()
    db.session.rollback()
    return str(caught.value.orig)


def test_the_database_refuses_to_empty_the_audit_tables(app, backend, estate):
    grow(estate.id, 2)
    head = current_head(chain_of(estate.id))
    if backend == "postgresql":
        for table in ("audit_entries", "audit_heads"):
            assert "cannot be truncated" in refused(f"TRUNCATE {table} CASCADE")
    else:  # SQLite has no TRUNCATE: an unqualified DELETE is its way to empty a table
        assert "append-only" in refused("DELETE FROM audit_entries")
    assert "only moves forward" in refused("DELETE FROM audit_heads")
    assert current_head(chain_of(estate.id)) == head


@pytest.mark.parametrize("sql", [
    "UPDATE audit_heads SET seq = seq - 1",
    "UPDATE audit_heads SET seq = 0, hash = '" + GENESIS + "'",
    "UPDATE audit_heads SET hash = 'x'",
    "INSERT INTO audit_heads (chain, seq, hash) VALUES ('estate:999', 5, 'x')",
])
def test_the_head_only_moves_forward(app, estate, sql):
    grow(estate.id, 2)
    head = current_head(chain_of(estate.id))
    assert "only moves forward" in refused(sql)
    assert current_head(chain_of(estate.id)) == head
    grow(estate.id, 1)  # appending still works
    assert current_head(chain_of(estate.id))[0] == head[0] + 1


def test_tail_deleted_and_head_rolled_back_by_a_superuser_fails_against_the_published_head(
        app, runner, estate):
    grow(estate.id, 3)
    head = published(estate.id)
    grow(estate.id, 2)
    assert verify(runner, head).exit_code == 0
    seq = current_head(chain_of(estate.id))[0]
    keep = seq - 4
    kept_hash = db.session.scalar(text(
        "SELECT hash FROM audit_entries WHERE chain = :chain AND seq = :seq"),
        {"chain": chain_of(estate.id), "seq": keep})
    as_attacker(("DELETE FROM audit_entries WHERE chain = :chain AND seq > :keep",
                 {"chain": chain_of(estate.id), "keep": keep}),
                ("UPDATE audit_heads SET seq = :keep, hash = :hash WHERE chain = :chain",
                 {"keep": keep, "hash": kept_hash, "chain": chain_of(estate.id)}))
    plain = verify(runner)
    result = verify(runner, head)
    print(f"\n[trust] tail cut and head rolled back: verify exit {plain.exit_code}, "
          f"verify --published exit {result.exit_code}")
    assert plain.exit_code == 0  # the chain is consistent in itself: only the head can tell
    assert result.exit_code == 1
    assert f"estate:{estate.id}: does NOT contain the published head" in result.output
    assert "现在的记录比公布时少" in result.output


def test_a_recomputed_chain_fails_against_the_published_head(app, runner, estate):
    grow(estate.id, 3)
    chain = chain_of(estate.id)
    head = published(estate.id)
    rows = db.session.execute(text(
        "SELECT id, seq, estate_id, actor_id, action, subject_type, subject_id, data, created_at "
        "FROM audit_entries WHERE chain = :chain ORDER BY seq"), {"chain": chain}).all()
    from app.audit.api import AuditEntry

    entries = [db.session.get(AuditEntry, row.id) for row in rows]
    previous, statements = entries[0].hash, []
    for entry in entries[1:]:
        data = {**entry.data, "forged": True}
        digest = entry_hash(previous, chain, entry.seq, entry.estate_id, entry.actor_id,
                            entry.action, entry.subject_type, entry.subject_id, data,
                            entry.created_at)
        statements.append(("UPDATE audit_entries SET data = :data, prev_hash = :prev, hash = :hash "
                           "WHERE id = :id", {"data": json.dumps(data), "prev": previous,
                                              "hash": digest, "id": entry.id}))
        previous = digest
    statements.append(("UPDATE audit_heads SET hash = :hash WHERE chain = :chain",
                       {"hash": previous, "chain": chain}))
    as_attacker(*statements)
    plain, result = verify(runner), verify(runner, head)
    print(f"\n[trust] recomputed chain: verify exit {plain.exit_code}, "
          f"verify --published exit {result.exit_code}")
    assert plain.exit_code == 0
    assert result.exit_code == 1 and "与公布时不同" in result.output


def test_an_emptied_chain_is_called_empty(app, runner, estate):
    grow(estate.id, 2)
    head = published(estate.id)
    as_attacker(("DELETE FROM audit_entries", {}), ("DELETE FROM audit_heads", {}))
    result = verify(runner, head)
    assert result.exit_code == 1
    assert f"estate:{estate.id}: EMPTY" in result.output
    assert "记录已被清空" in result.output


def test_published_head_must_be_well_formed(app, runner, estate):
    for bad in ("12", "x:y", f"estate:{estate.id}=1:nothex", "1:" + "a" * 64):
        result = verify(runner, bad)
        assert result.exit_code == 2 and "--published" in result.output, bad


def test_the_head_is_published_on_the_public_page_and_in_every_export(
        app, client, runner, tmp_path, estate, committee):
    flat = flats_of(estate.id)[0]
    owner = make_owner(flat)
    c = make_consultation(estate, scope_type="estate", actor=committee)
    client.put(f"/api/v1/consultations/{c.id}/ballots/mine", headers=auth(owner),
               json={"flat_id": flat.id, "answers": {"install": "agree"}})
    services.close_consultation(c, committee.id)
    services.publish_consultation(c, committee.id)
    seq, digest = current_head(chain_of(estate.id))
    shown = f"estate:{estate.id} {seq}:{digest}"

    page = client.get(f"/estates/{estate.id}/public").text
    assert shown in page
    export = client.get(f"/api/v1/consultations/{c.id}/export.csv", headers=auth(owner))
    assert export.status_code == 200 and shown in export.text
    pdf = client.get(f"/api/v1/consultations/{c.id}/export.pdf", headers=auth(owner))
    assert pdf.status_code == 200 and digest[:16].encode() in pdf.data or _pdf_text(pdf.data, digest)

    # the export itself is the published head a later check starts from
    saved = tmp_path / "export.csv"
    saved.write_bytes(export.data)
    grow(estate.id, 2)
    result = runner.invoke(args=["audit", "verify", "--published-file", str(saved)])
    assert result.exit_code == 0, result.output
    assert f"estate:{estate.id}: contains the published head {seq}" in result.output


def _pdf_text(data: bytes, digest: str) -> bool:
    import subprocess

    done = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    return digest in done.stdout.decode().replace("\n", "").replace(" ", "")
