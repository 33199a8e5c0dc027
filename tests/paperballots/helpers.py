"""Helpers shared by the tests of this folder, so no test module imports another."""
import io
from tests.factories import auth, flats_of, make_consultation, make_estate, make_owner, make_user


A = "/api/v1"


def upload(client, user, consultation, data: bytes, name="sheet.jpg"):
    return client.post(f"{A}/consultations/{consultation.id}/paper-ballot-scans", headers=auth(user),
                       data={"file": (io.BytesIO(data), name)}, content_type="multipart/form-data")
