"""ServiceDesk: an offline desktop program for an after-sales service office."""

__version__ = "0.1.0"
APP_NAME = "ServiceDesk"
