"""The tracker's data: one module per aggregate, re-exported here so `from articles.models import X` works."""

from .articles import Article, Mention, PersonMention
from .audit import PartnershipChange
from .companies import Company, Person
from .facts import MarketFact
from .feeds import Feed
from .partnerships import Evidence, Participant, Partnership, Project
from .suggestions import OrganisationSuggestion, PartnershipProposal

__all__ = [
    "Article",
    "Company",
    "Evidence",
    "Feed",
    "MarketFact",
    "Mention",
    "OrganisationSuggestion",
    "Participant",
    "Partnership",
    "PartnershipChange",
    "PartnershipProposal",
    "Person",
    "PersonMention",
    "Project",
]
