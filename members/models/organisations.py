"""Member organisations and the name/domain helpers the duplicate check uses."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

LANGUAGE_CHOICES = [("fi", "suomi"), ("sv", "svenska"), ("en", "English")]
FREE_MAIL_DOMAINS = {
    "gmail.com",
    "hotmail.com",
    "outlook.com",
    "live.com",
    "yahoo.com",
    "icloud.com",
    "luukku.com",
    "suomi24.fi",
    "protonmail.com",
    "proton.me",
}
LEGAL_SUFFIXES = {"oy", "oyj", "ab", "abp", "ry", "rf", "ltd", "inc", "gmbh", "sr", "ky", "tmi"}


def normalize_name(name: str) -> str:
    """Organisation name for duplicate checks: case, accents, punctuation and "Oy"/"ry" ignored."""
    text = unicodedata.normalize("NFKD", name or "").casefold()
    text = "".join(c for c in text if not unicodedata.combining(c))
    words = [w for w in re.split(r"[^a-z0-9]+", text) if w and w not in LEGAL_SUFFIXES]
    return " ".join(words)


def domain_of(value: str) -> str:
    """The registrable-looking host of an e-mail address or URL, without ``www.``."""
    value = (value or "").strip().lower()
    if not value:
        return ""
    if "@" in value and "://" not in value:
        host = value.rsplit("@", 1)[1]
    else:
        host = urlsplit(value if "://" in value else f"http://{value}").hostname or ""
    return host.removeprefix("www.")


def ip_hash(ip: str) -> str:
    """A keyed hash of an IP address: enough to spot abuse patterns, not to identify anyone."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{ip}".encode()).hexdigest()[:32]


class MemberOrganisation(TranslatableMixin, index.Indexed, models.Model):
    """An organisation that has joined the network; pilots and events refer to it."""

    class OrganisationType(models.TextChoices):
        PUBLIC_SECTOR = "public", _("Public sector")
        WELLBEING_COUNTY = "county", _("Wellbeing services county")
        COMPANY = "company", _("Company")
        RESEARCH = "research", _("Research or education")
        ASSOCIATION = "association", _("Association")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200)
    organisation_type = models.CharField(
        _("organisation type"), max_length=20, choices=OrganisationType.choices
    )
    region = models.ForeignKey(
        "cms.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo_alt = models.CharField(
        _("logo alt text"),
        max_length=200,
        blank=True,
        help_text=_("Required when a logo is set, e.g. the organisation's name."),
    )
    description = models.TextField(_("short description"), blank=True, max_length=1000)
    date_joined = models.DateField(_("date joined"), null=True, blank=True)
    is_public = models.BooleanField(_("shown in the public directory"), default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("organisation_type"),
        FieldPanel("region"),
        FieldPanel("website"),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("logo_alt")], heading=_("Logo")),
        FieldPanel("description"),
        FieldPanel("date_joined"),
        FieldPanel("is_public"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    # Official names differ by language (Välfärdsområdet Birkaland, City of Helsinki); a company
    # keeps its one name by leaving the translation as it is.
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        SynchronizedField("organisation_type"),
        TranslatableField("region"),
        SynchronizedField("website"),
        SynchronizedField("logo"),
        TranslatableField("logo_alt"),
        TranslatableField("description"),
        SynchronizedField("date_joined"),
        SynchronizedField("is_public"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("member organisation")
        verbose_name_plural = _("member organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_member_slug_per_locale")
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.logo_id and not self.logo_alt.strip():
            raise ValidationError({"logo_alt": _("Describe the logo for screen-reader users.")})
