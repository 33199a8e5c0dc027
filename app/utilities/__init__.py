"""专业经营单位: the utilities (power, telecom, water, drainage, gas, heating) of a renovation
project: each one's pipeline works planned against the renovation's own (with a warning when
the same road or stairwell would be dug twice in overlapping or nearby periods), the money
they put in, and the handover of what they built on completion (验收移交: which facilities,
to whom, when, with the signed record and a photo)."""


def init_app(app):
    from app.extensions import api
    from app.utilities.routes import blp

    api.register_blueprint(blp)
