"""What residents read about their own data."""
LINK_REVOKED_REASON = "账号已注销"
