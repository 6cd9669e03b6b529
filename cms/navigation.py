"""The main menu's structure, declared in one place.

The front page has more sections than fit on one line (eleven at the time of writing), so the
menu groups them: at most seven top-level entries (``MAX_TOP_LEVEL``), each either a link or a
group that opens a short list of pages. A group names the page *types* it holds
(``"app_label.ModelName"``), so the menu finds the right page in every language without slugs
or page ids, and a page an editor moves or retitles stays in its group.

Front-page children marked "show in menus" that no group claims follow the groups as plain
links, so editors can still add a page to the menu without touching code.

The group labels are translated here (``pgettext_lazy`` with the context "main menu"); the pages
inside a group show their own (translated) titles.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy
from wagtail.models import Page

from cms.routing import public_pages

MAX_TOP_LEVEL = 7


@dataclass(frozen=True)
class MenuGroup:
    """A top-level menu entry that opens the pages of ``page_types`` (in this order)."""

    key: str
    label: str | Promise
    page_types: tuple[str, ...]


# The menu, top to bottom (left to right on a wide screen). A group with a single page found
# is shown as a plain link to that page.
MAIN_MENU: tuple[MenuGroup, ...] = (
    MenuGroup(
        "pilots",
        pgettext_lazy("main menu", "Pilots"),
        (
            "pilots.PilotIndexPage",
            "airegister.RegisterIndexPage",
            "pilots.FundingCallPage",
            "coordination.LessonsLearnedPage",
        ),
    ),
    MenuGroup(
        "knowledge",
        pgettext_lazy("main menu", "Reports"),
        (
            "reports.ReportIndexPage",
            "reports.UseCaseCatalogPage",
            "coordination.LegislativeNeedsPage",
        ),
    ),
    MenuGroup("events", pgettext_lazy("main menu", "Events"), ("events.EventIndexPage",)),
    MenuGroup(
        "news",
        pgettext_lazy("main menu", "News"),
        (
            "home.NewsIndexPage",
            "home.BlogIndexPage",
            "home.NewsletterIndexPage",
            "members.SubscribePage",
        ),
    ),
    MenuGroup(
        "community",
        pgettext_lazy("main menu", "Community"),
        (
            "members.MemberDirectoryPage",
            "members.JoinPage",
            "members.WorkingGroupIndexPage",
            "members.PartnerIndexPage",
        ),
    ),
)


@dataclass
class MenuLink:
    title: str
    url: str
    path: str


@dataclass
class MenuEntry:
    """One top-level entry: a link (``children`` empty) or a group of links."""

    key: str
    label: str
    url: str = ""
    path: str = ""
    children: list[MenuLink] = field(default_factory=list)

    @property
    def paths(self) -> list[str]:
        """The tree paths the entry covers: the current page is "in" the entry below any."""
        return [self.path] if not self.children else [c.path for c in self.children]


def _content_types() -> dict[str, ContentType]:
    labels = {label for group in MAIN_MENU for label in group.page_types}
    labels |= {label for label, _ in CALLS_TO_ACTION}
    models = {label: apps.get_model(label) for label in labels}
    by_model = ContentType.objects.get_for_models(*models.values())
    return {label: by_model[model] for label, model in models.items()}


def _candidates(home: Page, types: dict[str, ContentType]) -> list[Page]:
    """In one query: the live, public pages of ``types`` below ``home`` (newest first) and the
    front-page children marked "show in menus" (the menu's plain links)."""
    wanted = Q(content_type__in=list(types.values())) | Q(depth=home.depth + 1, show_in_menus=True)
    return list(
        public_pages(
            Page.objects.live()
            .descendant_of(home)
            .filter(wanted)
            .order_by("-first_published_at", "path")
        )
    )


def newest_pages_of_types(
    home: Page, labels: tuple[str, ...] | None = None, candidates: list[Page] | None = None
) -> dict[str, Page]:
    """The newest live, public page of each type (``"app_label.ModelName"``) below ``home``;
    types without such a page are left out. Default: the menu's types."""
    types = _content_types()
    if labels is not None:
        types = {label: ct for label, ct in types.items() if label in labels}
    if candidates is None:
        candidates = _candidates(home, types)
    by_type: dict[int, Page] = {}
    for candidate in candidates:
        by_type.setdefault(candidate.content_type_id, candidate)
    return {label: by_type[ct.pk] for label, ct in types.items() if ct.pk in by_type}


# The two things the site asks every visitor to do: the hero and the footer link to them.
CALLS_TO_ACTION: tuple[tuple[str, str | Promise], ...] = (
    ("members.JoinPage", pgettext_lazy("call to action", "Join as a member")),
    ("members.SubscribePage", pgettext_lazy("call to action", "Subscribe to the newsletter")),
)


@dataclass
class CallToAction:
    key: str
    label: str
    url: str


def build_calls_to_action(home: Page, request=None, pages: dict[str, Page] | None = None):
    """The join and subscribe links in the language of ``home`` (those that exist)."""
    if pages is None:
        pages = newest_pages_of_types(home, tuple(label for label, _ in CALLS_TO_ACTION))
    return [
        CallToAction(label.split(".")[1], str(text), pages[label].get_url(request) or "")
        for label, text in CALLS_TO_ACTION
        if label in pages
    ]


@dataclass
class Navigation:
    """What the header, the footer and the 404 page link to, built together (two queries)."""

    menu: list[MenuEntry]
    calls_to_action: list[CallToAction]


def build_navigation(home: Page, request=None) -> Navigation:
    """The menu and the calls to action for the language of ``home``, from one query."""
    candidates = _candidates(home, _content_types())
    pages = newest_pages_of_types(home, candidates=candidates)
    in_menu = [p for p in candidates if p.depth == home.depth + 1 and p.show_in_menus]
    in_menu.sort(key=lambda p: p.path)
    return Navigation(
        build_main_menu(home, request, pages, in_menu),
        build_calls_to_action(home, request, pages),
    )


def build_main_menu(
    home: Page,
    request=None,
    pages: dict[str, Page] | None = None,
    in_menu: list[Page] | None = None,
) -> list[MenuEntry]:
    """The menu for the language of ``home`` (the front page of that language): the groups of
    ``MAIN_MENU``, then the front-page children marked "show in menus" that no group holds."""
    if pages is None or in_menu is None:
        types = _content_types()
        candidates = _candidates(home, types)
        pages = newest_pages_of_types(home, candidates=candidates)
        in_menu = sorted(
            (p for p in candidates if p.depth == home.depth + 1 and p.show_in_menus),
            key=lambda p: p.path,
        )

    entries: list[MenuEntry] = []
    claimed: set[int] = set()
    for group in MAIN_MENU:
        links = []
        for label in group.page_types:
            target = pages.get(label)
            if target is None:
                continue
            claimed.add(target.pk)
            links.append(MenuLink(target.title, target.get_url(request) or "", target.path))
        if len(links) == 1:
            only = links[0]
            entries.append(MenuEntry(group.key, only.title, only.url, only.path))
        elif links:
            entries.append(MenuEntry(group.key, str(group.label), children=links))

    for other in (page for page in in_menu if page.pk not in claimed):
        entries.append(
            MenuEntry(f"page-{other.pk}", other.title, other.get_url(request) or "", other.path)
        )
    return entries
