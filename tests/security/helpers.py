"""Helpers shared by the tests of this folder, so no test module imports another."""
import base64
import json
import time


def claims_for(app, user, **changes):
    now = int(time.time())
    claims = {"iss": app.config["JWT_ISSUER"], "aud": app.config["JWT_AUDIENCE"],
              "sub": str(user.id), "iat": now, "exp": now + 600, "typ": "access",
              "ver": user.token_version, "jti": "t"}
    claims.update(changes)
    return {k: v for k, v in claims.items() if v is not None}


def b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def me(client, token):
    return client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
