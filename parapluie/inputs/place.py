"""Where the site's readers and services are: one country, one time zone."""

from __future__ import annotations

import zoneinfo

COUNTRY = "BE"  # phone numbers are read as Belgian; public holidays are Belgium's
TIMEZONE_NAME = "Europe/Brussels"
TIMEZONE = zoneinfo.ZoneInfo(TIMEZONE_NAME)
