"""Local fakes of the two SMS providers' APIs, checking each request as the providers document.

Aliyun (dysmsapi, 2017-05-25; signature V3, "V3版本请求体&签名机制"):
- every request carries host, x-acs-action, x-acs-version, x-acs-date, x-acs-signature-nonce,
  x-acs-content-sha256 (hex SHA-256 of the body) and
  `Authorization: ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<h1;h2…>,Signature=<hex>`;
  CanonicalRequest = method \\n path \\n sorted, RFC 3986-encoded query \\n "name:value\\n" per
  signed header (lower-case, sorted) \\n SignedHeaders \\n the body's hash;
  Signature = hex(HMAC-SHA256(AccessKeySecret, "ACS3-HMAC-SHA256\\n" + hex(SHA-256(CanonicalRequest)))).
  A wrong one answers HTTP 400 {"Code": "SignatureDoesNotMatch"}.
- SendSms (PhoneNumbers, SignName, TemplateCode, TemplateParam: a JSON object of the
  template's variables): {"Code": "OK", "Message": "OK", "BizId", "RequestId"}; an unknown
  signature or template answers HTTP 200 with Code isv.SMS_SIGNATURE_ILLEGAL / isv.SMS_TEMPLATE_ILLEGAL,
  a variable the template lacks isv.TEMPLATE_PARAMS_ILLEGAL.
- QuerySendDetails (PhoneNumber, BizId, SendDate yyyyMMdd, PageSize, CurrentPage):
  {"Code": "OK", "TotalCount", "SmsSendDetailDTOs": {"SmsSendDetailDTO": [{PhoneNum,
  SendStatus (1 waiting, 2 failed, 3 delivered), ErrCode, TemplateCode, Content, SendDate,
  ReceiveDate, OutId}]}}.

Tencent Cloud (sms, 2021-01-11; signature TC3-HMAC-SHA256, "签名方法 v3"):
- POST / with JSON, headers Host, X-TC-Action, X-TC-Version, X-TC-Timestamp, X-TC-Region and
  `Authorization: TC3-HMAC-SHA256 Credential=<SecretId>/<date>/sms/tc3_request,
  SignedHeaders=content-type;host, Signature=<hex>`; CanonicalRequest = POST \\n / \\n \\n
  canonical headers \\n SignedHeaders \\n hex(SHA-256(body)); StringToSign = "TC3-HMAC-SHA256\\n"
  + timestamp + "\\n" + date/sms/tc3_request + "\\n" + hex(SHA-256(CanonicalRequest)); the key is
  HMAC chained over "TC3"+SecretKey, date, "sms", "tc3_request". Errors: {"Response":
  {"Error": {"Code": "AuthFailure.SignatureFailure", …}, "RequestId"}}.
- SendSms (PhoneNumberSet ["+86…"], SmsSdkAppId, SignName, TemplateId, TemplateParamSet: the
  template's parameters in order): {"Response": {"SendStatusSet": [{SerialNo, PhoneNumber, Fee,
  Code: "Ok", Message, IsoCode}], "RequestId"}}; a wrong signature name or template Code
  FailedOperation.SignatureIncorrectOrUnapproved / FailedOperation.TemplateIncorrectOrUnapproved
  in the status, a wrong count of parameters InvalidParameterValue.TemplateParameterFormatError.
- PullSmsSendStatus (SmsSdkAppId, Limit): {"Response": {"PullSmsSendStatusSet":
  [{UserReceiveTime, CountryCode, SubscriberNumber, PhoneNumber, SerialNo, ReportStatus
  SUCCESS|FAIL, Description, SessionContext}], "RequestId"}}; each receipt is pulled once.
"""
import hashlib
import hmac
import json
import secrets
import threading
import time
from datetime import datetime, timezone
from urllib.parse import parse_qsl, quote

from werkzeug.wrappers import Request, Response


def _json(body, status=200):
    return Response(json.dumps(body, ensure_ascii=False), status=status, content_type="application/json")


def _rfc3986(value: str) -> str:
    return quote(value, safe="-_.~")


