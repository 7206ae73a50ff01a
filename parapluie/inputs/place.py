"""Where the site's readers and services are: one country, one time zone."""

from __future__ import annotations

import zoneinfo

COUNTRY = "BE"  # phone numbers are read as Belgian; public holidays are Belgium's
COUNTRY_CALLING_CODE = 32  # a number with another code is refused unless its contact says `abroad`
TIMEZONE_NAME = "Europe/Brussels"
TIMEZONE = zoneinfo.ZoneInfo(TIMEZONE_NAME)
