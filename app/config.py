"""Configuration read from the environment; TestConfig for the suite."""
import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def normalize_database_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL whatever scheme the operator wrote."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def redis_options(config) -> dict:
    """Keyword arguments of every Redis client (rate limits, tally marks, the Socket.IO
    queue): short connect and read timeouts; one immediate retry when a pooled connection
    turns out closed, none after a timeout (a stalled Redis would only stall again)."""
    from redis.backoff import NoBackoff
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.retry import Retry

    timeout_s = config["REDIS_TIMEOUT_S"]
    return {"socket_connect_timeout": timeout_s, "socket_timeout": timeout_s,
            "socket_keepalive": True,
            "retry": Retry(NoBackoff(), 1, supported_errors=(RedisConnectionError,))}


#: SECRET_KEY signs every token, session and (by default) QR link
MIN_SECRET_KEY_LENGTH = 32
#: the notices a mini-program user can subscribe to (订阅消息), each with its own template
SUBSCRIBE_KINDS = ("vote_opened", "closing_soon", "results", "meeting", "support_entered")


def check_secret_key(config) -> None:
    """Refuse to start with a short SECRET_KEY (the development default is long enough)."""
    if len(config.get("SECRET_KEY") or "") < MIN_SECRET_KEY_LENGTH:
        raise RuntimeError(
            f"SECRET_KEY must be at least {MIN_SECRET_KEY_LENGTH} characters; generate one with "
            "python -c 'import secrets; print(secrets.token_urlsafe(48))'")


def default_sms_backend(environ) -> str | None:
    """console for a local run; none for a deployment (SECRET_KEY set), which must say which:
    the console backend shows every login code to anyone at /api/v1/dev/sms-outbox."""
    return None if environ.get("SECRET_KEY") else "console"


def default_public_base_url(environ) -> str | None:
    """The local address for a local run; none for a deployment (SECRET_KEY set), whose links
    (SMS, WeChat messages, QR codes, the scheduler's reminders) must name its real address."""
    return None if environ.get("SECRET_KEY") else "http://127.0.0.1:5000"


def check_public_base_url(config) -> None:
    """Refuse to start a deployment without PUBLIC_BASE_URL; a debug or test run gets the
    local address."""
    if config.get("PUBLIC_BASE_URL"):
        return
    if config.get("DEBUG") or config.get("TESTING"):
        config["PUBLIC_BASE_URL"] = "http://127.0.0.1:5000"
    else:
        raise RuntimeError("PUBLIC_BASE_URL must be set (e.g. https://gongzhi.example.cn): every link "
                           "in SMS, WeChat messages, QR codes and reminders is built on it")

