"""The drift model: what a document is about, and which contiguous spans leave that subject.

See :mod:`docqa.drift.model` for the method and :mod:`docqa.drift.terms` for term weighting.
"""

from .model import Analysis, DriftModel, DriftSpan, analyse

__all__ = ["Analysis", "DriftModel", "DriftSpan", "analyse"]
