"""The tracker's data: one module per aggregate, re-exported here so `from articles.models import X` works."""

from .articles import Article, Mention, PersonMention
from .audit import PartnershipChange
from .companies import Company, Person
from .facts import MarketFact
from .partnerships import Evidence, Participant, Partnership, Project

__all__ = [
    "Article",
    "Company",
    "Evidence",
    "MarketFact",
    "Mention",
    "Participant",
    "Partnership",
    "PartnershipChange",
    "Person",
    "PersonMention",
    "Project",
]
