"""Rate limits: anonymous clients by IP, signed-in users by account (rates in settings.REST_FRAMEWORK)."""

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class _RateFromSettings:
    # DRF copies the rates into a class attribute at import time; reading them per request instead lets
    # a deployment's or a test's settings change apply without reloading the module.
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class AnonThrottle(_RateFromSettings, AnonRateThrottle):
    pass


class UserThrottle(_RateFromSettings, UserRateThrottle):
    pass
