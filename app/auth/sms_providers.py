"""The SMS providers behind `app.auth.sms.send_sms`, chosen by SMS_BACKEND.

- console: prints the text (local runs and tests; the outbox row is what they read)
- http: `POST {phone, text}` with a bearer token to SMS_HTTP_URL (a generic gateway)
- aliyun: 阿里云短信 SendSms through the official SDK (alibabacloud-dysmsapi20170525),
  receipts by QuerySendDetails
- tencent: 腾讯云短信 SendSms through the official SDK (tencentcloud-sdk-python-sms),
  receipts by PullSmsSendStatus

Aliyun and Tencent send an approved template (SMS_TEMPLATES[kind]) with the signature
SMS_SIGN_NAME; the text in app.auth.sms.KINDS is what the approved template says.
"""
import json
import logging
from dataclasses import dataclass
from datetime import datetime

import requests

from app.display import CHINA_TZ

log = logging.getLogger(__name__)


class SmsRefused(Exception):
    """The provider did not take the message (its code and words, or the network's error)."""


@dataclass(frozen=True)
class Receipt:
    provider_id: str
    delivered: bool
    error: str | None
    at: datetime | None


class SmsBackend:
    name = ""

    def check(self, config, kinds) -> None:
        """Refuse to start with missing settings (RuntimeError naming them)."""

    def send(self, phone: str, kind: str, values: dict[str, str], text: str) -> str | None:
        """Hand one message to the provider; its id for the receipt, or None."""
        raise NotImplementedError

    def receipts(self, messages) -> list[Receipt]:
        return []


class ConsoleSms(SmsBackend):
    name = "console"

    def send(self, phone, kind, values, text):
        print(f"[短信] {phone}: {text}", flush=True)
        return None


class HttpSms(SmsBackend):
    name = "http"

    def __init__(self, config):
        self.url, self.token = config.get("SMS_HTTP_URL"), config.get("SMS_HTTP_TOKEN")
        self.timeout = config["SMS_TIMEOUT_S"]

    def check(self, config, kinds):
        if not self.url:
            raise RuntimeError("SMS_BACKEND=http needs SMS_HTTP_URL")

    def send(self, phone, kind, values, text):
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        try:
            response = requests.post(self.url, json={"phone": phone, "text": text},
                                     headers=headers, timeout=self.timeout)
            response.raise_for_status()
        except requests.RequestException as error:
            raise SmsRefused(f"gateway: {type(error).__name__}") from error
        return None


class TemplateSms(SmsBackend):
    """A provider that sends approved templates with a signature."""

    settings: tuple[str, ...] = ()

    def __init__(self, config):
        self.config = config
        self.sign, self.templates = config.get("SMS_SIGN_NAME"), config.get("SMS_TEMPLATES") or {}

    def check(self, config, kinds):
        missing = [name for name in ("SMS_SIGN_NAME", *self.settings) if not config.get(name)]
        missing += [f"SMS_TEMPLATE_{kind.upper()}" for kind in kinds if not self.templates.get(kind)]
        if missing:
            raise RuntimeError(f"SMS_BACKEND={self.name} needs {', '.join(missing)}")


class AliyunSms(TemplateSms):
    name = "aliyun"
    settings = ("ALIYUN_SMS_ACCESS_KEY_ID", "ALIYUN_SMS_ACCESS_KEY_SECRET")

    def client(self):
        from alibabacloud_dysmsapi20170525.client import Client
        from alibabacloud_tea_openapi.models import Config

        c = self.config
        timeout_ms = int(c["SMS_TIMEOUT_S"] * 1000)
        return Client(Config(access_key_id=c["ALIYUN_SMS_ACCESS_KEY_ID"],
                             access_key_secret=c["ALIYUN_SMS_ACCESS_KEY_SECRET"],
                             endpoint=c["ALIYUN_SMS_ENDPOINT"], protocol=c["SMS_PROVIDER_SCHEME"],
                             connect_timeout=timeout_ms, read_timeout=timeout_ms))

    def _call(self, method: str, request):
        from Tea.exceptions import TeaException

        try:
            body = getattr(self.client(), method)(request).body
        except (TeaException, OSError) as error:
            raise SmsRefused(f"aliyun: {getattr(error, 'code', type(error).__name__)}") from error
        if body.code != "OK":
            raise SmsRefused(f"aliyun {body.code}: {body.message}")
        return body

    def send(self, phone, kind, values, text):
        from alibabacloud_dysmsapi20170525.models import SendSmsRequest

        body = self._call("send_sms", SendSmsRequest(
            phone_numbers=phone, sign_name=self.sign, template_code=self.templates[kind],
            template_param=json.dumps(values, ensure_ascii=False)))
        return body.biz_id

    def receipts(self, messages):
        from alibabacloud_dysmsapi20170525.models import QuerySendDetailsRequest

        found = []
        for message in messages:
            try:
                body = self._call("query_send_details", QuerySendDetailsRequest(
                    phone_number=message.phone, biz_id=message.provider_id, page_size=10, current_page=1,
                    send_date=message.sent_at.astimezone(CHINA_TZ).strftime("%Y%m%d")))
            except SmsRefused as error:
                log.warning("aliyun receipt of %s: %s", message.provider_id, error)
                continue
            for detail in (body.sms_send_detail_dtos.sms_send_detail_dto or []):
                if detail.send_status in (2, 3):  # 1 waiting, 2 failed, 3 delivered
                    found.append(Receipt(message.provider_id, detail.send_status == 3,
                                         None if detail.send_status == 3 else detail.err_code,
                                         _china(detail.receive_date, "%Y-%m-%d %H:%M:%S")))
        return found


