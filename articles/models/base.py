"""Shared model pieces: timestamps and unique slugs."""

from django.db import models
from django.utils.text import slugify


class TimestampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


def unique_slug(instance: models.Model, value: str, *, field: str = "slug") -> str:
    """A slug for `value` that no other row of the model uses, made unique with a numeric suffix."""
    max_length = instance._meta.get_field(field).max_length
    base = slugify(value)[: max_length - 8].strip("-") or instance._meta.model_name
    others = type(instance)._default_manager.exclude(pk=instance.pk)
    candidate, n = base, 2
    while others.filter(**{field: candidate}).exists():
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def clean_name_list(values) -> list[str]:
    """Normalise a list of alternative names: stripped, non-empty, without duplicates, order kept."""
    seen: dict[str, None] = {}
    for value in values or []:
        if isinstance(value, str) and value.strip():
            seen.setdefault(" ".join(value.split()), None)
    return list(seen)
