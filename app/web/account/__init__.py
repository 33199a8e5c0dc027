"""A person's own pages: notifications, proxies, data export, and the privacy rules."""
