"""A loopback fake of WeChat Pay v3's documented API, for tests (never the real WeChat).

A real HTTP server on 127.0.0.1 that answers as api.mch.weixin.qq.com does:
`GET /v3/certificates` (the platform certificate, encrypted with the APIv3 key, AEAD_AES_256_GCM),
`POST /v3/pay/transactions/jsapi` (a prepay_id) and `/h5` (an h5_url). It checks the merchant's
`Authorization: WECHATPAY2-SHA256-RSA2048 …` signature with the merchant's public key, and
signs every answer with the platform key (Wechatpay-Timestamp/-Nonce/-Signature/-Serial).
`notify()` builds a payment notify as WeChat Pay sends it: the transaction encrypted with the
APIv3 key, the body signed with the platform key. Keys and a self-signed platform
certificate are made here with `cryptography`.
"""
import base64
import json
import re
import secrets
import threading
import time
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.x509.oid import NameOID

MCH_ID = "1900000109"
APP_ID = "wxd678efh567hg6787"
MERCHANT_SERIAL = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1"
APIV3_KEY = "a12d3924fd499edac8a5efc8a1b2c3d4"  # 32 bytes


def _key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _sign(key, text: str) -> str:
    return base64.b64encode(key.sign(text.encode(), padding.PKCS1v15(), hashes.SHA256())).decode()


def _verify(public_key, text: str, signature: str) -> bool:
    try:
        public_key.verify(base64.b64decode(signature), text.encode(), padding.PKCS1v15(), hashes.SHA256())
        return True
    except (InvalidSignature, ValueError):
        return False


def encrypt(plain: str, associated_data: str, key: str = APIV3_KEY) -> dict:
    nonce = secrets.token_hex(6)  # 12 characters, as WeChat Pay sends them
    data = AESGCM(key.encode()).encrypt(nonce.encode(), plain.encode(), associated_data.encode())
    return {"algorithm": "AEAD_AES_256_GCM", "nonce": nonce, "associated_data": associated_data,
            "ciphertext": base64.b64encode(data).decode()}


