"""Offer Desk (招商政策测算台): Qingtian County investment-promotion package calculator."""

__version__ = "0.1.0"
APP_NAME = "Offer Desk"
APP_NAME_ZH = "招商政策测算台"
