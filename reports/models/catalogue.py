"""The use-case catalogue: categories, use cases and the catalogue page."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.listing import Facet, Listing, ListingPageMixin
from cms.localize import localized_pages
from cms.pages import PublicPageMixin


class UseCaseCategory(TranslatableMixin, models.Model):
    """One of the six categories of the DigiFinland use-case report."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        TranslatableField("description"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("use-case category")
        verbose_name_plural = _("use-case categories")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_usecase_category_slug_per_locale"
            )
        ]

    def __str__(self) -> str:
        return self.name


class UseCase(TranslatableMixin, index.Indexed, ClusterableModel):
    """An AI use case in social and health care, as catalogued in the DigiFinland report."""

    class Maturity(models.TextChoices):
        IDEA = "idea", _("Idea")
        PILOT = "pilot", _("Piloted")
        IN_USE = "in_use", _("In use")
        ESTABLISHED = "established", _("Established")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200)
    category = models.ForeignKey(
        UseCaseCategory,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="use_cases",
    )
    description = models.TextField(_("description"))
    benefits = models.TextField(_("benefits"), blank=True)
    maturity = models.CharField(
        _("maturity"), max_length=20, choices=Maturity.choices, default=Maturity.IDEA
    )
    data_needed = models.TextField(_("data needed"), blank=True)
    legal_considerations = models.TextField(_("legal considerations"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("category"),
        FieldPanel("description"),
        FieldPanel("benefits"),
        FieldPanel("maturity"),
        FieldPanel("data_needed"),
        FieldPanel("legal_considerations"),
        InlinePanel("pilots", label=_("Pilots that implement it")),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        TranslatableField("category"),
        TranslatableField("description"),
        TranslatableField("benefits"),
        SynchronizedField("maturity"),
        TranslatableField("data_needed"),
        TranslatableField("legal_considerations"),
        SynchronizedField("pilots"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("use case")
        verbose_name_plural = _("use cases")
        ordering = ["category__sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_usecase_slug_per_locale"
            )
        ]

    def __str__(self) -> str:
        return self.name


class UseCasePilot(Orderable):
    use_case = ParentalKey(UseCase, on_delete=models.CASCADE, related_name="pilots")
    pilot = models.ForeignKey(
        "pilots.PilotPage", verbose_name=_("pilot"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("pilot")]


class UseCaseCatalogPage(ListingPageMixin, PublicPageMixin, Page):
    """The browsable use-case catalogue, filterable by category with a plain GET form."""

    page_description = _("The catalogue of AI use cases.")

    intro = models.TextField(_("introduction"), blank=True, max_length=800)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("use-case catalogue page")
        verbose_name_plural = _("use-case catalogue pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        categories = UseCaseCategory.objects.filter(locale=self.locale)
        listing = Listing(
            request,
            UseCase.objects.filter(locale=self.locale).select_related("category"),
            facets=[
                Facet(
                    "category",
                    _("Category"),
                    "category__slug",
                    choices=lambda: [(c.slug, c.name) for c in categories],
                )
            ],
            per_page=None,
        )
        use_cases = list(listing.results)
        # Pilot rows may sit on any language version of a use case (see reports.use_cases).
        rows = UseCasePilot.objects.filter(
            use_case__translation_key__in=[u.translation_key for u in use_cases]
        ).select_related("pilot", "use_case")
        pilots_by_case: dict = {}
        for row in rows:
            pilots_by_case.setdefault(row.use_case.translation_key, {})[
                row.pilot.translation_key
            ] = row.pilot
        all_pilots = [p for group in pilots_by_case.values() for p in group.values()]
        localized = {p.translation_key: p for p in localized_pages(all_pilots, self.locale)}
        for u in use_cases:
            u.localized_pilots = [
                localized[key]
                for key in pilots_by_case.get(u.translation_key, {})
                if key in localized
            ]
        context.update(listing=listing, use_cases=use_cases)
        return context