class FakeWechatPay:
    """`h5_page`: answer H5 orders with a page of this fake (a browser walk stays on 127.0.0.1)
    instead of WeChat's own address."""

    def __init__(self, h5_page: bool = False):
        self.h5_page = h5_page
        self.merchant_key = _key()
        self.platform_key = _key()
        now = datetime.now(timezone.utc)
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Tenpay.com Root CA (fake)")])
        self.platform_cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
                              .public_key(self.platform_key.public_key())
                              .serial_number(x509.random_serial_number())
                              .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=365))
                              .sign(self.platform_key, hashes.SHA256()))
        self.orders: list[dict] = []
        self.refused: list[str] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_):
                pass

            def do_GET(self):
                fake.answer(self, "GET", b"")

            def do_POST(self):
                fake.answer(self, "POST", self.rfile.read(int(self.headers.get("Content-Length") or 0)))

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    @property
    def serial(self) -> str:
        return format(self.platform_cert.serial_number, "X")

    def merchant_key_pem(self) -> str:
        return self.merchant_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption()).decode()

    def signed_headers(self, body: str, key=None, serial=None) -> dict:
        stamp, nonce = str(int(time.time())), secrets.token_hex(16)
        return {"Wechatpay-Timestamp": stamp, "Wechatpay-Nonce": nonce,
                "Wechatpay-Signature": _sign(key or self.platform_key, f"{stamp}\n{nonce}\n{body}\n"),
                "Wechatpay-Serial": serial or self.serial, "Wechatpay-Signature-Type": "WECHATPAY2-SHA256-RSA2048"}

    def _authorized(self, handler, method: str, body: bytes) -> bool:
        header = handler.headers.get("Authorization", "")
        fields = dict(re.findall(r'(\w+)="([^"]*)"', header))
        if not header.startswith("WECHATPAY2-SHA256-RSA2048 ") or fields.get("mchid") != MCH_ID \
                or fields.get("serial_no") != MERCHANT_SERIAL:
            return False
        text = f"{method}\n{handler.path}\n{fields.get('timestamp')}\n{fields.get('nonce_str')}\n{body.decode()}\n"
        return _verify(self.merchant_key.public_key(), text, fields.get("signature", ""))

    def answer(self, handler, method: str, body: bytes):
        if method == "GET" and handler.path.startswith("/h5pay"):  # the payer's page, no signature
            page = "<!doctype html><meta charset=utf-8><title>微信支付</title><h1 id=paid>微信支付（测试）</h1>".encode()
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html; charset=utf-8")
            handler.send_header("Content-Length", str(len(page)))
            handler.end_headers()
            handler.wfile.write(page)
            return None
        if not self._authorized(handler, method, body):
            self.refused.append(handler.path)
            return self._send(handler, 401, {"code": "SIGN_ERROR", "message": "签名错误"})
        if method == "GET" and handler.path == "/v3/certificates":
            pem = self.platform_cert.public_bytes(serialization.Encoding.PEM).decode()
            cert = self.platform_cert
            return self._send(handler, 200, {"data": [{
                "serial_no": self.serial, "effective_time": cert.not_valid_before_utc.isoformat(),
                "expire_time": cert.not_valid_after_utc.isoformat(),
                "encrypt_certificate": encrypt(pem, "certificate")}]})
        if method == "POST" and handler.path in ("/v3/pay/transactions/jsapi", "/v3/pay/transactions/h5"):
            order = json.loads(body)
            order["channel"] = handler.path.rsplit("/", 1)[1]
            self.orders.append(order)
            prepay = "wx" + secrets.token_hex(14)
            if order["channel"] == "jsapi":
                return self._send(handler, 200, {"prepay_id": prepay})
            page = f"{self.url}/h5pay" if self.h5_page else "https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb"
            return self._send(handler, 200, {"h5_url": f"{page}?prepay_id={prepay}"})
        return self._send(handler, 404, {"code": "NOT_FOUND", "message": "无此接口"})

    def _send(self, handler, status: int, payload: dict):
        body = json.dumps(payload, ensure_ascii=False)
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json; charset=utf-8")
        for name, value in self.signed_headers(body).items():
            handler.send_header(name, value)
        raw = body.encode()
        handler.send_header("Content-Length", str(len(raw)))
        handler.end_headers()
        handler.wfile.write(raw)

    def notify(self, order: dict, transaction_id: str, trade_state: str = "SUCCESS", key=None,
               apiv3_key: str = APIV3_KEY) -> tuple[dict, str]:
        """The notify WeChat Pay sends for `order` (as the fake received it): headers, body."""
        transaction = {
            "mchid": MCH_ID, "appid": APP_ID, "out_trade_no": order["out_trade_no"],
            "transaction_id": transaction_id, "trade_type": order["channel"].upper().replace("H5", "MWEB"),
            "trade_state": trade_state, "trade_state_desc": "支付成功", "bank_type": "OTHERS",
            "success_time": datetime.now(timezone(timedelta(hours=8))).isoformat(timespec="seconds"),
            "payer": {"openid": (order.get("payer") or {}).get("openid", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o")},
            "amount": {"total": order["amount"]["total"], "payer_total": order["amount"]["total"],
                       "currency": "CNY", "payer_currency": "CNY"}}
        body = json.dumps({
            "id": secrets.token_hex(16), "create_time": transaction["success_time"],
            "resource_type": "encrypt-resource", "event_type": "TRANSACTION.SUCCESS", "summary": "支付成功",
            "resource": {"original_type": "transaction",
                         **encrypt(json.dumps(transaction, ensure_ascii=False), "transaction", apiv3_key)}},
            ensure_ascii=False)
        return self.signed_headers(body, key=key), body
