"""The JSON API (Django REST framework) under /api/v1/: serializers, filters, views and routes."""
