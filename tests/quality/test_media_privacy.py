"""Documents only through Wagtail's document view (collection privacy checked), in every setting."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import Resolver404, resolve
from django.urls.resolvers import RegexPattern, URLResolver
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from cms.urls import development_media_patterns

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def private_document():
    root = Collection.get_first_root_node()
    private = root.add_child(name="Hallituksen asiakirjat")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model()(title="Salainen muistio", collection=private)
    document.file.save("salainen-muistio.pdf", ContentFile(PDF))
    document.save()
    return document


def _resolves(patterns: list, path: str) -> bool:
    resolver = URLResolver(RegexPattern(r"^/"), patterns)
    try:
        resolver.resolve(path)
    except Resolver404:
        return False
    return True


def test_private_document_file_url_is_not_served(client, private_document):
    assert private_document.file.url.startswith("/media/documents/")
    assert client.get(private_document.file.url).status_code == 404


def test_private_document_view_requires_login(client, admin_client, private_document):
    url = private_document.url
    assert url.startswith("/documents/")
    response = client.get(url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert admin_client.get(url).status_code == 200


def test_development_serves_image_renditions_but_never_documents():
    with override_settings(DEBUG=True):
        patterns = development_media_patterns()
    assert _resolves(patterns, "/media/images/kuva.width-800.jpg")
    assert not _resolves(patterns, "/media/documents/salainen-muistio.pdf")
    assert not _resolves(patterns, "/media/original_images/kuva.jpg")
    with pytest.raises(Resolver404):
        resolve("/media/documents/salainen-muistio.pdf")
