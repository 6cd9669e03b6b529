"""News, blog posts and newsletter issues (``publications.yaml``).

Articles carry a lead illustration (``image``) and a body of headings and paragraphs written as
``{fi, sv, en}``; the file's ``strings`` translate everything else.
"""

from __future__ import annotations

from cms.models import Theme
from demo import data
from demo.loaders.home import body_blocks
from demo.loaders.media import ensure_image, image_spec
from demo.toolkit import DemoContext, ensure_page, translate_all
from home.news import BlogIndexPage, BlogPage, BlogTopic, NewsIndexPage, NewsPage, NewsTopic
from home.newsletter import NewsletterIndexPage, NewsletterIssuePage, NewsletterItem

INDEX_TYPES = {
    "NewsIndexPage": NewsIndexPage,
    "BlogIndexPage": BlogIndexPage,
    "NewsletterIndexPage": NewsletterIndexPage,
}


def _articles(
    ctx: DemoContext, index, model, topic_model, specs, common: dict, author: str
) -> None:
    for spec in specs:
        texts = data.Texts(common)
        existing = index.get_children().filter(slug=spec["slug"]).first()
        if existing is not None:
            page = existing.specific
            # collect the body's translations again for the translation below
            body_blocks(spec.get("body", []), {}, texts)
            if spec.get("image"):
                texts.fi(image_spec(spec["image"])["alt"])
        else:
            intro = texts.fi(spec["intro"])
            body = body_blocks(spec.get("body", [{"paragraph": intro}]), {}, texts)
            page = model(
                title=texts.fi(spec["title"]),
                slug=spec["slug"],
                author=spec.get("author", author),
                date=spec["date"],
                intro=intro,
                body=body,
                locale=index.locale,
            )
            if spec.get("image"):
                page.lead_image = ensure_image(spec["image"])
                page.lead_image_alt = texts.fi(image_spec(spec["image"])["alt"])
            page.topics = [
                topic_model(theme=theme)
                for theme in Theme.objects.filter(slug__in=spec["themes"], locale=index.locale)
            ]
            index.add_child(instance=page)
            page.save_revision(user=ctx.user).publish(user=ctx.user)
            ctx.note(spec["slug"])
        translate_all(page, texts.strings, user=ctx.user)


def _find(home, path: str):
    """The Finnish page at ``path`` (slugs under the home page), or None."""
    page = home
    for slug in path.split("/"):
        page = page.get_children().filter(slug=slug).first()
        if page is None:
            return None
    return page


def load(ctx: DemoContext) -> None:
    source = data.load("publications")
    common = data.Texts(source["strings"]).strings
    home = ctx.home
    guidance = source["blog_guidance"]
    indexes = {}
    for spec in source["indexes"]:
        model = INDEX_TYPES[spec["type"]]
        extra = {}
        if model is BlogIndexPage:
            extra = {
                "guidance_heading": guidance["heading"],
                "guidance": f"<p>{guidance['text']}</p>",
            }
        page, created = ensure_page(
            home,
            model,
            spec["slug"],
            title=spec["title"],
            intro=spec["intro"],
            show_in_menus=spec["show_in_menus"],
            **extra,
        )
        if created:
            ctx.note(spec["slug"])
        translate_all(page, common, user=ctx.user)
        indexes[spec["slug"]] = page

    author = source["default_author"]
    _articles(ctx, indexes["uutiset"], NewsPage, NewsTopic, source["news"], common, author)
    _articles(ctx, indexes["blogi"], BlogPage, BlogTopic, source["blog"], common, author)

    archive = indexes["uutiskirje"]
    for spec in source["newsletter_issues"]:
        issue = archive.get_children().filter(slug=spec["slug"]).first()
        if issue is None:
            issue = NewsletterIssuePage(
                title=spec["title"],
                slug=spec["slug"],
                issue_date=spec["issue_date"],
                intro=spec["intro"],
                locale=archive.locale,
            )
            rows = []
            for item in spec["items"]:
                target = item["link"]
                external = "://" in target
                rows.append(
                    NewsletterItem(
                        column=item["column"],
                        headline=item["headline"],
                        teaser=item["teaser"],
                        link_page=_find(home, target) if target and not external else None,
                        link_url=target if external else "",
                    )
                )
            issue.items = rows
            archive.add_child(instance=issue)
            issue.save_revision(user=ctx.user).publish(user=ctx.user)
            ctx.note(spec["slug"])
        translate_all(issue.specific, common, user=ctx.user)
