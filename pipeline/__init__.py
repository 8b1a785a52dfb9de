"""Offline localization pipeline for medical patient information."""

__version__ = "0.1.0"
