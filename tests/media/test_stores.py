"""Both photo stores behind one interface: local disk, and an S3-compatible service.

The S3 side runs against moto's S3 server, a real HTTP endpoint on a local port
(no S3 service runs on this machine), through the same boto3 client production uses.
"""
import io
import uuid

import boto3
import pytest
from moto.server import ThreadedMotoServer
from PIL import Image

from app import create_app
from app.config import TestConfig
from app.media.api import LocalMediaStore, S3MediaStore, build_media_store
from tests.factories import auth
from tests.live import free_port
from tests.projects.helpers import create_project, photo_bytes

CREDENTIALS = {"S3_ACCESS_KEY_ID": "gongzhi-test", "S3_SECRET_ACCESS_KEY": "gongzhi-test-secret",
               "S3_REGION": "us-east-1"}


@pytest.fixture(scope="module")
def s3_endpoint():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint):
    name = f"gongzhi-{uuid.uuid4().hex[:12]}"
    raw_client(s3_endpoint).create_bucket(Bucket=name)
    return name


def raw_client(endpoint):
    return boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                        aws_access_key_id="gongzhi-test", aws_secret_access_key="gongzhi-test-secret")


@pytest.fixture
def config_overrides(s3_endpoint, bucket, tmp_path):
    # the local folder exists but must stay empty: photos go to the bucket
    return {"MEDIA_STORE": "s3", "S3_ENDPOINT_URL": s3_endpoint, "S3_BUCKET": bucket,
            "MEDIA_ROOT": str(tmp_path / "unused"), **CREDENTIALS}


def test_progress_photos_go_to_the_bucket_and_come_back_to_members(
        app, client, estate, committee, owner, s3_endpoint, bucket, tmp_path):
    assert isinstance(app.extensions["media_store"], S3MediaStore)
    project = create_project(client, estate, committee)
    response = client.post(
        f"/api/v1/projects/{project['id']}/progress", headers=auth(committee),
        data={"body": "屋面防水完工", "photos": [(io.BytesIO(photo_bytes("PNG")), "roof.png")]},
        content_type="multipart/form-data")
    assert response.status_code == 201, response.json
    url = response.json["photos"][0]["url"]
    key = url.split("/media/", 1)[1]

    stored = raw_client(s3_endpoint).get_object(Bucket=bucket, Key=key)
    assert stored["ContentType"] == "image/jpeg"
    body = stored["Body"].read()
    assert Image.open(io.BytesIO(body)).format == "JPEG"  # re-encoded before it left the app
    assert not (tmp_path / "unused").exists()

    served = client.get(url, headers=auth(owner))
    assert served.status_code == 200 and served.data == body
    missing = key.rsplit("/", 1)[0] + "/" + "0" * 32 + ".jpg"
    assert client.get(f"/api/v1/media/{missing}", headers=auth(owner)).status_code == 404
    assert client.get(url).status_code == 401


def test_the_store_is_chosen_by_configuration(tmp_path):
    assert isinstance(build_media_store({"MEDIA_STORE": "local", "MEDIA_ROOT": str(tmp_path)}),
                      LocalMediaStore)
    with pytest.raises(RuntimeError, match="S3_BUCKET"):
        build_media_store({"MEDIA_STORE": "s3"})
    with pytest.raises(RuntimeError, match="MEDIA_STORE"):
        create_app(type("Bad", (TestConfig,), {"MEDIA_STORE": "ftp"}))


def test_local_store_keeps_keys_inside_its_folder(tmp_path):
    store = LocalMediaStore(str(tmp_path / "media"))
    store.put("estate-1/a.jpg", b"x")
    assert store.get("estate-1/a.jpg") == b"x" and store.get("estate-1/b.jpg") is None
    with pytest.raises(ValueError):
        store.put("../escape.jpg", b"x")