class TencentSms(TemplateSms):
    name = "tencent"
    settings = ("TENCENT_SMS_SECRET_ID", "TENCENT_SMS_SECRET_KEY", "TENCENT_SMS_SDK_APP_ID")

    def client(self):
        from tencentcloud.common.credential import Credential
        from tencentcloud.common.profile.client_profile import ClientProfile
        from tencentcloud.common.profile.http_profile import HttpProfile
        from tencentcloud.sms.v20210111.sms_client import SmsClient

        c = self.config
        http = HttpProfile(endpoint=c["TENCENT_SMS_ENDPOINT"], reqTimeout=int(c["SMS_TIMEOUT_S"]))
        http.scheme = c["SMS_PROVIDER_SCHEME"]
        return SmsClient(Credential(c["TENCENT_SMS_SECRET_ID"], c["TENCENT_SMS_SECRET_KEY"]),
                         c["TENCENT_SMS_REGION"], ClientProfile(httpProfile=http))

    def _call(self, action: str, request):
        from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException

        try:
            return getattr(self.client(), action)(request)
        except TencentCloudSDKException as error:
            raise SmsRefused(f"tencent {error.get_code()}: {error.get_message()}") from error

    def send(self, phone, kind, values, text):
        from tencentcloud.sms.v20210111.models import SendSmsRequest

        request = SendSmsRequest()
        request.PhoneNumberSet = [f"+86{phone}"]
        request.SmsSdkAppId, request.SignName = self.config["TENCENT_SMS_SDK_APP_ID"], self.sign
        request.TemplateId, request.TemplateParamSet = self.templates[kind], list(values.values())
        [status] = self._call("SendSms", request).SendStatusSet
        if status.Code != "Ok":
            raise SmsRefused(f"tencent {status.Code}: {status.Message}")
        return status.SerialNo

    def receipts(self, messages):
        from tencentcloud.sms.v20210111.models import PullSmsSendStatusRequest

        request = PullSmsSendStatusRequest()
        request.SmsSdkAppId, request.Limit = self.config["TENCENT_SMS_SDK_APP_ID"], 100
        try:
            statuses = self._call("PullSmsSendStatus", request).PullSmsSendStatusSet or []
        except SmsRefused as error:
            log.warning("tencent receipts: %s", error)
            return []
        return [Receipt(s.SerialNo, s.ReportStatus == "SUCCESS",
                        None if s.ReportStatus == "SUCCESS" else (s.Description or s.ReportStatus)[:200],
                        datetime.fromtimestamp(s.UserReceiveTime, CHINA_TZ) if s.UserReceiveTime else None)
                for s in statuses]


def _china(value: str | None, pattern: str) -> datetime | None:
    return datetime.strptime(value, pattern).replace(tzinfo=CHINA_TZ) if value else None


BACKENDS = {"console": ConsoleSms, "http": HttpSms, "aliyun": AliyunSms, "tencent": TencentSms}


def backend_for(config) -> SmsBackend:
    name = config.get("SMS_BACKEND")
    if name not in BACKENDS:
        raise RuntimeError(
            f"SMS_BACKEND must be one of {', '.join(BACKENDS)}, not {name!r}. With SECRET_KEY "
            "set (a deployment) there is no default: 'console' shows every login code to anyone "
            "at /api/v1/dev/sms-outbox, so choose it only on purpose.")
    return ConsoleSms() if name == "console" else BACKENDS[name](config)
