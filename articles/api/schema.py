"""OpenAPI generation: every operation documents the errors it can answer, and fields written as a
slug but read as {slug, name} are described as such in each direction."""

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import serializers

from .filters import SLUG_PATTERN

ErrorSerializer = inline_serializer("Error", {"detail": serializers.CharField()})

VALIDATION_ERROR = OpenApiResponse(
    {
        "type": "object",
        "description": "Field names (or `non_field_errors`, or `detail` for unparsable input) mapped to messages.",
        "additionalProperties": {},
    },
    description="Invalid input: a bad filter value, a malformed body, or a value that fails validation.",
)


class TrackerAutoSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        writes = self.method in ("POST", "PUT", "PATCH", "DELETE")
        errors = {
            "403": (ErrorSerializer, "Refused: bad credentials, or a write without sign-in or the model permission."),
            "429": (ErrorSerializer, "Too many requests: wait the number of seconds given in Retry-After."),
        }
        # Any operation refuses a NUL character in its query string.
        errors["400"] = (VALIDATION_ERROR, None)
        errors["404"] = (ErrorSerializer, "No such object, page or format.")
        if writes:
            errors["409"] = (
                ErrorSerializer,
                "Conflict: a duplicate of a stored record, or (deleting) still referenced.",
            )
        if writes and self.method != "DELETE":
            errors["415"] = (ErrorSerializer, "The body's content type is not one the API reads.")
        for code, (body, description) in errors.items():
            if code in responses:
                continue
            response = body if description is None else OpenApiResponse(body, description=description)
            responses[code] = self._get_response_for_code(response, code, direction=direction)
        responses["429"].setdefault("headers", {})["Retry-After"] = {
            "schema": {"type": "integer"},
            "description": "Seconds to wait before the next request.",
        }
        return responses


class SlugNameFieldExtension(OpenApiSerializerFieldExtension):
    target_class = "articles.api.serializers.SlugNameField"

    def map_serializer_field(self, auto_schema, direction):
        if direction == "request":
            return {"type": "string", "pattern": SLUG_PATTERN, "description": "The slug of the related record."}
        return {
            "type": "object",
            "properties": {"slug": {"type": "string"}, "name": {"type": "string"}},
            "required": ["slug", "name"],
        }
