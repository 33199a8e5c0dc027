import re

import click
from flask.cli import AppGroup

from app.audit.services import (
    chain_of, check_published_head, current_head, published_heads_in, seal, verify_all)

audit_cli = AppGroup("audit", help="The hash-chained audit log.")

PUBLISHED_OPTION = re.compile(r"^(?:(estate:\d+|global)=)?(\d+):([0-9a-f]{64})$")


def _published_heads(values, estate_id, files) -> list[tuple[str, int, str]]:
    heads = []
    for value in values:
        match = PUBLISHED_OPTION.match(value.strip())
        if match is None or (match.group(1) is None and estate_id is None):
            raise click.BadParameter(
                f"{value!r}: write CHAIN=SEQ:HASH (e.g. estate:7=42:<64 hex>), or SEQ:HASH "
                "with --estate", param_hint="--published")
        chain = match.group(1) or chain_of(estate_id)
        heads.append((chain, int(match.group(2)), match.group(3)))
    for file in files:
        found = published_heads_in(file.read())
        if not found:
            raise click.BadParameter(f"{file.name}: no published head (estate:N SEQ:HASH) in it",
                                     param_hint="--published-file")
        heads += found
    return heads


@audit_cli.command("verify")
@click.option("--published", multiple=True, metavar="[CHAIN=]SEQ:HASH",
              help="A head published earlier (public page, 公示 export): the chain must still "
                   "hold that entry with that hash. Repeatable.")
@click.option("--estate", "estate_id", type=int, help="The estate of a --published SEQ:HASH.")
@click.option("--published-file", type=click.File(encoding="utf-8-sig", errors="replace"),
              multiple=True, help="A saved 公示 CSV export (or any text) holding published heads.")
def verify_command(published, estate_id, published_file):
    """Check every chain, and each published head; exit 1 at the first problem.

    A chain checks out in itself even after a superuser removed its tail and rolled its
    head back, or recomputed every hash: only a head kept outside the database (published)
    catches that, and an emptied chain.
    """
    heads = _published_heads(published, estate_id, published_file)
    sealed = seal()  # the ballots' entries still waiting are chained first, then checked
    if sealed:
        click.echo(f"sealed {sealed} pending entries")
    broken = False
    for report in verify_all():
        if report.broken_at is None:
            click.echo(f"{report.chain}: {report.entries} entries OK, head {report.head_hash}")
        else:
            broken = True
            click.echo(f"{report.chain}: BROKEN at entry {report.broken_at}: {report.reason}")
    for chain, seq, digest in heads:
        check = check_published_head(chain, seq, digest)
        if check.contains:
            click.echo(f"{chain}: contains the published head {seq}:{digest}; "
                       f"now at {check.seq}:{check.hash}")
            continue
        broken = True
        if check.emptied:
            click.echo(f"{chain}: EMPTY: it had {seq} entries when {seq}:{digest} was published, "
                       f"and has none now: {check.reason}")
        else:
            click.echo(f"{chain}: does NOT contain the published head {seq}:{digest}: {check.reason}")
    raise SystemExit(1 if broken else 0)


@audit_cli.command("seal")
def seal_command():
    """Chain the entries still waiting (ballots), as the server's sealer does within a moment."""
    click.echo(f"sealed {seal()} pending entries")


@audit_cli.command("head")
@click.argument("estate_id", type=int)
def head_command(estate_id):
    """Print ESTATE_ID's current head as `SEQ HASH`, to publish (pending entries sealed first)."""
    seal(chain_of(estate_id))
    seq, digest = current_head(chain_of(estate_id))
    click.echo(f"{seq} {digest}")


@audit_cli.command("check-head")
@click.argument("estate_id", type=int)
@click.argument("seq", type=int)
@click.argument("hash_")
def check_head_command(estate_id, seq, hash_):
    """Exit 0 if ESTATE_ID's chain verifies and still holds the published SEQ HASH."""
    check = check_published_head(chain_of(estate_id), seq, hash_)
    if check.contains:
        click.echo(f"estate:{estate_id}: contains {seq} {hash_}; now at {check.seq} {check.hash}")
        raise SystemExit(0)
    click.echo(f"estate:{estate_id}: does NOT contain {seq} {hash_}: {check.reason}")
    raise SystemExit(1)
