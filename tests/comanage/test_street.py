"""The street's ranking and estate list carry satisfaction and the property service index."""
from datetime import timedelta

from app.comanage.api import rating
from app.consultations.api import cast_ballot, close_consultation, get_consultation
from app.db import utcnow
from tests.factories import auth, flats_of, make_consultation, make_estate, make_owner, make_user


def test_ranking_and_estate_list_show_satisfaction_and_the_service_index(client):
    estate, other = make_estate(name="已评价"), make_estate(name="未评价")
    committee = make_user(roles=[("committee", estate.id)])
    residents = [(make_owner(flat), flat) for flat in flats_of(estate.id)[:4]]
    evaluation = make_consultation(estate, "evaluation", actor=committee)
    for (user, flat), overall in zip(residents, (5, 4, 2, 4)):
        cast_ballot(evaluation, user, flat.id, {"overall": overall, "quality": 4, "process": 3})
    close_consultation(evaluation, committee.id)
    round_ = rating.start_round(estate.id, "2026Q4", utcnow() + timedelta(days=7), committee.id)
    survey = get_consultation(round_.consultation_id)
    keys = ("cleaning", "order", "greening", "repairs", "openness", "overall")
    for (user, flat), score in zip(residents, (5, 4)):
        cast_ballot(survey, user, flat.id, {key: score for key in keys})
    close_consultation(survey, committee.id)

    staff = make_user(roles=[("staff", None)])
    for path in ("/api/v1/staff/ranking", "/api/v1/staff/estates"):
        rows = {row["estate"]["id"]: row for row in client.get(path, headers=auth(staff)).json}
        rated = rows[estate.id]
        assert rated["satisfaction"] == "3/4" and rated["satisfaction_percent"] == "75.0%"
        assert "3/4 人满意" in rated["satisfaction_text"]
        assert rated["service_index"] == "9/10" and rated["service_index_percent"] == "90.0%"
        assert rows[other.id]["satisfaction"] is None
        assert rows[other.id]["service_index_text"] == "还没有物业服务评价"
    page = client.get("/street/", headers={**auth(staff), "Accept": "text/html"}).get_data(as_text=True)
    assert "75.0%" in page and "90.0%" in page
    page = client.get("/street/estates", headers={**auth(staff), "Accept": "text/html"}).get_data(as_text=True)
    assert "75.0%" in page and "90.0%" in page