class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-secret-change-me")
    #: key of the owner hashes of ID numbers (SECRET_KEY when unset); never change it after
    #: the first ledger import, or every owner would look new
    OWNER_KEY_SECRET = os.environ.get("OWNER_KEY_SECRET") or None
    SQLALCHEMY_DATABASE_URI = normalize_database_url(
        os.environ.get("DATABASE_URL", f"sqlite:///{ROOT / 'instance' / 'gongzhi.db'}")
    )
    #: no pool_pre_ping: a connection idle for a while is pinged at checkout instead
    #: (app.db.ping_idle_connections), one just used is not
    SQLALCHEMY_ENGINE_OPTIONS: dict = {}
    #: PostgreSQL connections a server process keeps open, and how many more it may open
    #: at a peak. One gevent worker serves hundreds of requests at once: with SQLAlchemy's
    #: default (5 kept) a burst of ballots closed and reopened connections all the time
    DB_POOL_SIZE = int(os.environ.get("DB_POOL_SIZE", "20"))
    DB_POOL_OVERFLOW = int(os.environ.get("DB_POOL_OVERFLOW", "10"))
    REDIS_URL = os.environ.get("REDIS_URL") or None
    #: connect and read timeout of every Redis call: a stalled Redis (it accepts, never
    #: answers) costs a request about this per call, not seconds
    REDIS_TIMEOUT_S = float(os.environ.get("REDIS_TIMEOUT_S", "0.5"))
    PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL") or default_public_base_url(os.environ)
    # signs QR links; set it apart from SECRET_KEY so the session key can change
    # without reprinting every poster
    QR_SECRET_KEY = os.environ.get("QR_SECRET_KEY") or None

    # Identity
    SMS_BACKEND = os.environ.get("SMS_BACKEND") or default_sms_backend(os.environ)
    SMS_HTTP_URL = os.environ.get("SMS_HTTP_URL")
    SMS_HTTP_TOKEN = os.environ.get("SMS_HTTP_TOKEN")
    SMS_SIGN_NAME = os.environ.get("SMS_SIGN_NAME") or None
    #: the provider's approved template per message kind (aliyun: SMS_123…; tencent: a number)
    SMS_TEMPLATES = {kind: os.environ.get(f"SMS_TEMPLATE_{kind.upper()}") or None for kind in
                     ("login_code", "vote_opened", "closing_soon", "results", "meeting",
                      "claim_decided", "ballot_entered", "objection_decided", "flat_transferred",
                      "objection", "support_entered", "meeting_sign_in", "payment_recorded",
                      "payment_voided")}
    ALIYUN_SMS_ACCESS_KEY_ID = os.environ.get("ALIYUN_SMS_ACCESS_KEY_ID") or None
    ALIYUN_SMS_ACCESS_KEY_SECRET = os.environ.get("ALIYUN_SMS_ACCESS_KEY_SECRET") or None
    ALIYUN_SMS_ENDPOINT = os.environ.get("ALIYUN_SMS_ENDPOINT", "dysmsapi.aliyuncs.com")
    TENCENT_SMS_SECRET_ID = os.environ.get("TENCENT_SMS_SECRET_ID") or None
    TENCENT_SMS_SECRET_KEY = os.environ.get("TENCENT_SMS_SECRET_KEY") or None
    TENCENT_SMS_SDK_APP_ID = os.environ.get("TENCENT_SMS_SDK_APP_ID") or None
    TENCENT_SMS_REGION = os.environ.get("TENCENT_SMS_REGION", "ap-guangzhou")
    TENCENT_SMS_ENDPOINT = os.environ.get("TENCENT_SMS_ENDPOINT", "sms.tencentcloudapi.com")
    #: https for the providers; http only for the loopback fakes of the tests
    SMS_PROVIDER_SCHEME = os.environ.get("SMS_PROVIDER_SCHEME", "https")
    SMS_TIMEOUT_S = float(os.environ.get("SMS_TIMEOUT_S", "10"))
    #: Beijing time when notices (not login codes) wait in the outbox until the end
    SMS_QUIET_HOURS = os.environ.get("SMS_QUIET_HOURS", "21:00-08:00")
    #: a notice the provider refused is tried this many times by the scheduler, then failed
    SMS_MAX_ATTEMPTS = int(os.environ.get("SMS_MAX_ATTEMPTS", "3"))
    #: one SMS part (70 Chinese characters) in cents; a notice's estimated cost
    SMS_PRICE_CENTS = int(os.environ.get("SMS_PRICE_CENTS", "5"))
    #: an estate's notice SMS a month (Beijing time), unless it has its own budget
    SMS_MONTHLY_BUDGET_CENTS = int(os.environ.get("SMS_MONTHLY_BUDGET_CENTS", "10000"))
    #: shared secret of the provider's reply callback (退订); unset: the callback is off
    SMS_REPLY_TOKEN = os.environ.get("SMS_REPLY_TOKEN") or None
    SMS_CODE_TTL_S = 600
    SMS_CODE_MAX_TRIES = 5
    SMS_RESEND_INTERVAL_S = 60
    SMS_MAX_PER_PHONE_PER_DAY = 10
    JWT_ISSUER = "gongzhi"
    JWT_AUDIENCE = "gongzhi-api"
    #: short: an access token cannot be recalled until it expires (refresh tokens and web
    #: sessions are revoked on the server at once)
    JWT_ACCESS_TTL_S = 15 * 60
    JWT_REFRESH_TTL_S = 30 * 24 * 3600
    WECHAT_APP_ID = os.environ.get("WECHAT_APP_ID") or None
    WECHAT_APP_SECRET = os.environ.get("WECHAT_APP_SECRET") or None
    WECHAT_AUTHORIZE_URL = os.environ.get(
        "WECHAT_AUTHORIZE_URL", "https://open.weixin.qq.com/connect/oauth2/authorize")
    #: WeChat's server API (web authorization, mini-program login, access tokens)
    WECHAT_API_BASE_URL = os.environ.get("WECHAT_API_BASE_URL", "https://api.weixin.qq.com")
    #: the mini-program (小程序): login with wx.login codes and the phone-number button
    WECHAT_MINI_APP_ID = os.environ.get("WECHAT_MINI_APP_ID") or None
    WECHAT_MINI_APP_SECRET = os.environ.get("WECHAT_MINI_APP_SECRET") or None
    #: WeChat Pay v3 (微信支付) for residents' contributions, where the city has a merchant:
    #: off while WECHAT_PAY_MCH_ID is empty. The merchant's API certificate serial number and
    #: private key file, its APIv3 key (decrypts notifies and platform certificates), the
    #: app id the payer's openid belongs to (the official account), the notify URL WeChat Pay
    #: calls (https://<host>/api/v1/wechat-pay/notify), where platform certificates are kept
    WECHAT_PAY_MCH_ID = os.environ.get("WECHAT_PAY_MCH_ID", "")
    WECHAT_PAY_CERT_SERIAL_NO = os.environ.get("WECHAT_PAY_CERT_SERIAL_NO", "")
    WECHAT_PAY_PRIVATE_KEY_PATH = os.environ.get("WECHAT_PAY_PRIVATE_KEY_PATH", "")
    WECHAT_PAY_APIV3_KEY = os.environ.get("WECHAT_PAY_APIV3_KEY", "")
    WECHAT_PAY_APP_ID = os.environ.get("WECHAT_PAY_APP_ID", "")
    WECHAT_PAY_NOTIFY_URL = os.environ.get("WECHAT_PAY_NOTIFY_URL", "")
    WECHAT_PAY_CERT_DIR = os.environ.get("WECHAT_PAY_CERT_DIR", "")
    WECHAT_PAY_BASE_URL = os.environ.get("WECHAT_PAY_BASE_URL", "https://api.mch.weixin.qq.com")
    #: every call to WeChat gives up after this many seconds (then 504 wechat_timeout)
    WECHAT_TIMEOUT_S = float(os.environ.get("WECHAT_TIMEOUT_S", "5"))
    #: a cached access token is renewed this long before WeChat says it expires
    WECHAT_TOKEN_MARGIN_S = 300
    #: how long a first-time mini-program login may take to hand over the phone number
    WECHAT_PHONE_TICKET_TTL_S = 600
    #: 订阅消息: the mini-program's subscribe-message template per kind (WECHAT_SUBSCRIBE_<KIND>)
    #: and its fields (WECHAT_SUBSCRIBE_FIELDS_<KIND>, e.g. "thing1=title,time2=closes_at")
    WECHAT_SUBSCRIBE_TEMPLATES = {kind: os.environ.get(f"WECHAT_SUBSCRIBE_{kind.upper()}") or None
                                  for kind in SUBSCRIBE_KINDS}
    WECHAT_SUBSCRIBE_FIELDS = {kind: os.environ.get(f"WECHAT_SUBSCRIBE_FIELDS_{kind.upper()}") or None
                               for kind in SUBSCRIBE_KINDS}
    #: the mini-program page a subscribe message opens; {path} is our page's path, quoted
    WECHAT_SUBSCRIBE_PAGE = os.environ.get("WECHAT_SUBSCRIBE_PAGE", "pages/web/index?path={path}")
    #: formal, trial or developer: which version of the mini-program a message opens
    WECHAT_MINIPROGRAM_STATE = os.environ.get("WECHAT_MINIPROGRAM_STATE", "formal")
    #: how long a one-time link into the web pages (web-view) stays good
    WEB_TICKET_TTL_S = 60

    # The scheduler (`flask jobs run`): how often it looks for due jobs
    JOBS_TICK_S = float(os.environ.get("JOBS_TICK_S", "15"))

    # 个人信息处理规则 (/privacy): who processes residents' data, and how to reach them
    PRIVACY_CONTROLLER = os.environ.get("PRIVACY_CONTROLLER", "本街道办事处和小区业委会")
    PRIVACY_CONTACT = os.environ.get("PRIVACY_CONTACT") or None

    #: where `flask backup create` writes its archives unless told --output
    BACKUP_DIR = os.environ.get("BACKUP_DIR", str(ROOT / "instance" / "backups"))

    # Logs (app/logs.py): "text" lines, or "json" (one object a line, for a collector);
    #: every line written while serving a request carries its X-Request-Id
    LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
    LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")

    # HTTP
    MAX_CONTENT_LENGTH = 12 * 1024 * 1024
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = (PUBLIC_BASE_URL or "").startswith("https://")
    RATELIMIT_ENABLED = os.environ.get("RATELIMIT_ENABLED", "1") not in ("0", "false", "")
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_STORAGE_URI = REDIS_URL or "memory://"
    # A Redis outage must not fail HTTP: limits fall back to memory until it is back.
    RATELIMIT_SWALLOW_ERRORS = True
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
    #: keeps several deployments (or test runs) on one Redis apart
    RATELIMIT_KEY_PREFIX = os.environ.get("RATELIMIT_KEY_PREFIX", "gongzhi")
    RATELIMIT_SMS_PER_IP = os.environ.get("RATELIMIT_SMS_PER_IP", "30 per hour")
    RATELIMIT_LOGIN_PER_IP = os.environ.get("RATELIMIT_LOGIN_PER_IP", "60 per hour")
    #: opening /q/<token> (a scan); many phones share one carrier address
    RATELIMIT_QR_PER_IP = os.environ.get("RATELIMIT_QR_PER_IP", "600 per hour")
    #: one-time flat codes are 12 digits: a guesser gets a handful of tries, a person plenty
    RATELIMIT_CODE_PER_USER = os.environ.get("RATELIMIT_CODE_PER_USER", "10 per hour")
    RATELIMIT_BALLOT_PER_USER = os.environ.get("RATELIMIT_BALLOT_PER_USER", "30 per minute")
    RATELIMIT_POST_PER_USER = os.environ.get("RATELIMIT_POST_PER_USER", "20 per minute")
    RATELIMIT_READ_ALOUD_PER_USER = os.environ.get("RATELIMIT_READ_ALOUD_PER_USER", "30 per minute")
    #: JSON bodies are small; only multipart uploads (ledgers) get MAX_CONTENT_LENGTH
    MAX_JSON_BODY_BYTES = 256 * 1024
    #: how many proxies (nginx) sit in front and set X-Forwarded-For / -Proto; 0 = none
    TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))

    # OpenAPI (flask-smorest serves the document only when the prefix is set)
    API_TITLE = "共治 API"
    API_VERSION = "v1"
    OPENAPI_VERSION = "3.0.3"
    OPENAPI_URL_PREFIX = "/api/v1"
    OPENAPI_JSON_PATH = "openapi.json"

    MIGRATIONS_DIR = ROOT / "migrations"

    # Live updates (Socket.IO): gevent server; origins besides PUBLIC_BASE_URL's that
    # browsers may connect from; the Redis channel (and key prefix) shared by processes
    SOCKETIO_ASYNC_MODE = "gevent"
    SOCKETIO_ALLOWED_ORIGINS = [origin.strip() for origin in
                                os.environ.get("SOCKETIO_ALLOWED_ORIGINS", "").split(",")
                                if origin.strip()]
    SOCKETIO_CHANNEL = os.environ.get("SOCKETIO_CHANNEL", "gongzhi")
    #: a room receives at most one tally per interval (600 ms: under two a second)
    TALLY_INTERVAL_MS = 600
    #: ballots' audit entries wait at most about this long to be sealed into their chain
    #: by the server's sealer (docs/audit.md); CLI and test processes seal after each
    #: ballot's commit unless AUDIT_SEAL_AT_ONCE is off (then `flask audit seal`)
    AUDIT_SEAL_INTERVAL_MS = int(os.environ.get("AUDIT_SEAL_INTERVAL_MS", "200"))
    AUDIT_SEAL_AT_ONCE = True

    # Prometheus metrics at /metrics: off unless METRICS_ENABLED; never public: a
    # request needs `Authorization: Bearer $METRICS_TOKEN` or comes from METRICS_ALLOW
    # (comma-separated addresses, e.g. 127.0.0.1 for a scraper on the same host)
    METRICS_ENABLED = os.environ.get("METRICS_ENABLED", "0") not in ("0", "false", "")
    METRICS_TOKEN = os.environ.get("METRICS_TOKEN") or None
    METRICS_ALLOW = [a.strip() for a in os.environ.get("METRICS_ALLOW", "").split(",") if a.strip()]

    # Uploaded photos (progress posts): local disk by default, or "s3" for any
    # S3-compatible object store (MinIO, 阿里云 OSS, 腾讯云 COS, AWS S3)
    MEDIA_STORE = os.environ.get("MEDIA_STORE", "local")
    MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(ROOT / "instance" / "media"))
    S3_ENDPOINT_URL = os.environ.get("S3_ENDPOINT_URL")  # None: AWS's own
    S3_REGION = os.environ.get("S3_REGION", "us-east-1")
    S3_BUCKET = os.environ.get("S3_BUCKET")
    S3_ACCESS_KEY_ID = os.environ.get("S3_ACCESS_KEY_ID")
    S3_SECRET_ACCESS_KEY = os.environ.get("S3_SECRET_ACCESS_KEY")
    MEDIA_MAX_BYTES = 5 * 1024 * 1024
    MEDIA_MAX_PHOTOS_PER_POST = 9
    COMPLAINT_DUE_DAYS = int(os.environ.get("COMPLAINT_DUE_DAYS", "7"))

    # Street office view: when a publicity period is "long" (the ranking's weights are city
    # data: <TEMPLATES_DIR>/rules/ranking/weights.yaml)
    LONG_PUBLICITY_GRACE_DAYS = int(os.environ.get("LONG_PUBLICITY_GRACE_DAYS", "10"))
    # 居民自愿申报: the share of the estate's flats whose owners must support an application
    # before the committee may submit it (an exact fraction, "以上": the bound itself passes)
    APPLICATION_SUPPORT_THRESHOLD = os.environ.get("APPLICATION_SUPPORT_THRESHOLD", "2/3")
    # ... counted by "flats" (户) or "owners" (业主, an owner of several flats once); an
    # application keeps the basis it started with
    APPLICATION_SUPPORT_BASIS = os.environ.get("APPLICATION_SUPPORT_BASIS", "flats")
    #: the approvals (审批) a renovation project needs, comma-separated: project_approval (立项),
    #: land_use (用地), planning (规划许可), construction_permit (施工许可); a city with a merged
    #: review sets joint_review (联合审查) instead of the ones it merges
    APPROVALS_REQUIRED = os.environ.get("APPROVALS_REQUIRED",
                                        "project_approval,land_use,planning,construction_permit")
    #: the green-community criteria (绿色社区创建标准) as YAML; empty: the national list in app/green
    GREEN_CRITERIA_FILE = os.environ.get("GREEN_CRITERIA_FILE", "")
    #: 管线: two works on the same road or stairwell this many days apart (or fewer, or
    #: overlapping) are flagged as digging the same place twice
    UTILITY_CLASH_GAP_DAYS = int(os.environ.get("UTILITY_CLASH_GAP_DAYS", "30"))
    # 共评: questions averaging below this score become follow-up items
    FOLLOW_UP_BELOW_SCORE = "3"
    #: 联合验收: resident representatives who must sign off before 共管
    ACCEPTANCE_MIN_RESIDENT_SIGNERS = int(os.environ.get("ACCEPTANCE_MIN_RESIDENT_SIGNERS", "2"))

    # Sunlight (日照) analyses: which row of GB 50180-2018 Table 4.0.9 applies to homes here
    # (building climate zone I-VII; a city of 500,000 urban residents or more), and local rules
    SUNLIGHT_CLIMATE_ZONE = os.environ.get("SUNLIGHT_CLIMATE_ZONE", "II")
    SUNLIGHT_LARGE_CITY = os.environ.get("SUNLIGHT_LARGE_CITY", "1") not in ("0", "false", "")
    #: sunlit stretches shorter than this do not count (0: every sunlit step counts)
    SUNLIGHT_MIN_STRETCH_MINUTES = int(os.environ.get("SUNLIGHT_MIN_STRETCH_MINUTES", "0"))
    #: the sun must be at least this far off the facade's plane to count (0: any angle in front)
    SUNLIGHT_MIN_FACADE_ANGLE_DEG = float(os.environ.get("SUNLIGHT_MIN_FACADE_ANGLE_DEG", "0"))
    #: an analysis runs in a helper process and is stopped after this many seconds (422 too_slow)
    SUNLIGHT_TIME_LIMIT_S = float(os.environ.get("SUNLIGHT_TIME_LIMIT_S", "30"))
    #: a heavy job (analysis, scan, ledger import) whose process is gone counts as interrupted
    #: (中断了, can be re-run) once this many seconds passed since it started; longer than any
    #: job's own time limit
    HEAVY_JOB_LEASE_S = float(os.environ.get("HEAVY_JOB_LEASE_S", "300"))
    # Read-aloud (朗读): espeak-ng's Mandarin voice and lame, or a TTS service when
    # TTS_HTTP_URL is set; audio cached on disk by content
    TTS_HTTP_URL = os.environ.get("TTS_HTTP_URL") or None
    TTS_HTTP_TOKEN = os.environ.get("TTS_HTTP_TOKEN") or None
    #: espeak-ng's Mandarin voice that reads Chinese characters in Mandarin (its plain `cmn`
    #: voice of Debian 12 reads the pinyin of digits' words as English: 零 -> "ling two")
    READ_ALOUD_VOICE = os.environ.get("READ_ALOUD_VOICE", "cmn-latn-pinyin")
    READ_ALOUD_CACHE_DIR = os.environ.get("READ_ALOUD_CACHE_DIR", str(ROOT / "instance" / "read-aloud"))
    #: the cache's bound in MiB (per folder); the least recently read pages go first. A page
    #: is about 0.2 MB (32 kbit/s), so 256 MB keeps about a thousand pages
    READ_ALOUD_CACHE_MAX_MB = float(os.environ.get("READ_ALOUD_CACHE_MAX_MB", "256"))
    #: longer pages are read up to here (1,200 characters: about seven minutes of speech)
    READ_ALOUD_MAX_CHARS = int(os.environ.get("READ_ALOUD_MAX_CHARS", "1200"))
    READ_ALOUD_TIMEOUT_S = float(os.environ.get("READ_ALOUD_TIMEOUT_S", "30"))
    #: syntheses running at once in one process (the rest wait their turn)
    READ_ALOUD_CONCURRENCY = int(os.environ.get("READ_ALOUD_CONCURRENCY", "2"))

    # Consultation templates and decision rules shipped as data
    TEMPLATES_DIR = os.environ.get("TEMPLATES_DIR", str(ROOT / "consultation_templates"))
    #: a city's own files, one at a time: a file here shadows the one with the same path in
    #: TEMPLATES_DIR (e.g. rules/periods/publicity.yaml); unset: none
    CITY_TEMPLATES_DIR = os.environ.get("CITY_TEMPLATES_DIR", "")


class TestConfig(Config):
    TESTING = True
    MEDIA_ROOT = tempfile.mkdtemp(prefix="gongzhi-media-")
    SECRET_KEY = "test-secret-key-with-enough-length-0123456789"
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    REDIS_URL = None
    RATELIMIT_ENABLED = False
    RATELIMIT_STORAGE_URI = "memory://"
    TRUSTED_PROXIES = 0
    SMS_BACKEND = "console"
    WECHAT_APP_ID = None
    WECHAT_APP_SECRET = None
    WECHAT_MINI_APP_ID = None
    WECHAT_MINI_APP_SECRET = None
    READ_ALOUD_CACHE_DIR = tempfile.mkdtemp(prefix="gongzhi-read-aloud-")