class FakeAliyun:
    def __init__(self, key_id: str, secret: str, sign: str, templates: dict[str, list[str]]):
        self.key_id, self.secret, self.sign, self.templates = key_id, secret, sign, templates
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        with self.lock:
            self.sent, self.refused = [], []  # accepted SendSms calls; requests refused
            self.status = {}  # BizId -> (SendStatus, ErrCode)

    def deliver(self, biz_id: str, delivered: bool):
        self.status[biz_id] = (3, "DELIVERED") if delivered else (2, "MOBILE_NOT_ON_SERVICE")

    def signature_ok(self, request: Request, body: bytes) -> bool:
        auth = request.headers.get("Authorization", "")
        if not auth.startswith("ACS3-HMAC-SHA256 "):
            return False
        parts = dict(part.split("=", 1) for part in auth[len("ACS3-HMAC-SHA256 "):].split(","))
        signed = parts.get("SignedHeaders", "").split(";")
        required = {"host", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce",
                    "x-acs-content-sha256"}
        if parts.get("Credential") != self.key_id or not required <= set(signed) or signed != sorted(signed):
            return False
        if request.headers.get("x-acs-content-sha256") != hashlib.sha256(body).hexdigest():
            return False
        query = sorted(parse_qsl(request.query_string.decode(), keep_blank_values=True))
        canonical = "\n".join([
            request.method, request.path, "&".join(f"{_rfc3986(k)}={_rfc3986(v)}" for k, v in query),
            "".join(f"{name}:{request.headers.get(name, '').strip()}\n" for name in signed),
            ";".join(signed), hashlib.sha256(body).hexdigest()])
        to_sign = "ACS3-HMAC-SHA256\n" + hashlib.sha256(canonical.encode()).hexdigest()
        expected = hmac.new(self.secret.encode(), to_sign.encode(), hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, parts.get("Signature", ""))

    def __call__(self, environ, start_response):
        request = Request(environ)
        body = request.get_data()
        params = {**dict(parse_qsl(request.query_string.decode())), **dict(parse_qsl(body.decode()))}
        action = request.headers.get("x-acs-action")
        if request.headers.get("x-acs-version") != "2017-05-25" or not self.signature_ok(request, body):
            self.refused.append(action)
            return _json({"Code": "SignatureDoesNotMatch", "Message": "Specified signature is not matched",
                          "RequestId": secrets.token_hex(8)}, 400)(environ, start_response)
        handler = {"SendSms": self.send_sms, "QuerySendDetails": self.query}.get(action)
        return _json(handler(params) if handler else {"Code": "InvalidAction"})(environ, start_response)

    def send_sms(self, params):
        if params.get("SignName") != self.sign:
            return {"Code": "isv.SMS_SIGNATURE_ILLEGAL", "Message": "签名不合法"}
        variables = self.templates.get(params.get("TemplateCode"))
        if variables is None:
            return {"Code": "isv.SMS_TEMPLATE_ILLEGAL", "Message": "模板不合法"}
        values = json.loads(params.get("TemplateParam") or "{}")
        if sorted(values) != sorted(variables):
            return {"Code": "isv.TEMPLATE_PARAMS_ILLEGAL", "Message": "模板变量不合法"}
        biz_id = f"{secrets.randbelow(10**15)}^0"
        with self.lock:
            self.sent.append({**params, "values": values, "BizId": biz_id})
            self.status[biz_id] = (1, "")
        return {"Code": "OK", "Message": "OK", "BizId": biz_id, "RequestId": secrets.token_hex(8)}

    def query(self, params):
        found = next((s for s in self.sent if s["BizId"] == params.get("BizId")
                      and s["PhoneNumbers"] == params.get("PhoneNumber")), None)
        if found is None or not params.get("SendDate"):
            return {"Code": "OK", "TotalCount": 0, "SmsSendDetailDTOs": {"SmsSendDetailDTO": []}}
        status, err = self.status[found["BizId"]]
        return {"Code": "OK", "Message": "OK", "TotalCount": 1, "RequestId": secrets.token_hex(8),
                "SmsSendDetailDTOs": {"SmsSendDetailDTO": [{
                    "PhoneNum": found["PhoneNumbers"], "SendStatus": status, "ErrCode": err,
                    "TemplateCode": found["TemplateCode"], "Content": "", "OutId": "",
                    "SendDate": "2026-12-06 10:00:00",
                    "ReceiveDate": "2026-12-06 10:00:05" if status != 1 else ""}]}}


