"""User text in exports stays text (issue 16.3 and 16.4).

PDF: reportlab Paragraphs read their text as markup, so a title `<link href=…>` became
a live link in the 公示 PDF and a title ending in `<br` failed it (500) for good.
CSV: a cell beginning with =, +, -, @, tab or CR is a formula to a spreadsheet; every
CSV we hand out prefixes such a cell with a single quote (OWASP).
"""
import csv
import io
import subprocess

from app.consultations.api import close_consultation
from app.extensions import db
from tests.factories import auth, flats_of, make_consultation, make_estate, make_user

LINK_TITLE = '<link href="http://x">t</link>'
FORMULAS = ["=HYPERLINK(\"http://x\",\"点我\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"]


def closed_vote(title, buildings=(("1号楼", 1),)):
    estate = make_estate(buildings=buildings)
    committee = make_user(roles=[("committee", estate.id)])
    vote = make_consultation(estate, actor=committee, title=title)
    close_consultation(vote, committee.id)
    return estate, committee, vote


def pdf_of(client, vote, committee, tmp_path):
    response = client.get(f"/api/v1/consultations/{vote.id}/export.pdf", headers=auth(committee))
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    path = tmp_path / "export.pdf"
    path.write_bytes(response.data)
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    return response.data, text


def test_markup_in_a_title_is_printed_not_followed(client, tmp_path):
    _, committee, vote = closed_vote(LINK_TITLE)
    data, text = pdf_of(client, vote, committee, tmp_path)
    assert LINK_TITLE in text
    assert b"/URI" not in data and b"/Annots" not in data  # no link annotation


def test_a_title_ending_in_an_open_tag_exports(client, tmp_path):
    _, committee, vote = closed_vote("加装电梯表决<br")
    _, text = pdf_of(client, vote, committee, tmp_path)
    assert "加装电梯表决<br" in text


def csv_rows(response) -> list[list[str]]:
    assert response.status_code in (200, 201), response.get_data(as_text=True)[:300]
    raw = response.get_data()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def cells(rows) -> list[str]:
    return [cell for row in rows for cell in row]


def assert_neutralised(found: list[str], texts: list[str]):
    for text in texts:
        assert any(cell.startswith("'" + text) for cell in found), (text, found)
    formulas = [cell for cell in found if cell[:1] in ("=", "+", "@", "\t", "\r")
                or (cell.startswith("-") and not cell.lstrip("-").replace(".", "").isdigit())]
    assert formulas == []


def test_consultation_export_csv_neutralises_formulas(client):
    estate, committee, vote = closed_vote(FORMULAS[0], buildings=(("+1+1", 1),))
    flats_of(estate.id)[0].owner.name = "=cmd|' /C calc'!A0"
    db.session.commit()
    found = cells(csv_rows(client.get(f"/api/v1/consultations/{vote.id}/export.csv",
                                      headers=auth(committee))))
    assert_neutralised(found, ["+1+1", "=*"])
    assert any(FORMULAS[0] in cell and not cell.startswith("=") for cell in found)


def test_open_data_csv_neutralises_formulas(client):
    estate = make_estate(name="@SUM(A1)")
    committee = make_user(roles=[("committee", estate.id)])
    created = client.post(f"/api/v1/estates/{estate.id}/projects", headers=auth(committee),
                          json={"title": "-2+3", "budget_cents": 100})
    assert created.status_code == 201, created.json
    rows = csv_rows(client.get(f"/api/v1/estates/{estate.id}/open-data.csv"))
    assert_neutralised(cells(rows), ["@SUM(A1)", "-2+3"])
    assert ["estate", "built_year", "1990", "year"] in rows  # numbers stay numbers


def test_flat_codes_csv_neutralises_formulas(client):
    estate = make_estate(buildings=(("=1+1", 1), ("\t=2+2", 1)))
    committee = make_user(roles=[("committee", estate.id)])
    rows = csv_rows(client.post(f"/api/v1/estates/{estate.id}/flat-codes",
                                headers=auth(committee)))
    assert_neutralised(cells(rows[1:]), ["=1+1", "\t=2+2"])
    assert all(row[0].isdigit() for row in rows[1:])


def test_every_formula_start_is_neutralised_and_numbers_are_not():
    from app.display import csv_document

    rows = list(csv.reader(io.StringIO(csv_document([FORMULAS + [-5, 3, "5-3", "文本"]])
                                       .lstrip("\ufeff"), newline="")))
    assert rows == [["'" + formula for formula in FORMULAS] + ["-5", "3", "5-3", "文本"]]
