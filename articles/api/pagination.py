"""Page-number pagination: `?page=` and `?page_size=` (capped), answering {count, next, previous, results}."""

from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    page_size = 25
    page_size_query_param = "page_size"
    # A cap keeps one request's work bounded whatever the client asks for.
    max_page_size = 100
