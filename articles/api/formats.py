"""Wire formats beyond DRF's defaults: CSV for spreadsheet users, and a JSON parser that answers 400
(not 500) to input nested too deeply for Python to parse."""

import csv
import io

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser
from rest_framework.renderers import BaseRenderer

# Cells starting with these are run as formulas by spreadsheets (CSV injection); a leading apostrophe
# makes them plain text.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class SafeJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError("JSON parse error - the document is nested too deeply.") from None


class CSVRenderer(BaseRenderer):
    """One row per result (a detail or an error is one row); nested lists become "OpenAI; Kakao"."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        rows = data["results"] if isinstance(data, dict) and isinstance(data.get("results"), list) else data
        if not isinstance(rows, list):
            rows = [rows]
        flat = [
            {key: cell(value) for key, value in row.items()} if isinstance(row, dict) else {"value": cell(row)}
            for row in rows
        ]
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(dict.fromkeys(key for row in flat for key in row)))
        writer.writeheader()
        writer.writerows(flat)
        response = (renderer_context or {}).get("response")
        view = (renderer_context or {}).get("view")
        if response is not None and response.status_code < 400 and hasattr(view, "get_queryset"):
            name = view.get_queryset().model._meta.verbose_name_plural
            response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        # The byte-order mark makes Excel read the file as UTF-8 (company names are not all ASCII).
        return ("\ufeff" + buffer.getvalue()).encode(self.charset)


def cell(value) -> str:
    """A readable spreadsheet cell for any serialized value."""
    if value is None:
        return ""
    if isinstance(value, dict):
        for key in ("name", "quote", "title", "slug", "detail"):
            if key in value:
                return cell(value[key])
        return "; ".join(f"{k}: {cell(v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return "; ".join(cell(item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if text.startswith(FORMULA_PREFIXES) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
