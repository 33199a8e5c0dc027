"""The front door of app.auth: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.auth import consent, membership, messages, tickets, tokens, wechat
from app.auth.consent import give, of, RULES
from app.auth.membership import EstateFacts
from app.auth.messages import CONSENT_LABELS, SIGN_IN_LABELS
from app.auth.models import (
    AuthSession, Consent, ESTATE_ROLES, LoginTicket, Role, RoleGrant, SmsCode, SmsOptOut,
    SmsOutboxMessage, SmsStatus, TicketPurpose, User, WechatSubscription,
)
from app.auth.permissions import (
    current_user, is_committee, is_member, is_moderator, is_staff, load_checked, login_session,
    require_committee, require_estate_role, require_member, require_moderator, require_staff,
    require_user, signed_user,
)
from app.auth.routes import me_view, safe_next
from app.auth.services import (
    end_session, get_or_create_user, grant_role, issue_tokens, normalize_phone, request_code,
    start_session, verify_code,
)
from app.auth.signed import Signed, check_in_view, require_user_value
from app.auth.signed import condition as signed_condition
from app.auth.sms import KINDS, opted_out, outbox_counts, record_receipts, send_queued, send_sms
from app.auth.subscribe import send_notice, send_subscribe
from app.auth.tokens import _key, issue, token_pair, user_from_token

__all__ = [
    "_key", "AuthSession", "Consent", "consent", "CONSENT_LABELS", "current_user",
    "end_session", "ESTATE_ROLES", "EstateFacts", "get_or_create_user", "give", "grant_role",
    "is_committee", "is_member", "is_moderator", "is_staff", "issue", "issue_tokens", "KINDS",
    "load_checked", "login_session", "LoginTicket", "me_view", "membership", "messages",
    "normalize_phone", "of", "opted_out", "outbox_counts", "record_receipts", "request_code",
    "require_committee", "require_estate_role", "require_member", "require_moderator",
    "require_staff", "require_user", "Role", "RoleGrant", "RULES", "safe_next", "send_notice",
    "send_queued", "send_sms", "send_subscribe", "SIGN_IN_LABELS", "SmsCode",
    "SmsOptOut", "SmsOutboxMessage", "SmsStatus", "start_session", "TicketPurpose", "tickets", "token_pair",
    "tokens", "User", "user_from_token", "verify_code", "wechat", "WechatSubscription",
    "check_in_view", "require_user_value", "Signed", "signed_condition", "signed_user",
]