class FakeTencent:
    def __init__(self, secret_id: str, secret_key: str, app_id: str, sign: str, templates: dict[str, int]):
        self.secret_id, self.secret_key, self.app_id = secret_id, secret_key, app_id
        self.sign, self.templates = sign, templates  # template id -> number of parameters
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        with self.lock:
            self.sent, self.refused, self.reports = [], [], []

    def deliver(self, serial: str, delivered: bool):
        found = next(s for s in self.sent if s["SerialNo"] == serial)
        self.reports.append({"UserReceiveTime": int(time.time()), "CountryCode": "86",
                             "SubscriberNumber": found["PhoneNumberSet"][0][3:],
                             "PhoneNumber": found["PhoneNumberSet"][0], "SerialNo": serial,
                             "ReportStatus": "SUCCESS" if delivered else "FAIL",
                             "Description": "DELIVRD" if delivered else "UNDELIVRD", "SessionContext": ""})

    def signature_ok(self, request: Request, body: bytes) -> bool:
        auth = request.headers.get("Authorization", "")
        timestamp = request.headers.get("X-TC-Timestamp", "0")
        date = datetime.fromtimestamp(int(timestamp), timezone.utc).strftime("%Y-%m-%d")
        scope = f"{date}/sms/tc3_request"
        prefix = f"TC3-HMAC-SHA256 Credential={self.secret_id}/{scope}, SignedHeaders=content-type;host, Signature="
        if not auth.startswith(prefix) or abs(time.time() - int(timestamp)) > 300:
            return False
        canonical = "\n".join([
            request.method, "/", "",
            f"content-type:{request.headers.get('Content-Type')}\nhost:{request.headers.get('Host')}\n",
            "content-type;host", hashlib.sha256(body).hexdigest()])
        to_sign = "\n".join(["TC3-HMAC-SHA256", timestamp, scope, hashlib.sha256(canonical.encode()).hexdigest()])
        key = ("TC3" + self.secret_key).encode()
        for part in (date, "sms", "tc3_request"):
            key = hmac.new(key, part.encode(), hashlib.sha256).digest()
        expected = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, auth[len(prefix):])

    def __call__(self, environ, start_response):
        request = Request(environ)
        body = request.get_data()
        action = request.headers.get("X-TC-Action")
        if (request.headers.get("X-TC-Version") != "2021-01-11" or request.method != "POST"
                or not self.signature_ok(request, body)):
            self.refused.append(action)
            return self._error("AuthFailure.SignatureFailure", "签名不正确")(environ, start_response)
        params = json.loads(body or b"{}")
        if params.get("SmsSdkAppId") != self.app_id:
            return self._error("FailedOperation.SdkAppIdNotFound", "应用不存在")(environ, start_response)
        handler = {"SendSms": self.send_sms, "PullSmsSendStatus": self.pull}.get(action)
        if handler is None:
            return self._error("InvalidAction", action)(environ, start_response)
        return _json({"Response": {**handler(params), "RequestId": secrets.token_hex(8)}})(environ, start_response)

    def _error(self, code, message):
        return _json({"Response": {"Error": {"Code": code, "Message": message}, "RequestId": secrets.token_hex(8)}})

    def send_sms(self, params):
        count = self.templates.get(params.get("TemplateId"))
        phone = params["PhoneNumberSet"][0]
        status = {"SerialNo": f"2433:{secrets.randbelow(10**20)}", "PhoneNumber": phone, "Fee": 1,
                  "Code": "Ok", "Message": "send success", "IsoCode": "CN"}
        if params.get("SignName") != self.sign:
            status.update(Code="FailedOperation.SignatureIncorrectOrUnapproved", Message="签名未审批")
        elif count is None:
            status.update(Code="FailedOperation.TemplateIncorrectOrUnapproved", Message="模板未审批")
        elif len(params.get("TemplateParamSet") or []) != count:
            return {"Error": {"Code": "InvalidParameterValue.TemplateParameterFormatError", "Message": "参数个数不对"}}
        else:
            with self.lock:
                self.sent.append({**params, **status})
        return {"SendStatusSet": [status]}

    def pull(self, params):
        with self.lock:
            reports, self.reports = self.reports[:params.get("Limit", 100)], self.reports[params.get("Limit", 100):]
        return {"PullSmsSendStatusSet": reports}
