"""Shared, translatable taxonomies and the site-wide settings.

Regions and themes are snippets, not free text, because pilots, reports, events and members are
all filtered and faceted by them and each needs a name in fi, sv and en.
"""

from __future__ import annotations

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.cache import cached_under_generation
from cms.routing import site_for_request


class Region(TranslatableMixin, index.Indexed, models.Model):
    """A wellbeing services county, HUS or the City of Helsinki: where pilots and members are."""

    class Kind(models.TextChoices):
        WELLBEING_COUNTY = "county", _("Wellbeing services county")
        HUS = "hus", _("HUS joint authority")
        CITY = "city", _("City of Helsinki")
        NATIONAL = "national", _("National")

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"), max_length=100, help_text=_("Used in filter URLs; the same in every language.")
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.WELLBEING_COUNTY
    )
    map_column = models.PositiveSmallIntegerField(
        _("map column"),
        null=True,
        blank=True,
        help_text=_("Column on the schematic map of Finland."),
    )
    map_row = models.PositiveSmallIntegerField(
        _("map row"), null=True, blank=True, help_text=_("Row on the schematic map of Finland.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        MultiFieldPanel([FieldPanel("map_column"), FieldPanel("map_row")], heading=_("Map")),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        SynchronizedField("kind"),
        SynchronizedField("map_column"),
        SynchronizedField("map_row"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_region_slug_per_locale")
        ]

    def __str__(self) -> str:
        return self.name


class Theme(TranslatableMixin, index.Indexed, models.Model):
    """A content theme such as "better customer service", shared by pilots, reports and events."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        TranslatableField("description"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_theme_slug_per_locale")
        ]

    def __str__(self) -> str:
        return self.name


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Footer contacts, social links and the flag that marks the site as holding demo content."""

    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn page"), blank=True)
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    demo_content = models.BooleanField(
        _("site holds demo content"),
        default=False,
        help_text=_("Shows a notice on every page that the content is illustrative."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("linkedin_url")], heading=_("Contact")
        ),
        MultiFieldPanel(
            [FieldPanel("accessibility_page"), FieldPanel("privacy_page")],
            heading=_("Footer links"),
        ),
        FieldPanel("demo_content"),
    ]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def for_request(cls, request: HttpRequest) -> SiteSettings:
        """The settings for the request's site, cached until an editor changes something.

        Every page's footer and demo notice read them; saving the settings (or anything else
        that invalidates the page cache) invalidates this copy too. The admin edits them
        through ``for_site``, which still reads the database. Unlike Wagtail's own
        ``for_request`` it does not keep the request on the instance (a private attribute only
        ``page_url`` uses, and no template here does).
        """
        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = site_for_request(request)
        if site is None:  # a host no site answers (its 404 page still needs a footer): defaults
            return cls()
        instance = cached_under_generation(
            "sitesettings", (cls._meta.label, str(site.pk)), lambda: cls.read_for_site(site)
        )
        setattr(request, attr_name, instance)
        return instance

    @classmethod
    def read_for_site(cls, site: Site) -> SiteSettings:
        """The site's saved settings, or unsaved defaults when nobody has saved any yet.

        Unlike Wagtail's ``for_site`` (get or create) this never writes: a visitor's page view
        that created the row would save a public model, which invalidates the page cache
        (``cms.cache``) while the page is being rendered — the page would be stored under a
        generation that no longer exists, and the next request, on any instance, would miss.
        The row is created when an editor first saves the settings in the admin.
        """
        return cls.base_queryset().filter(site=site).first() or cls(site=site)
